#include "core/model/fieldreader.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

FieldReader::FieldReader(const QJsonObject &object, QString prefix)
    : m_object(object)
    , m_prefix(std::move(prefix))
{}

QString FieldReader::path(QAnyStringView key) const
{
    if (m_prefix.isEmpty())
        return key.toString();
    return m_prefix + u'.' + key.toString();
}

void FieldReader::addError(QAnyStringView key, const QString &rule)
{
    m_errors.append({path(key), rule});
}

QJsonValue FieldReader::present(QLatin1StringView key) const
{
    const QJsonValue value = m_object.value(key);
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

std::optional<QString> FieldReader::text(QLatin1StringView key)
{
    const QJsonValue value = present(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        addError(key, u"must be a string"_s);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<int> FieldReader::wholeNumber(QLatin1StringView key)
{
    const QJsonValue value = present(key);
    if (value.isUndefined())
        return std::nullopt;
    const double number = value.toDouble();
    // Bounded well inside int so out-of-range values reach validate() as themselves; the range
    // is checked before the cast, which is undefined for values beyond qint64.
    if (!value.isDouble() || number < -1e9 || number > 1e9 ||
        number != static_cast<double>(static_cast<qint64>(number))) {
        addError(key, u"must be a whole number"_s);
        return std::nullopt;
    }
    return static_cast<int>(number);
}

std::optional<bool> FieldReader::boolean(QLatin1StringView key)
{
    const QJsonValue value = present(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isBool()) {
        addError(key, u"must be true or false"_s);
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QDateTime> FieldReader::dateTime(QLatin1StringView key)
{
    const std::optional<QString> raw = text(key);
    if (!raw)
        return std::nullopt;
    const QDateTime parsed = QDateTime::fromString(*raw, Qt::ISODateWithMs);
    if (!parsed.isValid() || parsed.timeSpec() == Qt::LocalTime) {
        addError(key, u"must be an ISO 8601 date and time with a time zone, "
                      u"e.g. 2026-11-22T14:30:00+01:00 or 2026-11-22T13:30:00Z"_s);
        return std::nullopt;
    }
    return parsed;
}

std::optional<QDate> FieldReader::date(QLatin1StringView key)
{
    const std::optional<QString> raw = text(key);
    if (!raw)
        return std::nullopt;
    const QDate parsed = QDate::fromString(*raw, Qt::ISODate);
    if (!parsed.isValid() || raw->size() != 10) {
        addError(key, u"must be a date as YYYY-MM-DD, e.g. 2026-11-22"_s);
        return std::nullopt;
    }
    return parsed;
}

std::optional<QUuid> FieldReader::uuid(QLatin1StringView key)
{
    const std::optional<QString> raw = text(key);
    if (!raw)
        return std::nullopt;
    const QUuid parsed = QUuid::fromString(*raw);
    if (parsed.isNull()) {
        addError(key,
                 u"must be a record id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)"_s);
        return std::nullopt;
    }
    return parsed;
}

std::optional<QJsonArray> FieldReader::array(QLatin1StringView key)
{
    const QJsonValue value = present(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        addError(key, u"must be a list"_s);
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<QJsonObject> FieldReader::object(QLatin1StringView key)
{
    const QJsonValue value = present(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        addError(key, u"must be an object"_s);
        return std::nullopt;
    }
    return value.toObject();
}

void FieldReader::rejectUnknownFields(std::initializer_list<QLatin1StringView> known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        bool isKnown = false;
        for (QLatin1StringView name : known)
            isKnown = isKnown || it.key() == name;
        if (!isKnown)
            addError(it.key(), u"is not a field of this record; check the spelling"_s);
    }
}

QString FieldReader::oneOfRule(const QStringList &names)
{
    return u"must be one of: "_s + names.join(u", "_s);
}

QString isoDateTime(const QDateTime &dateTime)
{
    // A local-time QDateTime prints without an offset; pin the offset it has now.
    const QDateTime pinned = dateTime.timeSpec() == Qt::LocalTime
                                 ? dateTime.toOffsetFromUtc(dateTime.offsetFromUtc())
                                 : dateTime;
    return pinned.toString(pinned.time().msec() == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QString isoDate(QDate date)
{
    return date.toString(Qt::ISODate);
}

} // namespace outward
