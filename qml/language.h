#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QTranslator>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace outward {

// The app's language: the system's by default, or one chosen in settings ("en", "fr", "nl"),
// kept in QSettings. Switching installs the translator and retranslates the running UI.
class Language : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString current READ current WRITE setCurrent NOTIFY currentChanged) // "" = system
    Q_PROPERTY(QString effective READ effective NOTIFY currentChanged)              // what is shown

public:
    explicit Language(QQmlEngine *engine, QObject *parent = nullptr);
    ~Language() override;
    static Language *create(QQmlEngine *engine, QJSEngine *);

    QString current() const { return m_current; }
    void setCurrent(const QString &code);
    QString effective() const;
    // The codes with a translation, and each one's name in its own language ("Français").
    Q_INVOKABLE QStringList available() const;
    Q_INVOKABLE QString nativeName(const QString &code) const;

    // Installs the saved (or system) language before the first QML file loads.
    static void installInitial();

signals:
    void currentChanged();

private:
    QQmlEngine *m_engine;
    QString m_current;
};

} // namespace outward
