#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QLoggingCategory>
#include <QObject>

#include <functional>

namespace outward {

Q_DECLARE_LOGGING_CATEGORY(lcPlatform)

// The operating system's secret store (Keychain, Credential Manager, Secret Service, Android
// Keystore), used for "remember on this device". Asynchronous because the OS may ask the user.
// Callbacks run on the caller's thread; a missing entry is ErrorCode::NotFound.
class KeyStore : public QObject
{
    Q_OBJECT

public:
    using ReadDone = std::function<void(Result<SecureBytes>)>;
    using Done = std::function<void(Status)>;

    explicit KeyStore(QObject *parent = nullptr);

    virtual void read(const QString &key, ReadDone done) = 0;
    virtual void write(const QString &key, const SecureBytes &secret, Done done) = 0;
    virtual void remove(const QString &key, Done done) = 0;

    // The entry under which a profile's master key is remembered.
    static QString masterKeyEntry(const QString &userId);
};

// Waits for a read, for callers without an event loop of their own (command line, start-up);
// a store that has not answered within timeoutMs gives ErrorCode::Storage.
Result<SecureBytes> readBlocking(KeyStore &store, const QString &key, int timeoutMs = 30000);
Status writeBlocking(KeyStore &store, const QString &key, const SecureBytes &secret,
                     int timeoutMs = 30000);
Status removeBlocking(KeyStore &store, const QString &key, int timeoutMs = 30000);

} // namespace outward
