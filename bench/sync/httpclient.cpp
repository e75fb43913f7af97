#include "bench/sync/httpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::StringLiterals;

namespace outward::bench {

QString HttpResult::describe() const
{
    if (!networkError.isEmpty())
        return u"network error: "_s + networkError;
    return u"HTTP %1: %2"_s.arg(status).arg(QString::fromUtf8(body.left(300)));
}

HttpClient::HttpClient(QUrl baseUrl)
    : m_base(std::move(baseUrl))
{
    m_manager.setAutoDeleteReplies(false);
}

QUrl HttpClient::url(const QString &pathAndQuery) const
{
    return QUrl(m_base.toString(QUrl::StripTrailingSlash) + pathAndQuery);
}

HttpResult HttpClient::get(const QString &pathAndQuery)
{
    return send(pathAndQuery, nullptr);
}

HttpResult HttpClient::post(const QString &path, const QByteArray &json)
{
    return send(path, &json);
}

HttpResult HttpClient::send(const QString &pathAndQuery, const QByteArray *json)
{
    QNetworkRequest request(url(pathAndQuery));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    if (!m_forwardedFor.isEmpty())
        request.setRawHeader("X-Forwarded-For", m_forwardedFor);
    if (json)
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);

    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = json ? m_manager.post(request, *json) : m_manager.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    HttpResult result;
    result.body = reply->readAll();
    result.elapsedNs = timer.nsecsElapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid())
        result.status = status.toInt();
    else
        result.networkError = reply->errorString();
    delete reply;
    return result;
}

} // namespace outward::bench
