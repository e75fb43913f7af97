#pragma once

#include "core/common/error.h"
#include "core/model/enumnames.h"

#include <QAnyStringView>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <initializer_list>
#include <optional>

namespace outward {

// Reads typed fields out of a JSON object and records a FieldError for each value of the wrong
// type; absent and null fields read as std::nullopt. Whether a field is required, and its range,
// are rules checked by the value's validate(), so that C++ callers get the same checks.
class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &object, QString prefix = {});

    QString path(QAnyStringView key) const;
    const FieldErrors &errors() const { return m_errors; }
    void addError(QAnyStringView key, const QString &rule);
    void addErrors(const FieldErrors &errors) { m_errors += errors; }

    std::optional<QString> text(QLatin1StringView key);
    std::optional<int> wholeNumber(QLatin1StringView key);
    std::optional<bool> boolean(QLatin1StringView key);
    std::optional<QDateTime> dateTime(QLatin1StringView key);
    std::optional<QDate> date(QLatin1StringView key);
    std::optional<QUuid> uuid(QLatin1StringView key);
    std::optional<QJsonArray> array(QLatin1StringView key);
    std::optional<QJsonObject> object(QLatin1StringView key);

    template<typename E>
    std::optional<E> enumeration(QLatin1StringView key)
    {
        const std::optional<QString> name = text(key);
        if (!name)
            return std::nullopt;
        const std::optional<E> value = enumFromName<E>(*name);
        if (!value)
            addError(key, oneOfRule(enumNameList<E>()));
        return value;
    }

    // Every key not listed is reported, which catches misspelt field names.
    void rejectUnknownFields(std::initializer_list<QLatin1StringView> known);

    static QString oneOfRule(const QStringList &names);

private:
    QJsonValue present(QLatin1StringView key) const;

    QJsonObject m_object;
    QString m_prefix;
    FieldErrors m_errors;
};

// Date-times travel as ISO 8601 with an explicit offset, so every device reads the same instant
// and the same calendar day.
QString isoDateTime(const QDateTime &dateTime);
QString isoDate(QDate date);

} // namespace outward
