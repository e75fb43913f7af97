#include "sync/protocol/metricschecks.h"

#include "core/model/pulseresponse.h"
#include "core/model/quarterlyreview.h"
#include "core/model/scales.h"

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace outward::protocol {

namespace {

// Checks the members of one metrics object; the first broken rule wins.
class MetricsChecker
{
public:
    MetricsChecker(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    const std::optional<ItemError> &failure() const { return m_failure; }

    template<typename E>
    void enumeration(QLatin1StringView name, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        if (!value.isString() || !enumFromName<E>(value.toString()))
            fail(name, u"must be one of %1"_s.arg(enumNameList<E>().join(u", "_s)));
    }

    void oneOf(QLatin1StringView name, const QStringList &allowed, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        if (!value.isString() || !allowed.contains(value.toString()))
            fail(name, u"must be one of %1"_s.arg(allowed.join(u", "_s)));
    }

    void wholeNumber(QLatin1StringView name, qint64 min, qint64 max, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        const double number = value.toDouble();
        if (!value.isDouble() || std::floor(number) != number ||
            number < static_cast<double>(min) || number > static_cast<double>(max))
            fail(name, u"must be a whole number from %1 to %2"_s.arg(min).arg(max));
    }

    void wholeNumberIn(QLatin1StringView name, const QList<qint64> &allowed, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        const double number = value.toDouble();
        const bool whole = value.isDouble() && std::floor(number) == number &&
                           std::fabs(number) < 9007199254740992.0;
        if (!whole || !allowed.contains(static_cast<qint64>(number))) {
            QStringList names;
            for (const qint64 choice : allowed)
                names << QString::number(choice);
            fail(name, u"must be one of %1"_s.arg(names.join(u", "_s)));
        }
    }

    void boolean(QLatin1StringView name, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        if (!value.isBool())
            fail(name, u"must be true or false"_s);
    }

    void date(QLatin1StringView name, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        if (!value.isString() || !isIsoDate(value.toString()))
            fail(name, u"must be a date such as 2026-11-24"_s);
    }

    // YYYY-MM-DD of a real calendar day. By hand: QDate::fromString's format parser was a
    // fiftieth of a push's check time on the server.
    static bool isIsoDate(const QString &text)
    {
        if (text.size() != 10 || text.at(4) != u'-' || text.at(7) != u'-')
            return false;
        auto number = [&text](int from, int length) {
            int value = 0;
            for (int i = from; i < from + length; ++i) {
                const char16_t c = text.at(i).unicode();
                if (c < u'0' || c > u'9')
                    return -1;
                value = value * 10 + (c - u'0');
            }
            return value;
        };
        const int year = number(0, 4);
        const int month = number(5, 2);
        const int day = number(8, 2);
        return year >= 0 && month >= 0 && day >= 0 && QDate::isValid(year, month, day);
    }

    template<typename Validate>
    void text(QLatin1StringView name, bool required, Validate isValid, const QString &rule)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return;
        if (!value.isString() || !isValid(value.toString()))
            fail(name, rule);
    }

    // A nested object; nullopt when absent or after a failure.
    std::optional<MetricsChecker> object(QLatin1StringView name, bool required)
    {
        const QJsonValue value = member(name, required);
        if (value.isUndefined() || m_failure)
            return std::nullopt;
        if (!value.isObject()) {
            fail(name, u"must be an object"_s);
            return std::nullopt;
        }
        return MetricsChecker(value.toObject(), m_path + u'.' + QString(name));
    }

    void adopt(const MetricsChecker &nested)
    {
        if (!m_failure && nested.m_failure)
            m_failure = nested.m_failure;
    }

private:
    QJsonValue member(QLatin1StringView name, bool required)
    {
        if (m_failure)
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue value = m_object.value(name);
        if (value.isUndefined() && required)
            fail(name, u"is required for this kind of record"_s);
        return value;
    }

    void fail(QLatin1StringView name, const QString &rule)
    {
        const QString path = m_path + u'.' + QString(name);
        m_failure = ItemError{QString(code::kInvalidMetrics),
                              u"the header's metrics member "
                              u"\"%1\" %2"_s.arg(path, rule),
                              path};
    }

    QJsonObject m_object;
    QString m_path;
    std::optional<ItemError> m_failure;
};

constexpr bool kRequired = true;
constexpr bool kIfSet = false;
constexpr qint64 kCount = std::numeric_limits<int>::max();

void checkInteraction(MetricsChecker &check)
{
    check.date("day"_L1, kRequired);
    check.enumeration<Channel>("channel"_L1, kIfSet);
    check.enumeration<Emotion>("startEmotion"_L1, kIfSet);
    check.enumeration<Emotion>("endEmotion"_L1, kIfSet);
    check.wholeNumber("handleTimeSeconds"_L1, 0, 86400, kIfSet);
    check.enumeration<FirstContactResolution>("firstContactResolution"_L1, kRequired);
    check.wholeNumber("perceivedEffort"_L1, 1, 7, kIfSet);
    check.enumeration<Advocacy>("advocacy"_L1, kIfSet);
    if (auto scores = check.object("customerReported"_L1, kIfSet)) {
        scores->wholeNumber("nps"_L1, 0, 10, kIfSet);
        scores->wholeNumber("csat"_L1, 1, 5, kIfSet);
        scores->wholeNumber("ces"_L1, 1, 7, kIfSet);
        check.adopt(*scores);
    }
}

void checkClientBrief(MetricsChecker &check)
{
    check.date("day"_L1, kRequired);
    check.wholeNumber("sectionsAnswered"_L1, 0,
                      static_cast<qint64>(EnumNames<BriefSection>::entries.size()), kRequired);
    if (auto certainty = check.object("certainty"_L1, kRequired)) {
        for (const auto &entry : EnumNames<Certainty>::entries)
            certainty->wholeNumber(entry.name, 0, kCount, kRequired);
        check.adopt(*certainty);
    }
    check.boolean("hasImpactHypothesis"_L1, kRequired);
}

void checkCommitment(MetricsChecker &check)
{
    check.enumeration<CommitmentType>("type"_L1, kIfSet);
    check.enumeration<CommitmentStatus>("status"_L1, kRequired);
    check.wholeNumber("progress"_L1, 0, 100, kRequired);
    check.wholeNumberIn("horizonMonths"_L1, {3, 6}, kIfSet);
}

void checkCheckIn(MetricsChecker &check)
{
    check.wholeNumber("progress"_L1, 0, 100, kIfSet);
    check.enumeration<CheckInStatus>("status"_L1, kIfSet);
}

void checkQuarterlyReview(MetricsChecker &check)
{
    check.text(
        "quarter"_L1, kRequired,
        [](const QString &text) { return QuarterlyReview::firstDayOfQuarter(text).isValid(); },
        u"must be a quarter such as 2026-Q4"_s);
    check.oneOf("status"_L1, {u"draft"_s, u"signedByPerson"_s, u"signedByLead"_s, u"signed"_s},
                kRequired);
    check.wholeNumber("progress"_L1, 0, 100, kIfSet);
    check.wholeNumber("commitments"_L1, 0, kCount, kRequired);
}

void checkPulseResponse(MetricsChecker &check)
{
    check.text(
        "period"_L1, kRequired,
        [](const QString &text) { return PulseResponse::firstDayOfPeriod(text).isValid(); },
        u"must be a month such as 2026-11"_s);
    if (auto ratings = check.object("ratings"_L1, kRequired)) {
        for (const auto &entry : EnumNames<Discipline>::entries)
            ratings->wholeNumber(entry.name, 1, 5, kIfSet);
        check.adopt(*ratings);
    }
}

} // namespace

Result<void, ItemError> checkMetrics(RecordKind kind, bool deleted, const QJsonObject &metrics,
                                     const QString &metricsPath)
{
    if (deleted) {
        if (!metrics.isEmpty())
            return ItemError{QString(code::kInvalidMetrics), u"a tombstone's metrics must be {}"_s,
                             metricsPath};
        return {};
    }
    MetricsChecker check(metrics, metricsPath);
    switch (kind) {
    case RecordKind::Interaction:
        checkInteraction(check);
        break;
    case RecordKind::ClientBrief:
        checkClientBrief(check);
        break;
    case RecordKind::Commitment:
        checkCommitment(check);
        break;
    case RecordKind::CheckIn:
        checkCheckIn(check);
        break;
    case RecordKind::QuarterlyReview:
        checkQuarterlyReview(check);
        break;
    case RecordKind::PulseResponse:
        checkPulseResponse(check);
        break;
    case RecordKind::Reflection:
    case RecordKind::TeamPurpose:
    case RecordKind::QuestionnaireTemplate:
        // No metrics listed; members a newer client adds are allowed (11.2 step 4).
        break;
    }
    if (check.failure())
        return *check.failure();
    return {};
}

} // namespace outward::protocol
