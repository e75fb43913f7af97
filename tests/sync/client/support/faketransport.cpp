#include "tests/sync/client/support/faketransport.h"

#include <QPointer>
#include <QTimer>

namespace outward::sync::test {

FakeTransport::FakeTransport(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{}

void FakeTransport::failWhen(const QByteArray &method, const QString &path, Failure failure,
                             int times, int skip)
{
    m_rules.append({method, path, failure, times, skip});
}

int FakeTransport::count(const QByteArray &method, const QString &path) const
{
    int n = 0;
    for (const HttpRequest &request : m_requests) {
        if ((method.isEmpty() || request.method == method) &&
            (path.isEmpty() || request.path == path))
            ++n;
    }
    return n;
}

void FakeTransport::send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
                         Callback callback)
{
    m_requests.append(request);

    std::optional<Failure> failure;
    if (m_offline)
        failure = Failure::NetworkError;
    for (Rule &rule : m_rules) {
        if (failure)
            break;
        if (rule.times <= 0 || (!rule.method.isEmpty() && rule.method != request.method) ||
            (!rule.path.isEmpty() && rule.path != request.path))
            continue;
        if (rule.skip > 0) {
            --rule.skip;
            continue;
        }
        --rule.times;
        failure = rule.failure;
    }

    TransportReply reply;
    if (failure == Failure::NetworkError) {
        reply = TransportReply::failure(QStringLiteral("fake network error"));
    } else {
        HttpResponse response;
        if (m_handler) {
            response = m_handler(baseUrl, request);
            ++m_handled;
        } else {
            response.status = 599;
        }
        reply = failure == Failure::LostResponse
                    ? TransportReply::failure(QStringLiteral("fake lost response"))
                    : TransportReply::fromResponse(std::move(response));
    }

    QPointer<QObject> guard(context);
    QTimer::singleShot(m_delayMs, this,
                       [guard, callback = std::move(callback), reply = std::move(reply)]() {
                           if (guard)
                               callback(reply);
                       });
}

} // namespace outward::sync::test
