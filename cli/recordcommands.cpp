#include "cli/recordcommands.h"

#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/terminal.h"
#include "core/model/fieldreader.h"
#include "core/profile/recordservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace outward::cli {

namespace {

constexpr int kShortestIdPrefix = 4;

QString localTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm"_s);
}

Result<QJsonObject> readJsonObject(const QString &what)
{
    if (terminal::stdinIsTerminal())
        fprintf(stderr, "Type or paste the %s as JSON, then press Ctrl-D.\n", qPrintable(what));
    const QByteArray input = terminal::readAllStdin();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(input, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput, u"the input is not valid JSON: %1 at character %2"_s
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset));
    if (!document.isObject())
        return Error(ErrorCode::InvalidInput, u"the input must be a JSON object: {...}"_s);
    return document.object();
}

// A full id, or a prefix of at least 4 characters that matches exactly one record.
Result<QUuid> resolveId(Profile &profile, const QString &typed)
{
    const QUuid full = QUuid::fromString(typed);
    if (!full.isNull())
        return full;
    if (typed.size() < kShortestIdPrefix)
        return Error(ErrorCode::InvalidInput,
                     u"\"%1\" is not a record id; give the id or at least its first %2 characters"_s
                         .arg(typed)
                         .arg(kShortestIdPrefix));
    auto matches = profile.store().idsStartingWith(typed, 2);
    if (!matches)
        return matches.error();
    if (matches->isEmpty())
        return Error(
            ErrorCode::NotFound,
            u"there is no record %1 in this profile; `outward-cli list` shows the ids"_s.arg(
                typed));
    if (matches->size() > 1)
        return Error(ErrorCode::InvalidInput,
                     u"\"%1\" matches more than one record; type more of the id"_s.arg(typed));
    return matches->first();
}

// "2026-11-22" is that local day; a full ISO date-time is taken as it is.
std::optional<qint64> parseDay(const QString &text, bool endOfDay)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10)
        return day.addDays(endOfDay ? 1 : 0).startOfDay().toMSecsSinceEpoch();
    const QDateTime moment = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (moment.isValid())
        return moment.toMSecsSinceEpoch();
    return std::nullopt;
}

Result<RecordQuery> queryFromOptions(CliContext &context)
{
    RecordQuery query;
    if (context.isSet(u"kind"_s)) {
        query.kind = enumFromName<RecordKind>(context.value(u"kind"_s));
        if (!query.kind)
            return Error(ErrorCode::InvalidInput, u"--kind must be one of: %1"_s.arg(
                                                      enumNameList<RecordKind>().join(u", "_s)));
    }
    if (context.isSet(u"from"_s)) {
        query.fromMs = parseDay(context.value(u"from"_s), false);
        if (!query.fromMs)
            return Error(ErrorCode::InvalidInput, u"--from must be a date such as 2026-11-01"_s);
    }
    if (context.isSet(u"to"_s)) {
        query.toMs = parseDay(context.value(u"to"_s), true);
        if (!query.toMs)
            return Error(ErrorCode::InvalidInput,
                         u"--to must be a date such as 2026-11-30 (included)"_s);
    }
    if (context.isSet(u"limit"_s)) {
        bool ok = false;
        query.limit = context.value(u"limit"_s).toInt(&ok);
        if (!ok || query.limit < 1)
            return Error(ErrorCode::InvalidInput, u"--limit must be a positive whole number"_s);
    }
    query.includeDeleted = context.isSet(u"deleted"_s);
    return query;
}

int needsArguments(CliContext &context, int count, const QString &usage)
{
    if (context.arguments().size() != count)
        return context.usage(u"usage: outward-cli "_s + usage);
    return ExitOk;
}

} // namespace

int runAdd(CliContext &context)
{
    if (int bad = needsArguments(context, 1, u"add KIND < record.json"_s))
        return bad;
    const auto kind = enumFromName<RecordKind>(context.arguments().first());
    if (!kind)
        return context.usage(u"unknown kind \"%1\"; the kinds are: %2"_s.arg(
            context.arguments().first(), enumNameList<RecordKind>().join(u", "_s)));
    auto json = readJsonObject(enumName(*kind));
    if (!json)
        return context.fail(json.error(), u"nothing was saved"_s);
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    RecordService records(**profile);
    auto added = records.add(*kind, *json);
    if (!added)
        return context.fail(added.error(), u"the %1 was not saved"_s.arg(enumName(*kind)));
    context.out() << added->header.idText() << Qt::endl;
    context.err() << "Saved " << enumName(*kind) << " (" << enumName(added->outboxState) << ")."
                  << Qt::endl;
    return ExitOk;
}

int runList(CliContext &context)
{
    if (int bad = needsArguments(
            context, 0, u"list [--kind KIND] [--from DAY] [--to DAY] [--limit N] [--json]"_s))
        return bad;
    auto query = queryFromOptions(context);
    if (!query)
        return context.usage(query.error().message());
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    RecordService records(**profile);
    const bool asJson = context.isSet(u"json"_s);
    QTextStream &out = context.out();
    if (!asJson)
        out << qSetFieldWidth(38) << Qt::left << "ID" << qSetFieldWidth(23) << "KIND"
            << qSetFieldWidth(18) << "WHEN" << qSetFieldWidth(8) << "STATE" << qSetFieldWidth(0)
            << "SUMMARY\n";
    int shown = 0;
    auto listed = records.forEach(*query, [&](const RecordView &view) {
        ++shown;
        if (asJson) {
            out << QJsonDocument(view.toJson()).toJson(QJsonDocument::Compact) << '\n';
            return true;
        }
        const QString summary = view.header.deleted ? u"(deleted)"_s
                                : view.payload      ? payloadSummary(*view.payload)
                                                    : u"(written by a newer Outward)"_s;
        out << qSetFieldWidth(38) << Qt::left << view.header.idText() << qSetFieldWidth(23)
            << enumName(view.header.kind) << qSetFieldWidth(18) << localTime(view.header.atMs)
            << qSetFieldWidth(8) << enumName(view.outboxState) << qSetFieldWidth(0) << summary
            << '\n';
        return true;
    });
    out.flush();
    if (!listed)
        return context.fail(listed.error());
    if (!asJson)
        context.err() << shown << (shown == 1 ? " record" : " records") << Qt::endl;
    return ExitOk;
}

int runShow(CliContext &context)
{
    if (int bad = needsArguments(context, 1, u"show ID [--history]"_s))
        return bad;
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    auto id = resolveId(**profile, context.arguments().first());
    if (!id)
        return context.fail(id.error());
    RecordService records(**profile);
    auto view = records.get(*id);
    if (!view)
        return context.fail(view.error());
    QJsonObject json = view->toJson();
    if (context.isSet(u"history"_s)) {
        auto history = records.history(*id);
        if (!history)
            return context.fail(history.error());
        QJsonArray versions;
        for (const RecordView &old : *history)
            versions.append(old.toJson());
        json.insert(u"history"_s, versions);
    }
    context.out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    return ExitOk;
}

int runEdit(CliContext &context)
{
    if (int bad = needsArguments(context, 1, u"edit ID < changes.json"_s))
        return bad;
    auto patch = readJsonObject(u"changes"_s);
    if (!patch)
        return context.fail(patch.error(), u"nothing was changed"_s);
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    auto id = resolveId(**profile, context.arguments().first());
    if (!id)
        return context.fail(id.error());
    RecordService records(**profile);
    auto edited = records.edit(*id, *patch);
    if (!edited)
        return context.fail(edited.error(), u"the record was not changed"_s);
    context.out() << edited->header.idText() << Qt::endl;
    context.err() << "Saved the new version; the previous one is kept in its history." << Qt::endl;
    return ExitOk;
}

int runDelete(CliContext &context)
{
    if (int bad = needsArguments(context, 1, u"delete ID"_s))
        return bad;
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    auto id = resolveId(**profile, context.arguments().first());
    if (!id)
        return context.fail(id.error());
    RecordService records(**profile);
    auto removed = records.remove(*id);
    if (!removed)
        return context.fail(removed.error(), u"the record was not deleted"_s);
    context.out() << removed->header.idText() << Qt::endl;
    context.err()
        << "Deleted. Its last version stays in this device's history (`show ID --history`)."
        << Qt::endl;
    return ExitOk;
}

int runExport(CliContext &context)
{
    if (int bad = needsArguments(context, 0, u"export [--output FILE]"_s))
        return bad;
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    QFile file;
    QTextStream fileStream;
    QTextStream *out = &context.out();
    if (context.isSet(u"output"_s)) {
        file.setFileName(context.value(u"output"_s));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return context.fail(
                Error(ErrorCode::Storage,
                      u"cannot write %1: %2"_s.arg(file.fileName(), file.errorString())));
        fileStream.setDevice(&file);
        out = &fileStream;
    }
    RecordService records(**profile);
    const QString me = (*profile)->userId();
    int exported = 0;
    auto listed = records.forEach(RecordQuery{}, [&](const RecordView &view) {
        if (view.header.author != me)
            return true; // the user's own records only
        *out << QJsonDocument(view.toJson()).toJson(QJsonDocument::Compact) << '\n';
        ++exported;
        return true;
    });
    out->flush();
    if (!listed)
        return context.fail(listed.error(), u"the export is incomplete"_s);
    if (file.isOpen() && (file.error() != QFileDevice::NoError || !file.flush()))
        return context.fail(Error(ErrorCode::Storage, u"writing %1 failed: %2"_s.arg(
                                                          file.fileName(), file.errorString())));
    context.err() << "Exported " << exported << (exported == 1 ? " record" : " records")
                  << " as JSON lines. They are not encrypted: keep the file safe." << Qt::endl;
    return ExitOk;
}

} // namespace outward::cli
