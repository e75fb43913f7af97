#pragma once

#include "platform/keystore.h"

namespace outward {

// The OS key store through qtkeychain. The plaintext fallback qtkeychain offers is never used:
// without a real key store, "remember on this device" is simply unavailable.
class QtKeychainStore final : public KeyStore
{
    Q_OBJECT

public:
    explicit QtKeychainStore(QString service = QStringLiteral("Outward"),
                             QObject *parent = nullptr);

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const SecureBytes &secret, Done done) override;
    void remove(const QString &key, Done done) override;

private:
    QString m_service;
};

} // namespace outward
