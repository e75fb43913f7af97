#include "tests/support/testsupport.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>

namespace outward::test {

QJsonObject jsonObject(const char *json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON does not parse: %s in %s", qPrintable(error.errorString()), json);
    return document.object();
}

QStringList errorFields(const Error &error)
{
    QStringList fields;
    for (const FieldError &fieldError : error.fieldErrors())
        fields << fieldError.field;
    return fields;
}

QByteArray readAllFilesBelow(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace outward::test
