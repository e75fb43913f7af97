#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcCrypto, "outward.core.crypto")

Status ensureSodium()
{
    static const int initialised = sodium_init(); // 0 first time, 1 if already done, -1 on failure
    if (initialised < 0)
        return Error(ErrorCode::Internal,
                     u"the cryptography library could not start; reinstall Outward"_s);
    return {};
}

Error cryptoFailure(const char *operation)
{
    qCWarning(lcCrypto) << "libsodium call failed:" << operation;
    return Error(ErrorCode::Internal,
                 u"a cryptographic operation failed (%1); this is a bug or the device is out of "
                 u"memory"_s.arg(QString::fromLatin1(operation)));
}

} // namespace outward
