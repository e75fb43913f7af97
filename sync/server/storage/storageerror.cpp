#include "sync/server/storage/storageerror.h"

using namespace Qt::StringLiterals;

namespace outward::server {

Q_LOGGING_CATEGORY(lcServerStorage, "outward.server.storage")

namespace {
// SQLite primary result codes (the low byte of an extended code).
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteNoMem = 7;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteIoErr = 10;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteFull = 13;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADb = 26;
} // namespace

Error storageError(const QSqlError &error, const QString &doing)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    qCWarning(lcServerStorage).noquote()
        << doing << "failed:" << error.nativeErrorCode() << error.text();

    const QString prefix = doing + u" failed: "_s;
    const QString nothingChanged = u"; nothing was changed"_s;
    if (!isNumber)
        return Error(ErrorCode::Storage, prefix + error.text() + nothingChanged);
    switch (code) {
    case kSqliteFull:
        return Error(ErrorCode::Storage, prefix +
                                             u"the disk is full. Free some space on the server"_s +
                                             nothingChanged);
    case kSqliteReadOnly:
        return Error(ErrorCode::Storage,
                     prefix +
                         u"the server database is read-only. Check the permissions of the "
                         u"database file and its folder"_s +
                         nothingChanged);
    case kSqliteBusy:
    case kSqliteLocked:
        return Error(ErrorCode::Storage,
                     prefix +
                         u"the server database stayed busy beyond the timeout. Try again "
                         u"shortly"_s +
                         nothingChanged);
    case kSqliteNoMem:
        return Error(ErrorCode::Storage, prefix + u"out of memory"_s + nothingChanged);
    case kSqliteIoErr:
    case kSqliteCantOpen:
        return Error(ErrorCode::Storage,
                     prefix +
                         u"the database file could not be read or written (%1). Check the "
                         u"server's disk"_s.arg(error.text()) +
                         nothingChanged);
    case kSqliteConstraint:
        return Error(ErrorCode::InvalidInput,
                     prefix + u"a database constraint refused it (%1)"_s.arg(error.text()) +
                         nothingChanged);
    case kSqliteCorrupt:
    case kSqliteNotADb:
        return Error(ErrorCode::Corrupt,
                     prefix + u"the server database is damaged or is not an outward-server "
                              u"database. Restore it from a backup"_s);
    default:
        return Error(ErrorCode::Storage, prefix + error.text() + nothingChanged);
    }
}

} // namespace outward::server
