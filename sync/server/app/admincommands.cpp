#include "sync/server/app/admincommands.h"

#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"
#include "sync/server/app/datafolder.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

constexpr int kDefaultInviteHours = 72;
constexpr int kMaxInviteHours = 720;
constexpr int kDefaultRecoveryHours = 24;

QCommandLineOption dataOption()
{
    return {u"data"_s, u"the server's data folder"_s, u"DIR"_s};
}

QString utcText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{u"outward-server "_s + command} + arguments)) {
        printError(parser.errorText() + u"; see outward-server help"_s);
        return false;
    }
    return true;
}

std::optional<Team> teamByNameOrId(ServerStore &store, const QString &text, int *exitCode)
{
    auto byId = store.findTeam(text.toLower());
    if (!byId.ok()) {
        *exitCode = reportStoreError(byId.error());
        return std::nullopt;
    }
    if (byId->has_value())
        return **byId;
    auto byName = store.findTeamByName(text);
    if (!byName.ok()) {
        *exitCode = reportStoreError(byName.error());
        return std::nullopt;
    }
    if (!byName->has_value()) {
        printError(u"there is no team \"%1\"; `outward-server teams` lists them"_s.arg(text));
        *exitCode = ExitInvalid;
        return std::nullopt;
    }
    return **byName;
}

} // namespace

int runInit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption(
        {u"k"_s, u"k-anonymity threshold for team aggregates (>= 3)"_s, u"N"_s, u"5"_s});
    if (!parse(parser, u"init"_s, arguments))
        return ExitUsage;
    bool numeric = false;
    const int k = parser.value(u"k"_s).toInt(&numeric);
    if (!numeric || k < 3) {
        printError(u"--k must be a whole number of at least 3"_s);
        return ExitUsage;
    }
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Create);
    if (!store.ok())
        return store.error();
    auto existing = (*store)->settings();
    if (!existing.ok())
        return reportStoreError(existing.error());
    if (existing->has_value()) {
        printError(u"%1 is initialised already (server id %2); nothing was changed"_s.arg(
            parser.value(u"data"_s), existing->value().serverId));
        return ExitDataFolder;
    }
    const QString serverId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto status = (*store)->initialize(serverId, k); !status.ok())
        return reportStoreError(status.error());
    std::printf("initialised %s\nserver id %s\n", qPrintable(parser.value(u"data"_s)),
                qPrintable(serverId));
    return ExitOk;
}

int runTeam(const QStringList &arguments)
{
    if (arguments.value(0) != u"add"_s || arguments.size() < 2) {
        printError(u"usage: outward-server team add NAME --data DIR"_s);
        return ExitUsage;
    }
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addPositionalArgument(u"name"_s, u"the team's name"_s);
    if (!parse(parser, u"team add"_s, arguments.mid(1)))
        return ExitUsage;
    const QString name = parser.positionalArguments().join(u' ').trimmed();
    if (name.isEmpty()) {
        printError(u"the team needs a name"_s);
        return ExitUsage;
    }
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();
    auto team = (*store)->addTeam(name, QDateTime::currentMSecsSinceEpoch());
    if (!team.ok()) {
        if (team.error().code() == ErrorCode::InvalidInput) {
            printError(team.error().message());
            return ExitInvalid;
        }
        return reportStoreError(team.error());
    }
    std::printf("team %s\nid %s\n", qPrintable(team->name), qPrintable(team->id));
    return ExitOk;
}

int runTeams(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    if (!parse(parser, u"teams"_s, arguments))
        return ExitUsage;
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();
    auto teams = (*store)->listTeams();
    if (!teams.ok())
        return reportStoreError(teams.error());
    for (const Team &team : *teams)
        std::printf("%s  %s\n", qPrintable(team.id), qPrintable(team.name));
    return ExitOk;
}

int runInvite(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({u"team"_s, u"the team's name or id"_s, u"TEAM"_s});
    parser.addOption({u"role"_s, u"staff, lead or admin"_s, u"ROLE"_s, u"staff"_s});
    parser.addOption({u"recover"_s, u"a recovery ticket for this user id instead"_s, u"USER_ID"_s});
    parser.addOption({u"expires"_s, u"hours until the code expires"_s, u"HOURS"_s});
    if (!parse(parser, u"invite"_s, arguments))
        return ExitUsage;
    const bool recovery = parser.isSet(u"recover"_s);
    if (recovery == parser.isSet(u"team"_s)) {
        printError(
            u"give either --team TEAM (an invite) or --recover USER_ID (a recovery ticket)"_s);
        return ExitUsage;
    }
    const auto role = roleFromName(parser.value(u"role"_s));
    if (!role.has_value()) {
        printError(u"--role must be staff, lead or admin"_s);
        return ExitUsage;
    }
    int hours = recovery ? kDefaultRecoveryHours : kDefaultInviteHours;
    if (parser.isSet(u"expires"_s)) {
        bool numeric = false;
        hours = parser.value(u"expires"_s).toInt(&numeric);
        if (!numeric || hours < 1 || hours > kMaxInviteHours) {
            printError(
                u"--expires must be a whole number of hours from 1 to %1"_s.arg(kMaxInviteHours));
            return ExitUsage;
        }
    }
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Invite invite;
    invite.createdAt = now;
    invite.expiresAt = now + qint64(hours) * 3600 * 1000;
    invite.role = *role;
    QString teamName;
    if (recovery) {
        const QString userId = parser.value(u"recover"_s).toLower();
        auto user = (*store)->findUser(userId);
        if (!user.ok())
            return reportStoreError(user.error());
        if (!user->has_value()) {
            printError(u"there is no user %1; `outward-server users` lists them"_s.arg(userId));
            return ExitNotFound;
        }
        invite.recoverUserId = userId;
        invite.teamId = user->value().teamId;
        invite.role = user->value().role;
    } else {
        int exitCode = ExitOk;
        const auto team = teamByNameOrId(**store, parser.value(u"team"_s), &exitCode);
        if (!team.has_value())
            return exitCode;
        invite.teamId = team->id;
        teamName = team->name;
    }
    const QString code = protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits);
    auto hash = protocol::signing::hashText(code);
    if (code.isEmpty() || !hash.ok()) {
        printError(u"could not make a random code (libsodium failed)"_s);
        return ExitInternal;
    }
    invite.codeHash = *hash;
    if (auto status = (*store)->createInvite(invite); !status.ok())
        return reportStoreError(status.error());
    // The code is shown once and stored only as its hash.
    const QString shown = protocol::crockford::formatInviteCode(code);
    if (recovery) {
        std::printf("recovery ticket %s\nuser %s\nexpires %s\n", qPrintable(shown),
                    qPrintable(invite.recoverUserId), qPrintable(utcText(invite.expiresAt)));
    } else {
        std::printf("invite %s\nteam %s\nrole %s\nexpires %s\n", qPrintable(shown),
                    qPrintable(teamName), qPrintable(roleName(invite.role)),
                    qPrintable(utcText(invite.expiresAt)));
    }
    return ExitOk;
}

int runRevoke(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({u"user"_s, u"revoke a user and all their devices"_s, u"USER_ID"_s});
    parser.addOption({u"device"_s, u"revoke one device"_s, u"DEVICE_ID"_s});
    if (!parse(parser, u"revoke"_s, arguments))
        return ExitUsage;
    if (parser.isSet(u"user"_s) == parser.isSet(u"device"_s)) {
        printError(u"give either --user USER_ID or --device DEVICE_ID"_s);
        return ExitUsage;
    }
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool user = parser.isSet(u"user"_s);
    const QString id = parser.value(user ? u"user"_s : u"device"_s).toLower();
    const Status status = user ? (*store)->revokeUser(id, now) : (*store)->revokeDevice(id, now);
    if (!status.ok()) {
        if (status.error().code() == ErrorCode::NotFound) {
            printError(u"there is no %1 %2"_s.arg(user ? u"user"_s : u"device"_s, id));
            return ExitNotFound;
        }
        return reportStoreError(status.error());
    }
    std::printf("revoked %s %s\n", user ? "user" : "device", qPrintable(id));
    return ExitOk;
}

int runUsers(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dataOption());
    parser.addOption({u"json"_s, u"one JSON object per line"_s});
    if (!parse(parser, u"users"_s, arguments))
        return ExitUsage;
    auto store = openDataFolder(parser.value(u"data"_s), DataFolderMode::Initialised);
    if (!store.ok())
        return store.error();
    auto users = (*store)->listUsers();
    auto counts = (*store)->recordCounts();
    auto teams = (*store)->listTeams();
    if (!users.ok() || !counts.ok() || !teams.ok())
        return reportStoreError(!users.ok() ? users.error()
                                            : (!counts.ok() ? counts.error() : teams.error()));
    QHash<QString, qint64> recordsOf;
    for (const RecordCount &count : *counts)
        recordsOf.insert(count.authorId, count.records);
    QHash<QString, QString> teamName;
    for (const Team &team : *teams)
        teamName.insert(team.id, team.name);
    for (const User &user : *users) {
        auto devices = (*store)->listDevices(user.id);
        if (!devices.ok())
            return reportStoreError(devices.error());
        int activeDevices = 0;
        for (const Device &device : *devices)
            activeDevices += device.isRevoked() ? 0 : 1;
        const QString status = user.isRevoked() ? u"revoked"_s : u"active"_s;
        if (parser.isSet(u"json"_s)) {
            const QJsonObject line{{u"user_id"_s, user.id},
                                   {u"display_name"_s, user.displayName},
                                   {u"team"_s, teamName.value(user.teamId)},
                                   {u"role"_s, roleName(user.role)},
                                   {u"status"_s, status},
                                   {u"devices"_s, activeDevices},
                                   {u"records"_s, recordsOf.value(user.id)},
                                   {u"enrolled_at"_s, utcText(user.enrolledAt)}};
            std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
        } else {
            std::printf("%s  %-20s  %-16s  %-5s  %-7s  %d devices  %lld records\n",
                        qPrintable(user.id), qPrintable(user.displayName),
                        qPrintable(teamName.value(user.teamId)), qPrintable(roleName(user.role)),
                        qPrintable(status), activeDevices, recordsOf.value(user.id));
        }
    }
    return ExitOk;
}

} // namespace outward::server
