#pragma once

#include "core/common/result.h"
#include "core/model/hlc.h"
#include "core/model/recordkind.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUuid>

namespace outward {

// The plaintext part of a record: what listing, sync and aggregation need, and nothing a person
// wrote. Its exact bytes are the associated data of the sealed payload, so no field can be
// swapped or edited unnoticed (docs/crypto.md).
struct RecordHeader
{
    static constexpr int kFormatVersion = 1;

    QUuid id;
    RecordKind kind = RecordKind::Interaction;
    QString author;       // the author's user id
    QString team;         // the author's team id; empty until the device enrols
    HlcTimestamp clock;   // orders versions of the same record
    qint64 atMs = 0;      // when the record is about (e.g. when the interaction happened)
    bool deleted = false; // a tombstone
    QJsonObject metrics;  // the kind's aggregate metrics; empty for a tombstone

    QString idText() const { return id.toString(QUuid::WithoutBraces); }

    // Compact UTF-8 JSON. Readers keep the bytes they received and never re-serialise them.
    QByteArray toBytes() const;
    static Result<RecordHeader> fromBytes(const QByteArray &bytes);
};

} // namespace outward
