// Child process of tst_crashsafety: opens a profile and writes records until it is killed.
//
//   crashwriter <profile folder>     (the passphrase is the first line on stdin)
//
// Prints one line per operation, only AFTER its transaction committed:
//   add <id>            a new record (its content says "version 0")
//   edit <id> <n>       the record now says "version n"
//   del <id>            the record is a tombstone
// So every line the parent reads names a state that must survive a SIGKILL.

#include "core/profile/recordservice.h"
#include "tests/support/profilefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

using namespace outward;
using namespace Qt::StringLiterals;

namespace {

// Bounds, so a child whose parent forgot it still stops on its own.
constexpr int kMaxOperations = 20000;
constexpr qint64 kMaxRunMs = 60000;
constexpr int kBatchSize = 3;

void report(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int fail(const Error &error)
{
    std::fprintf(stderr, "crashwriter: %s\n", qPrintable(error.toString()));
    return 1;
}

QString text(int entry, int version)
{
    return u"crash entry %1 version %2"_s.arg(entry).arg(version);
}

RecordPayload newPayload(int entry, const ValidationContext &context)
{
    QJsonObject json;
    RecordKind kind = RecordKind::Reflection;
    if (entry % 2 == 0) {
        json = {{u"body"_s, text(entry, 0)}};
    } else {
        kind = RecordKind::Interaction;
        json = {{u"channel"_s, u"phone"_s},
                {u"endEmotion"_s, u"appreciation"_s},
                {u"note"_s, text(entry, 0)}};
    }
    auto payload = parsePayload(kind, json, context);
    if (!payload.ok())
        qFatal("crashwriter built an invalid record: %s", qPrintable(payload.error().toString()));
    return std::move(payload).value();
}

Result<QSet<QUuid>> storedIds(Profile &profile)
{
    RecordQuery everything;
    everything.includeDeleted = true;
    QSet<QUuid> ids;
    auto listed = profile.store().forEach(everything, [&ids](const StoredRecord &stored) {
        ids.insert(stored.id);
        return true;
    });
    if (!listed.ok())
        return listed.error();
    return ids;
}

struct Live
{
    QUuid id;
    int entry = 0;
    int version = 0;
    RecordKind kind = RecordKind::Reflection;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: crashwriter <profile folder> < passphrase\n");
        return 2;
    }
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return 2;
    QByteArray line = input.readLine().trimmed();
    const SecureBytes secret = SecureBytes::fromPassphrase(QString::fromUtf8(line));
    wipe(line);

    auto profile = Profile::open(QString::fromLocal8Bit(argv[1]), SystemClock::instance());
    if (!profile.ok())
        return fail(profile.error());
    if (auto unlocked = (*profile)->unlock(secret); !unlocked)
        return fail(unlocked.error());
    RecordService service(**profile);

    QList<Live> live;
    int nextEntry = 0;
    QElapsedTimer running;
    running.start();
    for (int op = 0; op < kMaxOperations && !running.hasExpired(kMaxRunMs); ++op) {
        if (op % 5 == 3 && !live.isEmpty()) {
            Live &record = live[op % live.size()];
            const int version = record.version + 1;
            const QString field = record.kind == RecordKind::Reflection ? u"body"_s : u"note"_s;
            auto edited = service.edit(record.id, {{field, text(record.entry, version)}});
            if (!edited.ok())
                return fail(edited.error());
            record.version = version;
            report(u"edit %1 %2"_s.arg(record.id.toString(QUuid::WithoutBraces)).arg(version));
        } else if (op % 11 == 10 && !live.isEmpty()) {
            const Live record = live.takeFirst();
            auto removed = service.remove(record.id);
            if (!removed.ok())
                return fail(removed.error());
            report(u"del %1"_s.arg(record.id.toString(QUuid::WithoutBraces)));
        } else if (op % 7 == 6) {
            // addMany returns no ids, so the batch is reported by what is new in the store.
            QList<RecordPayload> batch;
            for (int i = 0; i < kBatchSize; ++i)
                batch << newPayload(nextEntry++, service.validationContext());
            auto before = storedIds(**profile);
            if (!before.ok())
                return fail(before.error());
            auto added = service.addMany(batch);
            if (!added.ok())
                return fail(added.error());
            auto after = storedIds(**profile);
            if (!after.ok())
                return fail(after.error());
            for (const QUuid &id : *after) {
                if (before->contains(id))
                    continue;
                auto view = service.get(id);
                if (!view.ok())
                    return fail(view.error());
                const QString content =
                    view->json.value(u"body"_s).toString() + view->json.value(u"note"_s).toString();
                live.append({id, content.section(u' ', 2, 2).toInt(), 0, view->header.kind});
                report(u"add %1"_s.arg(view->header.idText()));
            }
        } else {
            const int entry = nextEntry++;
            auto added = service.add(newPayload(entry, service.validationContext()));
            if (!added.ok())
                return fail(added.error());
            live.append({added->header.id, entry, 0, added->header.kind});
            report(u"add %1"_s.arg(added->header.idText()));
        }
    }
    return 0;
}
