#include "sync/protocol/limits.h"

using namespace Qt::StringLiterals;

namespace outward::protocol::limits {

qint64 bodyLimitFor(const QByteArray &method, const QString &path)
{
    if (method == "POST"_ba && path == "/v1/records"_L1)
        return kPushBodyBytes;
    return kBodyBytes;
}

} // namespace outward::protocol::limits
