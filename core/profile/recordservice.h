#pragma once

#include "core/common/result.h"
#include "core/model/record.h"
#include "core/model/recordheader.h"
#include "core/profile/profile.h"

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

    // The record as a person reads it, in `outward-cli show`/`export` and the app's export:
    // id, kind, at, clock, outbox state (and error), and the content or "deleted": true.
    QJsonObject toJson() const;
};

// What people do with records: add, edit, delete, read, list. Validates before anything is
// written, seals every version in an envelope, and keeps the previous version as a revision.
// Needs the profile unlocked; otherwise every call returns ErrorCode::Locked.
class RecordService
{
public:
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

    Result<RecordView> get(const QUuid &id);
    Result<QList<RecordView>> list(const RecordQuery &query);
    Status forEach(const RecordQuery &query, const std::function<bool(const RecordView &)> &visit);
    // Earlier versions, oldest first.
    Result<QList<RecordView>> history(const QUuid &id);

    ValidationContext validationContext() const;

private:
    Status requireUnlocked() const;
    RecordHeader newHeader(const RecordPayload &payload, const QUuid &id, bool deleted);
    RecordHeader newHeader(const RecordPayload &payload, const QUuid &id, const HlcTimestamp &clock,
                           bool deleted);
    Result<StoredRecord> seal(const RecordHeader &header, const QJsonObject &content);
    Result<RecordView> open(const QByteArray &envelope, const StoredRecord *stored);
    Result<RecordView> currentOwnRecord(const QUuid &id);
    Result<RecordView> storeNewVersion(const RecordView &current, const RecordPayload &payload);

    Profile &m_profile;
};

} // namespace outward
