#pragma once

#include "sync/protocol/messages_common.h"

#include <QList>
#include <QUrlQuery>

#include <optional>

// Bodies of protocol.md sections 11 (push) and 12 (pull). Conventions: see messages_common.h.
namespace outward::protocol {

// items[i] of POST /v1/records (request).
struct PushItem
{
    QByteArray envelope;  // 1 .. limits::kEnvelopeBytes once the server checks it (see below)
    QByteArray signature; // 64: the record signature (5.3)
    QByteArray keyCommit; // 32

    QJsonObject toJson() const;
    static ApiResult<PushItem> fromJson(const QJsonObject &json, const QString &path);
};

// POST /v1/records (request). fromJson checks what fails the whole request (section 11.1):
// 1 .. 500 items, every member present, valid base64url, signature and key_commit lengths, and
// a non-empty envelope. An envelope above limits::kEnvelopeBytes is NOT refused here: that is the
// per-item result envelope_too_large (11.2 step 1), the server's job.
struct PushRequest
{
    QList<PushItem> items;

    QJsonObject toJson() const;
    static ApiResult<PushRequest> fromJson(const QJsonObject &json);
};

enum class PushStatus
{
    Accepted,
    Conflict,
    Deferred,
    Rejected,
};

} // namespace outward::protocol

namespace outward {
template<>
struct EnumNames<protocol::PushStatus>
{
    static constexpr std::array<EnumEntry<protocol::PushStatus>, 4> entries{{
        {protocol::PushStatus::Accepted, QLatin1StringView("accepted")},
        {protocol::PushStatus::Conflict, QLatin1StringView("conflict")},
        {protocol::PushStatus::Deferred, QLatin1StringView("deferred")},
        {protocol::PushStatus::Rejected, QLatin1StringView("rejected")},
    }};
};
} // namespace outward

namespace outward::protocol {

// results[i] of the push response (section 11.5). Which members are set depends on status:
// accepted: seq; conflict: currentClock, currentSeq, currentDeleted; deferred:
// retryAfterSeconds and error; rejected: error. id and clock are set when the header could be
// read (empty otherwise). fromJson requires the members of the status.
struct PushResult
{
    PushStatus status = PushStatus::Accepted;
    QString id;    // record id, canonical
    QString clock; // the pushed version's clock text (crypto.md 7)
    std::optional<qint64> seq;
    QString currentClock;
    std::optional<qint64> currentSeq;
    std::optional<bool> currentDeleted;
    std::optional<qint64> retryAfterSeconds;
    std::optional<ItemError> error;

    static PushResult accepted(const QString &id, const QString &clock, qint64 seq);
    static PushResult conflict(const QString &id, const QString &clock, const QString &currentClock,
                               qint64 currentSeq, bool currentDeleted);
    static PushResult deferred(const QString &id, const QString &clock, qint64 retryAfterSeconds,
                               ItemError error);
    static PushResult rejected(const QString &id, const QString &clock, ItemError error);

    QJsonObject toJson() const;
    static ApiResult<PushResult> fromJson(const QJsonObject &json, const QString &path);
};

// POST /v1/records, 200 (response).
struct PushResponse
{
    QList<PushResult> results; // one per item, in item order
    qint64 directoryVersion = 0;

    QJsonObject toJson() const;
    static ApiResult<PushResponse> fromJson(const QJsonObject &json);
};

// GET /v1/records?after=N&limit=M (the query; there is no body).
struct PullQuery
{
    qint64 after = 0; // >= 0
    int limit = 200;  // 1 .. 1000, default limits::kPageDefault

    QUrlQuery toQuery() const;
    // invalid_query naming the parameter for a missing "after", a malformed or out-of-range value
    // or an unknown parameter; "limit" is optional.
    static ApiResult<PullQuery> fromQuery(const QUrlQuery &query);
};

enum class PullItemType
{
    Record,
    Removed,
};

} // namespace outward::protocol

namespace outward {
template<>
struct EnumNames<protocol::PullItemType>
{
    static constexpr std::array<EnumEntry<protocol::PullItemType>, 2> entries{{
        {protocol::PullItemType::Record, QLatin1StringView("record")},
        {protocol::PullItemType::Removed, QLatin1StringView("removed")},
    }};
};
} // namespace outward

namespace outward::protocol {

// items[i] of a pull page: a record version, or an access removal (section 12.3).
struct PullItem
{
    PullItemType type = PullItemType::Record;
    qint64 seq = 0;
    QByteArray envelope;  // record: the envelope as pushed
    QByteArray signature; // record: 64
    QByteArray keyCommit; // record: 32
    QString id;           // removed: the record id

    static PullItem record(qint64 seq, QByteArray envelope, QByteArray signature,
                           QByteArray keyCommit);
    static PullItem removed(qint64 seq, const QString &id);

    QJsonObject toJson() const;
    static ApiResult<PullItem> fromJson(const QJsonObject &json, const QString &path);
};

// GET /v1/records, 200 (response).
struct PullPage
{
    QList<PullItem> items; // ascending by seq
    qint64 cursor = 0;     // next "after"
    bool hasMore = false;
    qint64 highWater = 0;
    qint64 directoryVersion = 0;
    QDateTime serverTime;

    QJsonObject toJson() const;
    static ApiResult<PullPage> fromJson(const QJsonObject &json);
};

} // namespace outward::protocol
