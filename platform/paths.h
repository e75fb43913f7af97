#pragma once

#include <QString>

namespace outward::paths {

// Sets the application name the standard locations are derived from; call once in main().
void setApplicationIdentity();

// Where the app keeps its data: ~/.local/share/Outward on Linux, the app sandbox on phones.
QString appDataFolder();
// The profile the app and outward-cli use when none is named.
QString defaultProfileFolder();

} // namespace outward::paths
