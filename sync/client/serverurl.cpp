#include "sync/client/serverurl.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

bool isThisMachine(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return address == QHostAddress(QHostAddress::LocalHost) ||
           address == QHostAddress(QHostAddress::LocalHostIPv6);
}

} // namespace

Status checkServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::InvalidInput, u"the server address is not a valid URL; enter it as "
                                              "https://outward.example.org"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"http"_s) {
        if (!isThisMachine(url.host()))
            return Error(ErrorCode::InvalidInput,
                         u"the server address uses http://, which would send everything "
                         "unencrypted; use its https:// address"_s);
    } else if (scheme != u"https"_s) {
        return Error(ErrorCode::InvalidInput, u"the server address must begin with https://"_s);
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Error(ErrorCode::InvalidInput,
                     u"the server address must not contain a user name, a query (?) or a "
                     "fragment (#); enter just https://host[:port][/path]"_s);
    return {};
}

Result<QUrl> parseServerUrl(const QString &text)
{
    QUrl url = QUrl::fromUserInput(text.trimmed());
    // fromUserInput turns "example.org" into http://; a person who typed no scheme meant https.
    if (!text.trimmed().contains(u"://"_s) && url.scheme() == u"http"_s)
        url.setScheme(u"https"_s);
    if (Status checked = checkServerUrl(url); !checked)
        return checked.error();
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

QUrl endpointUrl(const QUrl &baseUrl, const QString &apiPath, const QUrlQuery &query)
{
    QUrl url = baseUrl;
    QString path = baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + apiPath);
    url.setQuery(query);
    return url;
}

} // namespace outward::sync
