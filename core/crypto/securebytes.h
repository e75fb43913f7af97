#pragma once

#include <QByteArray>
#include <QString>

#include <cstddef>

namespace outward {

// Key material in sodium_malloc'd memory: guarded pages, kept out of swap where the OS allows,
// wiped when freed. Move-only, so a key is never silently copied. Short-lived per-record keys
// use stack buffers wiped with sodium_memzero instead, because sodium_malloc costs syscalls.
class SecureBytes
{
public:
    SecureBytes() = default;
    // Zero-filled; isNull() if the allocation failed.
    explicit SecureBytes(std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes &&other) noexcept;
    SecureBytes &operator=(SecureBytes &&other) noexcept;
    SecureBytes(const SecureBytes &) = delete;
    SecureBytes &operator=(const SecureBytes &) = delete;

    static SecureBytes random(std::size_t size);
    static SecureBytes copyOf(const void *data, std::size_t size);
    static SecureBytes copyOf(const QByteArray &bytes)
    {
        return copyOf(bytes.constData(), bytes.size());
    }
    // A passphrase as UTF-8 (NFC-normalised, so the same words typed on another OS match).
    static SecureBytes fromPassphrase(const QString &passphrase);

    unsigned char *data() { return m_data; }
    const unsigned char *data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool isNull() const { return m_data == nullptr; }
    bool isEmpty() const { return m_size == 0; }

    // Constant-time comparison.
    bool equals(const SecureBytes &other) const;
    SecureBytes clone() const { return copyOf(m_data, m_size); }
    // Leaves secure memory: only for handing a key to a platform key store.
    QByteArray toByteArray() const;

private:
    void release();

    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Overwrites a QByteArray that held a secret (passphrase text, a key read from the OS store).
void wipe(QByteArray &bytes);
void wipe(QString &text);

} // namespace outward
