#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>
#include <optional>

class QTcpSocket;

namespace outward::server {

// The answers of one connection, written in the order of its requests. A handler may answer
// later (a push is checked on a worker thread), while a client that pipelines may already have
// sent the next request, whose answer could be ready first: HTTP/1.1 has no other way to pair
// answers with requests than their order. Lives as a child of the socket; everything runs on
// the socket's thread.
class AnswerQueue : public QObject
{
    Q_OBJECT

public:
    explicit AnswerQueue(QTcpSocket *socket);

    // The socket's queue, made on first use.
    static AnswerQueue *of(QTcpSocket *socket);

    // Reserves the place of the next answer; returns its ticket.
    quint64 reserve();

    // The encoded answer for `ticket`, written once every earlier answer was. With `close` the
    // connection ends after it: the gate stops reading and later answers are dropped.
    void fill(quint64 ticket, QByteArray bytes, bool close);

    // Answers reserved and not yet written.
    int outstanding() const { return int(m_places.size()); }

private:
    struct Place
    {
        quint64 ticket = 0;
        std::optional<QByteArray> bytes;
        bool close = false;
    };

    void flush();

    QTcpSocket *m_socket;
    std::deque<Place> m_places;
    quint64 m_nextTicket = 0;
    bool m_closed = false;
};

} // namespace outward::server
