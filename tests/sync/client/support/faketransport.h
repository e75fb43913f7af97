#pragma once

#include "sync/client/transport.h"

#include <QList>
#include <QObject>

#include <functional>

namespace outward::sync::test {

// A Transport without sockets: every request goes to a handler in the same process (a fake
// server, or a real server API routed in-process), with failures injected on request.
// Replies arrive from the event loop like real ones (after delayMs, 0 by default).
class FakeTransport final : public QObject, public Transport
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const QUrl &baseUrl, const HttpRequest &request)>;

    enum class Failure
    {
        NetworkError, // the request never reaches the handler (DNS, refused, offline)
        LostResponse, // the handler runs (the server did the work) but the answer is lost
    };

    explicit FakeTransport(Handler handler = {}, QObject *parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // A real delay before each reply: for tests about requests in flight. No timing assertions.
    void setDelayMs(int ms) { m_delayMs = ms; }

    // The next `times` requests matching method and path (empty matches any) after skipping
    // `skip` matching ones fail this way.
    void failWhen(const QByteArray &method, const QString &path, Failure failure, int times = 1,
                  int skip = 0);
    void clearFailures() { m_rules.clear(); }
    // Every request fails with a network error until set back (a device without network).
    void setOffline(bool offline) { m_offline = offline; }

    // Every request sent, in order, as sent (headers included).
    const QList<HttpRequest> &requests() const { return m_requests; }
    int count(const QByteArray &method, const QString &path) const;
    int handled() const { return m_handled; }
    void clearLog() { m_requests.clear(); }

    void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
              Callback callback) override;

private:
    struct Rule
    {
        QByteArray method;
        QString path;
        Failure failure;
        int times;
        int skip;
    };

    Handler m_handler;
    QList<Rule> m_rules;
    QList<HttpRequest> m_requests;
    int m_delayMs = 0;
    int m_handled = 0;
    bool m_offline = false;
};

} // namespace outward::sync::test
