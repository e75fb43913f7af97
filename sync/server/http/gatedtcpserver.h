#pragma once

#include "sync/server/http/connectiongate.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <optional>

namespace outward::server {

struct GatedServerConfig
{
    qint64 maxHeaderBytes = 16 * 1024;
    BodyLimit bodyLimit;
    GateTimeouts timeouts;
    int maxConnections = 1024;
    std::optional<QSslConfiguration> tls; // set: every connection starts with a TLS handshake
};

// The listening socket handed to Qt HTTP Server with bind(). It makes each connection's socket
// itself so that a ConnectionGate is connected before Qt's parser, starts TLS on it (the
// handshake runs while Qt already holds the socket; Qt only reads decrypted bytes), and refuses
// connections beyond maxConnections by closing them at once.
class GatedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GatedTcpServer(GatedServerConfig config, QObject *parent = nullptr);

    int openConnections() const { return m_open; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    GatedServerConfig m_config;
    int m_open = 0;
    bool m_full = false;
};

} // namespace outward::server
