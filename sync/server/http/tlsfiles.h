#pragma once

#include "core/common/result.h"

#include <QSslConfiguration>
#include <QString>

namespace outward::server {

// The server side of TLS from two PEM files: the certificate (the server's first, then any
// intermediates) and its unencrypted private key (RSA, EC or DSA). Errors name the file and say
// what is wrong with it. TLS 1.2 or later; clients are not asked for certificates.
[[nodiscard]] Result<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile,
                                                             const QString &keyFile);

} // namespace outward::server
