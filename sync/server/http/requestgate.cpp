#include "sync/server/http/requestgate.h"

#include <QByteArrayList>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

// More digits than any body this server accepts, and far from overflowing qint64.
constexpr int kMaxContentLengthDigits = 15;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isVisibleAscii(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return false;
    }
    return true;
}

// Index just past the blank line that ends a head, or -1. Lines end in LF with an optional CR
// before it, as Qt's parser and RFC 9112 section 2.2 allow.
qsizetype findHeadEnd(const QByteArray &buffer, qsizetype from)
{
    const qsizetype size = buffer.size();
    for (qsizetype i = qMax<qsizetype>(from, 0); i < size; ++i) {
        if (buffer.at(i) != '\n')
            continue;
        if (i + 1 < size && buffer.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < size && buffer.at(i + 1) == '\r' && buffer.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

bool requiresContentLength(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

} // namespace

QString pathOfRequestTarget(const QByteArray &target)
{
    if (target.startsWith('/')) {
        qsizetype end = target.size();
        for (char stop : {'?', '#'}) {
            const qsizetype at = target.indexOf(stop);
            if (at >= 0 && at < end)
                end = at;
        }
        return QUrl::fromPercentEncoding(target.left(end));
    }
    if (target == "*")
        return u"*"_s;
    const QUrl url = QUrl::fromEncoded(target, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return {};
    const QString path = url.path(QUrl::FullyDecoded);
    return path.isEmpty() ? u"/"_s : path;
}

RequestGate::RequestGate(qint64 maxHeaderBytes, BodyLimit bodyLimit)
    : m_maxHeaderBytes(maxHeaderBytes)
    , m_bodyLimit(std::move(bodyLimit))
{}

void RequestGate::skipBody(qint64 count)
{
    Q_ASSERT(count >= 0 && count <= m_bodyRemaining);
    m_bodyRemaining -= qBound<qint64>(0, count, m_bodyRemaining);
}

RequestGate::Step RequestGate::feedHead(QByteArrayView bytes)
{
    if (m_rejected) {
        Step step;
        step.outcome = Outcome::Rejected;
        return step;
    }
    Q_ASSERT(m_bodyRemaining == 0);

    const qint64 size = bytes.size();
    qint64 pos = 0;
    // Empty lines before a request line are allowed (RFC 9112 section 2.2). They count towards
    // the head's size, because Qt's parser may hold them too.
    if (m_head.isEmpty()) {
        while (pos < size && m_headBytes + pos < m_maxHeaderBytes &&
               (bytes[pos] == '\r' || bytes[pos] == '\n')) {
            ++pos;
        }
        m_headBytes += pos;
        if (pos == size) {
            Step step;
            step.consumed = pos;
            return step;
        }
    }

    // Never hold more than one byte past the limit: that byte is enough to know it is exceeded.
    const qint64 room = m_maxHeaderBytes - m_headBytes + 1;
    const QByteArrayView chunk = bytes.sliced(pos, qMin(size - pos, room));
    const qsizetype oldSize = m_head.size();
    m_head.append(chunk);
    const qsizetype end = findHeadEnd(m_head, oldSize - 2);
    if (end < 0) {
        m_headBytes += chunk.size();
        if (m_headBytes > m_maxHeaderBytes) {
            return reject(
                pos + chunk.size(), 431, "headers_too_large"_ba,
                u"the request line and headers are larger than %1 bytes"_s.arg(m_maxHeaderBytes));
        }
        Step step;
        step.consumed = pos + chunk.size();
        return step;
    }

    const qint64 used = end - oldSize;
    m_headBytes += used;
    if (m_headBytes > m_maxHeaderBytes) {
        return reject(
            pos + used, 431, "headers_too_large"_ba,
            u"the request line and headers are larger than %1 bytes"_s.arg(m_maxHeaderBytes));
    }
    const QByteArray block = m_head.left(end);
    m_head.clear();
    m_headBytes = 0;
    return parseHead(block, pos + used);
}

RequestGate::Step RequestGate::reject(qint64 consumed, int status, const QByteArray &code,
                                      const QString &message)
{
    m_rejected = true;
    m_head.clear();
    m_headBytes = 0;
    m_bodyRemaining = 0;
    Step step;
    step.consumed = consumed;
    step.outcome = Outcome::Rejected;
    step.rejection = GateRejection{status, code, message};
    return step;
}

RequestGate::Step RequestGate::parseHead(const QByteArray &block, qint64 consumed)
{
    const auto bad = [&](const QString &message) {
        return reject(consumed, 400, "bad_request"_ba, message);
    };

    QByteArrayList lines = block.split('\n');
    // The block ends with LF, LF: the split leaves the blank line and an empty tail.
    while (!lines.isEmpty() && (lines.last().isEmpty() || lines.last() == "\r"))
        lines.removeLast();
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r') || line.contains('\0'))
            return bad(u"the request head holds a stray CR or NUL byte"_s);
    }
    if (lines.isEmpty())
        return bad(u"the request has no request line"_s);

    const QByteArrayList requestLine = lines.first().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty() ||
        !isVisibleAscii(requestLine.at(1))) {
        return bad(u"the request line is not \"METHOD target HTTP/1.1\""_s);
    }
    RequestHead head;
    head.method = requestLine.at(0);
    const QByteArray &version = requestLine.at(2);
    if (version == "HTTP/1.1") {
        head.http10 = false;
    } else if (version == "HTTP/1.0") {
        head.http10 = true;
    } else {
        return bad(u"HTTP version \"%1\" is not supported; use HTTP/1.1"_s.arg(
            QString::fromLatin1(version.left(16))));
    }
    head.path = pathOfRequestTarget(requestLine.at(1));
    if (head.path.isEmpty())
        return bad(u"the request target is not a path"_s);

    bool haveContentLength = false;
    bool haveTransferEncoding = false;
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    bool expectContinue = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(u"a header line starts with white space (line folding is not accepted)"_s);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (!isToken(name))
            return bad(u"header line %1 is not \"Name: value\""_s.arg(i + 1));
        const QByteArray lower = name.toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();

        if (lower == "content-length") {
            if (haveContentLength)
                return bad(u"the request has more than one Content-Length header"_s);
            haveContentLength = true;
            if (value.isEmpty() || value.size() > kMaxContentLengthDigits)
                return bad(u"Content-Length is not a number of bytes"_s);
            for (char c : value) {
                if (c < '0' || c > '9')
                    return bad(u"Content-Length is not a number of bytes"_s);
            }
            head.contentLength = value.toLongLong();
        } else if (lower == "transfer-encoding") {
            haveTransferEncoding = true;
        } else if (lower == "connection") {
            for (const QByteArray &token : value.split(',')) {
                const QByteArray option = token.trimmed().toLower();
                if (option == "close")
                    connectionClose = true;
                else if (option == "keep-alive")
                    connectionKeepAlive = true;
            }
        } else if (lower == "expect") {
            expectContinue = value.toLower() == "100-continue";
        }
    }

    if (haveTransferEncoding) {
        return reject(consumed, 411, "length_required"_ba,
                      u"the request uses Transfer-Encoding; chunked uploads are not accepted, "
                      u"send the body with a Content-Length header"_s);
    }
    if (!haveContentLength && requiresContentLength(head.method)) {
        return reject(consumed, 411, "length_required"_ba,
                      u"a %1 request needs a Content-Length header; chunked uploads are not "
                      u"accepted"_s.arg(QString::fromLatin1(head.method)));
    }
    if (head.contentLength > 0) {
        const qint64 limit = m_bodyLimit ? m_bodyLimit(head.method, head.path) : 0;
        if (head.contentLength > limit) {
            return reject(consumed, 413, "body_too_large"_ba,
                          u"the request body is %1 bytes; this endpoint accepts at most %2"_s
                              .arg(head.contentLength)
                              .arg(limit));
        }
    }

    head.keepAlive = !connectionClose && (!head.http10 || connectionKeepAlive);
    head.expectsContinue = expectContinue && head.contentLength > 0;
    m_bodyRemaining = head.contentLength;

    Step step;
    step.consumed = consumed;
    step.outcome = Outcome::Accepted;
    step.head = head;
    return step;
}

} // namespace outward::server
