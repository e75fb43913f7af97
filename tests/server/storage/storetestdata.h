#pragma once

// Fixtures shared by the server storage tests: ids, keys, clocks and enrolled users.

#include "sync/server/storage/sqliteserverstore.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

namespace outward::server::test {

using namespace Qt::StringLiterals;

constexpr qint64 kNow = 1763800000000; // 2025-11-22T08:26:40Z
constexpr qint64 kHour = 3600 * 1000;

// Canonical lower-case UUID text, distinct per (group, n).
inline QString uuid(int group, int n)
{
    return u"%1-0000-4000-8000-%2"_s.arg(group, 8, 16, QChar(u'0')).arg(n, 12, 16, QChar(u'0'));
}

inline QString recordId(int n)
{
    return uuid(0xaaaa, n);
}

// 32 bytes derived from a label, so every key in a test is distinct.
inline QByteArray bytes32(const QString &label)
{
    return QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha256);
}

inline QByteArray bytes64(const QString &label)
{
    return QCryptographicHash::hash(label.toUtf8(), QCryptographicHash::Sha512);
}

// A clock text as in crypto.md 7: 16 hex digits of wall time, 4 of counter, 16 of node.
inline QString clockText(qint64 wallMs, int counter = 0)
{
    return u"%1-%2-6f1c9e0b7d2a4c35"_s.arg(wallMs, 16, 16, QChar(u'0'))
        .arg(counter, 4, 16, QChar(u'0'));
}

// A version whose envelope, signature and key commitment derive from (id, clock, variant).
inline PushVersion version(const QString &id, const QString &clock, QStringList readers = {},
                           bool deleted = false, const QString &kind = u"interaction"_s,
                           const QString &variant = QString(), int envelopeSize = 0)
{
    PushVersion v;
    v.id = id;
    v.kind = kind;
    v.clock = clock;
    v.deleted = deleted;
    QByteArray envelope =
        "OWE\x01|"_ba + id.toUtf8() + "|"_ba + clock.toUtf8() + "|"_ba + variant.toUtf8();
    if (envelopeSize > envelope.size())
        envelope.append(QByteArray(envelopeSize - envelope.size(), 'x'));
    v.envelope = envelope;
    v.envelopeHash = bytes32(QString::fromLatin1(envelope.toHex()));
    v.signature = bytes64(u"sig|"_s + id + clock + variant);
    v.keyCommit = bytes32(u"commit|"_s + id + clock + variant);
    v.readerUserIds = std::move(readers);
    v.metrics = deleted ? "{}"_ba : "{\"day\":\"2025-11-22\"}"_ba;
    v.day = deleted ? QString() : u"2025-11-22"_s;
    return v;
}

inline std::unique_ptr<SqliteServerStore> openStore(const QString &path,
                                                    SqliteServerStore::Options options = {})
{
    auto opened = SqliteServerStore::open(path, options);
    if (!opened) {
        qWarning().noquote() << opened.error().toString();
        return nullptr;
    }
    return std::move(opened).value();
}

inline User newUser(const QString &id, const QString &displayName)
{
    User user;
    user.id = id;
    user.displayName = displayName;
    user.boxPublicKey = bytes32(u"box|"_s + id);
    user.signPublicKey = bytes32(u"sign|"_s + id);
    user.wrappedSecretKeys = QByteArray(136, 'w');
    user.recoveryWrappedMasterKey = QByteArray(72, 'r');
    return user;
}

inline Device newDevice(const QString &name, const QString &keyLabel)
{
    Device device;
    device.name = name;
    device.publicKey = bytes32(u"device|"_s + keyLabel);
    return device;
}

inline Invite invite(const QString &code, const QString &teamId, Role role,
                     qint64 expiresAt = kNow + 72 * kHour)
{
    Invite i;
    i.codeHash = bytes32(u"code|"_s + code);
    i.teamId = teamId;
    i.role = role;
    i.createdAt = kNow;
    i.expiresAt = expiresAt;
    return i;
}

// Creates an invite and enrols a user with one device through it; returns the stored result.
inline EnrollResult enrollUser(ServerStore &store, const QString &teamId, const QString &userId,
                               Role role)
{
    const Invite code = invite(u"enrol|"_s + userId, teamId, role);
    if (auto created = store.createInvite(code); !created) {
        qWarning().noquote() << created.error().toString();
        return {};
    }
    auto enrolled = store.enroll(code.codeHash, newUser(userId, u"User "_s + userId),
                                 newDevice(u"Laptop"_s, userId), kNow);
    if (!enrolled) {
        qWarning().noquote() << enrolled.error().toString();
        return {};
    }
    return *enrolled;
}

} // namespace outward::server::test
