#include "sync/protocol/strictjson.h"

#include "sync/protocol/base64url.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/signedmessages.h"
#include "sync/protocol/timetext.h"

#include <QByteArrayView>
#include <QJsonDocument>
#include <QVarLengthArray>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace outward::protocol {

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // Bodies are mostly ASCII (base64url): eight bytes at a time while no high bit is set.
        if (n - i >= 8) {
            quint64 word;
            std::memcpy(&word, p + i, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            min = 0x80;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            min = 0x800;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= n)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += extra + 1;
    }
    return true;
}

// A member name as the scanner met it. Most names have no escape, and then the name is its UTF-8
// bytes in the text: the text is valid UTF-8, whose decoding is one-to-one, so comparing those
// bytes compares the names without building a QString. A name with an escape is unescaped.
struct Name
{
    QByteArrayView utf8; // the bytes between the quotes, when not escaped
    QString decoded;     // the unescaped name, when escaped
    bool escaped = false;

    QString toString() const { return escaped ? decoded : QString::fromUtf8(utf8); }
    bool operator==(const Name &other) const
    {
        if (!escaped && !other.escaped)
            return utf8 == other.utf8;
        return toString() == other.toString();
    }
};

// The member names of one object seen so far. Objects on the wire have a handful of members, for
// which a linear search of a small inline array beats hashing; a large object moves to a hash set
// so that its scan stays linear.
class NameSet
{
public:
    // false when the name is already in the set.
    bool insert(const Name &name)
    {
        if (!m_isLarge) {
            for (const Name &seen : m_small)
                if (seen == name)
                    return false;
            if (m_small.size() < kSmall) {
                m_small.append(name);
                return true;
            }
            m_isLarge = true;
            for (const Name &seen : m_small)
                m_large.insert(seen.toString());
            m_small.clear();
        }
        const QString text = name.toString();
        if (m_large.contains(text))
            return false;
        m_large.insert(text);
        return true;
    }

private:
    static constexpr qsizetype kSmall = 16;
    QVarLengthArray<Name, kSmall> m_small;
    QSet<QString> m_large;
    bool m_isLarge = false;
};

// Walks the JSON text once to find what QJsonDocument would hide: nesting beyond the limit and
// duplicate member names (compared after unescaping, so "a" and "\u0061" are the same name).
// Syntax errors are left to QJsonDocument, which runs afterwards; the scanner only has to stop
// safely on them. Every push body passes through here, so valid input allocates next to nothing:
// string values are stepped over, not built, and the path of a member is kept as a stack of
// segments that becomes a string only for an error.
class Scanner
{
public:
    explicit Scanner(const QByteArray &text)
        : m_text(text)
    {}

    // false when a rule was broken; error() says which. Syntax errors return true here.
    bool scan()
    {
        skipSpace();
        value(0);
        return m_error.isEmpty();
    }
    const QString &error() const { return m_error; }
    const QString &errorPath() const { return m_errorPath; }

private:
    // One step of a path: a member name, or an array index when index >= 0.
    struct Segment
    {
        Name name;
        qsizetype index = -1;
    };

    // Pops the segment a container pushed, whichever way it returns.
    class SegmentScope
    {
    public:
        explicit SegmentScope(QVarLengthArray<Segment, 16> &path, qsizetype index = -1)
            : m_path(path)
        {
            m_path.append(Segment{Name(), index});
        }
        ~SegmentScope() { m_path.removeLast(); }
        SegmentScope(const SegmentScope &) = delete;
        SegmentScope &operator=(const SegmentScope &) = delete;

    private:
        QVarLengthArray<Segment, 16> &m_path;
    };

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    bool failed() const { return m_stop; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    void syntaxError() { m_stop = true; }

    // The rule broken at the current path ("items[3].envelope").
    void ruleError(const QString &why)
    {
        m_error = why;
        m_errorPath = currentPath();
        m_stop = true;
    }

    QString currentPath() const
    {
        QString path;
        for (const Segment &segment : m_path) {
            if (segment.index >= 0)
                path += u'[' + QString::number(segment.index) + u']';
            else if (path.isEmpty())
                path = segment.name.toString();
            else
                path += u'.' + segment.name.toString();
        }
        return path;
    }

    // The position of the first `c` in from .. to, or `to` when there is none. memchr, because
    // string values (base64url envelopes) are most of a push body.
    qsizetype find(char c, qsizetype from, qsizetype to) const
    {
        const char *data = m_text.constData();
        const void *hit = std::memchr(data + from, c, static_cast<size_t>(to - from));
        return hit ? static_cast<const char *>(hit) - data : to;
    }

    void value(int depth)
    {
        if (failed())
            return;
        switch (peek()) {
        case '{':
            object(depth + 1);
            break;
        case '[':
            array(depth + 1);
            break;
        case '"':
            string(nullptr);
            break;
        default:
            scalar();
        }
    }

    void object(int depth)
    {
        if (depth > limits::kMaxJsonDepth)
            return ruleError(u"it is nested more than %1 levels deep"_s.arg(limits::kMaxJsonDepth));
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        NameSet names;
        const SegmentScope member(m_path);
        while (!failed()) {
            skipSpace();
            if (peek() != '"')
                return syntaxError();
            // Not a reference kept across value(): nested containers grow m_path.
            if (!name(m_path.last().name))
                return;
            if (!names.insert(m_path.last().name))
                return ruleError(u"the member \"%1\" appears twice"_s.arg(currentPath()));
            skipSpace();
            if (peek() != ':')
                return syntaxError();
            ++m_pos;
            skipSpace();
            value(depth);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return;
            }
            return syntaxError();
        }
    }

    void array(int depth)
    {
        if (depth > limits::kMaxJsonDepth)
            return ruleError(u"it is nested more than %1 levels deep"_s.arg(limits::kMaxJsonDepth));
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        const SegmentScope element(m_path, 0);
        for (qsizetype index = 0; !failed(); ++index) {
            m_path.last().index = index;
            skipSpace();
            value(depth);
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return;
            }
            return syntaxError();
        }
    }

    // A member name, the position at its opening quote and ending after its closing quote; false
    // after a syntax error.
    bool name(Name &out)
    {
        out = Name();
        const qsizetype start = m_pos + 1;
        const qsizetype quote = find('"', start, m_text.size());
        if (quote < m_text.size() && find('\\', start, quote) == quote) {
            out.utf8 = QByteArrayView(m_text.constData() + start, quote - start);
            m_pos = quote + 1;
            return true;
        }
        out.escaped = true;
        return string(&out.decoded);
    }

    // Steps over a string, the position at its opening quote and ending after its closing
    // quote, unescaping it into `decoded` unless that is null; false after a syntax error.
    bool string(QString *decoded)
    {
        const char *data = m_text.constData();
        const qsizetype size = m_text.size();
        ++m_pos; // opening quote
        // The next quote at or after m_pos, searched again only once an escaped quote is passed,
        // so that a string of many escapes is still one pass.
        qsizetype quote = -1;
        while (true) {
            if (quote < m_pos)
                quote = find('"', m_pos, size);
            const qsizetype backslash = find('\\', m_pos, quote);
            if (decoded)
                decoded->append(QString::fromUtf8(data + m_pos, backslash - m_pos));
            if (backslash == quote) {
                if (quote == size)
                    break; // it runs to the end of the text
                m_pos = quote + 1;
                return true;
            }
            m_pos = backslash + 1;
            const int unit = escape();
            if (unit < 0)
                return false;
            if (decoded)
                decoded->append(QChar(static_cast<char16_t>(unit)));
        }
        syntaxError();
        return false;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // The UTF-16 unit an escape stands for, the position just after its backslash and ending
    // after the escape; -1 after a syntax error.
    int escape()
    {
        if (atEnd()) {
            syntaxError();
            return -1;
        }
        const char e = m_text.at(m_pos++);
        switch (e) {
        case '"':
        case '\\':
        case '/':
            return e;
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        case 'u': {
            if (m_pos + 4 > m_text.size())
                break;
            int unit = 0;
            for (int k = 0; k < 4; ++k) {
                const int h = hexValue(m_text.at(m_pos + k));
                if (h < 0) {
                    syntaxError();
                    return -1;
                }
                unit = unit * 16 + h;
            }
            m_pos += 4;
            return unit;
        }
        default:
            // QJsonDocument would take "\x" as "x", accepting what is not JSON and, since the
            // scan stopped here, a duplicate name after it: so this one the scanner refuses.
            m_error = u"invalid escape sequence at offset %1"_s.arg(m_pos - 1);
            m_errorPath.clear();
            m_stop = true;
            return -1;
        }
        syntaxError();
        return -1;
    }

    void scalar()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r')
                break;
            ++m_pos;
        }
        if (m_pos == start)
            syntaxError();
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    bool m_stop = false;
    QString m_error;
    QString m_errorPath;
    // The path of the value being scanned: one segment per enclosing object member or array
    // element; the depth limit keeps it within the inline size.
    QVarLengthArray<Segment, 16> m_path;
};

bool isWholeNumber(double value)
{
    constexpr double kMaxExact = 9007199254740992.0; // 2^53
    return std::isfinite(value) && std::floor(value) == value && std::fabs(value) <= kMaxExact;
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString charsRule(int minChars, int maxChars)
{
    if (maxChars == std::numeric_limits<int>::max())
        return u"must have at least %1 characters"_s.arg(minChars);
    if (minChars == maxChars)
        return u"must have exactly %1 characters"_s.arg(minChars);
    return u"must have %1 to %2 characters"_s.arg(minChars).arg(maxChars);
}

QString itemsRule(int minItems, int maxItems)
{
    if (maxItems == std::numeric_limits<int>::max())
        return u"must have at least %1 items"_s.arg(minItems);
    return u"must have %1 to %2 items"_s.arg(minItems).arg(maxItems);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"null"_s;
    }
}

QString wrongType(const QString &expected, const QJsonValue &value)
{
    return u"must be %1, not %2"_s.arg(expected, typeName(value));
}

} // namespace

Result<QJsonObject, JsonProblem> parseStrictJson(const QByteArray &text)
{
    if (!isValidUtf8(text))
        return JsonProblem{u"it is not valid UTF-8"_s, QString()};
    Scanner scanner(text);
    if (!scanner.scan())
        return JsonProblem{scanner.error(), scanner.errorPath()};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return JsonProblem{
            u"%1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset), QString()};
    if (!document.isObject())
        return JsonProblem{u"it must be one JSON object"_s, QString()};
    return document.object();
}

ApiResult<QJsonObject> parseStrictObject(const QByteArray &body)
{
    auto parsed = parseStrictJson(body);
    if (!parsed)
        return ApiError::invalidJson(parsed.error().rule, parsed.error().path);
    return std::move(parsed).value();
}

JsonObjectReader::JsonObjectReader(QJsonObject object, QString path)
    : m_object(std::move(object))
    , m_path(std::move(path))
{}

QString JsonObjectReader::memberPath(const QString &name) const
{
    return m_path.isEmpty() ? name : m_path + u'.' + name;
}

bool JsonObjectReader::has(const QString &name) const
{
    const QJsonValue value = m_object.value(name);
    return !value.isUndefined() && !value.isNull();
}

ApiResult<QJsonValue> JsonObjectReader::take(const QString &name)
{
    m_read.insert(name);
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return ApiError::missingField(memberPath(name));
    return value;
}

ApiError JsonObjectReader::invalid(const QString &name, const QString &rule) const
{
    return ApiError::invalidField(memberPath(name), rule);
}

ApiResult<QString> JsonObjectReader::requireString(const QString &name, int minChars, int maxChars)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isString())
        return invalid(name, wrongType(u"a string"_s, *value));
    const QString text = value->toString();
    const qsizetype count = codePoints(text);
    if (count < minChars || count > maxChars)
        return invalid(name, charsRule(minChars, maxChars));
    return text;
}

ApiResult<QString> JsonObjectReader::requireName(const QString &name)
{
    auto text = requireString(name, limits::kNameMinChars, limits::kNameMaxChars);
    if (!text)
        return text;
    for (const QChar c : *text)
        if (c.category() == QChar::Other_Control)
            return invalid(name, u"must not contain control characters (line breaks, tabs)"_s);
    return text;
}

ApiResult<QString> JsonObjectReader::requireUuid(const QString &name)
{
    auto text = requireString(name);
    if (!text)
        return text;
    if (!signing::isCanonicalUuid(*text))
        return invalid(name, u"must be a lower-case UUID without braces, like "
                             u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s);
    return text;
}

ApiResult<QString> JsonObjectReader::requireOneOf(const QString &name, const QStringList &allowed)
{
    auto text = requireString(name);
    if (!text)
        return text;
    if (!allowed.contains(*text))
        return invalid(name, u"must be one of %1"_s.arg(allowed.join(u", "_s)));
    return text;
}

ApiResult<QByteArray> JsonObjectReader::requireBase64(const QString &name, qsizetype bytes)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isString())
        return invalid(name, wrongType(u"a base64url string"_s, *value));
    auto decoded = base64url::decodeExact(value->toString(), bytes);
    if (!decoded)
        return invalid(name, decoded.error().message());
    return std::move(decoded).value();
}

ApiResult<QByteArray> JsonObjectReader::requireBase64Range(const QString &name, qsizetype minBytes,
                                                           qsizetype maxBytes)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isString())
        return invalid(name, wrongType(u"a base64url string"_s, *value));
    auto decoded = base64url::decodeMax(value->toString(), maxBytes, minBytes);
    if (!decoded)
        return invalid(name, decoded.error().message());
    return std::move(decoded).value();
}

ApiResult<qint64> JsonObjectReader::requireInt(const QString &name, qint64 min, qint64 max)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isDouble())
        return invalid(name, wrongType(u"a number"_s, *value));
    const double number = value->toDouble();
    if (!isWholeNumber(number))
        return invalid(name, u"must be a whole number"_s);
    const auto whole = static_cast<qint64>(number);
    if (whole < min || whole > max)
        return invalid(name, u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
    return whole;
}

ApiResult<bool> JsonObjectReader::requireBool(const QString &name)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isBool())
        return invalid(name, wrongType(u"true or false"_s, *value));
    return value->toBool();
}

ApiResult<QDateTime> JsonObjectReader::requireTime(const QString &name)
{
    auto text = requireString(name);
    if (!text)
        return text.error();
    const auto time = parseTime(*text);
    if (!time)
        return invalid(name, u"must be a UTC time with milliseconds, like "
                             u"2026-11-24T08:08:55.414Z"_s);
    return *time;
}

ApiResult<JsonObjectReader> JsonObjectReader::requireObject(const QString &name)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isObject())
        return invalid(name, wrongType(u"an object"_s, *value));
    return JsonObjectReader(value->toObject(), memberPath(name));
}

ApiResult<QJsonArray> JsonObjectReader::requireArray(const QString &name, int minItems,
                                                     int maxItems)
{
    auto value = take(name);
    if (!value)
        return value.error();
    if (!value->isArray())
        return invalid(name, wrongType(u"an array"_s, *value));
    const QJsonArray array = value->toArray();
    if (array.size() < minItems || array.size() > maxItems)
        return invalid(name, itemsRule(minItems, maxItems));
    return array;
}

ApiResult<QList<JsonObjectReader>> JsonObjectReader::requireObjectArray(const QString &name,
                                                                        int minItems, int maxItems)
{
    auto array = requireArray(name, minItems, maxItems);
    if (!array)
        return array.error();
    QList<JsonObjectReader> readers;
    readers.reserve(array->size());
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QString itemPath = u"%1[%2]"_s.arg(memberPath(name)).arg(i);
        const QJsonValue item = array->at(i);
        if (!item.isObject())
            return ApiError::invalidField(itemPath, wrongType(u"an object"_s, item));
        readers.append(JsonObjectReader(item.toObject(), itemPath));
    }
    return readers;
}

ApiResult<QList<qint64>> JsonObjectReader::requireIntArray(const QString &name, qint64 min,
                                                           qint64 max)
{
    auto array = requireArray(name);
    if (!array)
        return array.error();
    QList<qint64> numbers;
    for (qsizetype i = 0; i < array->size(); ++i) {
        const QJsonValue item = array->at(i);
        const double number = item.toDouble();
        if (!item.isDouble() || !isWholeNumber(number) || number < static_cast<double>(min) ||
            number > static_cast<double>(max))
            return ApiError::invalidField(
                u"%1[%2]"_s.arg(memberPath(name)).arg(i),
                u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
        numbers.append(static_cast<qint64>(number));
    }
    return numbers;
}

ApiResult<std::optional<QString>> JsonObjectReader::optionalString(const QString &name,
                                                                   int minChars, int maxChars)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<QString>();
    auto text = requireString(name, minChars, maxChars);
    if (!text)
        return text.error();
    return std::optional<QString>(std::move(text).value());
}

ApiResult<std::optional<QString>> JsonObjectReader::optionalUuid(const QString &name)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<QString>();
    auto text = requireUuid(name);
    if (!text)
        return text.error();
    return std::optional<QString>(std::move(text).value());
}

ApiResult<std::optional<QByteArray>> JsonObjectReader::optionalBase64(const QString &name,
                                                                      qsizetype bytes)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<QByteArray>();
    auto decoded = requireBase64(name, bytes);
    if (!decoded)
        return decoded.error();
    return std::optional<QByteArray>(std::move(decoded).value());
}

ApiResult<std::optional<qint64>> JsonObjectReader::optionalInt(const QString &name, qint64 min,
                                                               qint64 max)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<qint64>();
    auto number = requireInt(name, min, max);
    if (!number)
        return number.error();
    return std::optional<qint64>(*number);
}

ApiResult<std::optional<bool>> JsonObjectReader::optionalBool(const QString &name)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<bool>();
    auto flag = requireBool(name);
    if (!flag)
        return flag.error();
    return std::optional<bool>(*flag);
}

ApiResult<std::optional<QDateTime>> JsonObjectReader::optionalTime(const QString &name)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<QDateTime>();
    auto time = requireTime(name);
    if (!time)
        return time.error();
    return std::optional<QDateTime>(*time);
}

ApiResult<std::optional<JsonObjectReader>> JsonObjectReader::optionalObject(const QString &name)
{
    m_read.insert(name);
    if (!has(name))
        return std::optional<JsonObjectReader>();
    auto reader = requireObject(name);
    if (!reader)
        return reader.error();
    return std::optional<JsonObjectReader>(std::move(reader).value());
}

ApiStatus JsonObjectReader::finish() const
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        if (!m_read.contains(it.key()))
            return ApiError::unknownField(memberPath(it.key()));
    return {};
}

} // namespace outward::protocol
