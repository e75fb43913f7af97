#include "sync/client/qtnetworktransport.h"

#include "sync/client/logging.h"
#include "sync/client/serverurl.h"

#include <QMetaObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

// Calls back through the event loop, as the Transport contract promises.
void deliverLater(QObject *context, Transport::Callback callback, TransportReply reply)
{
    QMetaObject::invokeMethod(
        context,
        [callback = std::move(callback), reply = std::move(reply)]() mutable {
            callback(std::move(reply));
        },
        Qt::QueuedConnection);
}

constexpr const char *kTooLarge = "outwardTooLarge";

// The path without its parameters (ids, mailbox ids), which the log does not need.
QString loggablePath(const QString &path)
{
    QStringList kept;
    for (const QString &segment : path.split(u'/')) {
        bool lettersOnly = true;
        for (QChar c : segment)
            lettersOnly = lettersOnly && c.isLetter();
        kept << (lettersOnly ? segment : u"{...}"_s);
    }
    return kept.join(u'/');
}

} // namespace

QtNetworkTransport::QtNetworkTransport(QObject *parent)
    : QObject(parent)
{
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager.setAutoDeleteReplies(false);
}

void QtNetworkTransport::send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
                              Callback callback)
{
    if (!context)
        return;
    if (Status checked = checkServerUrl(baseUrl); !checked) {
        deliverLater(context, std::move(callback),
                     TransportReply::failure(checked.error().message()));
        return;
    }

    QNetworkRequest networkRequest(endpointUrl(baseUrl, request.path, request.query));
    networkRequest.setTransferTimeout(m_timeoutMs);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    if (!request.body.isEmpty() &&
        networkRequest.header(QNetworkRequest::ContentTypeHeader).isNull())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    networkRequest.setRawHeader("accept"_ba, "application/json"_ba);

    QNetworkReply *reply = nullptr;
    if (request.body.isEmpty() && request.method == "GET"_ba)
        reply = m_manager.get(networkRequest);
    else
        reply = m_manager.sendCustomRequest(networkRequest, request.method, request.body);

    const QString what = QString::fromLatin1(request.method) + u' ' + loggablePath(request.path);
    qCDebug(lcSyncClient) << "sending" << what;

    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxResponseBytes && !reply->property(kTooLarge).toBool()) {
            reply->setProperty(kTooLarge, true);
            reply->abort();
        }
    });
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this,
            [reply, guard, what, callback = std::move(callback)]() {
                reply->deleteLater();
                if (!guard)
                    return;
                const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                if (reply->property(kTooLarge).toBool()) {
                    qCWarning(lcSyncClient)
                        << what << "answer larger than" << kMaxResponseBytes << "bytes; dropped";
                    callback(TransportReply::failure(
                        u"the server's answer was larger than the client accepts"_s));
                    return;
                }
                if (!status.isValid()) {
                    const QString error = reply->errorString();
                    qCInfo(lcSyncClient) << what << "failed without a response:" << error;
                    callback(TransportReply::failure(error));
                    return;
                }
                HttpResponse response;
                response.status = status.toInt();
                for (const auto &[name, value] : reply->rawHeaderPairs())
                    response.headers.append({name.toLower(), value});
                response.body = reply->readAll();
                qCDebug(lcSyncClient) << what << "answered" << response.status;
                callback(TransportReply::fromResponse(std::move(response)));
            });
}

} // namespace outward::sync
