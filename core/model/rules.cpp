#include "core/model/rules.h"

using namespace Qt::StringLiterals;

namespace outward {

Rules::Rules(QString prefix)
    : m_prefix(std::move(prefix))
{}

QString Rules::path(QAnyStringView key) const
{
    if (m_prefix.isEmpty())
        return key.toString();
    return m_prefix + u'.' + key.toString();
}

void Rules::fail(QAnyStringView key, const QString &rule)
{
    m_errors.append({path(key), rule});
}

namespace {
// Characters as a person counts them: code points, so an emoji is one, not two UTF-16 units.
qsizetype characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}
} // namespace

void Rules::requiredText(const QString &value, QAnyStringView key, int maxLength)
{
    if (value.trimmed().isEmpty())
        fail(key, u"is required and must not be blank"_s);
    else if (characterCount(value) > maxLength)
        fail(key, u"must be at most %1 characters (it has %2)"_s.arg(maxLength).arg(
                      characterCount(value)));
}

void Rules::optionalText(const std::optional<QString> &value, QAnyStringView key, int maxLength)
{
    if (value && characterCount(*value) > maxLength)
        fail(key, u"must be at most %1 characters (it has %2)"_s.arg(maxLength).arg(
                      characterCount(*value)));
}

void Rules::inScale(const std::optional<int> &value, QAnyStringView key, const IntScale &scale)
{
    if (value && !scale.contains(*value))
        fail(key, scale.rule());
}

void Rules::requiredInScale(const std::optional<int> &value, QAnyStringView key,
                            const IntScale &scale)
{
    if (!value)
        fail(key, u"is required; "_s + scale.rule());
    else
        inScale(value, key, scale);
}

void Rules::notInFuture(const std::optional<QDateTime> &value, QAnyStringView key,
                        const ValidationContext &context)
{
    constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
    if (value && value->isValid() && context.now.isValid() &&
        value->toMSecsSinceEpoch() > context.now.toMSecsSinceEpoch() + kDayMs)
        fail(key, u"must not be more than a day in the future"_s);
}

void Rules::validDateTime(const QDateTime &value, QAnyStringView key)
{
    if (!value.isValid())
        fail(key, u"is required; an ISO 8601 date and time with a time zone"_s);
}

FieldErrors mergeFieldErrors(const FieldErrors &typeErrors, const FieldErrors &ruleErrors)
{
    FieldErrors merged = typeErrors;
    for (const FieldError &ruleError : ruleErrors) {
        bool alreadyReported = false;
        for (const FieldError &typeError : typeErrors)
            alreadyReported = alreadyReported || typeError.field == ruleError.field;
        if (!alreadyReported)
            merged.append(ruleError);
    }
    return merged;
}

} // namespace outward
