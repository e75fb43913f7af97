#pragma once

#include "core/common/result.h"
#include "core/crypto/keyring.h"
#include "core/store/database.h"

#include <optional>

namespace outward {

// Reads and writes the profile's one wrapped keyring row.
class KeyringStore
{
public:
    explicit KeyringStore(Database &db);

    Result<std::optional<WrappedKeyring>> load();
    // Replaces the keyring atomically; a passphrase change is one UPDATE.
    Status save(const WrappedKeyring &keyring);

private:
    Database &m_db;
};

} // namespace outward
