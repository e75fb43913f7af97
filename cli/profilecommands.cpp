#include "cli/profilecommands.h"

#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/secretinput.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace outward::cli {

int runInit(CliContext &context)
{
    auto params = context.kdfParams();
    if (!params)
        return context.usage(params.error().message());
    const QString folder = context.profileFolder();
    if (Profile::open(folder, context.clock()).ok())
        return context.fail(Error(ErrorCode::ProfileExists,
                                  u"%1 already holds an Outward profile; choose another folder "
                                  u"with --profile, or use `outward-cli recover` if you lost the "
                                  u"passphrase"_s.arg(folder)));
    auto passphrase = readNewSecret({context.value(u"passphrase-file"_s), "OUTWARD_PASSPHRASE",
                                     u"Choose a passphrase (at least 8 characters): "_s});
    if (!passphrase)
        return context.fail(passphrase.error(), u"cannot read the new passphrase"_s);
    auto created = Profile::create(folder, *passphrase, *params, context.clock());
    if (!created)
        return context.fail(created.error(), u"the profile was not created"_s);

    context.err()
        << "Created an Outward profile in " << folder << ".\n\n"
        << "Your recovery code is printed below, only this once. Write it down and keep it\n"
        << "somewhere safe: it is the only way back in if you forget your passphrase.\n\n";
    context.err().flush();
    context.out() << created->recoveryCode << Qt::endl;
    return ExitOk;
}

int runPasswd(CliContext &context)
{
    auto params = context.kdfParams();
    if (!params)
        return context.usage(params.error().message());
    auto profile = context.openProfile();
    if (!profile)
        return context.fail(profile.error());
    auto current = readSecret(
        {context.value(u"passphrase-file"_s), "OUTWARD_PASSPHRASE", u"Current passphrase: "_s});
    if (!current)
        return context.fail(current.error(), u"cannot read the current passphrase"_s);
    // Check the current passphrase before asking for a new one, so a typo costs one prompt.
    if (auto unlocked = (*profile)->unlock(*current); !unlocked)
        return context.fail(unlocked.error());
    auto next = readNewSecret({context.value(u"new-passphrase-file"_s), "OUTWARD_NEW_PASSPHRASE",
                               u"New passphrase (at least 8 characters): "_s});
    if (!next)
        return context.fail(next.error(), u"cannot read the new passphrase"_s);
    if (auto changed = (*profile)->changePassphrase(*current, *next, *params); !changed)
        return context.fail(changed.error(), u"the passphrase was not changed"_s);
    context.err() << "Passphrase changed. Your recovery code still works." << Qt::endl;
    return ExitOk;
}

int runRecover(CliContext &context)
{
    auto params = context.kdfParams();
    if (!params)
        return context.usage(params.error().message());
    auto profile = context.openProfile();
    if (!profile)
        return context.fail(profile.error());
    auto code = readSecret(
        {context.value(u"recovery-code-file"_s), "OUTWARD_RECOVERY_CODE", u"Recovery code: "_s});
    if (!code)
        return context.fail(code.error(), u"cannot read the recovery code"_s);
    QString codeText = QString::fromUtf8(reinterpret_cast<const char *>(code->data()),
                                         static_cast<qsizetype>(code->size()));
    auto next = readNewSecret({context.value(u"new-passphrase-file"_s), "OUTWARD_NEW_PASSPHRASE",
                               u"New passphrase (at least 8 characters): "_s});
    if (!next)
        return context.fail(next.error(), u"cannot read the new passphrase"_s);
    const Status recovered = (*profile)->recover(codeText, *next, *params);
    wipe(codeText);
    if (!recovered)
        return context.fail(recovered.error(), u"the profile was not recovered"_s);
    context.err() << "Recovered: the profile now opens with your new passphrase. Keep the same "
                     "recovery code safe."
                  << Qt::endl;
    return ExitOk;
}

int runStatus(CliContext &context)
{
    auto profile = context.openProfile();
    if (!profile)
        return context.fail(profile.error());
    auto counts = (*profile)->store().outboxCounts();
    if (!counts)
        return context.fail(counts.error());
    const ProfileInfo info = (*profile)->info();
    int total = 0;
    for (int count : *counts)
        total += count;

    if (context.isSet(u"json"_s)) {
        QJsonObject outbox;
        for (OutboxState state : allEnumValues<OutboxState>())
            outbox.insert(enumName(state), counts->value(state));
        const QJsonObject json{{u"profile"_s, info.folder},
                               {u"userId"_s, info.userId},
                               {u"createdAt"_s, info.createdAt.toString(Qt::ISODate)},
                               {u"kdf"_s, info.kdf.name()},
                               {u"records"_s, total},
                               {u"outbox"_s, outbox}};
        context.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }
    context.out() << "Profile:        " << info.folder << '\n'
                  << "User:           " << info.userId << '\n'
                  << "Created:        "
                  << info.createdAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) << '\n'
                  << "Key derivation: " << info.kdf.name() << '\n'
                  << "Records:        " << total << '\n';
    for (OutboxState state : allEnumValues<OutboxState>())
        context.out() << "  " << qSetFieldWidth(8) << Qt::left << enumName(state)
                      << qSetFieldWidth(0) << counts->value(state) << '\n';
    context.out().flush();
    return ExitOk;
}

} // namespace outward::cli
