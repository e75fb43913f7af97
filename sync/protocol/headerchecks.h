#pragma once

#include "core/common/result.h"
#include "core/model/recordheader.h"
#include "sync/protocol/apierror.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The server's structural checks of one pushed item (protocol.md 11.2 steps 1, 3 and 4), with
// the per-item codes of section 2.2 and member paths such as "items[2].header.clock". They need
// no key and no database; the steps after 4 (author, role, wraps against the directory,
// signature, stored versions, clock bound) are the server's.
namespace outward::protocol {

struct EnvelopeWrapHead
{
    int type = 0;         // 1 author, 2 reader, other values reserved
    QByteArray recipient; // X25519 public key, 32 bytes
};

struct CheckedItem
{
    QByteArray headerBytes; // exactly as in the envelope
    RecordHeader header;
    QList<EnvelopeWrapHead> wraps; // in envelope order; wrap 0 should be the author's
};

// Step 4 alone, on header bytes: crypto.md 6.2 "as read" via RecordHeader::fromBytes, plus no
// duplicate keys (any depth), every member of 6.2 present with its JSON type, `id` a canonical
// lower-case UUID, `v` = 1 (else newer_format), `at` a whole number, `clock` wall time from
// 2020-01-01 (invalid_clock), and the metrics of crypto.md 8.2 for the kind (invalid_metrics):
// listed members have their type and range, always-present members are there, unlisted members
// are allowed, a tombstone's metrics are {}. `itemPath` is "items[2]"; fields are
// "items[2].header.<member>" (metrics members: "items[2].header.metrics.day").
[[nodiscard]] Result<RecordHeader, ItemError> checkPushedHeader(const QByteArray &headerBytes,
                                                                const QString &itemPath);

// Steps 1, 3 and 4 on a decoded envelope: size (envelope_too_large), structure as crypto.md 6.6
// step 1 (malformed_envelope; a magic version above 1 is newer_format), then the header checks.
[[nodiscard]] Result<CheckedItem, ItemError> checkPushedEnvelope(const QByteArray &envelope,
                                                                 const QString &itemPath);

// Step 9 (section 11.4): nullopt when the clock's wall time is at most limits::kMaxClockAheadMs
// ahead of nowMs, otherwise the whole seconds (rounded up, at least 1) until it will be.
std::optional<qint64> clockRetryAfterSeconds(qint64 clockWallMs, qint64 nowMs);
// The deferred item's error for that case (code clock_in_future, field "<itemPath>.header.clock").
ItemError clockInFutureError(qint64 clockWallMs, qint64 nowMs, const QString &itemPath);

} // namespace outward::protocol
