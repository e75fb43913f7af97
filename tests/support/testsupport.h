#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace outward::test {

// Parses a JSON object literal written in a test; fails the test on a syntax error.
QJsonObject jsonObject(const char *json);

// The field names in an error's field list, for compact assertions.
QStringList errorFields(const Error &error);

// Reads every byte of every file below dir (including -wal and -journal files).
QByteArray readAllFilesBelow(const QString &dir);

} // namespace outward::test

// QVERIFY for a Result: prints the error's text when it failed.
#define OUTWARD_VERIFY_OK(expr)                                                                    \
    do {                                                                                           \
        const auto &outwardResult_ = (expr);                                                       \
        QVERIFY2(outwardResult_.ok(),                                                              \
                 qPrintable(outwardResult_.ok() ? QString() : outwardResult_.error().toString())); \
    } while (false)
