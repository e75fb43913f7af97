#pragma once

#include <QDateTime>
#include <QString>
#include <QStringView>

#include <optional>

// Times on the wire: RFC 3339 UTC with milliseconds, "2026-11-24T08:08:55.414Z" (protocol.md
// section 1). One format in both directions, so a value round-trips to the millisecond.
namespace outward::protocol {

// Always UTC, always three fraction digits, always "Z". An invalid QDateTime gives "".
QString formatTime(const QDateTime &time);
QString formatTimeMs(qint64 msSinceEpoch);
// Accepts exactly the form formatTime writes (24 characters); the result is in UTC.
std::optional<QDateTime> parseTime(QStringView text);

} // namespace outward::protocol
