// outward-server: the sync API and its admin command line. See docs/operations.md.
#include "sync/server/app/admincommands.h"

#include <QCoreApplication>

#include <cstdio>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace {

const char *const kHelp = R"(Usage: outward-server COMMAND [OPTIONS]

Commands:
  init --data DIR [--k N]                create a server's data folder (k-anonymity k, default 5)
  serve --data DIR --listen ADDR:PORT    serve the API (port 0 picks one; the port is printed)
        [--tls-cert FILE --tls-key FILE] [--trusted-proxy ADDR]...
  team add NAME --data DIR               add a team
  teams --data DIR                       list the teams
  invite --data DIR --team TEAM --role staff|lead|admin [--expires HOURS]
                                         a one-time invite code (default 72 hours, at most 720)
  invite --data DIR --recover USER_ID [--expires HOURS]
                                         a one-time recovery ticket for a user who lost every device
  revoke --data DIR --user ID | --device ID
                                         cut a user (and all their devices) or one device off
  users --data DIR [--json]              users with team, role, status, devices and records

Exit codes: 0 ok, 1 internal error, 2 usage, 4 invalid value (e.g. unknown team), 5 unknown id,
6 data folder not initialised (or already), 8 database of a newer outward-server,
9 storage failure, 10 cannot listen.
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"outward-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(OUTWARD_VERSION));

    using Command = std::function<int(const QStringList &)>;
    const std::map<QString, Command> commands{
        {u"init"_s, outward::server::runInit},     {u"serve"_s, outward::server::runServe},
        {u"team"_s, outward::server::runTeam},     {u"teams"_s, outward::server::runTeams},
        {u"invite"_s, outward::server::runInvite}, {u"revoke"_s, outward::server::runRevoke},
        {u"users"_s, outward::server::runUsers},
    };
    const QStringList arguments = app.arguments().mid(1);
    const QString command = arguments.value(0);
    if (command.isEmpty() || command == u"help"_s || command == u"--help"_s) {
        std::fputs(kHelp, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? outward::server::ExitUsage : outward::server::ExitOk;
    }
    if (command == u"--version"_s) {
        std::printf("outward-server %s\n", OUTWARD_VERSION);
        return 0;
    }
    const auto found = commands.find(command);
    if (found == commands.end()) {
        std::fprintf(stderr, "outward-server: unknown command \"%s\"\n\n%s", qPrintable(command),
                     kHelp);
        return outward::server::ExitUsage;
    }
    return found->second(arguments.mid(1));
}
