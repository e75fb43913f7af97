#pragma once

#include "core/common/error.h"
#include "core/model/scales.h"

#include <QAnyStringView>
#include <QDateTime>

#include <optional>

namespace outward {

// What validation needs to know about the world: only the current time, so that a date in the
// far future (a typo) is caught while tests stay deterministic.
struct ValidationContext
{
    QDateTime now;
};

// Text limits, in characters.
inline constexpr int kShortTextMax = 200;  // names, titles, questions
inline constexpr int kNoteMax = 4000;      // notes, answers, statements
inline constexpr int kLongTextMax = 20000; // reflection bodies

// Collects broken rules for one record (or one nested part of it).
class Rules
{
public:
    explicit Rules(QString prefix = {});

    QString path(QAnyStringView key) const;
    const FieldErrors &errors() const { return m_errors; }
    void fail(QAnyStringView key, const QString &rule);
    void addErrors(const FieldErrors &errors) { m_errors += errors; }

    template<typename T>
    void required(const std::optional<T> &value, QAnyStringView key)
    {
        if (!value)
            fail(key, QStringLiteral("is required"));
    }
    void requiredText(const QString &value, QAnyStringView key, int maxLength);
    void optionalText(const std::optional<QString> &value, QAnyStringView key, int maxLength);
    void inScale(const std::optional<int> &value, QAnyStringView key, const IntScale &scale);
    void requiredInScale(const std::optional<int> &value, QAnyStringView key,
                         const IntScale &scale);
    // Allows a day of clock skew and time zones; anything later is a typo.
    void notInFuture(const std::optional<QDateTime> &value, QAnyStringView key,
                     const ValidationContext &context);
    void validDateTime(const QDateTime &value, QAnyStringView key);

private:
    QString m_prefix;
    FieldErrors m_errors;
};

// Type errors from parsing and rule errors from validation, with one message per field: a field
// that had the wrong type is not also reported as missing.
FieldErrors mergeFieldErrors(const FieldErrors &typeErrors, const FieldErrors &ruleErrors);

} // namespace outward
