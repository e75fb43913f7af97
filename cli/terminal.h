#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace outward::cli::terminal {

bool stdinIsTerminal();
bool stderrIsTerminal();

// Asks on the controlling terminal (/dev/tty) with echo off, so nothing typed lands in the
// scrollback or a pipe. std::nullopt when there is no terminal.
std::optional<QString> promptHidden(const QString &prompt);

QByteArray readAllStdin();

} // namespace outward::cli::terminal
