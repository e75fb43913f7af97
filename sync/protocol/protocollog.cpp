#include "sync/protocol/protocollog.h"

namespace outward::protocol {

Q_LOGGING_CATEGORY(lcProtocol, "outward.sync.protocol")

} // namespace outward::protocol
