#include "core/store/syncstate.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {
// `server` and `team` predate sync and keep their names; Profile reads them at open.
const QString kServer = u"server"_s;
const QString kTeam = u"team"_s;
const QString kServerId = u"syncServerId"_s;
const QString kTeamName = u"syncTeamName"_s;
const QString kRole = u"syncRole"_s;
const QString kDeviceId = u"syncDeviceId"_s;
const QString kWrappedDeviceKey = u"syncWrappedDeviceKey"_s; // base64
const QString kPullCursor = u"syncPullCursor"_s;
const QString kDirectoryVersion = u"syncDirectoryVersion"_s;
const QString kLastSyncAt = u"syncLastSyncAt"_s; // ms since the epoch

Error damagedSetting(const QString &key)
{
    return Error(ErrorCode::Corrupt,
                 u"the profile's sync setting %1 is damaged; remove the device from sync and "
                 u"enrol it again"_s.arg(key));
}

// A counter stored as decimal text; nullopt when absent.
Result<std::optional<qint64>> readCounter(Database &db, const QString &key)
{
    auto text = db.meta(key);
    if (!text)
        return text.error();
    if (!text->has_value())
        return std::optional<qint64>();
    bool ok = false;
    const qint64 value = (*text)->toLongLong(&ok);
    if (!ok || value < 0)
        return damagedSetting(key);
    return std::optional<qint64>(value);
}

} // namespace

bool SyncSettings::operator==(const SyncSettings &other) const
{
    return serverUrl == other.serverUrl && serverId == other.serverId && teamId == other.teamId &&
           teamName == other.teamName && role == other.role && deviceId == other.deviceId &&
           wrappedDeviceKey == other.wrappedDeviceKey;
}

SyncStateStore::SyncStateStore(Database &db)
    : m_db(db)
{}

Result<std::optional<SyncSettings>> SyncStateStore::settings()
{
    SyncSettings settings;
    const std::pair<const QString *, QString *> texts[] = {
        {&kServer, &settings.serverUrl}, {&kServerId, &settings.serverId},
        {&kTeam, &settings.teamId},      {&kTeamName, &settings.teamName},
        {&kRole, &settings.role},        {&kDeviceId, &settings.deviceId},
    };
    for (const auto &[key, field] : texts) {
        auto value = m_db.meta(*key);
        if (!value)
            return value.error();
        if (!value->has_value()) {
            if (key == &kServer)
                return std::optional<SyncSettings>(); // not enrolled
            return damagedSetting(*key);
        }
        *field = **value;
    }
    auto wrapped = m_db.meta(kWrappedDeviceKey);
    if (!wrapped)
        return wrapped.error();
    if (!wrapped->has_value())
        return damagedSetting(kWrappedDeviceKey);
    const auto decoded = QByteArray::fromBase64Encoding((*wrapped)->toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return damagedSetting(kWrappedDeviceKey);
    settings.wrappedDeviceKey = *decoded;
    return std::optional<SyncSettings>(std::move(settings));
}

Status SyncStateStore::saveSettings(const SyncSettings &settings)
{
    const std::pair<QString, QString> values[] = {
        {kServer, settings.serverUrl},
        {kServerId, settings.serverId},
        {kTeam, settings.teamId},
        {kTeamName, settings.teamName},
        {kRole, settings.role},
        {kDeviceId, settings.deviceId},
        {kWrappedDeviceKey, QString::fromLatin1(settings.wrappedDeviceKey.toBase64())},
    };
    for (const auto &[key, value] : values)
        if (value.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         u"the sync settings are incomplete (%1 is empty)"_s.arg(key));
    return m_db.write(u"saving the sync settings"_s, [&]() -> Status {
        for (const auto &[key, value] : values)
            if (auto saved = m_db.setMeta(key, value); !saved)
                return saved;
        return {};
    });
}

Status SyncStateStore::setRole(const QString &role)
{
    return m_db.setMeta(kRole, role);
}

Status SyncStateStore::setTeamName(const QString &name)
{
    return m_db.setMeta(kTeamName, name);
}

Result<qint64> SyncStateStore::pullCursor()
{
    auto cursor = readCounter(m_db, kPullCursor);
    if (!cursor)
        return cursor.error();
    return cursor->value_or(0);
}

Status SyncStateStore::setPullCursor(qint64 cursor)
{
    if (cursor < 0)
        return Error(ErrorCode::InvalidInput, u"a pull cursor is never negative"_s);
    return m_db.setMeta(kPullCursor, QString::number(cursor));
}

Result<std::optional<qint64>> SyncStateStore::directoryVersion()
{
    return readCounter(m_db, kDirectoryVersion);
}

Status SyncStateStore::setDirectoryVersion(qint64 version)
{
    if (version < 0)
        return Error(ErrorCode::InvalidInput, u"a directory version is never negative"_s);
    return m_db.setMeta(kDirectoryVersion, QString::number(version));
}

Result<std::optional<qint64>> SyncStateStore::lastSyncAtMs()
{
    return readCounter(m_db, kLastSyncAt);
}

Status SyncStateStore::setLastSyncAtMs(qint64 ms)
{
    if (ms < 0)
        return Error(ErrorCode::InvalidInput, u"a sync time is never before 1970"_s);
    return m_db.setMeta(kLastSyncAt, QString::number(ms));
}

} // namespace outward
