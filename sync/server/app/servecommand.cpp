// `outward-server serve`: the API on a socket until SIGINT or SIGTERM.
#include "sync/protocol/limits.h"
#include "sync/server/api/serverapi.h"
#include "sync/server/app/admincommands.h"
#include "sync/server/app/datafolder.h"
#include "sync/server/http/httpserveradapter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here; the event loop does the rest.
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// Quits the event loop on SIGINT and SIGTERM, so the database is closed cleanly.
bool quitOnSignals(QCoreApplication &app)
{
    if (::pipe(g_signalPipe) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        qCInfo(lcApi) << "stopping on a signal";
        app.quit();
    });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    return true;
}

struct ListenAddress
{
    QHostAddress host;
    quint16 port = 0;
};

std::optional<ListenAddress> parseListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool numeric = false;
    const uint port = text.mid(colon + 1).toUInt(&numeric);
    QHostAddress address;
    if (!numeric || port > 65535 || !address.setAddress(host))
        return std::nullopt;
    return ListenAddress{address, quint16(port)};
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOption({u"data"_s, u"the server's data folder"_s, u"DIR"_s});
    parser.addOption({u"listen"_s, u"address and port, e.g. 127.0.0.1:8443 (port 0: any)"_s,
                      u"ADDR:PORT"_s, u"127.0.0.1:8443"_s});
    parser.addOption({u"tls-cert"_s, u"PEM certificate (chain) for HTTPS"_s, u"FILE"_s});
    parser.addOption({u"tls-key"_s, u"PEM private key for HTTPS"_s, u"FILE"_s});
    parser.addOption(
        {u"trusted-proxy"_s, u"a reverse proxy whose X-Forwarded-For is believed"_s, u"ADDR"_s});
    parser.addOption({u"token-lifetime"_s,
                      u"how long a bearer token lasts, in seconds (default 3600)"_s, u"SECONDS"_s,
                      u"3600"_s});
    if (!parser.parse(QStringList{u"outward-server serve"_s} + arguments)) {
        printError(parser.errorText() + u"; see outward-server help"_s);
        return ExitUsage;
    }
    const auto listen = parseListen(parser.value(u"listen"_s));
    if (!listen.has_value()) {
        printError(u"--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8443 or [::1]:8443"_s);
        return ExitUsage;
    }
    if (parser.isSet(u"tls-cert"_s) != parser.isSet(u"tls-key"_s)) {
        printError(u"--tls-cert and --tls-key go together"_s);
        return ExitUsage;
    }
    bool numeric = false;
    const qint64 tokenLifetimeSeconds = parser.value(u"token-lifetime"_s).toLongLong(&numeric);
    // A token shorter than a push of the largest batch would expire mid-request; one longer than a
    // day outlives the point of revoking a device.
    if (!numeric || tokenLifetimeSeconds < 1 || tokenLifetimeSeconds > 86400) {
        printError(u"--token-lifetime must be a number of seconds from 1 to 86400"_s);
        return ExitUsage;
    }
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();

    ServerApiOptions options;
    options.serverVersion = QCoreApplication::applicationVersion();
    for (const QString &proxy : parser.values(u"trusted-proxy"_s))
        options.trustedProxies.insert(proxy);
    options.tokenLifetimeMs = tokenLifetimeSeconds * 1000;
    ServerApi api(**store, SystemClock::instance(), options);
    HttpServerAdapter http(HttpServerAdapter::AsyncHandler(
                               [&api](const HttpRequest &request, ServerApi::Respond respond) {
                                   api.handleAsync(request, std::move(respond));
                               }),
                           [](const QByteArray &method, const QString &path) {
                               return protocol::limits::bodyLimitFor(method, path);
                           });
    const bool tls = parser.isSet(u"tls-cert"_s);
    if (tls) {
        if (auto status = http.useTls(parser.value(u"tls-cert"_s), parser.value(u"tls-key"_s));
            !status.ok()) {
            printError(status.error().toString());
            return ExitListen;
        }
    }
    auto port = http.listen(listen->host, listen->port);
    if (!port.ok()) {
        printError(port.error().toString());
        return ExitListen;
    }
    if (!quitOnSignals(*QCoreApplication::instance()))
        printError(u"cannot watch for SIGTERM; stop the server with SIGKILL"_s);

    // Expired challenges, tokens and claims are useless; link offers stay an hour past expiry
    // so a polling device still reads "expired".
    QTimer purge;
    QObject::connect(&purge, &QTimer::timeout, [&store] {
        auto purged = (*store)->purgeExpired(QDateTime::currentMSecsSinceEpoch(), 3600 * 1000);
        if (!purged.ok())
            qCWarning(lcApi).noquote() << "purge failed:" << purged.error().message();
    });
    purge.start(60 * 1000);

    QString host = listen->host.toString();
    if (listen->host.protocol() == QAbstractSocket::IPv6Protocol)
        host = u'[' + host + u']';
    // Tests and scripts read this line to learn the port.
    std::printf("outward-server listening on %s://%s:%u\n", tls ? "https" : "http",
                qPrintable(host), unsigned(*port));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace outward::server
