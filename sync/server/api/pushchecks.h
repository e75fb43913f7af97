#pragma once

#include "sync/protocol/apierror.h"
#include "sync/protocol/messages_records.h"
#include "sync/server/storage/serverstore.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace outward::server {

// A push body after every check that needs no database (protocol.md 11.1, 11.2 steps 1 and 3-8):
// the request-level checks, then per item the size, envelope and header, author and team, role,
// wraps, signature (with the author's registered sign key) and clock bound.
struct CheckedPush
{
    qsizetype itemCount = 0;
    // Set for an item answered before the store (rejected or deferred), in item order.
    QList<std::optional<protocol::PushResult>> results;
    // Per item, what the exact-retry check (step 2) compares with the store, which overrides
    // whatever the other steps said; no id for an envelope whose header could not be read (no
    // stored version can have such bytes).
    struct RetryKey
    {
        QString recordId;        // the header's id
        QByteArray envelopeHash; // H(envelope)
        QByteArray signature;
        QByteArray keyCommit;
    };
    QList<RetryKey> retryKeys;
    QList<PushVersion> versions; // the items that passed, for the store
    QList<int> versionItem;      // versions[v] answers items[versionItem[v]]
};

// Pure and thread-safe: a push handler runs it on a worker thread. `author` is the
// authenticated user, `members` the users of their team (revoked ones included), `nowMs` the
// server's time for the clock bound.
[[nodiscard]] protocol::ApiResult<CheckedPush> checkPush(const QByteArray &body, const User &author,
                                                         const QList<User> &members, qint64 nowMs);

} // namespace outward::server
