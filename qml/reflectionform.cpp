#include "qml/reflectionform.h"

#include "core/profile/recordservice.h"
#include "qml/formsupport.h"
#include "qml/overview.h"

using namespace Qt::StringLiterals;

namespace outward {

ReflectionForm::ReflectionForm(QObject *parent)
    : QObject(parent)
{}

QString ReflectionForm::recordId() const
{
    return m_recordId;
}

bool ReflectionForm::canSave() const
{
    return !m_body.trimmed().isEmpty();
}

QVariantMap ReflectionForm::fieldErrors() const
{
    return m_fieldErrors;
}

QString ReflectionForm::error() const
{
    return m_error;
}

QStringList ReflectionForm::prompts() const
{
    return enumNameList<ReflectionPrompt>();
}

void ReflectionForm::setErrors(const QVariantMap &fieldErrors, const QString &error)
{
    if (fieldErrors == m_fieldErrors && error == m_error)
        return;
    m_fieldErrors = fieldErrors;
    m_error = error;
    emit fieldErrorsChanged();
}

bool ReflectionForm::save()
{
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        setErrors({}, locked);
        return false;
    }
    const auto report = [this](const Error &error) {
        if (error.fieldErrors().isEmpty())
            setErrors({}, error.message());
        else
            setErrors(forms::fieldErrorMap(error), QString());
        return false;
    };

    QJsonObject json;
    std::optional<Reflection> before;
    const QUuid id = QUuid::fromString(m_recordId);
    if (!m_recordId.isEmpty()) {
        auto current = records->get(id);
        if (!current)
            return report(current.error());
        if (current->payload && std::holds_alternative<Reflection>(*current->payload))
            before = std::get<Reflection>(*current->payload);
        // An edit keeps when it was written; the form does not show that time.
        if (before)
            json.insert(u"writtenAt"_s, current->json.value(u"writtenAt"_s));
    }
    if (!m_prompt.isEmpty())
        json.insert(u"prompt"_s, m_prompt);
    if (!m_title.trimmed().isEmpty())
        json.insert(u"title"_s, m_title);
    json.insert(u"body"_s, m_body);
    json.insert(u"shareWithLead"_s, m_shareWithLead);
    if (m_linkToPurpose) {
        // An edit keeps the purpose it was written about, even after the lead wrote a newer one.
        if (before && before->linkedPurposeId) {
            json.insert(u"linkedPurposeId"_s,
                        before->linkedPurposeId->toString(QUuid::WithoutBraces));
        } else {
            auto purpose = Overview::latestPurpose(*records);
            if (!purpose)
                return report(purpose.error());
            if (*purpose)
                json.insert(u"linkedPurposeId"_s, (*purpose)->header.idText());
        }
    }

    auto payload = parsePayload(RecordKind::Reflection, json, records->validationContext());
    if (!payload)
        return report(payload.error());
    auto stored = m_recordId.isEmpty() ? records->add(*payload) : records->replace(id, *payload);
    if (!stored)
        return report(stored.error());
    const QString savedId = stored->header.idText();
    reset();
    emit saved(savedId);
    forms::notifyRecordsChanged();
    return true;
}

bool ReflectionForm::load(const QString &recordId)
{
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        setErrors({}, locked);
        return false;
    }
    const QUuid id = QUuid::fromString(recordId);
    auto view = id.isNull()
                    ? Result<RecordView>(Error(ErrorCode::InvalidInput,
                                               tr("\"%1\" is not a record id.").arg(recordId)))
                    : records->get(id);
    if (!view) {
        setErrors({}, view.error().message());
        return false;
    }
    if (view->header.deleted || view->header.kind != RecordKind::Reflection || !view->payload) {
        setErrors({}, tr("That record is deleted, is not a reflection, or was written by a newer "
                         "Outward."));
        return false;
    }
    const Reflection &reflection = std::get<Reflection>(*view->payload);
    m_prompt = reflection.prompt ? enumName(*reflection.prompt) : QString();
    m_title = reflection.title.value_or(QString());
    m_body = reflection.body;
    m_shareWithLead = reflection.shareWithLead;
    m_linkToPurpose = reflection.linkedPurposeId.has_value();
    m_recordId = view->header.idText();
    m_outboxState = enumName(view->outboxState);
    m_outboxError = view->outboxError;
    setErrors({}, QString());
    emit loaded();
    emit changed();
    return true;
}

void ReflectionForm::reset()
{
    m_prompt.clear();
    m_title.clear();
    m_body.clear();
    m_shareWithLead = false;
    m_linkToPurpose = false;
    m_recordId.clear();
    m_outboxState.clear();
    m_outboxError.clear();
    setErrors({}, QString());
    emit loaded();
    emit changed();
}

} // namespace outward
