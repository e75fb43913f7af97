#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/recordcommands.h"
#include "cli/terminal.h"
#include "core/model/record.h"
#include "core/profile/recordservice.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace outward::cli {

// Reads JSON lines as `export` writes them ({"kind", "content", ...}; id, at, clock and state
// are ignored, deleted records skipped) and adds every record as a new one, in one transaction:
// either all lines are saved or none is.
int runImport(CliContext &context)
{
    if (context.arguments().size() > 1)
        return context.usage(
            u"import [FILE]   (JSON lines as written by export; stdin without FILE)"_s);
    QByteArray input;
    if (context.arguments().isEmpty()) {
        if (terminal::stdinIsTerminal())
            context.err() << "Paste JSON lines, then press Ctrl-D." << Qt::endl;
        input = terminal::readAllStdin();
    } else {
        QFile file(context.arguments().first());
        if (!file.open(QIODevice::ReadOnly))
            return context.fail(
                Error(ErrorCode::InvalidInput,
                      u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString())));
        input = file.readAll();
    }
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());
    RecordService records(**profile);
    const ValidationContext validation = records.validationContext();

    QList<RecordPayload> payloads;
    int lineNumber = 0;
    for (const QByteArray &line : input.split('\n')) {
        ++lineNumber;
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        const auto kind = enumFromName<RecordKind>(object.value(u"kind"_s).toString());
        if (object.isEmpty() || !kind)
            return context.fail(Error(ErrorCode::InvalidInput,
                                      u"line %1 is not a record: it needs \"kind\" and "
                                      u"\"content\"; nothing was imported"_s.arg(lineNumber)));
        if (object.value(u"deleted"_s).toBool())
            continue;
        auto payload = parsePayload(*kind, object.value(u"content"_s).toObject(), validation);
        if (!payload)
            return context.fail(
                payload.error().withContext(u"line %1; nothing was imported"_s.arg(lineNumber)));
        payloads.append(std::move(payload).value());
    }
    auto added = records.addMany(payloads);
    if (!added)
        return context.fail(added.error(), u"nothing was imported"_s);
    context.err() << "Imported " << *added << " records." << Qt::endl;
    return ExitOk;
}

} // namespace outward::cli
