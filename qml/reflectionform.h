#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantMap>

namespace outward {

// Writes or edits a personal purpose reflection. Private by default; shareWithLead marks it for
// the lead. linkToPurpose ties it to the team purpose when one exists (Overview.hasPurpose).
class ReflectionForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString recordId READ recordId NOTIFY loaded)
    // Where the loaded reflection stands with the server: "local" / "queued" / "synced" /
    // "error" (with the server's reason); empty for a new one.
    Q_PROPERTY(QString outboxState READ outboxState NOTIFY loaded)
    Q_PROPERTY(QString outboxError READ outboxError NOTIFY loaded)
    // One of the product's prompts ("whyThisWork", "customerGain", "customersWouldMiss",
    // "betterOff", "proud") or "" for free writing.
    Q_PROPERTY(QString prompt MEMBER m_prompt NOTIFY changed)
    Q_PROPERTY(QString title MEMBER m_title NOTIFY changed)
    Q_PROPERTY(QString body MEMBER m_body NOTIFY changed)
    Q_PROPERTY(bool shareWithLead MEMBER m_shareWithLead NOTIFY changed)
    Q_PROPERTY(bool linkToPurpose MEMBER m_linkToPurpose NOTIFY changed)
    Q_PROPERTY(bool canSave READ canSave NOTIFY changed)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY fieldErrorsChanged)
    Q_PROPERTY(QString error READ error NOTIFY fieldErrorsChanged)

public:
    explicit ReflectionForm(QObject *parent = nullptr);

    Q_INVOKABLE bool save();
    Q_INVOKABLE bool load(const QString &recordId);
    Q_INVOKABLE void reset();
    // The prompt names in display order, for a picker.
    Q_INVOKABLE QStringList prompts() const;

    QString recordId() const;
    QString outboxState() const { return m_outboxState; }
    QString outboxError() const { return m_outboxError; }
    bool canSave() const;
    QVariantMap fieldErrors() const;
    QString error() const;

signals:
    void changed();
    void loaded();
    void fieldErrorsChanged();
    void saved(const QString &recordId);

private:
    void setErrors(const QVariantMap &fieldErrors, const QString &error);

    QString m_prompt;
    QString m_title;
    QString m_body;
    bool m_shareWithLead = false;
    bool m_linkToPurpose = false;
    QString m_recordId;
    QString m_outboxState;
    QString m_outboxError;
    QVariantMap m_fieldErrors;
    QString m_error;
};

} // namespace outward
