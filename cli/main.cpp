// outward-cli: the Outward core without a screen. See docs/cli.md for commands and exit codes.
#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/profilecommands.h"
#include "cli/recordcommands.h"
#include "cli/synccommands.h"
#include "platform/paths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <functional>
#include <map>

using namespace Qt::StringLiterals;

namespace {

using Command = std::function<int(outward::cli::CliContext &)>;

struct CommandEntry
{
    Command run;
    const char *synopsis;
};

const std::map<QString, CommandEntry> &commands()
{
    using namespace outward::cli;
    static const std::map<QString, CommandEntry> table{
        {u"init"_s,
         {runInit, "init                      create a profile (asks for a new passphrase)"}},
        {u"add"_s, {runAdd, "add KIND                  add a record; its JSON is read from stdin"}},
        {u"list"_s,
         {runList, "list [--kind K] [--from DAY] [--to DAY] [--limit N] [--deleted] [--json]"}},
        {u"show"_s, {runShow, "show ID [--history]       one record, decrypted, as JSON"}},
        {u"edit"_s,
         {runEdit, "edit ID                   apply changes (JSON Merge Patch on stdin)"}},
        {u"delete"_s,
         {runDelete,
          "delete ID                 leave a tombstone; the content stays as a revision"}},
        {u"export"_s,
         {runExport, "export [--output FILE]    your records, decrypted, as JSON lines"}},
        {u"import"_s,
         {runImport, "import [FILE]             add records from JSON lines (export's format)"}},
        {u"passwd"_s, {runPasswd, "passwd                    change the passphrase"}},
        {u"recover"_s,
         {runRecover, "recover                   set a new passphrase with the recovery code"}},
        {u"status"_s, {runStatus, "status [--json]           records per outbox state"}},
        {u"enroll"_s,
         {runEnroll, "enroll SERVER CODE [--name NAME] [--device-name NAME]\n"
                     "                            join a team's server with an invite code, or,\n"
                     "                            with a link code from `link`, make a new\n"
                     "                            profile for an account you already have"}},
        {u"sync"_s,
         {runSync, "sync [--json]             send and receive records now\n"
                   "                            [--store-batch N]: store received records N at a\n"
                   "                            time (default 10000; fewer keeps more of an\n"
                   "                            interrupted sync, more is faster)"}},
        {u"link"_s,
         {runLink, "link                      add another device: shows a link code for it\n"
                   "                            and waits until it joins (Ctrl-C cancels)"}},
        {u"restore"_s,
         {runRestore, "restore SERVER TICKET     every device lost: a new profile from a recovery\n"
                      "                            ticket (from the admin) and the recovery code"}},
    };
    return table;
}

QString helpText()
{
    QString text = u"Usage: outward-cli COMMAND [ARGS] [OPTIONS]\n\nCommands:\n"_s;
    for (const auto &[name, entry] : commands())
        text += u"  "_s + QString::fromLatin1(entry.synopsis) + u'\n';
    text += uR"(
Options for every command:
  --profile DIR               the profile folder (else $OUTWARD_PROFILE, else the default)
  --passphrase-file FILE      read the passphrase from the first line of FILE
                              (else $OUTWARD_PASSPHRASE, else a hidden prompt)
  --new-passphrase-file FILE  the new passphrase for passwd and recover ($OUTWARD_NEW_PASSPHRASE);
                              init, enroll with a link code and restore take the new
                              profile's passphrase like --passphrase-file
  --recovery-code-file FILE   the recovery code for recover, restore ($OUTWARD_RECOVERY_CODE)
  --kdf moderate|phone|interactive   key derivation cost for init, passwd, recover, restore
                              and enroll with a link code

Record kinds: interaction, reflection, clientBrief, commitment, checkIn, quarterlyReview,
teamPurpose, questionnaireTemplate, pulseResponse.

Exit codes: 0 ok, 1 internal error, 2 usage, 3 wrong passphrase or recovery code,
4 invalid record or input, 5 unknown record id, 6 no profile (or one exists already),
7 corrupt or tampered profile, 8 profile written by a newer Outward, 9 storage failure
(disk full, read-only, busy), 10 a record not shared with you, 11 the server did not
answer (try again later), 12 the server refused, 13 some records were rejected during a sync,
14 link ended without adding a device (the code expired or was cancelled).
)"_s;
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Progress notes from the core are for debugging; a person at a terminal sees only what the
    // command says. QT_LOGGING_RULES (e.g. "outward.*.info=true") turns them back on.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"outward.*.info=false\noutward.*.debug=false"_s);
    outward::paths::setApplicationIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Outward on the command line"_s);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions({
        {u"profile"_s, u"Profile folder."_s, u"dir"_s},
        {u"passphrase-file"_s, u"Read the passphrase from a file."_s, u"file"_s},
        {u"new-passphrase-file"_s, u"Read the new passphrase from a file."_s, u"file"_s},
        {u"recovery-code-file"_s, u"Read the recovery code from a file."_s, u"file"_s},
        {u"kdf"_s, u"Key derivation cost: moderate, phone or interactive."_s, u"cost"_s},
        {u"kind"_s, u"Only records of this kind."_s, u"kind"_s},
        {u"from"_s, u"Only records on or after this day."_s, u"day"_s},
        {u"to"_s, u"Only records on or before this day."_s, u"day"_s},
        {u"limit"_s, u"At most this many records."_s, u"n"_s},
        {u"deleted"_s, u"Include deleted records."_s},
        {u"json"_s, u"Print JSON."_s},
        {u"history"_s, u"Include earlier versions."_s},
        {u"output"_s, u"Write to this file instead of stdout."_s, u"file"_s},
        {u"name"_s, u"Your name as your team sees it (enroll)."_s, u"name"_s},
        {u"device-name"_s, u"This device's name in your device list (enroll, restore)."_s,
         u"name"_s},
        {u"store-batch"_s, u"Received records stored per transaction (sync)."_s, u"n"_s},
        {{u"h"_s, u"help"_s}, u"Show the commands."_s},
        {u"version"_s, u"Show the version."_s},
    });

    if (!parser.parse(QCoreApplication::arguments())) {
        fprintf(stderr, "outward-cli: %s\nRun `outward-cli help` for the commands.\n",
                qPrintable(parser.errorText()));
        return outward::cli::ExitUsage;
    }
    if (parser.isSet(u"version"_s)) {
        printf("outward-cli %s\n", OUTWARD_VERSION);
        return outward::cli::ExitOk;
    }

    QStringList positional = parser.positionalArguments();
    const QString name = positional.isEmpty() ? u"help"_s : positional.takeFirst();
    if (name == u"help"_s || parser.isSet(u"help"_s)) {
        fputs(qPrintable(helpText()), stdout);
        return outward::cli::ExitOk;
    }
    const auto found = commands().find(name);
    if (found == commands().end()) {
        fprintf(stderr, "outward-cli: there is no command \"%s\"\n\n%s", qPrintable(name),
                qPrintable(helpText()));
        return outward::cli::ExitUsage;
    }

    outward::cli::CliContext context(parser, positional, outward::SystemClock::instance());
    return found->second.run(context);
}
