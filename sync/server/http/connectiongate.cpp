#include "sync/server/http/connectiongate.h"

#include "sync/server/http/httpwire.h"
#include "sync/server/http/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#include <netinet/in.h>
#include <netinet/tcp.h>
#endif

using namespace Qt::StringLiterals;

namespace outward::server {

ConnectionGate::ConnectionGate(QTcpSocket *socket, qint64 maxHeaderBytes, BodyLimit bodyLimit,
                               GateTimeouts timeouts)
    : QObject(socket)
    , m_socket(socket)
    , m_gate(maxHeaderBytes, std::move(bodyLimit))
    , m_maxHeaderBytes(maxHeaderBytes)
    , m_timeouts(timeouts)
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGate::onActivity);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &ConnectionGate::onActivity);

    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(m_timeouts.idleMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &ConnectionGate::onIdleTimeout);
    m_idleTimer.start();

    // Running from the start, it also bounds a TLS handshake and a client that sends nothing.
    m_headTimer.setSingleShot(true);
    m_headTimer.setInterval(m_timeouts.headMs);
    connect(&m_headTimer, &QTimer::timeout, this, &ConnectionGate::onHeadTimeout);
    m_headTimer.start();

    m_lingerTimer.setSingleShot(true);
    m_lingerTimer.setInterval(m_timeouts.lingerMs);
    connect(&m_lingerTimer, &QTimer::timeout, m_socket, &QAbstractSocket::abort);

    connect(m_socket, &QAbstractSocket::disconnected, this, [this] {
        m_idleTimer.stop();
        m_headTimer.stop();
        m_lingerTimer.stop();
    });
}

void ConnectionGate::attachAfterHttpServer()
{
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::afterHttpServerRead);
}

ConnectionGate *ConnectionGate::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

std::optional<RequestHead> ConnectionGate::takeHead()
{
    if (m_heads.isEmpty())
        return std::nullopt;
    return m_heads.takeFirst();
}

void ConnectionGate::stopReading()
{
    // The idle timer keeps running: a client that never reads the last answer must not hold
    // the connection open forever.
    m_stopped = true;
    m_pendingRefusal.reset();
    m_refusalAfterAnswers.reset();
    m_heads.clear();
    m_headTimer.stop();
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
}

void ConnectionGate::onReadyRead()
{
    if (m_refused || m_stopped || m_pendingRefusal)
        return;
    m_idleTimer.start();

    const qint64 available = m_socket->bytesAvailable();
    qint64 pos = qMin(m_seenUnread, available);
    QByteArray window; // the front of the socket's buffer, copied only as far as a head needs
    while (pos < available) {
        if (m_gate.bodyRemaining() > 0) {
            const qint64 count = qMin(m_gate.bodyRemaining(), available - pos);
            m_gate.skipBody(count);
            pos += count;
            continue;
        }
        const qint64 wanted = qMin(available, pos + m_maxHeaderBytes + 2);
        if (window.size() < wanted)
            window = m_socket->peek(wanted);
        if (window.size() <= pos) {
            // The socket shows less than it announced: bytes Qt would read unjudged. Never
            // expected; ending the connection keeps the limits intact.
            qCWarning(lcServerHttp) << "the socket's buffer changed under the request gate; "
                                       "closing the connection";
            stopReading();
            m_socket->abort();
            return;
        }
        const RequestGate::Step step = m_gate.feedHead(QByteArrayView(window).sliced(pos));
        pos += step.consumed;
        if (step.outcome == RequestGate::Outcome::Rejected) {
            if (m_heads.isEmpty()) {
                refuse(step.rejection);
                return;
            }
            // Pipelined requests before this one are answered first, in order: Qt's parser
            // takes one request per readyRead and signals itself again while bytes remain.
            // Meanwhile it may read into the refused request too, but only bytes the socket
            // already holds; the refusal follows as soon as the last earlier one is answered.
            m_pendingRefusal = step.rejection;
            m_idleTimer.stop();
            m_headTimer.stop();
            m_lingerTimer.start(); // should Qt never get there, the connection still ends
            return;
        }
        if (step.outcome == RequestGate::Outcome::Accepted) {
            m_heads.append(step.head);
            // Sent by the gate because only the gate knows at this point that the body is
            // welcome; a client waiting for it would otherwise stall for a second or more.
            if (step.head.expectsContinue)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n"_ba);
        }
    }
    m_seenUnread = available;

    if (m_gate.headInProgress()) {
        if (!m_headTimer.isActive())
            m_headTimer.start();
    } else {
        m_headTimer.stop();
    }
    if (m_gate.headInProgress() || m_gate.bodyRemaining() > 0)
        acknowledgeNow();
}

void ConnectionGate::acknowledgeNow()
{
#ifdef Q_OS_LINUX
    // Qt's HTTP client (QNetworkAccessManager, the app's transport) writes a POST's head and
    // body separately without TCP_NODELAY, so Nagle's algorithm holds the body until this side
    // ACKs the head, and Linux delays that ACK up to 40 ms: 40 ms added to every push. Setting
    // TCP_QUICKACK sends a pending ACK at once (and is cleared again by the kernel, so it is set
    // whenever part of a request is still to come).
    const int on = 1;
    ::setsockopt(static_cast<int>(m_socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on,
                 sizeof on);
#endif
}

void ConnectionGate::afterHttpServerRead()
{
    if (m_pendingRefusal) {
        if (m_heads.isEmpty()) {
            const GateRejection rejection = *m_pendingRefusal;
            m_pendingRefusal.reset();
            refuse(rejection);
        }
        return;
    }
    // Whatever Qt's parser did not read is still in front and was judged already.
    if (!m_refused && !m_stopped)
        m_seenUnread = m_socket->bytesAvailable();
}

void ConnectionGate::refuse(const GateRejection &rejection)
{
    m_refused = true;
    m_heads.clear();
    m_idleTimer.stop();
    m_headTimer.stop();
    qCDebug(lcServerHttp).noquote()
        << "refused a request from" << m_socket->peerAddress().toString() << "with"
        << rejection.status << rejection.code;
    cutOffParser();
    // Answers to earlier requests may still be in the works (AnswerQueue); the refusal follows
    // them, as the client pairs answers with requests by their order.
    if (m_answersOpen > 0) {
        m_refusalAfterAnswers = rejection;
        return;
    }
    sendRefusal(rejection);
}

void ConnectionGate::cutOffParser()
{
    // Every slot goes: Qt's parser must never see this body, and any part of it it holds in an
    // open read transaction is released.
    QObject::disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    discardInput();
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::discardInput);
}

void ConnectionGate::sendRefusal(const GateRejection &rejection)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return; // already closing after an answer that asked for it; nothing more to say

    ResponseFraming framing;
    framing.close = true;
    m_socket->write(encodeResponse(
        errorResponse(rejection.status, rejection.code, rejection.message), framing));

    connect(m_socket, &QIODevice::bytesWritten, this, &ConnectionGate::shutdownSendingWhenFlushed);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket)) {
        connect(ssl, &QSslSocket::encryptedBytesWritten, this,
                &ConnectionGate::shutdownSendingWhenFlushed);
    }
    m_lingerTimer.start();
    m_socket->flush();
    shutdownSendingWhenFlushed();
}

void ConnectionGate::answerReserved()
{
    ++m_answersOpen;
}

void ConnectionGate::answerWritten()
{
    if (m_answersOpen > 0)
        --m_answersOpen;
    if (m_answersOpen > 0 || !m_refusalAfterAnswers)
        return;
    // Qt's parser was cut off when the refusal was decided, so this runs from a late answer,
    // never inside Qt's read of the socket.
    const GateRejection rejection = *m_refusalAfterAnswers;
    m_refusalAfterAnswers.reset();
    sendRefusal(rejection);
}

void ConnectionGate::discardInput()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available > 0)
        m_socket->skip(available);
}

void ConnectionGate::shutdownSendingWhenFlushed()
{
    if (m_sendingShut || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    qint64 pending = m_socket->bytesToWrite();
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        pending += ssl->encryptedBytesToWrite();
    if (pending > 0)
        return;
    m_sendingShut = true;
    // Over TLS the connection stays open until the client closes it (it was told
    // Connection: close) or the linger time ends: a half-close would end the stream without a
    // TLS close_notify, and Qt 6.4's QSslSocket drops the last record when that end of stream
    // arrives together with it, so the client would never see the answer.
    if (qobject_cast<QSslSocket *>(m_socket))
        return;
#ifdef Q_OS_UNIX
    // Half-close: the client reads the answer and end of stream, while this side keeps reading
    // (and discarding) until the client closes or the linger time is over.
    if (::shutdown(static_cast<int>(m_socket->socketDescriptor()), SHUT_WR) == 0)
        return;
#endif
    m_socket->disconnectFromHost();
}

void ConnectionGate::onActivity()
{
    if (!m_refused)
        m_idleTimer.start();
}

void ConnectionGate::onIdleTimeout()
{
    if (m_refused)
        return;
    if (m_answersOpen > 0) {
        // The server, not the client, is slow: the connection waits for an answer.
        m_idleTimer.start();
        return;
    }
    qCDebug(lcServerHttp) << "closing a connection idle for" << m_timeouts.idleMs << "ms";
    // A request cut off in its head or body cannot be answered, nor a client that stopped
    // reading; a quiet keep-alive connection is closed politely.
    if (m_stopped || m_gate.headInProgress() || m_gate.bodyRemaining() > 0)
        m_socket->abort();
    else
        m_socket->disconnectFromHost();
}

void ConnectionGate::onHeadTimeout()
{
    if (m_refused)
        return;
    qCDebug(lcServerHttp) << "closing a connection whose request head took more than"
                          << m_timeouts.headMs << "ms";
    m_socket->abort();
}

} // namespace outward::server
