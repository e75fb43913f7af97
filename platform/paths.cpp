#include "platform/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace outward::paths {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setOrganizationDomain(u"outward.app"_s);
    QCoreApplication::setApplicationName(u"Outward"_s);
}

QString appDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString defaultProfileFolder()
{
    return QDir(appDataFolder()).filePath(u"profile"_s);
}

} // namespace outward::paths
