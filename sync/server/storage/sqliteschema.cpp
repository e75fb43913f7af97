#include "sync/server/storage/sqliteschema.h"

using namespace Qt::StringLiterals;

namespace outward::server {

// Times are INTEGER milliseconds since the epoch (UTC); ids are lower-case UUID text; hashes,
// keys and envelopes are BLOBs. Foreign keys are enforced (PRAGMA foreign_keys = ON), so a push
// naming an unknown reader fails as a whole.
//
// Pull reads three (user, seq) ranges and merges them (see SqliteServerStore::pull):
//   records_author_seq (author, seq)   the user's own records
//   readers_user_seq   (user_id, seq)  records the user is a reader of; readers.seq always
//                                      equals the record's current seq
//   removals_user_seq  (user_id, seq)  access removals
const QList<ServerMigration> &sqliteServerSchema()
{
    static const QList<ServerMigration> steps = {
        {1,
         u"initial schema"_s,
         {
             u"CREATE TABLE settings ("
             u" key TEXT PRIMARY KEY,"
             u" value TEXT NOT NULL)"_s,
             // One row per counter; 'seq' is the last seq handed out, which is also the
             // high-water mark, because it only changes inside a committed write transaction.
             u"CREATE TABLE counter ("
             u" name TEXT PRIMARY KEY,"
             u" value INTEGER NOT NULL)"_s,
             u"INSERT INTO counter (name, value) VALUES ('seq', 0)"_s,
             u"CREATE TABLE teams ("
             u" id TEXT PRIMARY KEY,"
             u" name TEXT NOT NULL,"
             u" name_key TEXT NOT NULL UNIQUE," // case-folded name, for unique names
             u" directory_version INTEGER NOT NULL,"
             u" created_at INTEGER NOT NULL)"_s,
             u"CREATE TABLE users ("
             u" id TEXT PRIMARY KEY,"
             u" team_id TEXT NOT NULL REFERENCES teams(id),"
             u" role TEXT NOT NULL CHECK (role IN ('staff', 'lead', 'admin')),"
             u" display_name TEXT NOT NULL,"
             u" box_public_key BLOB NOT NULL UNIQUE,"
             u" sign_public_key BLOB NOT NULL UNIQUE,"
             u" wrapped_secret_keys BLOB NOT NULL,"
             u" recovery_wrapped_master_key BLOB NOT NULL,"
             u" enrolled_at INTEGER NOT NULL,"
             u" revoked_at INTEGER)"_s,
             u"CREATE INDEX users_team ON users (team_id, id)"_s,
             u"CREATE TABLE devices ("
             u" id TEXT PRIMARY KEY,"
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" public_key BLOB NOT NULL UNIQUE,"
             u" name TEXT NOT NULL,"
             u" created_at INTEGER NOT NULL,"
             u" last_seen_at INTEGER NOT NULL,"
             u" revoked_at INTEGER)"_s,
             u"CREATE INDEX devices_user ON devices (user_id, created_at)"_s,
             u"CREATE TABLE invites ("
             u" code_hash BLOB PRIMARY KEY,"
             u" team_id TEXT NOT NULL REFERENCES teams(id),"
             u" role TEXT NOT NULL CHECK (role IN ('staff', 'lead', 'admin')),"
             u" created_at INTEGER NOT NULL,"
             u" expires_at INTEGER NOT NULL,"
             u" recover_user_id TEXT REFERENCES users(id)," // NULL for an enrolment invite
             u" used_at INTEGER)"_s,
             u"CREATE TABLE challenges ("
             u" challenge BLOB PRIMARY KEY,"
             u" device_id TEXT NOT NULL," // no foreign key: unknown devices get one too
             u" expires_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX challenges_expiry ON challenges (expires_at)"_s,
             u"CREATE TABLE tokens ("
             u" token_hash BLOB PRIMARY KEY,"
             u" device_id TEXT NOT NULL REFERENCES devices(id),"
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" expires_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX tokens_device ON tokens (device_id)"_s,
             u"CREATE INDEX tokens_user ON tokens (user_id)"_s,
             u"CREATE INDEX tokens_expiry ON tokens (expires_at)"_s,
             u"CREATE TABLE claim_tokens ("
             u" token_hash BLOB PRIMARY KEY,"
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" mailbox_id BLOB," // the link offer it came from; NULL for recovery
             u" expires_at INTEGER NOT NULL,"
             // Set by the registration that used it: the row stays until it expires, so a
             // repeat whose answer was lost gets the same device (protocol.md 14.4).
             u" device_id TEXT REFERENCES devices(id))"_s,
             u"CREATE INDEX claim_tokens_user ON claim_tokens (user_id)"_s,
             u"CREATE INDEX claim_tokens_expiry ON claim_tokens (expires_at)"_s,
             u"CREATE TABLE link_offers ("
             u" mailbox_id BLOB PRIMARY KEY,"
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" blob BLOB NOT NULL,"
             u" created_at INTEGER NOT NULL,"
             u" expires_at INTEGER NOT NULL,"
             u" status TEXT NOT NULL CHECK (status IN ('waiting', 'claimed', 'registered')),"
             u" device_id TEXT REFERENCES devices(id))"_s,
             u"CREATE INDEX link_offers_user ON link_offers (user_id, status, expires_at)"_s,
             u"CREATE INDEX link_offers_expiry ON link_offers (expires_at)"_s,
             // One row per record: its current version (protocol.md 11.3).
             u"CREATE TABLE records ("
             u" id TEXT PRIMARY KEY,"
             u" author TEXT NOT NULL REFERENCES users(id),"
             u" team_id TEXT NOT NULL REFERENCES teams(id),"
             u" kind TEXT NOT NULL,"
             u" clock TEXT NOT NULL,"
             u" deleted INTEGER NOT NULL,"
             u" seq INTEGER NOT NULL UNIQUE,"
             u" envelope BLOB NOT NULL,"
             u" envelope_size INTEGER NOT NULL,"
             u" envelope_hash BLOB NOT NULL,"
             u" signature BLOB NOT NULL,"
             u" key_commit BLOB NOT NULL,"
             u" metrics BLOB NOT NULL,"
             u" day TEXT NOT NULL,"
             u" pushed_at INTEGER NOT NULL)"_s,
             u"CREATE INDEX records_author_seq ON records (author, seq)"_s,
             u"CREATE INDEX records_author_hash ON records (author, envelope_hash)"_s,
             u"CREATE INDEX records_aggregate ON records (team_id, kind, day)"_s,
             u"CREATE TABLE readers ("
             u" record_id TEXT NOT NULL REFERENCES records(id),"
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" seq INTEGER NOT NULL,"
             u" PRIMARY KEY (record_id, user_id)) WITHOUT ROWID"_s,
             u"CREATE INDEX readers_user_seq ON readers (user_id, seq)"_s,
             u"CREATE TABLE removals ("
             u" user_id TEXT NOT NULL REFERENCES users(id),"
             u" record_id TEXT NOT NULL REFERENCES records(id),"
             u" seq INTEGER NOT NULL,"
             u" PRIMARY KEY (user_id, record_id)) WITHOUT ROWID"_s,
             u"CREATE INDEX removals_user_seq ON removals (user_id, seq)"_s,
         },
         {}},
        {2,
         u"the exact-retry check finds a record by its id"_s,
         {
             // Its keys were random, so every pushed record cost a page write for it.
             u"DROP INDEX records_author_hash"_s,
         },
         {}},
    };
    return steps;
}

} // namespace outward::server
