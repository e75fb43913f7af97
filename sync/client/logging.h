#pragma once

#include <QLoggingCategory>

namespace outward::sync {

// outward.sync.client: the device's sync engine and its transport. Never a token, key, code,
// Authorization header or body byte.
Q_DECLARE_LOGGING_CATEGORY(lcSyncClient)

} // namespace outward::sync
