#pragma once

#include "core/model/clock.h"

#include <QString>

#include <optional>

namespace outward {

// A hybrid logical clock timestamp: wall time in ms, a counter for events within the same
// millisecond, and the node (device) that produced it. Ordered by (wallMs, counter, node), which
// is also the order of toString(), so the text form sorts correctly in SQL.
struct HlcTimestamp
{
    qint64 wallMs = 0;
    quint16 counter = 0;
    QString node;

    bool isNull() const { return wallMs == 0 && counter == 0 && node.isEmpty(); }

    // "0001763850000000-002a-6f1c9e0b7d2a4c35": 16 decimal digits, 4 hex digits, the node.
    QString toString() const;
    static std::optional<HlcTimestamp> fromString(QStringView text);

    friend bool operator<(const HlcTimestamp &a, const HlcTimestamp &b);
    friend bool operator==(const HlcTimestamp &a, const HlcTimestamp &b);
    friend bool operator!=(const HlcTimestamp &a, const HlcTimestamp &b) { return !(a == b); }
    friend bool operator>(const HlcTimestamp &a, const HlcTimestamp &b) { return b < a; }
};

// Issues timestamps that never go backwards, even when the wall clock does, and that follow
// any newer timestamp observed from another device.
class HybridLogicalClock
{
public:
    HybridLogicalClock(const Clock &clock, QString node);

    const QString &node() const { return m_node; }

    // A timestamp for a local event (a write).
    HlcTimestamp now();
    // Merges a timestamp received from elsewhere, so later local events order after it.
    void observe(const HlcTimestamp &remote);
    // The same, but never moves this clock beyond the wall clock + maxAheadMs: a remote clock far
    // in the future (a device with a wrong date) cannot drag every later local clock along
    // (docs/crypto.md section 13 item 6). Returns false when the remote clock was capped.
    bool observeBounded(const HlcTimestamp &remote, qint64 maxAheadMs);

    HlcTimestamp last() const { return m_last; }

    // Node ids are 16 lowercase hex digits; this makes a random one.
    static QString newNodeId();
    static bool isValidNodeId(QStringView node);

private:
    const Clock &m_clock;
    QString m_node;
    HlcTimestamp m_last;
};

} // namespace outward
