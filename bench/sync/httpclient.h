#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

namespace outward::bench {

struct HttpResult
{
    int status = 0; // 0: no HTTP answer (see networkError)
    QByteArray body;
    QString networkError; // empty when the server answered
    qint64 elapsedNs = 0; // from sending the request to the end of the answer

    bool ok() const { return networkError.isEmpty() && status >= 200 && status < 300; }
    // "HTTP 409: {...}" or the network error, for messages.
    QString describe() const;
};

// Blocking HTTP/1.1 calls over one QNetworkAccessManager (one keep-alive connection at a time),
// for a benchmark thread that does one request after another. Lives in the thread that uses it;
// each call spins a local event loop until the answer is complete.
class HttpClient
{
public:
    explicit HttpClient(QUrl baseUrl);

    void setToken(const QString &token)
    {
        m_authorization = QByteArrayLiteral("Bearer ") + token.toLatin1();
    }
    // X-Forwarded-For, read only when the server trusts 127.0.0.1 as a proxy (serve
    // --trusted-proxy): lets setup requests stand for different clients' addresses, so the
    // per-address limits of protocol.md 3.2 (10 enrolments per 15 minutes) do not stop it.
    void setForwardedFor(const QByteArray &address) { m_forwardedFor = address; }
    QByteArray authorization() const { return m_authorization; }
    QUrl url(const QString &pathAndQuery) const;

    HttpResult get(const QString &pathAndQuery);
    HttpResult post(const QString &path, const QByteArray &json);

private:
    HttpResult send(const QString &pathAndQuery, const QByteArray *json);

    QUrl m_base;
    QNetworkAccessManager m_manager;
    QByteArray m_authorization;
    QByteArray m_forwardedFor;
};

} // namespace outward::bench
