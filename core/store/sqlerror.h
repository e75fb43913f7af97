#pragma once

#include "core/common/error.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace outward {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

// Turns a SQLite failure into an Error a person can act on: a full disk, a read-only or busy
// file, a damaged database. `doing` says what was attempted ("saving the record").
Error sqlError(const QSqlError &error, const QString &doing);

} // namespace outward
