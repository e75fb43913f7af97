#include "qml/interactionform.h"

#include "core/model/fieldreader.h"
#include "core/profile/recordservice.h"
#include "qml/formsupport.h"
#include "qml/session.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {

const Clock &formClock()
{
    Session *session = Session::instance();
    return session ? session->clock() : static_cast<const Clock &>(SystemClock::instance());
}

template<typename E>
QString nameOf(const std::optional<E> &value)
{
    return value ? enumName(*value) : QString();
}

} // namespace

InteractionForm::InteractionForm(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        const int seconds = runningSeconds().value_or(0);
        if (seconds != m_timerSeconds) {
            m_timerSeconds = seconds;
            emit timerChanged();
        }
    });
}

QString InteractionForm::recordId() const
{
    return m_recordId;
}

bool InteractionForm::timerRunning() const
{
    return m_timerStartMs.has_value();
}

int InteractionForm::timerSeconds() const
{
    return m_timerSeconds;
}

bool InteractionForm::canSave() const
{
    return !m_channel.isEmpty() && !m_endEmotion.isEmpty();
}

QVariantMap InteractionForm::fieldErrors() const
{
    return m_fieldErrors;
}

QString InteractionForm::error() const
{
    return m_error;
}

bool InteractionForm::canUndo() const
{
    return !m_undoId.isNull();
}

std::optional<int> InteractionForm::runningSeconds() const
{
    if (!m_timerStartMs)
        return std::nullopt;
    const qint64 elapsedMs = std::max<qint64>(0, formClock().nowMs() - *m_timerStartMs);
    return int(std::min<qint64>(elapsedMs / 1000, std::numeric_limits<int>::max()));
}

void InteractionForm::startTimer()
{
    if (m_timerStartMs)
        return; // a second tap must not throw away the time already counted
    m_timerStartMs = formClock().nowMs();
    m_timerSeconds = 0;
    m_ticker.start();
    emit timerChanged();
}

void InteractionForm::stopTimer()
{
    if (!m_timerStartMs)
        return;
    const int seconds = runningSeconds().value_or(0);
    m_timerStartMs.reset();
    m_ticker.stop();
    m_timerSeconds = seconds;
    m_handleTimeSeconds = seconds;
    emit timerChanged();
    emit changed();
}

void InteractionForm::setErrors(const QVariantMap &fieldErrors, const QString &error)
{
    if (fieldErrors == m_fieldErrors && error == m_error)
        return;
    m_fieldErrors = fieldErrors;
    m_error = error;
    emit fieldErrorsChanged();
}

void InteractionForm::clearUndo()
{
    m_undoId = QUuid();
    m_undoPrevious.reset();
    emit undoChanged();
}

QJsonObject InteractionForm::toJson(std::optional<int> handleTimeSeconds) const
{
    QJsonObject json;
    if (m_occurredAt.isValid())
        json.insert(u"occurredAt"_s,
                    isoDateTime(m_occurredAt.toOffsetFromUtc(m_occurredAt.offsetFromUtc())));
    const auto insertName = [&json](const QString &key, const QString &value) {
        if (!value.isEmpty())
            json.insert(key, value);
    };
    insertName(u"channel"_s, m_channel);
    insertName(u"startEmotion"_s, m_startEmotion);
    insertName(u"endEmotion"_s, m_endEmotion);
    if (handleTimeSeconds && *handleTimeSeconds >= 0)
        json.insert(u"handleTimeSeconds"_s, *handleTimeSeconds);
    insertName(u"firstContactResolution"_s, m_fcr);
    if (m_perceivedEffort >= 0)
        json.insert(u"perceivedEffort"_s, m_perceivedEffort);
    insertName(u"advocacy"_s, m_advocacy);
    QJsonObject scores;
    if (m_nps >= 0)
        scores.insert(u"nps"_s, m_nps);
    if (m_csat >= 0)
        scores.insert(u"csat"_s, m_csat);
    if (m_ces >= 0)
        scores.insert(u"ces"_s, m_ces);
    if (!scores.isEmpty())
        json.insert(u"customerReported"_s, scores);
    if (!m_note.trimmed().isEmpty())
        json.insert(u"note"_s, m_note);
    json.insert(u"shareWithLead"_s, m_shareWithLead);
    return json;
}

bool InteractionForm::save()
{
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        setErrors({}, locked);
        return false;
    }
    // A running timer is the freshest handle time; it keeps running if the save fails.
    const std::optional<int> handleTime = m_timerStartMs ? runningSeconds()
                                          : m_handleTimeSeconds >= 0
                                              ? std::optional<int>(m_handleTimeSeconds)
                                              : std::nullopt;
    const auto report = [this](const Error &error) {
        if (error.fieldErrors().isEmpty())
            setErrors({}, error.message());
        else
            setErrors(forms::fieldErrorMap(error), QString());
        return false;
    };
    auto payload =
        parsePayload(RecordKind::Interaction, toJson(handleTime), records->validationContext());
    if (!payload)
        return report(payload.error());

    QUuid savedId;
    std::optional<Interaction> previous;
    if (m_recordId.isEmpty()) {
        auto added = records->add(*payload);
        if (!added)
            return report(added.error());
        savedId = added->header.id;
    } else {
        const QUuid id = QUuid::fromString(m_recordId);
        auto before = records->get(id);
        if (!before)
            return report(before.error());
        if (before->payload && std::holds_alternative<Interaction>(*before->payload))
            previous = std::get<Interaction>(*before->payload);
        auto replaced = records->replace(id, *payload);
        if (!replaced)
            return report(replaced.error());
        savedId = id;
    }

    reset();
    m_undoId = savedId;
    m_undoPrevious = std::move(previous);
    emit undoChanged();
    const QString idText = savedId.toString(QUuid::WithoutBraces);
    emit saved(idText);
    forms::notifyRecordsChanged();
    return true;
}

bool InteractionForm::undo()
{
    if (m_undoId.isNull())
        return false;
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        setErrors({}, locked);
        return false;
    }
    const auto undone = m_undoPrevious ? records->replace(m_undoId, RecordPayload(*m_undoPrevious))
                                       : records->remove(m_undoId);
    if (!undone) {
        setErrors({}, tr("The last save could not be undone: %1").arg(undone.error().message()));
        return false;
    }
    clearUndo();
    forms::notifyRecordsChanged();
    return true;
}

void InteractionForm::fill(const Interaction &interaction)
{
    m_occurredAt = interaction.occurredAt;
    m_channel = nameOf(interaction.channel);
    m_startEmotion = nameOf(interaction.startEmotion);
    m_endEmotion = nameOf(interaction.endEmotion);
    m_handleTimeSeconds = interaction.handleTimeSeconds.value_or(-1);
    m_fcr = enumName(interaction.firstContactResolution);
    m_perceivedEffort = interaction.perceivedEffort.value_or(-1);
    m_advocacy = nameOf(interaction.advocacy);
    m_nps = interaction.customerReported.nps.value_or(-1);
    m_csat = interaction.customerReported.csat.value_or(-1);
    m_ces = interaction.customerReported.ces.value_or(-1);
    m_note = interaction.note.value_or(QString());
    m_shareWithLead = interaction.shareWithLead;
}

bool InteractionForm::load(const QString &recordId)
{
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        setErrors({}, locked);
        return false;
    }
    const QUuid id = QUuid::fromString(recordId);
    if (id.isNull()) {
        setErrors({}, tr("\"%1\" is not a record id.").arg(recordId));
        return false;
    }
    auto view = records->get(id);
    if (!view) {
        setErrors({}, view.error().message());
        return false;
    }
    if (view->header.deleted || view->header.kind != RecordKind::Interaction) {
        setErrors({}, tr("That record is deleted or is not an interaction."));
        return false;
    }
    if (!view->payload) {
        setErrors({}, tr("That record was written by a newer Outward; update the app to edit it."));
        return false;
    }
    const bool timerWasRunning = timerRunning();
    m_timerStartMs.reset();
    m_ticker.stop();
    m_timerSeconds = 0;
    fill(std::get<Interaction>(*view->payload));
    m_recordId = view->header.idText();
    m_outboxState = enumName(view->outboxState);
    m_outboxError = view->outboxError;
    setErrors({}, QString());
    emit loaded();
    emit changed();
    if (timerWasRunning)
        emit timerChanged();
    return true;
}

void InteractionForm::reset()
{
    fill(Interaction{});
    m_recordId.clear();
    m_outboxState.clear();
    m_outboxError.clear();
    m_timerStartMs.reset();
    m_ticker.stop();
    m_timerSeconds = 0;
    setErrors({}, QString());
    emit loaded();
    emit changed();
    emit timerChanged();
}

} // namespace outward
