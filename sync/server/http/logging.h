#pragma once

#include <QLoggingCategory>

namespace outward::server {

// outward.server.http: connections, the request gate, TLS. Never a body, token or header value.
Q_DECLARE_LOGGING_CATEGORY(lcServerHttp)

} // namespace outward::server
