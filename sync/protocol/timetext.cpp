#include "sync/protocol/timetext.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace outward::protocol {

namespace {
constexpr qsizetype kLength = 24; // "2026-11-24T08:08:55.414Z"

bool isDigitAt(QStringView text, qsizetype i)
{
    return text[i] >= u'0' && text[i] <= u'9';
}
} // namespace

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz'Z'"_s);
}

QString formatTimeMs(qint64 msSinceEpoch)
{
    return formatTime(QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone::utc()));
}

std::optional<QDateTime> parseTime(QStringView text)
{
    // Checked character by character first: QDateTime::fromString is lenient about some forms.
    if (text.size() != kLength)
        return std::nullopt;
    for (qsizetype i = 0; i < kLength; ++i) {
        bool ok = false;
        switch (i) {
        case 4:
        case 7:
            ok = text[i] == u'-';
            break;
        case 10:
            ok = text[i] == u'T';
            break;
        case 13:
        case 16:
            ok = text[i] == u':';
            break;
        case 19:
            ok = text[i] == u'.';
            break;
        case 23:
            ok = text[i] == u'Z';
            break;
        default:
            ok = isDigitAt(text, i);
        }
        if (!ok)
            return std::nullopt;
    }
    // Date and time are parsed apart: a combined parse would read local time and lose the hour a
    // daylight-saving gap skips.
    const QDate date = QDate::fromString(text.left(10).toString(), u"yyyy-MM-dd"_s);
    const QTime clockTime = QTime::fromString(text.mid(11, 12).toString(), u"HH:mm:ss.zzz"_s);
    if (!date.isValid() || !clockTime.isValid())
        return std::nullopt;
    return QDateTime(date, clockTime, Qt::UTC);
}

} // namespace outward::protocol
