#include "sync/server/http/gatedtcpserver.h"

#include "sync/server/http/logging.h"

#include <QSslSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace outward::server {

GatedTcpServer::GatedTcpServer(GatedServerConfig config, QObject *parent)
    : QTcpServer(parent)
    , m_config(std::move(config))
{}

void GatedTcpServer::incomingConnection(qintptr handle)
{
    QTcpSocket *socket = m_config.tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        qCWarning(lcServerHttp).noquote()
            << "cannot take over an accepted connection:" << socket->errorString();
        delete socket;
#ifdef Q_OS_UNIX
        ::close(static_cast<int>(handle));
#endif
        return;
    }

    if (m_open >= m_config.maxConnections) {
        if (!m_full) {
            qCWarning(lcServerHttp) << "at the limit of" << m_config.maxConnections
                                    << "open connections; closing new ones until some end";
            m_full = true;
        }
        socket->abort();
        delete socket;
        return;
    }
    ++m_open;
    // Each answer is one write and is wanted at once: with Nagle's algorithm, an answer
    // written while the client's ACK of the previous one is still delayed (up to 40 ms on
    // Linux) would wait for it.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(socket, &QObject::destroyed, this, [this] {
        --m_open;
        if (m_full && m_open < m_config.maxConnections) {
            qCInfo(lcServerHttp) << "below the connection limit again";
            m_full = false;
        }
    });

    auto *gate =
        new ConnectionGate(socket, m_config.maxHeaderBytes, m_config.bodyLimit, m_config.timeouts);
    if (m_config.tls) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        ssl->setSslConfiguration(*m_config.tls);
        connect(ssl, &QAbstractSocket::errorOccurred, ssl, [ssl](QAbstractSocket::SocketError) {
            // A failed handshake leaves nothing to talk to; free the connection now.
            if (!ssl->isEncrypted()) {
                qCDebug(lcServerHttp).noquote() << "TLS handshake failed:" << ssl->errorString();
                ssl->abort();
            }
        });
        ssl->startServerEncryption();
    }

    // Qt HTTP Server takes the socket inside this call (pendingConnectionAvailable is a direct
    // connection) and connects its own readyRead slot after the gate's.
    addPendingConnection(socket);
    gate->attachAfterHttpServer();
    if (hasPendingConnections()) {
        qCCritical(lcServerHttp) << "Qt HTTP Server did not take a new connection at once; the "
                                    "request gate cannot order itself around its parser";
    }
}

} // namespace outward::server
