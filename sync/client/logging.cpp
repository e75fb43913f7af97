#include "sync/client/logging.h"

namespace outward::sync {

Q_LOGGING_CATEGORY(lcSyncClient, "outward.sync.client")

} // namespace outward::sync
