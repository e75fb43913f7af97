#pragma once

#include "sync/protocol/apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <limits>
#include <optional>

namespace outward::protocol {

// A request or response body as protocol.md section 1 "Bodies" allows it: valid UTF-8, JSON,
// exactly one object, nesting depth at most limits::kMaxJsonDepth (the top object is depth 1),
// and no duplicate member name in any object. QJsonDocument silently keeps the last of two
// duplicates, so a scanner checks depth and duplicates before Qt parses. Any failure is 400
// invalid_json with a message saying which rule (and the path of a duplicate name).
[[nodiscard]] ApiResult<QJsonObject> parseStrictObject(const QByteArray &body);

// The same rules for JSON that is not a body (a record header, headerchecks.h): the broken rule
// ("the member \"a.b\" appears twice") and, for a duplicate, its path inside the document.
struct JsonProblem
{
    QString rule;
    QString path;
};
[[nodiscard]] Result<QJsonObject, JsonProblem> parseStrictJson(const QByteArray &text);

// Reads the members of one JSON object, producing the errors of section 2.1 with member paths:
// missing or null -> missing_field; wrong type, range, length or form -> invalid_field with the
// rule in the message; finish() -> unknown_field for the first member nobody read (requests
// only; response readers skip finish(), since clients ignore unknown members). Every require*
// and optional* call marks the member as read, whatever the outcome.
class JsonObjectReader
{
public:
    // `path` is this object's own path: "" at the top, "device", "items[2]".
    explicit JsonObjectReader(QJsonObject object, QString path = {});

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }
    // The path of a member of this object: "name", "device.name", "items[2].envelope".
    QString memberPath(const QString &name) const;
    // Present and not null.
    bool has(const QString &name) const;

    // A string of minChars .. maxChars code points.
    ApiResult<QString> requireString(const QString &name, int minChars = 0,
                                     int maxChars = std::numeric_limits<int>::max());
    // A display or device name: 1 .. 100 code points, no control characters (section 3.1).
    ApiResult<QString> requireName(const QString &name);
    // A canonical id: lower-case UUID without braces, not nil.
    ApiResult<QString> requireUuid(const QString &name);
    // One of the given strings (an enum's wire names).
    ApiResult<QString> requireOneOf(const QString &name, const QStringList &allowed);
    // base64url decoding to exactly `bytes` bytes.
    ApiResult<QByteArray> requireBase64(const QString &name, qsizetype bytes);
    // base64url decoding to minBytes .. maxBytes bytes.
    ApiResult<QByteArray> requireBase64Range(const QString &name, qsizetype minBytes,
                                             qsizetype maxBytes);
    // A JSON number that is a whole number in min .. max (and within +-2^53).
    ApiResult<qint64> requireInt(const QString &name, qint64 min, qint64 max);
    ApiResult<bool> requireBool(const QString &name);
    // RFC 3339 UTC with milliseconds (timetext.h).
    ApiResult<QDateTime> requireTime(const QString &name);
    // A nested object, read by its own reader whose paths are prefixed "name.". Call finish() on
    // it too for requests.
    ApiResult<JsonObjectReader> requireObject(const QString &name);
    ApiResult<QJsonArray> requireArray(const QString &name, int minItems = 0,
                                       int maxItems = std::numeric_limits<int>::max());
    // An array of objects, one reader each with path "name[i]".
    ApiResult<QList<JsonObjectReader>>
    requireObjectArray(const QString &name, int minItems = 0,
                       int maxItems = std::numeric_limits<int>::max());
    // An array of whole numbers in min .. max.
    ApiResult<QList<qint64>> requireIntArray(const QString &name, qint64 min, qint64 max);

    // Absent or null gives nullopt; present must follow the same rules as require*.
    ApiResult<std::optional<QString>>
    optionalString(const QString &name, int minChars = 0,
                   int maxChars = std::numeric_limits<int>::max());
    ApiResult<std::optional<QString>> optionalUuid(const QString &name);
    ApiResult<std::optional<QByteArray>> optionalBase64(const QString &name, qsizetype bytes);
    ApiResult<std::optional<qint64>> optionalInt(const QString &name, qint64 min, qint64 max);
    ApiResult<std::optional<bool>> optionalBool(const QString &name);
    ApiResult<std::optional<QDateTime>> optionalTime(const QString &name);
    ApiResult<std::optional<JsonObjectReader>> optionalObject(const QString &name);

    // unknown_field naming the first member (in key order) that no call above read.
    ApiStatus finish() const;

private:
    // The member's value, marking it read; missing_field when absent or null.
    ApiResult<QJsonValue> take(const QString &name);
    ApiError invalid(const QString &name, const QString &rule) const;

    QJsonObject m_object;
    QString m_path;
    QSet<QString> m_read;
};

} // namespace outward::protocol
