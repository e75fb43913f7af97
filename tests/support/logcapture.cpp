#include "tests/support/logcapture.h"

#include <QLoggingCategory>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace outward::test {

namespace {

QMutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&g_logMutex);
        g_logLines.append(QString::fromLatin1(context.category ? context.category : "default") +
                          u": "_s + message);
    }
    if (type != QtDebugMsg && type != QtInfoMsg && g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    clear();
    QLoggingCategory::setFilterRules(u"outward.*=true"_s);
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
}

QStringList LogCapture::lines() const
{
    QMutexLocker locker(&g_logMutex);
    return g_logLines;
}

void LogCapture::clear()
{
    QMutexLocker locker(&g_logMutex);
    g_logLines.clear();
}

bool LogCapture::anyContains(const QString &code) const
{
    const QString digits = QString(code).remove(u'-');
    for (const QString &line : lines())
        if (line.contains(digits, Qt::CaseInsensitive) || line.contains(code, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace outward::test
