#pragma once

#include "core/common/error.h"

#include <QLoggingCategory>
#include <QSqlError>

namespace outward::server {

Q_DECLARE_LOGGING_CATEGORY(lcServerStorage)

// Turns a SQLite failure into an Error the operator can act on (disk full, read-only, busy,
// damaged). `doing` says what was attempted ("storing a push"). The driver's text names tables
// and constraints, never values, so it is logged.
Error storageError(const QSqlError &error, const QString &doing);

} // namespace outward::server
