#include "sync/client/qtnetworktransport.h"
#include "sync/client/serverurl.h"

#include <QSignalSpy>
#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace Qt::StringLiterals;

class TestServerUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsHttpsAndLocalHttp_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("https") << u"https://outward.example.org"_s
                               << u"https://outward.example.org"_s;
        QTest::newRow("trailing slash")
            << u"https://outward.example.org/"_s << u"https://outward.example.org"_s;
        QTest::newRow("path prefix")
            << u"https://example.org/outward/"_s << u"https://example.org/outward"_s;
        QTest::newRow("no scheme means https")
            << u"outward.example.org"_s << u"https://outward.example.org"_s;
        QTest::newRow("localhost") << u"http://localhost:8080"_s << u"http://localhost:8080"_s;
        QTest::newRow("127.0.0.1") << u"http://127.0.0.1:8080"_s << u"http://127.0.0.1:8080"_s;
        QTest::newRow("::1") << u"http://[::1]:8080"_s << u"http://[::1]:8080"_s;
    }
    void acceptsHttpsAndLocalHttp()
    {
        QFETCH(QString, typed);
        QFETCH(QString, normalised);
        Result<QUrl> url = parseServerUrl(typed);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message()));
        QCOMPARE(url->toString(), normalised);
    }

    void refusesPlainHttpElsewhere_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("http remote") << u"http://outward.example.org"_s;
        QTest::newRow("http lan") << u"http://192.168.1.10"_s;
        QTest::newRow("ftp") << u"ftp://outward.example.org"_s;
        QTest::newRow("user info") << u"https://me:pw@outward.example.org"_s;
        QTest::newRow("query") << u"https://outward.example.org/?x=1"_s;
        QTest::newRow("empty") << QString();
    }
    void refusesPlainHttpElsewhere()
    {
        QFETCH(QString, typed);
        Result<QUrl> url = parseServerUrl(typed);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code(), ErrorCode::InvalidInput);
    }

    void httpMessageNamesTheRisk()
    {
        Result<QUrl> url = parseServerUrl(u"http://outward.example.org"_s);
        QVERIFY(!url.ok());
        QVERIFY(url.error().message().contains(u"https://"_s));
    }

    void endpointKeepsThePrefix()
    {
        QUrlQuery query;
        query.addQueryItem(u"after"_s, u"5"_s);
        const QUrl url =
            endpointUrl(QUrl(u"https://example.org/outward"_s), u"/v1/records"_s, query);
        QCOMPARE(url.toString(), u"https://example.org/outward/v1/records?after=5"_s);
    }

    void transportRefusesHttpWithoutConnecting()
    {
        // No socket is opened: the URL is refused before any request is made.
        QtNetworkTransport transport;
        QObject context;
        std::optional<TransportReply> reply;
        HttpRequest request;
        request.method = "GET"_ba;
        request.path = u"/v1/health"_s;
        transport.send(QUrl(u"http://outward.example.org"_s), request, &context,
                       [&reply](TransportReply r) { reply = std::move(r); });
        QVERIFY(!reply); // never from inside send()
        QTRY_VERIFY(reply.has_value());
        QVERIFY(!reply->response);
        QVERIFY(reply->networkError.contains(u"http://"_s));
    }
};

QTEST_GUILESS_MAIN(TestServerUrl)
#include "tst_serverurl.moc"
