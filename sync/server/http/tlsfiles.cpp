#include "sync/server/http/tlsfiles.h"

#include "sync/server/http/logging.h"

#include <QDateTime>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

// PEM files are small; anything larger is not what the operator meant to pass.
constexpr qint64 kMaxPemBytes = 1024 * 1024;

Result<QByteArray> readPemFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::InvalidInput,
                     u"cannot read the TLS %1 file %2: %3"_s.arg(what, path, file.errorString()));
    }
    if (file.size() > kMaxPemBytes) {
        return Error(ErrorCode::InvalidInput,
                     u"the TLS %1 file %2 is larger than %3 bytes; is it the right file?"_s.arg(
                         what, path, QString::number(kMaxPemBytes)));
    }
    return file.readAll();
}

} // namespace

Result<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile,
                                               const QString &keyFile)
{
    if (!QSslSocket::supportsSsl()) {
        return Error(ErrorCode::Internal,
                     u"TLS is not available: Qt found no TLS library (OpenSSL 3). Install it, or "
                     u"serve plain HTTP behind a TLS reverse proxy"_s);
    }

    const Result<QByteArray> certificatePem = readPemFile(certificateFile, u"certificate"_s);
    if (!certificatePem)
        return certificatePem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        return Error(ErrorCode::InvalidInput,
                     u"the TLS certificate file %1 holds no PEM certificate (a block starting "
                     u"\"-----BEGIN CERTIFICATE-----\")"_s.arg(certificateFile));
    }

    const Result<QByteArray> keyPem = readPemFile(keyFile, u"key"_s);
    if (!keyPem)
        return keyPem.error();
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(*keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        return Error(ErrorCode::InvalidInput,
                     u"the TLS key file %1 holds no unencrypted PEM private key (RSA, EC or DSA); "
                     u"a key protected by a passphrase is not supported"_s.arg(keyFile));
    }
    const QSslKey certificateKey = chain.first().publicKey();
    if (!certificateKey.isNull() && certificateKey.algorithm() != key.algorithm()) {
        return Error(
            ErrorCode::InvalidInput,
            u"the private key in %1 is of another kind (RSA, EC, DSA) than the public key "
            u"of the certificate in %2; pass the key that belongs to the certificate"_s.arg(
                keyFile, certificateFile));
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain.first().expiryDate() < now) {
        qCWarning(lcServerHttp).noquote()
            << "the TLS certificate in" << certificateFile << "expired on"
            << chain.first().expiryDate().toString(Qt::ISODate) << "; clients will refuse it";
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    return configuration;
}

} // namespace outward::server
