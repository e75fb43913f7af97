#pragma once

// Internal to sync/protocol's message .cpp files: the small helpers every fromJson/toJson uses.

#include "core/model/enumnames.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/strictjson.h"
#include "sync/protocol/timetext.h"

#include <QJsonArray>

// Evaluates an ApiResult expression; on failure returns its ApiError from the calling function,
// otherwise moves the value into `target`. Keeps the many member reads of a body to one line
// each.
#define OW_READ(target, expression)                                                                \
    do {                                                                                           \
        auto owReadResult_ = (expression);                                                         \
        if (!owReadResult_)                                                                        \
            return owReadResult_.error();                                                          \
        target = std::move(owReadResult_).value();                                                 \
    } while (false)

#define OW_CHECK(expression)                                                                       \
    do {                                                                                           \
        auto owCheckResult_ = (expression);                                                        \
        if (!owCheckResult_)                                                                       \
            return owCheckResult_.error();                                                         \
    } while (false)

namespace outward::protocol::detail {

template<typename E>
ApiResult<E> requireEnum(JsonObjectReader &reader, const QString &name)
{
    auto text = reader.requireOneOf(name, enumNameList<E>());
    if (!text)
        return text.error();
    return *enumFromName<E>(*text);
}

// A nested object member read by T::fromJson(object, path), with paths such as "device.name".
template<typename T>
ApiResult<T> requireNested(JsonObjectReader &reader, const QString &name)
{
    auto nested = reader.requireObject(name);
    if (!nested)
        return nested.error();
    return T::fromJson(nested->object(), nested->path());
}

inline QJsonArray intArray(const QList<qint64> &numbers)
{
    QJsonArray array;
    for (const qint64 number : numbers)
        array.append(static_cast<double>(number));
    return array;
}

inline QJsonValue number(qint64 value)
{
    return QJsonValue(static_cast<double>(value));
}

} // namespace outward::protocol::detail
