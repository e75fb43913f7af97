#include "cli/clicontext.h"

#include "cli/exitcodes.h"
#include "cli/secretinput.h"
#include "platform/paths.h"

#include <QDir>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace outward::cli {

CliContext::CliContext(const QCommandLineParser &parser, QStringList arguments, const Clock &clock)
    : m_parser(parser)
    , m_arguments(std::move(arguments))
    , m_clock(clock)
    , m_out(stdout)
    , m_err(stderr)
{}

CliContext::~CliContext()
{
    m_out.flush();
    m_err.flush();
}

QString CliContext::profileFolder() const
{
    QString folder = m_parser.value(u"profile"_s);
    if (folder.isEmpty())
        folder = qEnvironmentVariable("OUTWARD_PROFILE");
    if (folder.isEmpty())
        folder = paths::defaultProfileFolder();
    return QDir::cleanPath(QDir::current().absoluteFilePath(folder));
}

Result<KdfParams> CliContext::kdfParams() const
{
    const QString name = m_parser.value(u"kdf"_s);
    if (name.isEmpty())
        return KdfParams::forThisDevice();
    if (name == u"moderate"_s)
        return KdfParams::desktop();
    if (name == u"phone"_s)
        return KdfParams::phone();
    if (name == u"interactive"_s)
        return KdfParams::interactive();
    return Error(ErrorCode::InvalidInput,
                 u"--kdf must be moderate (the default here), phone or interactive"_s);
}

Result<std::unique_ptr<Profile>> CliContext::openProfile()
{
    return Profile::open(profileFolder(), m_clock);
}

Result<std::unique_ptr<Profile>> CliContext::openUnlockedProfile()
{
    auto profile = openProfile();
    if (!profile)
        return profile.error();
    auto passphrase = readSecret({m_parser.value(u"passphrase-file"_s), "OUTWARD_PASSPHRASE",
                                  u"Passphrase for %1: "_s.arg(profileFolder())});
    if (!passphrase)
        return passphrase.error().withContext(u"cannot read the passphrase"_s);
    if (auto unlocked = (*profile)->unlock(*passphrase); !unlocked)
        return unlocked.error();
    return profile;
}

int CliContext::fail(const Error &error, const QString &context)
{
    const Error shown = context.isEmpty() ? error : error.withContext(context);
    m_err << "outward-cli: " << shown.toString() << Qt::endl;
    return exitCodeFor(error.code());
}

int CliContext::usage(const QString &message)
{
    m_err << "outward-cli: " << message << "\nRun `outward-cli help` for the commands." << Qt::endl;
    return ExitUsage;
}

} // namespace outward::cli
