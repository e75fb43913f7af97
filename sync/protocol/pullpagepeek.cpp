#include "sync/protocol/pullpagepeek.h"

namespace outward::protocol {

namespace {

// A cursor over the text that never reads past its end.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text)
        : m_text(text)
    {}

    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_at); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_at;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    // A string's raw bytes between its quotes (escapes left as they are); nullopt if unclosed.
    std::optional<QByteArrayView> string()
    {
        if (!take('"'))
            return std::nullopt;
        const qsizetype start = m_at;
        while (!atEnd()) {
            const char c = m_text.at(m_at++);
            if (c == '\\')
                ++m_at; // the escaped character, whatever it is
            else if (c == '"')
                return m_text.sliced(start, m_at - 1 - start);
        }
        return std::nullopt;
    }
    // Steps over one member's value, up to the ',' or '}' after it (not taken): strings as a
    // whole, objects and arrays to their matching bracket.
    bool skipValue()
    {
        int depth = 0;
        skipSpace();
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                if (!string())
                    return false;
            } else if (c == '{' || c == '[') {
                ++depth;
                ++m_at;
            } else if ((c == '}' || c == ']') && depth > 0) {
                --depth;
                ++m_at;
            } else if ((c == ',' || c == '}') && depth == 0) {
                return true;
            } else {
                ++m_at;
            }
        }
        return false;
    }
    std::optional<qint64> wholeNumber()
    {
        skipSpace();
        qint64 value = 0;
        qsizetype digits = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            if (++digits > 16) // beyond 2^53: not a cursor the protocol allows
                return std::nullopt;
            value = value * 10 + (peek() - '0');
            ++m_at;
        }
        if (digits == 0 || peek() == '.' || peek() == 'e' || peek() == 'E')
            return std::nullopt;
        return value;
    }
    std::optional<bool> boolean()
    {
        skipSpace();
        const QByteArrayView rest = m_text.sliced(m_at);
        if (rest.startsWith("true")) {
            m_at += 4;
            return true;
        }
        if (rest.startsWith("false")) {
            m_at += 5;
            return false;
        }
        return std::nullopt;
    }

private:
    QByteArrayView m_text;
    qsizetype m_at = 0;
};

} // namespace

std::optional<PullPagePeek> peekPullPage(QByteArrayView json)
{
    Scanner scanner(json);
    if (!scanner.take('{'))
        return std::nullopt;
    std::optional<qint64> cursor;
    std::optional<bool> hasMore;
    while (!(cursor && hasMore)) {
        const std::optional<QByteArrayView> key = scanner.string();
        if (!key || !scanner.take(':'))
            return std::nullopt;
        if (*key == "cursor") {
            if (cursor || !(cursor = scanner.wholeNumber()))
                return std::nullopt; // twice, or not a whole number
        } else if (*key == "has_more") {
            if (hasMore || !(hasMore = scanner.boolean()))
                return std::nullopt;
        } else if (!scanner.skipValue()) {
            return std::nullopt;
        }
        if (!scanner.take(','))
            break; // the object's end, or something else: either way no more members
    }
    if (!cursor || !hasMore)
        return std::nullopt;
    return PullPagePeek{*cursor, *hasMore};
}

} // namespace outward::protocol
