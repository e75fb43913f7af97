#include "cli/secretinput.h"

#include "cli/terminal.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace outward::cli {

namespace {

Result<QString> fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::InvalidInput,
                     u"cannot read %1: %2"_s.arg(path, file.errorString()));
    QByteArray line = file.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    QString text = QString::fromUtf8(line);
    wipe(line);
    return text;
}

Result<QString> fromAnySource(const SecretSource &source, bool *prompted)
{
    *prompted = false;
    if (!source.file.isEmpty())
        return fromFile(source.file);
    if (qEnvironmentVariableIsSet(source.envVar))
        return qEnvironmentVariable(source.envVar);
    auto typed = terminal::promptHidden(source.prompt);
    if (!typed)
        return Error(
            ErrorCode::InvalidInput,
            u"no terminal to ask for it: set %1 or pass the matching --...-file option"_s.arg(
                QString::fromLatin1(source.envVar)));
    *prompted = true;
    return std::move(*typed);
}

} // namespace

Result<SecureBytes> readSecret(const SecretSource &source)
{
    bool prompted = false;
    auto text = fromAnySource(source, &prompted);
    if (!text)
        return text.error();
    SecureBytes secret = SecureBytes::fromPassphrase(*text);
    wipe(*text);
    return secret;
}

Result<SecureBytes> readNewSecret(const SecretSource &source)
{
    bool prompted = false;
    auto first = fromAnySource(source, &prompted);
    if (!first)
        return first.error();
    SecureBytes secret = SecureBytes::fromPassphrase(*first);
    wipe(*first);
    if (!prompted)
        return secret;
    auto again = terminal::promptHidden(u"Repeat it: "_s);
    if (!again)
        return Error(ErrorCode::InvalidInput,
                     u"the terminal closed before the passphrase was repeated"_s);
    const SecureBytes repeated = SecureBytes::fromPassphrase(*again);
    wipe(*again);
    if (!secret.equals(repeated))
        return Error(ErrorCode::InvalidInput, u"the two passphrases differ; nothing was changed"_s);
    return secret;
}

} // namespace outward::cli
