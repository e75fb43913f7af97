#include "qml/formsupport.h"

#include "qml/session.h"

namespace outward::forms {

RecordService *unlockedRecords(QString *error)
{
    Session *session = Session::instance();
    RecordService *records = session ? session->records() : nullptr;
    if (!records && error)
        *error = QCoreApplication::translate(
            "outward::forms", "The profile is locked. Unlock it and try again; nothing you "
                              "entered is lost.");
    return records;
}

QVariantMap fieldErrorMap(const Error &error)
{
    QVariantMap map;
    for (const FieldError &field : error.fieldErrors())
        if (!map.contains(field.field)) // the core's first rule for a field is its main one
            map.insert(field.field, field.rule);
    return map;
}

void notifyRecordsChanged()
{
    if (Session *session = Session::instance())
        session->notifyRecordsChanged();
}

QString asSentence(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return text;
    text[0] = text.at(0).toUpper();
    const QChar last = text.back();
    if (last != u'.' && last != u'!' && last != u'?')
        text.append(u'.');
    return text;
}

} // namespace outward::forms
