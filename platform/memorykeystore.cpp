#include "platform/memorykeystore.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace outward {

MemoryKeyStore::MemoryKeyStore(QObject *parent)
    : KeyStore(parent)
{}

MemoryKeyStore::~MemoryKeyStore() = default;

Error MemoryKeyStore::unavailable() const
{
    return Error(ErrorCode::Storage, u"no key store is available on this device"_s);
}

void MemoryKeyStore::read(const QString &key, ReadDone done)
{
    std::shared_ptr<SecureBytes> entry = m_entries.value(key);
    const bool isUnavailable = m_unavailable;
    QTimer::singleShot(0, this, [this, key, entry, isUnavailable, done = std::move(done)] {
        if (isUnavailable)
            done(unavailable());
        else if (!entry)
            done(Error(ErrorCode::NotFound,
                       u"nothing is remembered on this device for %1"_s.arg(key)));
        else
            done(entry->clone());
    });
}

void MemoryKeyStore::write(const QString &key, const SecureBytes &secret, Done done)
{
    if (!m_unavailable)
        m_entries.insert(key, std::make_shared<SecureBytes>(secret.clone()));
    const bool isUnavailable = m_unavailable;
    QTimer::singleShot(0, this, [this, isUnavailable, done = std::move(done)] {
        done(isUnavailable ? Status(unavailable()) : Status());
    });
}

void MemoryKeyStore::remove(const QString &key, Done done)
{
    if (!m_unavailable)
        m_entries.remove(key);
    const bool isUnavailable = m_unavailable;
    QTimer::singleShot(0, this, [this, isUnavailable, done = std::move(done)] {
        done(isUnavailable ? Status(unavailable()) : Status());
    });
}

} // namespace outward
