#pragma once

#include "sync/client/transport.h"

#include <QNetworkAccessManager>
#include <QObject>

namespace outward::sync {

// Transport over QNetworkAccessManager: HTTPS with the system's certificate checks, no
// redirects followed (a redirect could lead to http:// or another host), an inactivity
// timeout, and a cap on the response size. Logs method, path and status only: never a body,
// a query value or the Authorization header.
class QtNetworkTransport final : public QObject, public Transport
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 30'000;
    // A pull page carries at most 16 MiB of envelopes as base64 plus their JSON.
    static constexpr qint64 kMaxResponseBytes = 32 * 1024 * 1024;

    explicit QtNetworkTransport(QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    QNetworkAccessManager &manager() { return m_manager; }

    void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
              Callback callback) override;

private:
    QNetworkAccessManager m_manager;
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace outward::sync
