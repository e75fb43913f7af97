#include "qml/language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlEngine>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcLanguage, "outward.qml.language")

namespace {

const QString kSettingsKey = u"language"_s;

// One app, one language: installInitial() runs before any Language object exists.
QPointer<QTranslator> s_translator;

QStringList availableCodes()
{
    return {u"en"_s, u"fr"_s, u"nl"_s};
}

QString effectiveFor(const QString &chosen)
{
    if (!chosen.isEmpty())
        return chosen;
    const QString system = QLocale::system().name().left(2);
    return availableCodes().contains(system) ? system : u"en"_s;
}

// English is the source language: its file holds only the plural forms ("1 minute ago",
// "2 minutes ago"). A missing translation file simply means English.
void install(const QString &code)
{
    if (s_translator) {
        QCoreApplication::removeTranslator(s_translator);
        delete s_translator;
    }
    QLocale::setDefault(QLocale(code));
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(u":/i18n/outward_%1.qm"_s.arg(code))) {
        qCInfo(lcLanguage) << "no translation for" << code << "yet; showing English";
        delete translator;
        return;
    }
    QCoreApplication::installTranslator(translator);
    s_translator = translator;
}

} // namespace

Language::Language(QQmlEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_current(QSettings().value(kSettingsKey).toString())
{
    if (!availableCodes().contains(m_current))
        m_current.clear();
}

Language::~Language() = default;

Language *Language::create(QQmlEngine *engine, QJSEngine *)
{
    return new Language(engine);
}

void Language::installInitial()
{
    QString saved = QSettings().value(kSettingsKey).toString();
    if (!availableCodes().contains(saved))
        saved.clear();
    install(effectiveFor(saved));
}

void Language::setCurrent(const QString &code)
{
    if (code == m_current || (!code.isEmpty() && !availableCodes().contains(code)))
        return;
    m_current = code;
    QSettings settings;
    if (code.isEmpty())
        settings.remove(kSettingsKey);
    else
        settings.setValue(kSettingsKey, code);
    install(effective());
    if (m_engine)
        m_engine->retranslate();
    emit currentChanged();
}

QString Language::effective() const
{
    return effectiveFor(m_current);
}

QStringList Language::available() const
{
    return availableCodes();
}

QString Language::nativeName(const QString &code) const
{
    if (code == u"en"_s)
        return u"English"_s;
    if (code == u"fr"_s)
        return u"Français"_s;
    if (code == u"nl"_s)
        return u"Nederlands"_s;
    return code;
}

} // namespace outward
