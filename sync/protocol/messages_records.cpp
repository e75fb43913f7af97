#include "sync/protocol/messages_records.h"

#include "sync/protocol/limits.h"
#include "sync/protocol/messagereading.h"

using namespace Qt::StringLiterals;

namespace outward::protocol {

using detail::number;
using detail::requireEnum;

namespace {
constexpr qint64 kMaxSafe = Q_INT64_C(9007199254740992); // 2^53: exact in a JSON number

ApiResult<ItemError> requireItemError(JsonObjectReader &reader, const QString &name)
{
    auto nested = reader.requireObject(name);
    if (!nested)
        return nested.error();
    ItemError error;
    OW_READ(error.code, nested->requireString(u"code"_s, 1));
    OW_READ(error.message, nested->requireString(u"message"_s));
    OW_READ(error.field, nested->requireString(u"field"_s));
    return error;
}

// A query value made only of ASCII digits (no sign, no space), within max.
std::optional<qint64> parseCount(const QString &text, qint64 max)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    for (const QChar c : text)
        if (c < u'0' || c > u'9')
            return std::nullopt;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value > max)
        return std::nullopt;
    return value;
}
} // namespace

// ---- push

QJsonObject PushItem::toJson() const
{
    return QJsonObject{
        {"envelope"_L1, base64url::encode(envelope)},
        {"signature"_L1, base64url::encode(signature)},
        {"key_commit"_L1, base64url::encode(keyCommit)},
    };
}

ApiResult<PushItem> PushItem::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    PushItem item;
    // The body limit bounds the envelope here; the 4 MiB rule is the per-item result.
    OW_READ(item.envelope, reader.requireBase64Range(u"envelope"_s, 1, limits::kPushBodyBytes));
    OW_READ(item.signature, reader.requireBase64(u"signature"_s, kSignatureBytes));
    OW_READ(item.keyCommit, reader.requireBase64(u"key_commit"_s, kKeyCommitBytes));
    OW_CHECK(reader.finish());
    return item;
}

QJsonObject PushRequest::toJson() const
{
    QJsonArray array;
    for (const PushItem &item : items)
        array.append(item.toJson());
    return QJsonObject{{"items"_L1, array}};
}

ApiResult<PushRequest> PushRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    PushRequest request;
    QList<JsonObjectReader> itemReaders;
    OW_READ(itemReaders, reader.requireObjectArray(u"items"_s, 1, limits::kPushItems));
    request.items.reserve(itemReaders.size());
    for (const JsonObjectReader &itemReader : itemReaders) {
        PushItem item;
        OW_READ(item, PushItem::fromJson(itemReader.object(), itemReader.path()));
        request.items.append(std::move(item));
    }
    OW_CHECK(reader.finish());
    return request;
}

PushResult PushResult::accepted(const QString &id, const QString &clock, qint64 seq)
{
    PushResult result;
    result.status = PushStatus::Accepted;
    result.id = id;
    result.clock = clock;
    result.seq = seq;
    return result;
}

PushResult PushResult::conflict(const QString &id, const QString &clock,
                                const QString &currentClock, qint64 currentSeq, bool currentDeleted)
{
    PushResult result;
    result.status = PushStatus::Conflict;
    result.id = id;
    result.clock = clock;
    result.currentClock = currentClock;
    result.currentSeq = currentSeq;
    result.currentDeleted = currentDeleted;
    return result;
}

PushResult PushResult::deferred(const QString &id, const QString &clock, qint64 retryAfterSeconds,
                                ItemError error)
{
    PushResult result;
    result.status = PushStatus::Deferred;
    result.id = id;
    result.clock = clock;
    result.retryAfterSeconds = retryAfterSeconds;
    result.error = std::move(error);
    return result;
}

PushResult PushResult::rejected(const QString &id, const QString &clock, ItemError error)
{
    PushResult result;
    result.status = PushStatus::Rejected;
    result.id = id;
    result.clock = clock;
    result.error = std::move(error);
    return result;
}

QJsonObject PushResult::toJson() const
{
    QJsonObject json{{"status"_L1, enumName(status)}};
    if (!id.isEmpty())
        json.insert("id"_L1, id);
    if (!clock.isEmpty())
        json.insert("clock"_L1, clock);
    if (seq)
        json.insert("seq"_L1, number(*seq));
    if (!currentClock.isEmpty())
        json.insert("current_clock"_L1, currentClock);
    if (currentSeq)
        json.insert("current_seq"_L1, number(*currentSeq));
    if (currentDeleted)
        json.insert("current_deleted"_L1, *currentDeleted);
    if (retryAfterSeconds)
        json.insert("retry_after_seconds"_L1, number(*retryAfterSeconds));
    if (error)
        json.insert("error"_L1, error->toJson());
    return json;
}

ApiResult<PushResult> PushResult::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    PushResult result;
    OW_READ(result.status, requireEnum<PushStatus>(reader, u"status"_s));
    std::optional<QString> text;
    OW_READ(text, reader.optionalString(u"id"_s));
    result.id = text.value_or(QString());
    OW_READ(text, reader.optionalString(u"clock"_s));
    result.clock = text.value_or(QString());
    switch (result.status) {
    case PushStatus::Accepted:
        OW_READ(result.seq, reader.requireInt(u"seq"_s, 1, kMaxSafe));
        break;
    case PushStatus::Conflict:
        OW_READ(result.currentClock, reader.requireString(u"current_clock"_s, 1));
        OW_READ(result.currentSeq, reader.requireInt(u"current_seq"_s, 1, kMaxSafe));
        OW_READ(result.currentDeleted, reader.requireBool(u"current_deleted"_s));
        break;
    case PushStatus::Deferred:
        OW_READ(result.retryAfterSeconds, reader.requireInt(u"retry_after_seconds"_s, 0, kMaxSafe));
        OW_READ(result.error, requireItemError(reader, u"error"_s));
        break;
    case PushStatus::Rejected:
        OW_READ(result.error, requireItemError(reader, u"error"_s));
        break;
    }
    return result;
}

QJsonObject PushResponse::toJson() const
{
    QJsonArray array;
    for (const PushResult &result : results)
        array.append(result.toJson());
    return QJsonObject{{"results"_L1, array}, {"directory_version"_L1, number(directoryVersion)}};
}

ApiResult<PushResponse> PushResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    PushResponse response;
    QList<JsonObjectReader> resultReaders;
    OW_READ(resultReaders, reader.requireObjectArray(u"results"_s));
    for (const JsonObjectReader &resultReader : resultReaders) {
        PushResult result;
        OW_READ(result, PushResult::fromJson(resultReader.object(), resultReader.path()));
        response.results.append(std::move(result));
    }
    OW_READ(response.directoryVersion, reader.requireInt(u"directory_version"_s, 0, kMaxSafe));
    return response;
}

// ---- pull

QUrlQuery PullQuery::toQuery() const
{
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(after));
    query.addQueryItem(u"limit"_s, QString::number(limit));
    return query;
}

ApiResult<PullQuery> PullQuery::fromQuery(const QUrlQuery &query)
{
    PullQuery result;
    bool sawAfter = false;
    bool sawLimit = false;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == "after"_L1) {
            if (sawAfter)
                return ApiError::invalidQuery(name, u"is given twice"_s);
            sawAfter = true;
            const auto parsed = parseCount(value, std::numeric_limits<qint64>::max());
            if (!parsed)
                return ApiError::invalidQuery(name, u"must be a whole number of at least 0"_s);
            result.after = *parsed;
        } else if (name == "limit"_L1) {
            if (sawLimit)
                return ApiError::invalidQuery(name, u"is given twice"_s);
            sawLimit = true;
            const auto parsed = parseCount(value, limits::kPageMax);
            if (!parsed || *parsed < limits::kPageMin)
                return ApiError::invalidQuery(
                    name, u"must be a whole number from %1 to %2"_s.arg(limits::kPageMin)
                              .arg(limits::kPageMax));
            result.limit = static_cast<int>(*parsed);
        } else {
            return ApiError::invalidQuery(name, u"is not a parameter of this endpoint; it "
                                                u"takes after and limit"_s);
        }
    }
    if (!sawAfter)
        return ApiError::invalidQuery(u"after"_s, u"is required (0 to start from the "
                                                  u"beginning)"_s);
    return result;
}

PullItem PullItem::record(qint64 seq, QByteArray envelope, QByteArray signature,
                          QByteArray keyCommit)
{
    PullItem item;
    item.type = PullItemType::Record;
    item.seq = seq;
    item.envelope = std::move(envelope);
    item.signature = std::move(signature);
    item.keyCommit = std::move(keyCommit);
    return item;
}

PullItem PullItem::removed(qint64 seq, const QString &id)
{
    PullItem item;
    item.type = PullItemType::Removed;
    item.seq = seq;
    item.id = id;
    return item;
}

QJsonObject PullItem::toJson() const
{
    QJsonObject json{{"type"_L1, enumName(type)}, {"seq"_L1, number(seq)}};
    if (type == PullItemType::Record) {
        json.insert("envelope"_L1, base64url::encode(envelope));
        json.insert("signature"_L1, base64url::encode(signature));
        json.insert("key_commit"_L1, base64url::encode(keyCommit));
    } else {
        json.insert("id"_L1, id);
    }
    return json;
}

ApiResult<PullItem> PullItem::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    PullItem item;
    OW_READ(item.type, requireEnum<PullItemType>(reader, u"type"_s));
    OW_READ(item.seq, reader.requireInt(u"seq"_s, 1, kMaxSafe));
    if (item.type == PullItemType::Record) {
        OW_READ(item.envelope, reader.requireBase64Range(u"envelope"_s, 1, limits::kEnvelopeBytes));
        OW_READ(item.signature, reader.requireBase64(u"signature"_s, kSignatureBytes));
        OW_READ(item.keyCommit, reader.requireBase64(u"key_commit"_s, kKeyCommitBytes));
    } else {
        OW_READ(item.id, reader.requireUuid(u"id"_s));
    }
    return item;
}

QJsonObject PullPage::toJson() const
{
    QJsonArray array;
    for (const PullItem &item : items)
        array.append(item.toJson());
    return QJsonObject{
        {"items"_L1, array},
        {"cursor"_L1, number(cursor)},
        {"has_more"_L1, hasMore},
        {"high_water"_L1, number(highWater)},
        {"directory_version"_L1, number(directoryVersion)},
        {"server_time"_L1, formatTime(serverTime)},
    };
}

ApiResult<PullPage> PullPage::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    PullPage page;
    QList<JsonObjectReader> itemReaders;
    OW_READ(itemReaders, reader.requireObjectArray(u"items"_s));
    page.items.reserve(itemReaders.size());
    for (const JsonObjectReader &itemReader : itemReaders) {
        PullItem item;
        OW_READ(item, PullItem::fromJson(itemReader.object(), itemReader.path()));
        page.items.append(std::move(item));
    }
    OW_READ(page.cursor, reader.requireInt(u"cursor"_s, 0, kMaxSafe));
    OW_READ(page.hasMore, reader.requireBool(u"has_more"_s));
    OW_READ(page.highWater, reader.requireInt(u"high_water"_s, 0, kMaxSafe));
    OW_READ(page.directoryVersion, reader.requireInt(u"directory_version"_s, 0, kMaxSafe));
    OW_READ(page.serverTime, reader.requireTime(u"server_time"_s));
    return page;
}

} // namespace outward::protocol
