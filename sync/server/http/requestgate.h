#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace outward::server {

// The largest request body a method and path may carry, in bytes (protocol.md section 3.1).
using BodyLimit = std::function<qint64(const QByteArray &method, const QString &path)>;

// What the gate read from one request head it let through.
struct RequestHead
{
    QByteArray method;            // as on the wire, e.g. "POST"
    QString path;                 // percent-decoded, without the query
    qint64 contentLength = 0;     // 0 when the request has no body
    bool http10 = false;          // HTTP/1.0 rather than HTTP/1.1
    bool keepAlive = true;        // the connection may carry another request afterwards
    bool expectsContinue = false; // "Expect: 100-continue" with a body to come
};

// Why the gate refused a request; the connection is answered with this and closed.
struct GateRejection
{
    int status = 400;
    QByteArray code; // a code of protocol.md section 2.1
    QString message;
};

// The streaming state machine in front of Qt HTTP Server's parser, which buffers any body with
// no limit (QT64-NOTES.md). It sees the bytes of a connection in order: a request head (request
// line and headers, at most maxHeaderBytes), then Content-Length body bytes, then the next head.
// From the head alone it decides whether the body may be read at all; it never holds body bytes.
// Socket-free so every rule is testable byte by byte; ConnectionGate feeds it from a socket.
class RequestGate
{
public:
    enum class Outcome
    {
        NeedMore, // all bytes consumed, the head is not complete yet
        Accepted, // a head ended and passed; `head` describes it
        Rejected, // the request is refused; `rejection` says why. The gate stays rejected.
    };

    struct Step
    {
        qint64 consumed = 0; // bytes of the input that belonged to the head (or were skipped)
        Outcome outcome = Outcome::NeedMore;
        RequestHead head;
        GateRejection rejection;
    };

    RequestGate(qint64 maxHeaderBytes, BodyLimit bodyLimit);

    // Body bytes of the last accepted request still to come. While positive, the next bytes of
    // the stream are body: pass their count to skipBody() instead of feeding them as a head.
    qint64 bodyRemaining() const { return m_bodyRemaining; }
    void skipBody(qint64 count);

    // Feeds the next bytes of a request head. Stops right after the head's blank line, so the
    // caller continues with the rest of `bytes` as body (or as the next head).
    Step feedHead(QByteArrayView bytes);

    // Some bytes of a head have arrived but not its end (for the header timeout).
    bool headInProgress() const { return m_headBytes > 0; }
    bool rejected() const { return m_rejected; }

private:
    Step reject(qint64 consumed, int status, const QByteArray &code, const QString &message);
    Step parseHead(const QByteArray &block, qint64 consumed);

    qint64 m_maxHeaderBytes;
    BodyLimit m_bodyLimit;
    QByteArray m_head;      // the head received so far, from its request line
    qint64 m_headBytes = 0; // bytes of this head so far, empty lines before it included
    qint64 m_bodyRemaining = 0;
    bool m_rejected = false;
};

// The path of a request target as the router sees it: percent-decoded, without the query.
// Origin form ("/v1/records?x=1") and absolute form ("https://host/v1/records") are understood.
QString pathOfRequestTarget(const QByteArray &target);

} // namespace outward::server
