#include "core/model/hlc.h"

#include <QRandomGenerator>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr int kWallDigits = 16;
constexpr int kCounterDigits = 4;
constexpr int kNodeDigits = 16;

bool isLowerHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
}
} // namespace

QString HlcTimestamp::toString() const
{
    constexpr qint64 kMaxWall = 9'999'999'999'999'999; // the largest wall time in 16 digits
    if (wallMs < 0 || wallMs > kMaxWall)
        return u"%1-%2-%3"_s.arg(wallMs, kWallDigits, 10, QLatin1Char('0'))
            .arg(counter, kCounterDigits, 16, QLatin1Char('0'))
            .arg(node);
    // Written digit by digit: every record written formats its clock twice (header and row), and
    // the QString::arg chain above takes about six times as long (bench/).
    static constexpr char16_t kHexDigits[] = u"0123456789abcdef";
    QString text(kWallDigits + 1 + kCounterDigits + 1 + node.size(), Qt::Uninitialized);
    QChar *out = text.data();
    qint64 wall = wallMs;
    for (int i = kWallDigits - 1; i >= 0; --i, wall /= 10)
        out[i] = QChar(char16_t(u'0' + wall % 10));
    out[kWallDigits] = u'-';
    for (int i = 0; i < kCounterDigits; ++i)
        out[kWallDigits + 1 + i] =
            QChar(kHexDigits[(counter >> (4 * (kCounterDigits - 1 - i))) & 0xf]);
    out[kWallDigits + 1 + kCounterDigits] = u'-';
    std::copy(node.cbegin(), node.cend(), out + kWallDigits + 2 + kCounterDigits);
    return text;
}

std::optional<HlcTimestamp> HlcTimestamp::fromString(QStringView text)
{
    constexpr int expected = kWallDigits + 1 + kCounterDigits + 1 + kNodeDigits;
    if (text.size() != expected || text[kWallDigits] != u'-' ||
        text[kWallDigits + 1 + kCounterDigits] != u'-')
        return std::nullopt;
    bool wallOk = false;
    bool counterOk = false;
    const qint64 wall = text.left(kWallDigits).toLongLong(&wallOk);
    const uint counter = text.mid(kWallDigits + 1, kCounterDigits).toUInt(&counterOk, 16);
    const QStringView node = text.right(kNodeDigits);
    if (!wallOk || !counterOk || wall < 0 || !HybridLogicalClock::isValidNodeId(node))
        return std::nullopt;
    for (QChar c : text.left(kWallDigits))
        if (!c.isDigit())
            return std::nullopt;
    // Exactly lowercase hex, so that text order stays clock order ("00B0" would sort before
    // "00a0" as text while being larger) and "0x1f" is not read as a counter.
    for (QChar c : text.mid(kWallDigits + 1, kCounterDigits))
        if (!isLowerHex(c))
            return std::nullopt;
    return HlcTimestamp{wall, static_cast<quint16>(counter), node.toString()};
}

bool operator<(const HlcTimestamp &a, const HlcTimestamp &b)
{
    return std::tie(a.wallMs, a.counter, a.node) < std::tie(b.wallMs, b.counter, b.node);
}

bool operator==(const HlcTimestamp &a, const HlcTimestamp &b)
{
    return a.wallMs == b.wallMs && a.counter == b.counter && a.node == b.node;
}

HybridLogicalClock::HybridLogicalClock(const Clock &clock, QString node)
    : m_clock(clock)
    , m_node(std::move(node))
{
    m_last.node = m_node;
}

HlcTimestamp HybridLogicalClock::now()
{
    const qint64 physical = m_clock.nowMs();
    if (physical > m_last.wallMs) {
        m_last.wallMs = physical;
        m_last.counter = 0;
    } else if (m_last.counter == 0xffff) {
        // The counter is exhausted within this millisecond: borrow the next one.
        ++m_last.wallMs;
        m_last.counter = 0;
    } else {
        ++m_last.counter;
    }
    m_last.node = m_node;
    return m_last;
}

void HybridLogicalClock::observe(const HlcTimestamp &remote)
{
    if (remote.wallMs > m_last.wallMs ||
        (remote.wallMs == m_last.wallMs && remote.counter > m_last.counter)) {
        m_last.wallMs = remote.wallMs;
        m_last.counter = remote.counter;
    }
}

bool HybridLogicalClock::observeBounded(const HlcTimestamp &remote, qint64 maxAheadMs)
{
    const qint64 limit = m_clock.nowMs() + maxAheadMs;
    if (remote.wallMs <= limit) {
        observe(remote);
        return true;
    }
    // Follow it only up to the limit: one device with a wrong date must not drag every later
    // clock of this device along with it.
    observe(HlcTimestamp{limit, 0, remote.node});
    return false;
}

QString HybridLogicalClock::newNodeId()
{
    const quint64 value = QRandomGenerator::system()->generate64();
    return u"%1"_s.arg(value, kNodeDigits, 16, QLatin1Char('0'));
}

bool HybridLogicalClock::isValidNodeId(QStringView node)
{
    if (node.size() != kNodeDigits)
        return false;
    for (QChar c : node)
        if (!isLowerHex(c))
            return false;
    return true;
}

} // namespace outward
