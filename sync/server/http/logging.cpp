#include "sync/server/http/logging.h"

namespace outward::server {

Q_LOGGING_CATEGORY(lcServerHttp, "outward.server.http")

} // namespace outward::server
