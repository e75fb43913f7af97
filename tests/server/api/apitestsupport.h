#pragma once

#include "tests/support/logcapture.h"

// A ServerApi on a real SqliteServerStore in a temporary folder, driven by a manual clock, and
// clients built the way a device builds them: a keyring from core's crypto, a device key of its
// own, real signatures and real envelopes. No sockets.

#include "core/crypto/devicekey.h"
#include "core/crypto/keyring.h"
#include "core/model/recordheader.h"
#include "sync/protocol/httpmessage.h"
#include "sync/protocol/messages.h"
#include "sync/server/api/serverapi.h"
#include "sync/server/storage/sqliteserverstore.h"
#include "tests/support/manualclock.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>
#include <vector>

namespace outward::server::test {

using outward::test::LogCapture;

inline constexpr qint64 kSecond = 1000;
inline constexpr qint64 kMinute = 60 * kSecond;
inline constexpr qint64 kHour = 60 * kMinute;

// One person with one device, holding what a real client holds.
struct Client
{
    QString userId;
    QString displayName;
    Role role = Role::Staff;
    QString node; // the HLC node of this device, for record clocks
    WrappedKeyring wrapped;
    UnlockedKeys keys;
    DeviceKeyPair device;
    QString deviceId; // set by a successful enrolment or registration
    QString token;    // set by a successful authenticate()
    QString peer;     // the address this client's requests come from
};

// An envelope sealed by a client, with its key commitment and record signature.
struct SealedRecord
{
    RecordHeader header;
    QByteArray envelope;
    QByteArray keyCommit;
    QByteArray signature;

    protocol::PushItem item() const { return {envelope, signature, keyCommit}; }
};

class ApiFixture
{
public:
    static constexpr qint64 kInviteLifetimeMs = 72 * kHour;

    explicit ApiFixture(const SqliteServerStore::Options &storeOptions = {});
    ~ApiFixture();
    ApiFixture(const ApiFixture &) = delete;
    ApiFixture &operator=(const ApiFixture &) = delete;

    // False (with a warning saying why) when the store or its settings could not be made.
    bool isReady() const { return m_ready; }

    outward::test::ManualClock clock;
    SqliteServerStore &store() { return *m_store; }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("server.db")); }
    ServerApi &api() { return *m_api; }
    // A new ServerApi on the same store and clock (trusted proxies, fresh rate limits).
    void restartApi(ServerApiOptions options = {});
    const QString &serverId() const { return m_serverId; }
    const Team &team() const { return m_team; }
    LogCapture &logs() { return m_logs; }

    // ---- raw requests; every response body is kept for bodies()

    HttpResponse send(const HttpRequest &request);
    HttpResponse get(const QString &path, const QString &token = {}, const QUrlQuery &query = {});
    HttpResponse post(const QString &path, const QJsonObject &body, const QString &token = {},
                      const QString &peer = {});
    HttpResponse postRaw(const QString &path, const QByteArray &body, const QByteArray &contentType,
                         const QString &token = {}, const QString &peer = {});
    HttpResponse del(const QString &path, const QString &token);
    const QList<QByteArray> &bodies() const { return m_bodies; }
    static QString defaultPeer() { return QStringLiteral("192.0.2.1"); }

    // ---- what the admin does, straight on the store

    // An invite code as `outward-server invite` shows it (groups of five); empty on failure.
    QString createInvite(Role role, qint64 lifetimeMs = kInviteLifetimeMs,
                         const QString &teamId = {});
    QString createRecoveryTicket(const QString &userId, qint64 lifetimeMs = 24 * kHour);
    Team addTeam(const QString &name);

    // ---- clients

    // Keys made, nothing sent. The client lives as long as the fixture.
    Client &newClient(Role role = Role::Staff, const QString &displayName = {});
    // A client with a new device key but the same user and keys (a second device of the user).
    Client &secondDevice(const Client &of);
    // The enrolment request with a valid signature.
    protocol::EnrollRequest enrolmentRequest(const Client &client, const QString &inviteCode) const;
    HttpResponse enroll(Client &client, const QString &inviteCode);
    HttpResponse enroll(Client &client, const protocol::EnrollRequest &request);
    // Challenge, then token; sets client.token on success and returns the token response.
    HttpResponse authenticate(Client &client);
    // Invite, enrol and authenticate; nullptr (with a warning) when any step fails.
    Client *enrolled(Role role = Role::Staff, const QString &displayName = {});

    // ---- records

    // A valid header for the kind by the client, in the fixture's team; clockMs 0 means now.
    RecordHeader header(const Client &author, RecordKind kind, qint64 clockMs = 0) const;
    // Sealed with author's keys for the readers, signed with signer's sign key (the author when
    // null). Fails the whole test process if crypto fails: that is no server behaviour.
    SealedRecord seal(const Client &author, const RecordHeader &header, const QByteArray &plaintext,
                      const QList<QByteArray> &readerBoxKeys = {},
                      const Client *signer = nullptr) const;
    HttpResponse push(const Client &client, const QList<SealedRecord> &records);
    HttpResponse pushItems(const Client &client, const QList<protocol::PushItem> &items);
    HttpResponse pull(const Client &client, qint64 after, int limit = 0);

private:
    LogCapture m_logs;
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteServerStore> m_store;
    std::unique_ptr<ServerApi> m_api;
    QString m_serverId;
    Team m_team;
    bool m_ready = false;
    QList<QByteArray> m_bodies;
    std::vector<std::unique_ptr<Client>> m_clients;
};

// ---- reading responses

QJsonObject jsonOf(const HttpResponse &response);
QString errorCode(const HttpResponse &response);
QString errorField(const HttpResponse &response);
// "409 key_in_use (field sign_public_key): message", for failure messages.
QByteArray describe(const HttpResponse &response);
// results[i] of a push response.
QJsonObject pushResult(const HttpResponse &response, int i);

} // namespace outward::server::test

// Checks a response's status and prints the response when it differs. The expression is
// evaluated once (QVERIFY2 in Qt 6.4 evaluates its description even when the check passes).
#define API_COMPARE_STATUS(response, expected)                                                     \
    do {                                                                                           \
        const outward::HttpResponse &apiResponse_ = (response);                                    \
        QVERIFY2(apiResponse_.status == (expected),                                                \
                 outward::server::test::describe(apiResponse_).constData());                       \
    } while (false)
