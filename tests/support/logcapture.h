#pragma once

#include <QString>
#include <QStringList>

namespace outward::test {

// Every message logged (any category, any level) while an instance lives, as "category: text".
// Warnings and worse are also passed on to the previous handler, so test output shows them.
// Turns every outward.* category on, debug included, so a secret in any log line is caught.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QStringList lines() const;
    void clear();
    // Whether any line holds `code` as written or without its dashes, in any letter case.
    bool anyContains(const QString &code) const;
};

} // namespace outward::test
