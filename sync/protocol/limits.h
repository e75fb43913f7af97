#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

// Sizes, counts and bounds of protocol.md sections 3.1, 11.4 and 12; /v1/health reports them.
namespace outward::protocol::limits {

inline constexpr qint64 kPushBodyBytes = 16 * 1024 * 1024; // POST /v1/records
inline constexpr qint64 kBodyBytes = 64 * 1024;            // every other body
inline constexpr qint64 kEnvelopeBytes = 4 * 1024 * 1024;  // one decoded envelope
inline constexpr int kPushItems = 500;
inline constexpr int kPageMin = 1;
inline constexpr int kPageMax = 1000;
inline constexpr int kPageDefault = 200;
inline constexpr qint64 kPageEnvelopeBudgetBytes = 16 * 1024 * 1024; // encoded envelopes per page
inline constexpr qint64 kMaxClockAheadMs = 60 * 60 * 1000;           // 11.4
inline constexpr qint64 kHeaderBytes = 16 * 1024;                    // request line + headers
// What the socket layer accepts before the path is known (section 3.1).
inline constexpr qint64 kSocketBodyBytes = kPushBodyBytes + kBodyBytes;
inline constexpr int kNameMinChars = 1; // display and device names, in code points
inline constexpr int kNameMaxChars = 100;
inline constexpr int kMaxJsonDepth = 16;
// Earliest clock wall time accepted on push: 2020-01-01T00:00:00Z (section 11.2 step 4).
inline constexpr qint64 kMinClockWallMs = Q_INT64_C(1577836800000);

// The body limit for a method and path: kPushBodyBytes for POST /v1/records, else kBodyBytes.
qint64 bodyLimitFor(const QByteArray &method, const QString &path);

} // namespace outward::protocol::limits
