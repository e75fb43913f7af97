#pragma once

#include "core/common/result.h"

#include <QUrl>
#include <QUrlQuery>

namespace outward::sync {

// The server URL a person typed, checked and normalised: https, or http only for this machine
// (localhost, 127.0.0.1, ::1; protocol.md section 1); no user info, query or fragment; no
// trailing slash. A path prefix is kept (a server behind a reverse proxy at /outward).
[[nodiscard]] Result<QUrl> parseServerUrl(const QString &text);
[[nodiscard]] Status checkServerUrl(const QUrl &url);

// baseUrl's path + apiPath ("/v1/records"), with the query.
QUrl endpointUrl(const QUrl &baseUrl, const QString &apiPath, const QUrlQuery &query = {});

} // namespace outward::sync
