#pragma once

#include <QLoggingCategory>

namespace outward::protocol {

// outward.sync.protocol: never a key, token, typed code or payload byte in a line.
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)

} // namespace outward::protocol
