#pragma once

#include "core/model/clock.h"
#include "sync/protocol/apierror.h"
#include "sync/protocol/messages.h"
#include "tests/sync/client/support/faketransport.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace outward::sync::test {

// An in-memory Outward server for the engine's unit tests: the endpoints the device uses
// (health, enrol, challenge, token, me, directory, push, pull), idempotent push exactly as
// protocol.md 11.3, a seq counter with a high-water mark, pull by cursor with paging (12), and
// visibility by author and readers (13.2). Envelopes are FakeEnvelopes; signatures of records are
// fakeSignature(); device signatures are real Ed25519 over the protocol's auth message.
class FakeServer
{
public:
    struct User
    {
        QString userId;
        QString displayName;
        protocol::Role role = protocol::Role::Staff;
        QByteArray boxPublicKey;
        QByteArray signPublicKey;
        bool revoked = false;
    };
    struct Device
    {
        QString deviceId;
        QString userId;
        QByteArray publicKey;
        QString name;
        bool revoked = false;
    };
    struct Version
    {
        QString id;
        QString author;
        QString clock;
        bool deleted = false;
        QStringList readers;
        QByteArray envelope;
        QByteArray signature;
        QByteArray keyCommit;
        qint64 seq = 0;
    };
    struct Invite
    {
        protocol::Role role = protocol::Role::Staff;
        bool used = false;
        bool expired = false;
    };

    explicit FakeServer(const Clock &clock);

    // Routes a request; what FakeTransport calls.
    HttpResponse handle(const HttpRequest &request);
    FakeTransport::Handler handler()
    {
        return [this](const QUrl &, const HttpRequest &request) {
            return handle(request);
        };
    }

    QString serverId = QStringLiteral("9b2e4c1a-0d3f-4e5a-8b6c-7d8e9f0a1b2c");
    protocol::Team team{QStringLiteral("5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"),
                        QStringLiteral("Pension desk")};
    qint64 directoryVersion = 1;
    qint64 tokenLifetimeMs = 3600 * 1000;
    // Read real envelopes (crypto.md 6) and check real record signatures (protocol.md 5.3)
    // with the users' registered sign keys, instead of FakeEnvelopes: for tests with profiles.
    bool realEnvelopes = false;

    void addUser(const User &user);
    // A device with this public key for userId; returns its id.
    QString addDevice(const QString &userId, const QByteArray &publicKey,
                      const QString &deviceId = {});
    void addInvite(const QString &canonicalCode, const Invite &invite)
    {
        m_invites[canonicalCode] = invite;
    }
    const QHash<QString, User> &users() const { return m_users; }
    const QHash<QString, Device> &devices() const { return m_devices; }

    // Stores a version as if another device of `author` had pushed it (accepted, new seq).
    qint64 storeVersion(const QByteArray &envelope);
    // Pushes a version through the server's push rules as another device of userId would.
    protocol::PushResult pushAs(const QString &userId, const QByteArray &envelope);
    const QHash<QString, Version> &records() const { return m_records; }
    // For tests that tamper with what the server hands out.
    QHash<QString, Version> &mutableRecords() { return m_records; }
    qint64 highWater() const { return m_seq; }
    // Advances the seq counter without a visible item (versions of records the caller may not
    // read, or numbers of failed transactions).
    void skipSeq(qint64 n) { m_seq += n; }

    // The next `times` requests to method+path answer with this error.
    void failNext(const QByteArray &method, const QString &path, const protocol::ApiError &error,
                  int times = 1);
    // Every token issued so far answers 401 token_expired from now on.
    void expireTokens();
    // Every token issued so far is forgotten (401 unauthenticated).
    void forgetTokens() { m_tokens.clear(); }

    int pushRequests() const { return m_pushRequests; }
    int tokensIssued() const { return m_tokensIssued; }

private:
    struct Token
    {
        QString deviceId;
        QString userId;
        qint64 expiresAtMs = 0;
        bool expired = false;
    };
    struct Fault
    {
        QByteArray method;
        QString path;
        protocol::ApiError error;
        int times = 0;
    };
    struct Removal
    {
        QString userId;
        QString id;
        qint64 seq = 0;
    };

    protocol::ApiResult<Token> authorize(const HttpRequest &request);
    protocol::Directory directory() const;
    HttpResponse health();
    HttpResponse enroll(const HttpRequest &request);
    HttpResponse challenge(const HttpRequest &request);
    HttpResponse token(const HttpRequest &request);
    HttpResponse me(const Token &token);
    HttpResponse push(const Token &token, const HttpRequest &request);
    HttpResponse pull(const Token &token, const HttpRequest &request);
    struct Parsed
    {
        QString id;
        QString clock;
        QString author;
        bool deleted = false;
        QStringList readers;
    };
    std::optional<Parsed> parse(const QByteArray &envelope) const;
    bool signatureVerifies(const protocol::PushItem &item, const QString &author) const;
    protocol::PushResult pushOne(const Token &token, const protocol::PushItem &item);
    bool visible(const Version &version, const QString &userId) const;

    const Clock &m_clock;
    QHash<QString, User> m_users;
    QHash<QString, Device> m_devices;
    QHash<QString, Invite> m_invites;
    QHash<QByteArray, QPair<QString, qint64>> m_challenges; // challenge -> device id, expiry
    QHash<QString, Token> m_tokens;
    QHash<QString, Version> m_records;
    QList<Removal> m_removals;
    QList<Fault> m_faults;
    qint64 m_seq = 0;
    int m_pushRequests = 0;
    int m_tokensIssued = 0;
};

} // namespace outward::sync::test
