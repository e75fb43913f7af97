#include "core/model/record.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {

template<std::size_t I = 0>
constexpr bool alternativesFollowKindOrder()
{
    if constexpr (I < std::variant_size_v<RecordPayload>) {
        using T = std::variant_alternative_t<I, RecordPayload>;
        return static_cast<std::size_t>(T::kKind) == I && alternativesFollowKindOrder<I + 1>();
    }
    return true;
}
static_assert(alternativesFollowKindOrder(),
              "RecordPayload must list the kinds in RecordKind order");

template<std::size_t I = 0>
Result<RecordPayload> parseAlternative(RecordKind kind, const QJsonObject &json,
                                       const ValidationContext &context)
{
    if constexpr (I < std::variant_size_v<RecordPayload>) {
        using T = std::variant_alternative_t<I, RecordPayload>;
        if (T::kKind != kind)
            return parseAlternative<I + 1>(kind, json, context);
        Result<T> parsed = T::fromJson(json, context);
        if (!parsed)
            return parsed.error();
        return RecordPayload(std::in_place_index<I>, std::move(parsed).value());
    }
    return Error(ErrorCode::InvalidInput, u"unknown record kind"_s);
}

} // namespace

RecordKind kindOf(const RecordPayload &payload)
{
    return static_cast<RecordKind>(payload.index());
}

Result<RecordPayload> parsePayload(RecordKind kind, const QJsonObject &json,
                                   const ValidationContext &context)
{
    return parseAlternative(kind, json, context);
}

QJsonObject payloadToJson(const RecordPayload &payload)
{
    return std::visit([](const auto &value) { return value.toJson(); }, payload);
}

FieldErrors validatePayload(const RecordPayload &payload, const ValidationContext &context)
{
    return std::visit([&context](const auto &value) { return value.validate(context); }, payload);
}

QJsonObject payloadMetrics(const RecordPayload &payload)
{
    return std::visit([](const auto &value) { return value.metrics(); }, payload);
}

QDateTime payloadTime(const RecordPayload &payload)
{
    return std::visit([](const auto &value) { return value.time(); }, payload);
}

QString payloadSummary(const RecordPayload &payload)
{
    return std::visit([](const auto &value) { return value.summary(); }, payload);
}

QJsonObject mergePatch(const QJsonObject &target, const QJsonObject &patch)
{
    QJsonObject result = target;
    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else if (it.value().isObject())
            result.insert(it.key(),
                          mergePatch(result.value(it.key()).toObject(), it.value().toObject()));
        else
            result.insert(it.key(), it.value());
    }
    return result;
}

} // namespace outward
