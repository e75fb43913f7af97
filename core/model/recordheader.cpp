#include "core/model/recordheader.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kVersionKey = "v"_L1;
constexpr auto kIdKey = "id"_L1;
constexpr auto kKindKey = "kind"_L1;
constexpr auto kAuthorKey = "author"_L1;
constexpr auto kTeamKey = "team"_L1;
constexpr auto kClockKey = "clock"_L1;
constexpr auto kAtKey = "at"_L1;
constexpr auto kDeletedKey = "deleted"_L1;
constexpr auto kMetricsKey = "metrics"_L1;

Error damaged(const QString &what)
{
    return Error(ErrorCode::Corrupt, u"a record header is damaged (%1)"_s.arg(what));
}
} // namespace

QByteArray RecordHeader::toBytes() const
{
    QJsonObject json;
    json.insert(kVersionKey, kFormatVersion);
    json.insert(kIdKey, idText());
    json.insert(kKindKey, enumName(kind));
    json.insert(kAuthorKey, author);
    json.insert(kTeamKey, team);
    json.insert(kClockKey, clock.toString());
    json.insert(kAtKey, static_cast<double>(atMs));
    json.insert(kDeletedKey, deleted);
    json.insert(kMetricsKey, metrics);
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Result<RecordHeader> RecordHeader::fromBytes(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(u"not a JSON object"_s);
    const QJsonObject json = document.object();
    if (json.value(kVersionKey).toInt(-1) != kFormatVersion)
        return Error(
            ErrorCode::NewerVersion,
            u"a record uses header format %1, which this version of Outward does not know; "
            u"update Outward"_s.arg(json.value(kVersionKey).toInt(-1)));

    RecordHeader header;
    header.id = QUuid::fromString(json.value(kIdKey).toString());
    if (header.id.isNull())
        return damaged(u"id"_s);
    const auto kind = enumFromName<RecordKind>(json.value(kKindKey).toString());
    if (!kind)
        return damaged(u"unknown kind \"%1\""_s.arg(json.value(kKindKey).toString()));
    header.kind = *kind;
    if (!json.value(kAuthorKey).isString() || !json.value(kTeamKey).isString())
        return damaged(u"author or team"_s);
    header.author = json.value(kAuthorKey).toString();
    header.team = json.value(kTeamKey).toString();
    const auto clock = HlcTimestamp::fromString(json.value(kClockKey).toString());
    if (!clock)
        return damaged(u"clock"_s);
    header.clock = *clock;
    const QJsonValue at = json.value(kAtKey);
    if (!at.isDouble())
        return damaged(u"at"_s);
    header.atMs = static_cast<qint64>(at.toDouble());
    if (!json.value(kDeletedKey).isBool() || !json.value(kMetricsKey).isObject())
        return damaged(u"deleted or metrics"_s);
    header.deleted = json.value(kDeletedKey).toBool();
    header.metrics = json.value(kMetricsKey).toObject();
    return header;
}

} // namespace outward
