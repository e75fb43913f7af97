// Bearer tokens against a real outward-server: an expired token is refused, and a device whose
// token expired signs in again and carries on. The server runs with 2-second tokens; the device
// is a profile made by outward-cli, synced by the real engine in this process over real HTTP,
// through a transport that remembers the tokens it sent.
#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/qtnetworktransport.h"
#include "sync/client/scheduler.h"
#include "sync/client/syncengine.h"
#include "tests/e2e/e2esupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace outward;
using outward::e2e::CliClient;
using outward::e2e::Run;
using outward::e2e::ServerProcess;

namespace {

const QString kPassphrase = u"correct horse battery"_s;
constexpr int kTokenLifetimeSeconds = 2;

// The real transport, remembering every bearer token it carried.
class TokenRecordingTransport final : public sync::Transport
{
public:
    void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
              Callback callback) override
    {
        for (const auto &header : request.headers) {
            if (header.first.compare("authorization", Qt::CaseInsensitive) == 0 &&
                header.second.startsWith("Bearer ")) {
                const QByteArray token = header.second.mid(7);
                if (!tokens.contains(token))
                    tokens.append(token);
            }
        }
        m_network.send(baseUrl, request, context, std::move(callback));
    }

    QList<QByteArray> tokens;

private:
    sync::QtNetworkTransport m_network;
};

struct Reply
{
    int status = 0;
    QString code;
};

Reply getWithToken(const QString &url, const QByteArray &token)
{
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        return {};
    const Reply result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                       QJsonDocument::fromJson(reply->readAll())
                           .object()
                           .value(u"error"_s)
                           .toObject()
                           .value(u"code"_s)
                           .toString()};
    reply->deleteLater();
    return result;
}

} // namespace

class TestTokenE2e : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;

    // Runs one sync of the engine to its end: start() the first time, syncNow() after.
    static std::optional<sync::SyncReport> syncOnce(sync::SyncEngine &engine)
    {
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        if (engine.state() == sync::SyncEngine::State::Stopped)
            engine.start();
        else
            engine.syncNow();
        if (!finished.wait(30000))
            return std::nullopt;
        return finished.takeFirst().at(0).value<sync::SyncReport>();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->initialise(u"Night shift"_s));
        m_server->setServeOptions({u"--token-lifetime"_s, QString::number(kTokenLifetimeSeconds)});
        QVERIFY(m_server->start());
    }

    void anExpiredTokenIsRefusedAndTheDeviceSignsInAgain()
    {
        const CliClient cli(m_dir.filePath(u"ann"_s), kPassphrase);
        QCOMPARE(cli.run({u"init"_s, u"--kdf"_s, u"interactive"_s}).exitCode, 0);
        const Run enrolled = cli.run(
            {u"enroll"_s, m_server->url(), m_server->invite(u"staff"_s), u"--name"_s, u"Ann"_s});
        QVERIFY2(enrolled.exitCode == 0, qPrintable(enrolled.err));
        QCOMPARE(cli.run({u"add"_s, u"interaction"_s},
                         R"({"channel":"phone","endEmotion":"appreciation","note":"first"})")
                     .exitCode,
                 0);

        auto profile = Profile::open(cli.profileFolder(), SystemClock::instance());
        QVERIFY2(profile.ok(), qPrintable(profile.ok() ? QString() : profile.error().toString()));
        QVERIFY((*profile)->unlock(SecureBytes::fromPassphrase(kPassphrase)).ok());
        sync::ProfileSyncStore store(**profile);
        TokenRecordingTransport transport;
        sync::QtScheduler scheduler;
        sync::SyncEngine engine(store, transport, scheduler, SystemClock::instance());

        auto first = syncOnce(engine);
        QVERIFY(first.has_value());
        QVERIFY2(first->ok, qPrintable(first->error));
        QCOMPARE(first->pushed, 1);
        QVERIFY(!transport.tokens.isEmpty());
        const QByteArray token = transport.tokens.constLast();

        // While it lives the token works; once its lifetime has passed the server refuses it.
        QCOMPARE(getWithToken(m_server->url() + u"/v1/me"_s, token).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(getWithToken(m_server->url() + u"/v1/me"_s, token).code,
                                  u"token_expired"_s, (kTokenLifetimeSeconds + 5) * 1000);
        QCOMPARE(getWithToken(m_server->url() + u"/v1/me"_s, token).status, 401);

        // The device signs in again on its own and its next record goes out.
        QCOMPARE(cli.run({u"add"_s, u"interaction"_s},
                         R"({"channel":"chat","endEmotion":"appreciation","note":"second"})")
                     .exitCode,
                 0);
        auto second = syncOnce(engine);
        QVERIFY(second.has_value());
        QVERIFY2(second->ok, qPrintable(second->error));
        QCOMPARE(second->pushed, 1);
        QVERIFY(transport.tokens.constLast() != token);
        engine.stop();
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }
};

QTEST_GUILESS_MAIN(TestTokenE2e)
#include "tst_token_e2e.moc"
