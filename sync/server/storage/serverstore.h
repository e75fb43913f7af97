#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The server's storage contract (docs/protocol.md sections 4, 8-15). Plain structs, no JSON or
// HTTP: the API layer validates and hashes, the store keeps rows and runs the transactions that
// must be atomic.
//
// Conventions for every implementation (SQLite now, PostgreSQL later):
// * Times are qint64 milliseconds since the Unix epoch, UTC, always passed in by the caller
//   (`now`); a store never reads the wall clock. Something with `expiresAt` is valid while
//   now < expiresAt and expired from now >= expiresAt on.
// * Ids (team, user, device, record) are lower-case UUIDs without braces, as text.
// * Hashes (invite codes, recovery tickets, tokens, claim tokens) are the 32 raw bytes of
//   H(text) computed by the API; the store never sees a code or a token.
// * Every call is atomic: it commits completely or changes nothing. A call that says "in one
//   transaction" also reads and writes consistently against concurrent calls from other store
//   objects or processes on the same database (writers are serialised; a write that depends on a
//   read re-checks it inside its transaction).
// * Failures of the database itself (busy beyond the timeout, disk full, read-only, damaged)
//   are returned as an Error with ErrorCode::Storage or ErrorCode::Corrupt; the API answers
//   503 `unavailable` (or 500 for Corrupt). Expected outcomes of the protocol (invite used, key
//   in use, ...) are never Errors: they are typed outcomes in the result.
// * "find" calls return std::nullopt when nothing matches.
// * A store object is not thread-safe: use it from one thread (the one that opened it). Open one
//   store object per thread on the same database for parallel handlers.

namespace outward::server {

enum class Role
{
    Staff,
    Lead,
    Admin,
};

// "staff", "lead", "admin" (the protocol's and the database's spelling).
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

// Set once by `outward-server init`.
struct ServerSettings
{
    QString serverId; // random UUID, part of every signed message
    int k = 5;        // k-anonymity threshold for aggregates (protocol.md 16.3), >= 3
};

struct Team
{
    QString id;
    QString name;
    // protocol.md 10; a new team starts at 1. Every change to the team's users (a member
    // enrolled or revoked) bumps it in the same transaction, so a members list read at a version
    // is valid for as long as the team reads that version.
    qint64 directoryVersion = 1;
    qint64 createdAt = 0;
};

// An invite code (enrolment) or a recovery ticket (protocol.md 8, 15): the same table.
struct Invite
{
    QByteArray codeHash; // 32 bytes, H(canonical code text)
    QString teamId;
    Role role = Role::Staff;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    QString recoverUserId; // empty: an enrolment invite; set: a recovery ticket for that user
    std::optional<qint64> usedAt;

    bool isRecoveryTicket() const { return !recoverUserId.isEmpty(); }
};

struct User
{
    QString id; // the keyring's user_id, chosen by the device
    QString teamId;
    Role role = Role::Staff;
    QString displayName;
    QByteArray boxPublicKey;             // 32 bytes, X25519
    QByteArray signPublicKey;            // 32 bytes, Ed25519
    QByteArray wrappedSecretKeys;        // 136 bytes, opaque
    QByteArray recoveryWrappedMasterKey; // 72 bytes, opaque
    qint64 enrolledAt = 0;
    std::optional<qint64> revokedAt;

    bool isRevoked() const { return revokedAt.has_value(); }
};

struct Device
{
    QString id; // assigned by the server; a store assigns a new UUID when it is empty
    QString userId;
    QByteArray publicKey; // 32 bytes, Ed25519 device key
    QString name;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    std::optional<qint64> revokedAt;

    bool isRevoked() const { return revokedAt.has_value(); }
};

// ---- enrolment, recovery, linking -------------------------------------------------------------

enum class EnrollOutcome
{
    Ok,
    InviteInvalid, // no invite with this hash, or it is a recovery ticket (404 invite_invalid)
    InviteExpired, // 410 invite_expired
    InviteUsed,    // 410 invite_used
    UserExists,    // 409 user_exists
    KeyInUse,      // 409 key_in_use: box or sign key of another user, or a known device key
};

struct EnrollResult
{
    EnrollOutcome outcome = EnrollOutcome::InviteInvalid;
    // Only with Ok: the rows as stored (user with the invite's team and role, device with its
    // id) and the team after its directory version was bumped.
    User user;
    Device device;
    Team team;
};

// A claim token (protocol.md 14.3, 15): lets one new device register for a user.
struct ClaimToken
{
    QByteArray tokenHash; // 32 bytes, H(claim token as ASCII)
    QString userId;
    QByteArray mailboxId; // the link offer it came from (16 bytes); empty for a recovery claim
    qint64 expiresAt = 0;
    // The device registered with it; empty while unused. Kept until expiresAt so that a repeat
    // of a registration whose answer was lost gets the same device (protocol.md 14.4).
    QString deviceId;
};

enum class RegisterDeviceOutcome
{
    Ok,
    ClaimExpired, // unknown, used or expired claim token (410 claim_expired)
    KeyInUse,     // the device public key is registered already (409 key_in_use)
    UserRevoked,  // the user was revoked after the claim (403 user_revoked)
};

struct RegisterDeviceResult
{
    RegisterDeviceOutcome outcome = RegisterDeviceOutcome::ClaimExpired;
    User user;     // with Ok
    Device device; // with Ok: as stored
    Team team;     // with Ok
    // With Ok: this claim token had registered this very device key before, and nothing was
    // written now (the device is the one registered then).
    bool repeated = false;
};

enum class LinkStatus
{
    Waiting,
    Claimed,
    Registered,
    Expired, // never stored: reported for a waiting offer at or past its expiry
};

// "waiting", "claimed", "registered", "expired".
QString linkStatusName(LinkStatus status);

struct LinkOffer
{
    QByteArray mailboxId; // 16 bytes
    QString userId;
    QByteArray blob; // 72 bytes, opaque
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    LinkStatus status = LinkStatus::Waiting;
    QString deviceId; // once registered
};

enum class CreateLinkOfferOutcome
{
    Ok,
    Exists,  // an offer with this mailbox id exists, in any state (409 link_exists)
    TooMany, // the user has maxLive live offers already (429 rate_limited)
};

enum class ClaimOutcome
{
    Ok,
    NotFound, // link: 404 link_not_found; recovery: no such ticket, 404 invite_invalid
    Expired,  // link: 410 link_expired; recovery: 410 invite_expired
    Used,     // link: 410 link_used; recovery: 410 invite_used
};

struct LinkClaimResult
{
    ClaimOutcome outcome = ClaimOutcome::NotFound;
    LinkOffer offer; // with Ok: the offer, now Claimed
    User user;       // with Ok: the offering user
};

struct RecoveryClaimResult
{
    ClaimOutcome outcome = ClaimOutcome::NotFound;
    User user; // with Ok: the user the ticket recovers
};

// ---- authentication -------------------------------------------------------------------------

struct Challenge
{
    QByteArray challenge; // 32 random bytes
    QString deviceId;     // as asked for; need not name a known device (protocol.md 9.1)
    qint64 expiresAt = 0;
};

struct Token
{
    QByteArray tokenHash; // 32 bytes, H(token as ASCII)
    QString deviceId;
    QString userId;
    qint64 expiresAt = 0;
};

// ---- records --------------------------------------------------------------------------------

// One pushed version, already checked by the API (protocol.md 11.2 steps 1-7).
struct PushVersion
{
    QString id;    // record id
    QString kind;  // header kind, e.g. "interaction"
    QString clock; // header clock text (crypto.md 7); versions compare by the bytes of this text
    bool deleted = false;
    QByteArray envelope;
    QByteArray envelopeHash; // 32 bytes, H(envelope)
    QByteArray signature;    // 64 bytes
    QByteArray keyCommit;    // 32 bytes
    // The users whose box keys are the recipients of the reader wraps (resolved by the API from
    // the directory). The author is ignored if listed; duplicates count once.
    QStringList readerUserIds;
    QByteArray metrics; // the header's metrics as JSON, kept for aggregates
    QString day;        // metrics.day or metrics.period; empty when the kind has none
};

enum class PushStatus
{
    Accepted,
    Conflict,
    Rejected,
};

enum class PushCode
{
    None, // with Accepted and Conflict
    IdTaken,
    KindChanged,
    ClockReused,
    RecordDeleted,
};

// "id_taken", "kind_changed", "clock_reused", "record_deleted"; empty for None.
QString pushCodeName(PushCode code);

struct PushOutcome
{
    PushStatus status = PushStatus::Rejected;
    PushCode code = PushCode::None;
    qint64 seq = 0; // Accepted: the version's seq (new, or the stored one for a retry)
    // Conflict: the stored current version, which is newer than the pushed one.
    QString currentClock;
    qint64 currentSeq = 0;
    bool currentDeleted = false;
};

// The stored current version of a record, for the exact-retry check (protocol.md 11.2 step 2).
struct StoredVersion
{
    QString id;
    QString kind;
    QString clock;
    bool deleted = false;
    qint64 seq = 0;
    QByteArray signature;
    QByteArray keyCommit;
};

struct PullItem
{
    enum class Type
    {
        Record,
        Removed,
    };
    Type type = Type::Record;
    qint64 seq = 0;
    QString id; // record id (both types)
    // Record only:
    QByteArray envelope;
    QByteArray signature;
    QByteArray keyCommit;
};

struct PullPage
{
    QList<PullItem> items; // ascending by seq
    bool hasMore = false;  // more visible items exist in (last item's seq, highWater]
    qint64 highWater = 0;  // the snapshot's high-water mark (protocol.md 12.1)
    // The next `after`: the last item's seq when hasMore, else highWater (protocol.md 12.2).
    qint64 cursor = 0;
};

struct RecordCount
{
    QString authorId;
    qint64 records = 0;    // current versions that are not tombstones
    qint64 tombstones = 0; // current versions that are tombstones
};

// One current, non-deleted record for aggregates (protocol.md 16): who wrote it and its metrics.
struct MetricsRow
{
    QString authorId;
    QString day;
    QByteArray metrics; // JSON as pushed
};

// ---- the interface --------------------------------------------------------------------------

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    // ---- health and settings

    // A trivial query: ok when the database answers (GET /v1/health).
    [[nodiscard]] virtual Status ping() = 0;

    // Runs `body`, whose writes then commit together at its end (one transaction, one sync to
    // disk) instead of one by one; each write inside still succeeds or fails on its own and sees
    // the ones before it. Fails when that final commit fails, and then none of them is kept, so
    // nothing body learnt about its writes may reach a client before this returns. Not nested.
    [[nodiscard]] virtual Status writeTogether(const std::function<void()> &body)
    {
        body();
        return {};
    }

    // Once, by `outward-server init`. ErrorCode::InvalidInput when already initialized or k < 3.
    [[nodiscard]] virtual Status initialize(const QString &serverId, int k) = 0;
    // nullopt before `init`.
    [[nodiscard]] virtual Result<std::optional<ServerSettings>> settings() = 0;

    // ---- teams

    // A new team with a new id and directory version 1. ErrorCode::InvalidInput when the name
    // is empty or a team with the same name exists (names compare case-insensitively, by
    // Unicode case folding).
    [[nodiscard]] virtual Result<Team> addTeam(const QString &name, qint64 now) = 0;
    [[nodiscard]] virtual Result<std::optional<Team>> findTeam(const QString &teamId) = 0;
    [[nodiscard]] virtual Result<std::optional<Team>> findTeamByName(const QString &name) = 0;
    // Ordered by name.
    [[nodiscard]] virtual Result<QList<Team>> listTeams() = 0;
    // Adds 1 and returns the new version; ErrorCode::NotFound for an unknown team. Enrolment and
    // revokeUser bump it themselves, in their transactions.
    [[nodiscard]] virtual Result<qint64> bumpDirectoryVersion(const QString &teamId) = 0;

    // ---- invites and recovery tickets

    // Stores an invite. For a recovery ticket (recoverUserId set) the team and role are taken
    // from that user (ErrorCode::NotFound when unknown). ErrorCode::InvalidInput when the hash
    // exists or the team is unknown.
    [[nodiscard]] virtual Status createInvite(const Invite &invite) = 0;
    [[nodiscard]] virtual Result<std::optional<Invite>> findInvite(const QByteArray &codeHash) = 0;
    // Sets usedAt if unused; ErrorCode::NotFound for an unknown hash. enroll() and
    // claimRecovery() mark their invite themselves.
    [[nodiscard]] virtual Status markInviteUsed(const QByteArray &codeHash, qint64 now) = 0;

    // ---- users

    [[nodiscard]] virtual Result<std::optional<User>> findUser(const QString &userId) = 0;
    [[nodiscard]] virtual Result<std::optional<User>>
    findUserByBoxKey(const QByteArray &boxPublicKey) = 0;
    [[nodiscard]] virtual Result<std::optional<User>>
    findUserBySignKey(const QByteArray &signPublicKey) = 0;
    // Ordered by user id; revoked users included.
    [[nodiscard]] virtual Result<QList<User>> listUsers() = 0;
    [[nodiscard]] virtual Result<QList<User>> listUsersOfTeam(const QString &teamId) = 0;
    // In one transaction: sets revokedAt (an already revoked user keeps the first time), revokes
    // every device of the user that is not revoked yet, deletes the user's tokens, claim tokens
    // and link offers, and bumps the team's directory version (only on the first revocation).
    // ErrorCode::NotFound for an unknown user.
    [[nodiscard]] virtual Status revokeUser(const QString &userId, qint64 now) = 0;

    // ---- enrolment (protocol.md 8), in one transaction

    // Re-checks inside the transaction, in this order: the invite exists and is not a recovery
    // ticket, is not expired, is unused; no user with newUser.id; neither public key of newUser
    // is another user's (box against box keys, sign against sign keys) and the device key is no
    // device's. Then marks the invite used, creates the user with the INVITE's team and role
    // (newUser.teamId and role are ignored) and enrolledAt = now, creates the device
    // (createdAt = lastSeenAt = now, an id assigned when empty) and bumps the team's directory
    // version. Of two concurrent enrolments with one invite exactly one gets Ok; the other gets
    // InviteUsed. Nothing is written unless the outcome is Ok.
    [[nodiscard]] virtual Result<EnrollResult> enroll(const QByteArray &inviteHash,
                                                      const User &newUser, const Device &newDevice,
                                                      qint64 now) = 0;

    // ---- devices (protocol.md 14)

    // Creates a device for an existing user outside enrolment and registration (admin tools,
    // tests). ErrorCode::InvalidInput when the id or public key exists or the user is unknown.
    // Returns the device as stored (id assigned when empty).
    [[nodiscard]] virtual Result<Device> addDevice(const Device &device) = 0;
    [[nodiscard]] virtual Result<std::optional<Device>> findDevice(const QString &deviceId) = 0;
    [[nodiscard]] virtual Result<std::optional<Device>>
    findDeviceByPublicKey(const QByteArray &publicKey) = 0;
    // Ordered by createdAt, then id; revoked devices included.
    [[nodiscard]] virtual Result<QList<Device>> listDevices(const QString &userId) = 0;
    // In one transaction: sets revokedAt (kept if already revoked) and deletes the device's
    // tokens and the claim token it registered with (so no repeat of that registration brings
    // it back). ErrorCode::NotFound for an unknown device.
    [[nodiscard]] virtual Status revokeDevice(const QString &deviceId, qint64 now) = 0;
    // Records that the device was seen. Cheap: a store may skip the write when the stored value
    // is less than a minute older than now, so lastSeenAt is accurate to about a minute.
    // ErrorCode::NotFound for an unknown device (when the store gets as far as asking).
    [[nodiscard]] virtual Status touchDevice(const QString &deviceId, qint64 now) = 0;

    // In one transaction (protocol.md 14.4): the claim token exists and is not expired
    // (else ClaimExpired), its user is not revoked (UserRevoked).
    // * A token that registered a device already: Ok with `repeated` and that device as stored
    //   when device.publicKey is its key and it is not revoked, writing nothing (a retry after
    //   a lost answer); ClaimExpired for any other key or a revoked device.
    // * An unused token: the device key is new (else KeyInUse). Then creates the device for the
    //   token's user (createdAt = lastSeenAt = now, device.userId ignored, id assigned when
    //   empty), records its id on the claim token (which is kept, single use, until it expires
    //   or purgeExpired removes it) and, if the token came from a link offer that still exists,
    //   marks that offer Registered with the device id.
    // Only a first Ok writes anything.
    [[nodiscard]] virtual Result<RegisterDeviceResult>
    registerDevice(const QByteArray &claimTokenHash, const Device &device, qint64 now) = 0;

    // ---- link offers (protocol.md 14.2, 14.3)

    // In one transaction: Exists when any offer has this mailbox id; TooMany when the user has
    // maxLive live offers (waiting and not expired); else stores it as Waiting.
    [[nodiscard]] virtual Result<CreateLinkOfferOutcome>
    createLinkOffer(const LinkOffer &offer, int maxLive, qint64 now) = 0;
    [[nodiscard]] virtual Result<int> countLiveLinkOffers(const QString &userId, qint64 now) = 0;
    // The offer with its status as of now: a Waiting offer at or past expiresAt reads Expired.
    [[nodiscard]] virtual Result<std::optional<LinkOffer>>
    findLinkOffer(const QByteArray &mailboxId, qint64 now) = 0;
    // In one transaction: NotFound; Expired (waiting, at or past expiry); Used (claimed or
    // registered); else the offer becomes Claimed and a claim token
    // {claimTokenHash, the offer's user, mailboxId, claimExpiresAt} is stored. Single use: of two
    // concurrent claims one gets Ok and the other Used.
    [[nodiscard]] virtual Result<LinkClaimResult> claimLinkOffer(const QByteArray &mailboxId,
                                                                 const QByteArray &claimTokenHash,
                                                                 qint64 claimExpiresAt,
                                                                 qint64 now) = 0;
    // Marks an offer Registered with the device id (registerDevice does this itself).
    // ErrorCode::NotFound for an unknown mailbox id.
    [[nodiscard]] virtual Status markLinkOfferRegistered(const QByteArray &mailboxId,
                                                         const QString &deviceId) = 0;
    // Deletes the offer and any claim made on it, so the claimer cannot register, nor repeat a
    // registration (cancel); true when an offer was deleted.
    [[nodiscard]] virtual Result<bool> deleteLinkOffer(const QByteArray &mailboxId) = 0;

    // ---- recovery (protocol.md 15), in one transaction

    // NotFound when no ticket has this hash or it is an enrolment invite; Expired; Used; else the
    // ticket is marked used and a claim token {claimTokenHash, the ticket's user, no mailbox,
    // claimExpiresAt} is stored.
    [[nodiscard]] virtual Result<RecoveryClaimResult>
    claimRecovery(const QByteArray &ticketHash, const QByteArray &claimTokenHash,
                  qint64 claimExpiresAt, qint64 now) = 0;

    [[nodiscard]] virtual Result<std::optional<ClaimToken>>
    findClaimToken(const QByteArray &tokenHash) = 0;

    // ---- challenges and tokens (protocol.md 9)

    // ErrorCode::InvalidInput when the challenge bytes exist already.
    [[nodiscard]] virtual Status storeChallenge(const Challenge &challenge) = 0;
    // Deletes the challenge and returns it, in one step: single use whatever the caller then
    // decides. Expired challenges are returned too (the caller checks expiresAt).
    [[nodiscard]] virtual Result<std::optional<Challenge>>
    takeChallenge(const QByteArray &challenge) = 0;

    // ErrorCode::InvalidInput when the hash exists already.
    [[nodiscard]] virtual Status storeToken(const Token &token) = 0;
    // Expired tokens are returned too (the caller answers token_expired).
    [[nodiscard]] virtual Result<std::optional<Token>> findToken(const QByteArray &tokenHash) = 0;
    // Return how many were deleted.
    [[nodiscard]] virtual Result<int> deleteTokensOfDevice(const QString &deviceId) = 0;
    [[nodiscard]] virtual Result<int> deleteTokensOfUser(const QString &userId) = 0;

    // Deletes challenges, tokens and claim tokens expired at now, and link offers whose expiry
    // is more than linkOfferGraceMs before now (so a polling device still sees Expired or
    // Registered for a while). Returns how many rows were deleted in all.
    [[nodiscard]] virtual Result<int> purgeExpired(qint64 now, qint64 linkOfferGraceMs) = 0;

    // ---- records (protocol.md 11, 12)

    // The stored current version of record recordId when authorId wrote it and its envelope hash
    // is envelopeHash, for the exact-retry check (11.2 step 2): the caller compares signature and
    // key commitment. A lookup by the primary key: an index on the hash cost a page write per
    // pushed record.
    [[nodiscard]] virtual Result<std::optional<StoredVersion>>
    findExactRetry(const QString &authorId, const QString &recordId,
                   const QByteArray &envelopeHash) = 0;
    [[nodiscard]] virtual Result<std::optional<StoredVersion>>
    findCurrent(const QString &recordId) = 0;

    // In ONE write transaction, each item in order against the stored current version of the
    // same id (earlier items of the batch included), the first matching row of protocol.md 11.3:
    //   nothing stored                      -> Accepted, inserted with the next seq
    //   stored by another author            -> Rejected IdTaken
    //   stored with another kind            -> Rejected KindChanged
    //   same clock, same envelope hash, signature and key commitment
    //                                       -> Accepted with the stored seq, nothing changes
    //   same clock, other bytes             -> Rejected ClockReused
    //   older clock                         -> Conflict with the stored clock, seq, deleted
    //   stored tombstone, newer non-tombstone -> Rejected RecordDeleted
    //   newer clock                         -> Accepted, replaces the stored version (old bytes
    //                                          deleted) with the next seq
    // Seqs come from the one counter, assigned under the write lock and increasing in item
    // order, so commit order is seq order and every seq <= the counter is committed (12.1).
    // An accepted version's reader rows replace the previous ones; every previous reader who is
    // not a reader of the new version gets an access removal (reader, id, new seq), and a reader
    // of the new version loses any removal for this id (12.3). teamId is stored as the record's
    // team (the author's team at push time, 11.3). On any failure the whole transaction is
    // rolled back, nothing of the batch is stored, and an Error is returned (the API answers
    // 503); the outcomes are returned only when everything committed.
    [[nodiscard]] virtual Result<QList<PushOutcome>> applyPush(const QString &authorId,
                                                               const QString &teamId,
                                                               const QList<PushVersion> &items,
                                                               qint64 now) = 0;

    // In ONE read transaction (one snapshot): the high-water mark hw from the counter, then the
    // items visible to the user with after < seq <= hw, ascending by seq: records the user wrote
    // or is a reader of, and the user's access removals. At most `limit` items; items are added
    // while the sum of their envelope sizes (raw bytes) stays within maxEnvelopeBytes, but the
    // first item always. Whether the user is active is the caller's check. limit < 1 or
    // after >= hw gives no items. cursor is highWater unless hasMore (protocol.md 12.2), also
    // when after > hw (a client ahead of a restored database comes back to it).
    [[nodiscard]] virtual Result<PullPage> pull(const QString &userId, qint64 after, int limit,
                                                qint64 maxEnvelopeBytes) = 0;

    // Per author, ordered by author id, for `outward-server users`.
    [[nodiscard]] virtual Result<QList<RecordCount>> recordCounts() = 0;

    // Current non-tombstone records of a team and kind whose day starts with dayPrefix
    // ("2026-11" for a month), for aggregates (protocol.md 16.1). Ordered by author, then day.
    [[nodiscard]] virtual Result<QList<MetricsRow>>
    metricsRows(const QString &teamId, const QString &kind, const QString &dayPrefix) = 0;
};

} // namespace outward::server
