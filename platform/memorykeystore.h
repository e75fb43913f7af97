#pragma once

#include "platform/keystore.h"

#include <QHash>

#include <memory>

namespace outward {

// A key store in process memory, for tests and for platforms without one. Answers on the next
// event-loop turn, like a real store, and can be told to fail like an unavailable one.
class MemoryKeyStore final : public KeyStore
{
    Q_OBJECT

public:
    explicit MemoryKeyStore(QObject *parent = nullptr);
    ~MemoryKeyStore() override;

    void read(const QString &key, ReadDone done) override;
    void write(const QString &key, const SecureBytes &secret, Done done) override;
    void remove(const QString &key, Done done) override;

    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    bool contains(const QString &key) const { return m_entries.contains(key); }

private:
    Error unavailable() const;

    QHash<QString, std::shared_ptr<SecureBytes>> m_entries;
    bool m_unavailable = false;
};

} // namespace outward
