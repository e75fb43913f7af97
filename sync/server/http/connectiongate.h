#pragma once

#include "sync/server/http/requestgate.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace outward::server {

struct GateTimeouts
{
    int idleMs = 60'000;  // no byte in either direction: the connection is closed
    int headMs = 30'000;  // a request head (and, first, the TLS handshake) must arrive this fast
    int lingerMs = 5'000; // after a refusal, how long the rest of the body is read and discarded
};

// Watches one accepted socket in front of Qt HTTP Server. Its readyRead slot is connected before
// the socket is handed to Qt, so it sees every chunk before Qt's parser reads it (slots run in
// connection order); a second slot, connected after, notes what Qt left unread, so each byte is
// judged once whatever Qt reads per call. When RequestGate refuses a request, the gate cuts
// Qt's parser off the socket, answers with the JSON error and Connection: close, shuts down its
// sending side (plain TCP only) and reads and discards what the client still sends until it
// closes or lingerMs pass (closing at once with unread data would make the kernel send a reset,
// and the client could lose the answer).
class ConnectionGate : public QObject
{
    Q_OBJECT

public:
    // Becomes a child of `socket` and connects its first readyRead slot.
    ConnectionGate(QTcpSocket *socket, qint64 maxHeaderBytes, BodyLimit bodyLimit,
                   GateTimeouts timeouts);

    // Call right after the socket was handed to Qt HTTP Server.
    void attachAfterHttpServer();

    // The gate of a socket, or null.
    static ConnectionGate *of(QTcpSocket *socket);

    // The oldest accepted request head Qt has not answered yet (the adapter takes one per
    // request, so keep-alive and HTTP version are known for its response).
    std::optional<RequestHead> takeHead();

    // The response being written ends the connection: nothing after it is read or parsed.
    void stopReading();

    // A refused request waits behind pipelined requests accepted before it. Qt may parse it
    // meanwhile; the adapter must then neither call its handler nor answer it.
    bool refusalPending() const { return m_pendingRefusal.has_value(); }

    // An answer was reserved / written (AnswerQueue). A refusal is written only after every
    // earlier answer, and a connection waiting for an answer is not idle.
    void answerReserved();
    void answerWritten();

private:
    void onReadyRead();
    void acknowledgeNow();
    void afterHttpServerRead();
    void refuse(const GateRejection &rejection);
    void cutOffParser();
    void sendRefusal(const GateRejection &rejection);
    void discardInput();
    void shutdownSendingWhenFlushed();
    void onActivity();
    void onIdleTimeout();
    void onHeadTimeout();

    QTcpSocket *m_socket;
    RequestGate m_gate;
    qint64 m_maxHeaderBytes;
    GateTimeouts m_timeouts;
    QTimer m_idleTimer;
    QTimer m_headTimer;
    QTimer m_lingerTimer;
    qint64 m_seenUnread = 0; // bytes at the front of the socket's buffer the gate already judged
    QList<RequestHead> m_heads;
    std::optional<GateRejection> m_pendingRefusal;
    std::optional<GateRejection> m_refusalAfterAnswers; // Qt's parser is cut off already
    int m_answersOpen = 0;
    bool m_refused = false;
    bool m_stopped = false; // the last answer is being sent; nothing more is read
    bool m_sendingShut = false;
};

} // namespace outward::server
