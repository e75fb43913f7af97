#pragma once

#include "bench/sync/httpclient.h"
#include "core/common/result.h"
#include "core/crypto/devicekey.h"
#include "core/profile/profile.h"
#include "sync/protocol/messages_auth.h"
#include "sync/protocol/messages_records.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace outward::bench {

// One of the user's devices as the server knows it, with a fresh token.
struct BenchDevice
{
    QString deviceId;
    DeviceKeyPair key;
    QString token;
};

// One person for the benchmark: a real profile (core's keyring, RecordService) enrolled with raw
// protocol requests (protocol.md 8, 9, 14), whose records are sealed and signed by core exactly as
// the app seals them and then read back as the items a device pushes (11.1).
class BenchUser
{
public:
    // A new profile in `folder` with Argon2id at its minimum cost: unlocking is not measured here.
    static Result<std::unique_ptr<BenchUser>> create(const QString &folder,
                                                     const QString &displayName);

    // POST /v1/enroll with this profile's keyring and a new device key, then a token (9.1, 9.2).
    // `address` is sent as X-Forwarded-For (see HttpClient::setForwardedFor).
    Status enrol(HttpClient &http, const QString &serverId, const QString &inviteCode,
                 const QByteArray &address);
    // The device of enrol().
    const BenchDevice &device() const { return m_device; }

    // A second device of this user, as "add a device" does it (protocol.md 14.2-14.4): the
    // enrolled device offers a link, a new client claims it, registers a new device key signed
    // with the user's sign key, and authenticates. Its token is in the result.
    Result<BenchDevice> linkNewDevice(HttpClient &http, const QString &serverId,
                                      const QString &deviceName, const QByteArray &address);

    // Pins the team's directory (so records shared with "my lead" get the lead's wrap, 13.1) and
    // saves the sync settings, so new records carry the team id and are queued (storage.md 6).
    Status join(const QString &serverUrl, const QString &serverId,
                const protocol::Directory &directory, const QString &role);

    // A new device of this user as it stands after linking (protocol.md 14, crypto.md 3.8): a
    // profile in `folder` made by Profile::createFromKeys from the account's keyring and master
    // key (its own node id and passphrase wrap, no records), unlocked, with `device` as its sync
    // identity and the team's directory pinned, saved as Enrollment saves an enrolment. Call
    // after join().
    Result<std::unique_ptr<Profile>> freshDevice(const QString &folder, const BenchDevice &device,
                                                 const protocol::Directory &directory);

    // `count` generated interactions (bench/store/payloads.h, seeded), added with
    // RecordService::addMany, read back from the store oldest clock first: envelope, record
    // signature and key commitment as stored, i.e. what the outbox pushes.
    Result<QList<protocol::PushItem>> sealInteractions(int count, quint64 seed);

    QString userId() const { return m_profile->userId(); }
    QByteArray signPublicKey() const { return m_profile->keyring().signPublicKey; }
    Profile &profile() { return *m_profile; }

private:
    BenchUser(std::unique_ptr<Profile> profile, QString displayName);
    Result<QString> authenticate(HttpClient &http, const QString &serverId, const QString &deviceId,
                                 const SecureBytes &deviceSecretKey);

    std::unique_ptr<Profile> m_profile;
    QString m_displayName;
    SyncSettings m_settings; // what join() saved
    BenchDevice m_device;
};

} // namespace outward::bench
