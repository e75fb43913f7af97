#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

namespace outward {

// Argon2id cost parameters, stored beside the salt so each profile keeps the cost it was
// created with and can be re-wrapped with a stronger one later.
struct KdfParams
{
    quint64 opsLimit = 0;
    quint64 memLimitBytes = 0;

    // Desktop: ops 3, 256 MiB (libsodium's MODERATE), about 0.55 s on the reference 2-core machine.
    static KdfParams desktop();
    // Phones: ops 3, 64 MiB; less memory so the OS does not kill the app, about 0.5 s on a
    // mid-range phone.
    static KdfParams phone();
    // libsodium's INTERACTIVE (ops 2, 64 MiB), about 0.1 s here: for scripted profiles.
    static KdfParams interactive();
    // desktop() or phone(), by the platform this build targets.
    static KdfParams forThisDevice();

    QString name() const; // "argon2id13 ops=3 mem=256MiB"

    // Parameters read from a file are refused outside libsodium's limits, and above 4 GiB of
    // memory so a crafted profile cannot make unlock exhaust the device.
    bool isWithinLimits() const;

    friend bool operator==(const KdfParams &a, const KdfParams &b)
    {
        return a.opsLimit == b.opsLimit && a.memLimitBytes == b.memLimitBytes;
    }
};

// Argon2id13: passphrase + salt -> 32-byte key.
Result<SecureBytes> derivePassphraseKey(const SecureBytes &passphrase, const QByteArray &salt,
                                        const KdfParams &params);

constexpr int kSaltBytes = 16;
constexpr qsizetype kMinPassphraseLength = 8;

} // namespace outward
