#include "core/store/schema.h"

using namespace Qt::StringLiterals;

namespace outward {

const QList<Migration> &profileSchema()
{
    static const QList<Migration> steps{
        {1,
         u"records, revisions, keyring"_s,
         {
             u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"_s,
             u"CREATE TABLE keyring ("
             u" id INTEGER PRIMARY KEY CHECK (id = 1),"
             u" format INTEGER NOT NULL,"
             u" user_id TEXT NOT NULL,"
             u" kdf_ops INTEGER NOT NULL,"
             u" kdf_mem INTEGER NOT NULL,"
             u" salt BLOB NOT NULL,"
             u" passphrase_wrapped_master_key BLOB NOT NULL,"
             u" recovery_wrapped_master_key BLOB NOT NULL,"
             u" box_public_key BLOB NOT NULL,"
             u" sign_public_key BLOB NOT NULL,"
             u" wrapped_secret_keys BLOB NOT NULL)"_s,
             // outbox_state: 0 local, 1 queued, 2 synced, 3 error (with outbox_error).
             u"CREATE TABLE records ("
             u" id TEXT PRIMARY KEY,"
             u" kind TEXT NOT NULL,"
             u" author TEXT NOT NULL,"
             u" team TEXT NOT NULL,"
             u" at INTEGER NOT NULL,"
             u" clock TEXT NOT NULL,"
             u" deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),"
             u" envelope BLOB NOT NULL,"
             u" outbox_state INTEGER NOT NULL CHECK (outbox_state BETWEEN 0 AND 3),"
             u" outbox_error TEXT,"
             u" server_seq INTEGER)"_s,
             u"CREATE INDEX records_by_time ON records (at DESC, id)"_s,
             u"CREATE INDEX records_by_kind_time ON records (kind, at DESC, id)"_s,
             u"CREATE INDEX records_unsent ON records (outbox_state) WHERE outbox_state <> 2"_s,
             u"CREATE TABLE revisions ("
             u" record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,"
             u" clock TEXT NOT NULL,"
             u" envelope BLOB NOT NULL,"
             u" superseded_at INTEGER NOT NULL,"
             u" PRIMARY KEY (record_id, clock))"_s,
         },
         {}},
        {2,
         u"record signatures, key directory"_s,
         {
             // Version-1 rows have neither: RecordService fills them when a record is next sealed
             // or in its signMissing pass (docs/storage.md section 4.3).
             u"ALTER TABLE records ADD COLUMN signature BLOB"_s,
             u"ALTER TABLE records ADD COLUMN key_commit BLOB"_s,
             u"ALTER TABLE revisions ADD COLUMN signature BLOB"_s,
             u"ALTER TABLE revisions ADD COLUMN key_commit BLOB"_s,
             // MAX(clock) at every open, and the outbox read oldest first.
             u"CREATE INDEX records_by_clock ON records (clock)"_s,
             u"CREATE INDEX records_queued_by_clock ON records (clock) WHERE outbox_state = 1"_s,
             // The team's pinned key directory (docs/protocol.md section 10).
             u"CREATE TABLE directory ("
             u" user_id TEXT PRIMARY KEY,"
             u" display_name TEXT NOT NULL,"
             u" role TEXT NOT NULL,"
             u" status TEXT NOT NULL,"
             u" box_public_key BLOB NOT NULL CHECK (length(box_public_key) = 32),"
             u" sign_public_key BLOB NOT NULL CHECK (length(sign_public_key) = 32),"
             u" first_seen INTEGER NOT NULL,"
             u" keys_refused INTEGER NOT NULL DEFAULT 0 CHECK (keys_refused IN (0, 1)))"
             u" WITHOUT ROWID"_s,
         },
         {}},
    };
    return steps;
}

} // namespace outward
