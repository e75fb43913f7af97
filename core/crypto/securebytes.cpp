#include "core/crypto/securebytes.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

#include <utility>

namespace outward {

SecureBytes::SecureBytes(std::size_t size)
{
    if (!ensureSodium())
        return;
    // sodium_malloc(0) is allowed but returns a guard page; keep a real zero-size object instead.
    void *memory = sodium_malloc(size == 0 ? 1 : size);
    if (!memory)
        return;
    m_data = static_cast<unsigned char *>(memory);
    m_size = size;
    sodium_memzero(m_data, size == 0 ? 1 : size);
}

SecureBytes::~SecureBytes()
{
    release();
}

SecureBytes::SecureBytes(SecureBytes &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

SecureBytes &SecureBytes::operator=(SecureBytes &&other) noexcept
{
    if (this != &other) {
        release();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBytes::release()
{
    if (m_data)
        sodium_free(m_data); // wipes before unmapping
    m_data = nullptr;
    m_size = 0;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (!bytes.isNull())
        randombytes_buf(bytes.data(), size);
    return bytes;
}

SecureBytes SecureBytes::copyOf(const void *data, std::size_t size)
{
    SecureBytes bytes(size);
    if (!bytes.isNull() && size > 0)
        memcpy(bytes.data(), data, size);
    return bytes;
}

SecureBytes SecureBytes::fromPassphrase(const QString &passphrase)
{
    QString normalized = passphrase.normalized(QString::NormalizationForm_C);
    QByteArray utf8 = normalized.toUtf8();
    SecureBytes bytes = copyOf(utf8);
    wipe(utf8);
    wipe(normalized);
    return bytes;
}

bool SecureBytes::equals(const SecureBytes &other) const
{
    return m_size == other.m_size &&
           (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

QByteArray SecureBytes::toByteArray() const
{
    return QByteArray(reinterpret_cast<const char *>(m_data), static_cast<qsizetype>(m_size));
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach(); // never scribble over a buffer another QByteArray still shares
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
    bytes.clear();
}

void wipe(QString &text)
{
    if (!text.isEmpty() && !text.isDetached())
        text.detach();
    if (!text.isEmpty())
        sodium_memzero(text.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    text.clear();
}

} // namespace outward
