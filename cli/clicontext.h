#pragma once

#include "core/common/result.h"
#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

namespace outward::cli {

// What every command needs: its arguments and options, the two output streams, the profile.
// Data goes to stdout; messages and errors go to stderr, so scripts can capture the data.
class CliContext
{
public:
    CliContext(const QCommandLineParser &parser, QStringList arguments, const Clock &clock);
    ~CliContext();

    const QStringList &arguments() const { return m_arguments; }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    const Clock &clock() const { return m_clock; }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    QString profileFolder() const;
    Result<KdfParams> kdfParams() const;

    Result<std::unique_ptr<Profile>> openProfile();
    // Opens the profile and unlocks it with the passphrase from file, environment or prompt.
    Result<std::unique_ptr<Profile>> openUnlockedProfile();

    // Prints the error and returns its documented exit code.
    int fail(const Error &error, const QString &context = {});
    int usage(const QString &message);

private:
    const QCommandLineParser &m_parser;
    QStringList m_arguments;
    const Clock &m_clock;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace outward::cli
