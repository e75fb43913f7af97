#include "cli/terminal.h"

#include "core/crypto/securebytes.h"

#include <QFile>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace outward::cli::terminal {

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

std::optional<QString> promptHidden(const QString &prompt)
{
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray promptBytes = prompt.toUtf8();
    if (::write(fd, promptBytes.constData(), static_cast<size_t>(promptBytes.size())) < 0) {
        ::close(fd);
        return std::nullopt;
    }

    termios saved{};
    const bool canHide = tcgetattr(fd, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        hidden.c_lflag |= ECHONL;
        tcsetattr(fd, TCSAFLUSH, &hidden);
    }
    QByteArray line;
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    if (canHide)
        tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    if (line.endsWith('\r'))
        line.chop(1);
    QString text = QString::fromUtf8(line);
    wipe(line);
    return text;
}

QByteArray readAllStdin()
{
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    return input.readAll();
}

} // namespace outward::cli::terminal
