#pragma once

#include "core/common/result.h"
#include "core/model/record.h"
#include "core/model/recordheader.h"
#include "core/profile/profile.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace outward {

// A record opened for its owner: header, content, and where it stands with the server.
struct RecordView
{
    RecordHeader header;
    QJsonObject json;                     // the content exactly as stored; empty for a tombstone
    std::optional<RecordPayload> payload; // typed, when the content parses under today's rules
    OutboxState outboxState = OutboxState::Local;
    QString outboxError;
    // The X25519 keys of the readers it is wrapped for, besides its author (envelope order).
    QList<QByteArray> readers;

    // The record as a person reads it, in `outward-cli show`/`export` and the app's export:
    // id, kind, at, clock, outbox state (and error), and the content or "deleted": true.
    QJsonObject toJson() const;
};

// What a pulled version did to the local store (acceptRemote).
enum class RemoteOutcome
{
    Inserted,       // the record was new here; stored as synced
    AlreadyCurrent, // the same version was here already; now marked synced with its seq
    ReplacedLocal,  // newer than the local version, which was kept as a revision
    KeptAsRevision, // older than the local version, which stays current (and queued if it was)
    UnknownAuthor,  // nothing stored: fetch the directory, then offer the version again
};

struct AcceptedRemote
{
    RemoteOutcome outcome = RemoteOutcome::Inserted;
    QUuid id;
    HlcTimestamp clock;
    QString author;
    bool clockCapped = false;    // its clock was too far ahead to be observed in full
    bool replacedUnsent = false; // the local version it replaced or kept was queued or in error
};

// A version pulled from the server (docs/protocol.md 12.2), as acceptRemote takes it.
struct RemoteVersion
{
    QByteArray envelope;
    QByteArray signature;
    QByteArray keyCommit;
    qint64 serverSeq = 0;
};

// What people do with records: add, edit, delete, read, list. Validates before anything is
// written, seals every version in an envelope for its readers (docs/protocol.md 13.1), signs it
// (5.3), and keeps the previous version as a revision. Also the device side of sync: accepting
// pulled versions, re-sealing when the directory changes, signing versions from before schema 2.
// Needs the profile unlocked; otherwise every call returns ErrorCode::Locked.
class RecordService
{
public:
    // How far ahead of this device's wall clock a remote clock is observed (crypto.md 13 item 6).
    static constexpr qint64 kMaxRemoteClockAheadMs = 3600 * 1000;

    explicit RecordService(Profile &profile);

    Result<RecordView> add(RecordKind kind, const QJsonObject &json);
    Result<RecordView> add(const RecordPayload &payload);
    // Seals and stores many new records in one transaction (imports, benchmarks).
    Result<int> addMany(const QList<RecordPayload> &payloads);
    // Applies a JSON Merge Patch (RFC 7386) to the current content and validates the result.
    Result<RecordView> edit(const QUuid &id, const QJsonObject &patch);
    Result<RecordView> replace(const QUuid &id, const RecordPayload &payload);
    // Leaves a tombstone; the last content stays as a revision on this device.
    Result<RecordView> remove(const QUuid &id);
    // Undoes remove(): the content the record had before it was deleted becomes its newest
    // version again (the tombstone stays in the history).
    Result<RecordView> restore(const QUuid &id);

    // Records of other authors open with their pinned box key from the directory; one whose
    // author is not in the directory is NoAccess.
    Result<RecordView> get(const QUuid &id);
    Result<QList<RecordView>> list(const RecordQuery &query);
    Status forEach(const RecordQuery &query, const std::function<bool(const RecordView &)> &visit);
    // Earlier versions, oldest first.
    Result<QList<RecordView>> history(const QUuid &id);

    ValidationContext validationContext() const;

    // The X25519 keys a version of this kind and content must be wrapped for, in directory order
    // (docs/protocol.md 13.1): shareWithLead (interaction, reflection, client brief) and every
    // commitment, check-in and quarterly review: each active lead but me; shareWithTeam (client
    // brief), team purpose and questionnaire template: each active member but me; pulse: none.
    Result<QList<QByteArray>> readersFor(RecordKind kind, const QJsonObject &content);

    // Re-seals, as a new version with a new clock and the same content, every own non-deleted
    // record whose readers differ from what readersFor now asks (protocol.md 13.3, after a new
    // directory). Returns how many were re-sealed. All or nothing, in one transaction.
    Result<int> resealForDirectory();

    // Signs every own current version stored without a signature (sealed before schema 2):
    // opens it, recomputes its key commitment, signs, stores both. Needed before a first push.
    // Returns how many were signed.
    Result<int> signMissing();

    // Accepts a version pulled from the server (docs/protocol.md 12, 18): parses the header;
    // looks the author up in the directory (UnknownAuthor when absent, nothing stored); verifies
    // the signature with the author's pinned sign key (own records: the keyring's); opens the
    // envelope with the author's box key and checks keyCommit; then compares with the local
    // version of the id (see RemoteOutcome). Every check runs before anything is written, and
    // the write joins the caller's transaction when one is open, so an engine can store a whole
    // page and its cursor at once. A failed check is Corrupt (bad signature, tampered envelope,
    // wrong key commitment, a different author or kind under the same id, or the same clock with
    // different bytes) or NewerVersion; nothing is stored then. The remote clock is observed,
    // capped at the wall clock + kMaxRemoteClockAheadMs.
    Result<AcceptedRemote> acceptRemote(const QByteArray &envelope, const QByteArray &signature,
                                        const QByteArray &keyCommit, qint64 serverSeq);
    // acceptRemote for a pulled page, in order, in the caller's transaction: the checks that
    // need no database (signature, opening, key commitment) run on a worker ahead of the
    // storing (OrderedPipeline), with the author keys the directory had when the call began.
    // One entry per version: what storing it did, or the refusal (isRefusal) that kept it out.
    // Any other error stops at that version and is returned; the caller's transaction then
    // rolls back whatever this call wrote.
    Result<QList<Result<AcceptedRemote>>> acceptRemoteMany(const QList<RemoteVersion> &versions);
    // Whether an error of acceptRemote refused that one version (a failed integrity check, a
    // format this build cannot read), as opposed to a failure of the store itself.
    static bool isRefusal(const Error &error);

    // A pulled "removed" item: deletes this device's copy of someone else's record and its
    // revisions. Returns false when there was none; NoAccess for an own record, which is never
    // deleted this way.
    Result<bool> removeForeign(const QUuid &id);

private:
    // A record opened and checked, with the commitment of the record key that opened it.
    struct Opened
    {
        RecordView view;
        QByteArray keyCommit;
    };

    Status requireUnlocked() const;
    RecordHeader newHeader(const RecordPayload &payload, const QUuid &id, bool deleted);
    RecordHeader newHeader(const RecordPayload &payload, const QUuid &id, const HlcTimestamp &clock,
                           bool deleted);
    Result<StoredRecord> seal(const RecordHeader &header, const QJsonObject &content,
                              const QList<QByteArray> &readers);
    // senderKey: the author's pinned box key, empty for own records; keyCommit: checked when
    // not empty. stored: the row whose plaintext columns must match the sealed header.
    Result<Opened> open(const QByteArray &envelope, const StoredRecord *stored,
                        const QByteArray &senderKey, const QByteArray &keyCommit);
    Result<RecordView> openStored(const StoredRecord &stored);

    // An author's pinned keys, as a pulled version is checked against them.
    struct AuthorKeys
    {
        QByteArray signKey;
        QByteArray boxKey;
    };
    // nullopt: the author is not in the directory.
    using AuthorKeyLookup = std::function<Result<std::optional<AuthorKeys>>(const QString &)>;
    // A pulled version after the checks that need no database: what storing it takes.
    struct CheckedRemote
    {
        std::optional<Error> failure; // refused (or the key lookup failed): nothing to store
        bool unknownAuthor = false;
        StoredRecord incoming;
    };
    // Reads only the profile's keys and crypto, so it may run on a worker once the author's
    // shared key is prepared (EnvelopeCrypto::prepareReaders).
    CheckedRemote checkRemote(const RemoteVersion &version, const AuthorKeyLookup &keysOf);
    Result<AcceptedRemote> storeChecked(const CheckedRemote &checked);
    // The pinned box key of another author; empty for this user; NoAccess when not pinned.
    Result<QByteArray> senderKeyFor(const QString &author);
    Result<RecordView> currentOwnRecord(const QUuid &id);
    Result<RecordView> storeNewVersion(const RecordView &current, const RecordPayload &payload);

    Profile &m_profile;
    // Pinned box keys of other authors. Pinned keys never change, so the cache never goes stale.
    QHash<QString, QByteArray> m_senderKeys;
};

} // namespace outward
