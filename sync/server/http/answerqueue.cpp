#include "sync/server/http/answerqueue.h"

#include "sync/server/http/connectiongate.h"

#include <QTcpSocket>

namespace outward::server {

AnswerQueue::AnswerQueue(QTcpSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{}

AnswerQueue *AnswerQueue::of(QTcpSocket *socket)
{
    auto *queue = socket->findChild<AnswerQueue *>(QString(), Qt::FindDirectChildrenOnly);
    return queue ? queue : new AnswerQueue(socket);
}

quint64 AnswerQueue::reserve()
{
    const quint64 ticket = m_nextTicket++;
    if (m_closed)
        return ticket; // never written: an earlier answer ended the connection
    m_places.push_back(Place{ticket, std::nullopt, false});
    if (ConnectionGate *gate = ConnectionGate::of(m_socket))
        gate->answerReserved();
    return ticket;
}

void AnswerQueue::fill(quint64 ticket, QByteArray bytes, bool close)
{
    for (Place &place : m_places) {
        if (place.ticket == ticket) {
            place.bytes = std::move(bytes);
            place.close = close;
            flush();
            return;
        }
    }
}

void AnswerQueue::flush()
{
    ConnectionGate *gate = ConnectionGate::of(m_socket);
    while (!m_places.empty() && m_places.front().bytes.has_value()) {
        const Place place = std::move(m_places.front());
        m_places.pop_front();
        m_socket->write(*place.bytes);
        if (place.close) {
            m_closed = true;
            m_places.clear();
            if (gate)
                gate->stopReading();
            m_socket->disconnectFromHost();
            return;
        }
        if (gate)
            gate->answerWritten();
    }
}

} // namespace outward::server
