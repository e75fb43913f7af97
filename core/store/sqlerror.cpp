#include "core/store/sqlerror.h"

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcStore, "outward.core.store")

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
constexpr int kSqliteNotADb = 26;
} // namespace

Error sqlError(const QSqlError &error, const QString &doing)
{
    bool isNumber = false;
    const int code = error.nativeErrorCode().toInt(&isNumber) & 0xff;
    // The driver text names tables and constraints, never values, so it is safe to log.
    qCWarning(lcStore).noquote() << doing << "failed:" << error.nativeErrorCode() << error.text();

    const QString nothingSaved = u"; nothing was changed"_s;
    if (!isNumber)
        return Error(ErrorCode::Storage, doing + u" failed: "_s + error.text() + nothingSaved);
    switch (code) {
    case kSqliteFull:
        return Error(ErrorCode::Storage,
                     doing + u" failed: the disk is full. Free some space and try again"_s +
                         nothingSaved);
    case kSqliteReadOnly:
        return Error(ErrorCode::Storage,
                     doing + u" failed: the profile folder is read-only. Check its permissions"_s +
                         nothingSaved);
    case kSqliteBusy:
    case kSqliteLocked:
        return Error(
            ErrorCode::Storage,
            doing + u" failed: another program is using this profile. Close it and try again"_s +
                nothingSaved);
    case kSqliteNoMem:
        return Error(ErrorCode::Storage, doing + u" failed: out of memory"_s + nothingSaved);
    case kSqliteIoErr:
    case kSqliteCantOpen:
        return Error(ErrorCode::Storage,
                     doing +
                         u" failed: the disk could not be read or written (%1). Check the "
                         u"device's storage"_s.arg(error.text()) +
                         nothingSaved);
    case kSqliteCorrupt:
    case kSqliteNotADb:
        return Error(ErrorCode::Corrupt,
                     doing + u" failed: the profile database is damaged or is not an Outward "
                             u"profile. Restore it from a backup, or recover your records from "
                             u"the server"_s);
    default:
        return Error(ErrorCode::Storage, doing + u" failed: "_s + error.text() + nothingSaved);
    }
}

} // namespace outward
