#include "sync/protocol/headerchecks.h"

#include "core/crypto/envelope.h"
#include "core/model/enumnames.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/metricschecks.h"
#include "sync/protocol/signedmessages.h"
#include "sync/protocol/strictjson.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace outward::protocol {

namespace {
QString join(const QString &path, const QString &member)
{
    return path.isEmpty() ? member : path + u'.' + member;
}

ItemError itemError(QLatin1StringView code, const QString &message, const QString &field)
{
    return ItemError{QString(code), message, field};
}

ItemError badHeader(const QString &member, const QString &rule, const QString &itemPath)
{
    const QString headerPath = join(itemPath, u"header"_s);
    const QString field = member.isEmpty() ? headerPath : join(headerPath, member);
    return itemError(code::kInvalidHeader, u"the record header %1"_s.arg(rule), field);
}
} // namespace

Result<RecordHeader, ItemError> checkPushedHeader(const QByteArray &headerBytes,
                                                  const QString &itemPath)
{
    const QString headerPath = join(itemPath, u"header"_s);
    auto parsed = parseStrictJson(headerBytes);
    if (!parsed) {
        const JsonProblem &problem = parsed.error();
        // A duplicate names its member path inside the header.
        const QString field = problem.path.isEmpty() ? headerPath : join(headerPath, problem.path);
        return itemError(code::kInvalidHeader,
                         u"the record header is not acceptable JSON: "_s + problem.rule, field);
    }
    const QJsonObject json = *parsed;

    const QJsonValue version = json.value("v"_L1);
    if (version.isDouble() && version.toDouble() > RecordHeader::kFormatVersion)
        return itemError(code::kNewerFormat,
                         u"the record uses header format %1, which this server does not know; "
                         u"update the server"_s.arg(version.toDouble()),
                         join(headerPath, u"v"_s));
    if (!version.isDouble() || version.toDouble() != RecordHeader::kFormatVersion)
        return badHeader(u"v"_s, u"must have \"v\": 1"_s, itemPath);

    const QJsonValue id = json.value("id"_L1);
    if (!id.isString() || !signing::isCanonicalUuid(id.toString()))
        return badHeader(u"id"_s, u"id must be a lower-case UUID without braces"_s, itemPath);
    const QJsonValue kind = json.value("kind"_L1);
    if (!kind.isString() || !enumFromName<RecordKind>(kind.toString()))
        return badHeader(u"kind"_s,
                         u"kind must be one of %1"_s.arg(enumNameList<RecordKind>().join(u", "_s)),
                         itemPath);
    for (const auto name : {"author"_L1, "team"_L1})
        if (!json.value(name).isString())
            return badHeader(QString(name), u"%1 must be a string"_s.arg(name), itemPath);
    const QJsonValue clockValue = json.value("clock"_L1);
    const auto clock = HlcTimestamp::fromString(clockValue.toString());
    if (!clockValue.isString() || !clock)
        return badHeader(u"clock"_s,
                         u"clock must be a clock text such as "
                         u"0001763800000000-002a-6f1c9e0b7d2a4c35"_s,
                         itemPath);
    const QJsonValue at = json.value("at"_L1);
    if (!at.isDouble() || !std::isfinite(at.toDouble()) ||
        std::fabs(at.toDouble()) > 9007199254740992.0)
        return badHeader(u"at"_s, u"at must be a number of milliseconds"_s, itemPath);
    if (!json.value("deleted"_L1).isBool())
        return badHeader(u"deleted"_s, u"deleted must be true or false"_s, itemPath);
    if (!json.value("metrics"_L1).isObject())
        return badHeader(u"metrics"_s, u"metrics must be an object"_s, itemPath);

    // The core reader decides what the device will see; the checks above make it succeed, and
    // anything it still refuses is a header the device could not read either.
    auto header = RecordHeader::fromBytes(headerBytes);
    if (!header)
        return badHeader(QString(), header.error().message(), itemPath);

    if (header->clock.wallMs < limits::kMinClockWallMs)
        return itemError(code::kInvalidClock,
                         u"the record's clock is before 2020-01-01; the device's clock is "
                         u"wrong"_s,
                         join(headerPath, u"clock"_s));

    if (auto metrics = checkMetrics(header->kind, header->deleted, header->metrics,
                                    join(headerPath, u"metrics"_s));
        !metrics)
        return metrics.error();
    return std::move(header).value();
}

Result<CheckedItem, ItemError> checkPushedEnvelope(const QByteArray &envelopeBytes,
                                                   const QString &itemPath)
{
    if (envelopeBytes.size() > limits::kEnvelopeBytes)
        return itemError(
            code::kEnvelopeTooLarge,
            u"the envelope is %1 bytes; the server accepts at most %2"_s.arg(envelopeBytes.size())
                .arg(limits::kEnvelopeBytes),
            join(itemPath, u"envelope"_s));
    // crypto.md 6.6 step 1 is core's: the device and the server agree on what an envelope is.
    auto structure = envelope::structureOf(envelopeBytes);
    if (!structure) {
        if (structure.error().code() == ErrorCode::NewerVersion)
            return itemError(code::kNewerFormat,
                             u"the envelope uses a format this server does not know; update "
                             u"the server"_s,
                             join(itemPath, u"envelope"_s));
        return itemError(code::kMalformedEnvelope, structure.error().message(),
                         join(itemPath, u"envelope"_s));
    }
    CheckedItem item;
    item.headerBytes = structure->header;
    for (const envelope::WrapHead &wrap : structure->wraps)
        item.wraps.append(EnvelopeWrapHead{wrap.type, wrap.recipient});
    auto header = checkPushedHeader(item.headerBytes, itemPath);
    if (!header)
        return header.error();
    item.header = std::move(header).value();
    return item;
}

std::optional<qint64> clockRetryAfterSeconds(qint64 clockWallMs, qint64 nowMs)
{
    const qint64 excessMs = clockWallMs - nowMs - limits::kMaxClockAheadMs;
    if (excessMs <= 0)
        return std::nullopt;
    return std::max<qint64>(1, (excessMs + 999) / 1000);
}

ItemError clockInFutureError(qint64 clockWallMs, qint64 nowMs, const QString &itemPath)
{
    const qint64 aheadMinutes = std::max<qint64>(0, (clockWallMs - nowMs) / 60000);
    const QString ahead = aheadMinutes >= 60
                              ? u"%1 h %2 min"_s.arg(aheadMinutes / 60).arg(aheadMinutes % 60)
                              : u"%1 min"_s.arg(aheadMinutes);
    return itemError(code::kClockInFuture,
                     u"the record's clock is %1 ahead of the server's time; it will be sent "
                     u"again once it is within 1 hour"_s.arg(ahead),
                     join(join(itemPath, u"header"_s), u"clock"_s));
}

} // namespace outward::protocol
