#pragma once
// Deterministic, varied interaction payloads for the store benchmarks: the same rows for the
// Outward store, plain SQLite and SQLCipher. Plain C++ (no Qt) so every benchmark executable can
// use it. Keys are written in the order Qt's QJsonDocument writes them (sorted), so the JSON here
// is byte for byte what Outward seals for the same interaction.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace outward::bench {

// splitmix64: small, fast, and the same sequence on every machine.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T, std::size_t N>
    const T &pick(const T (&items)[N])
    {
        return items[below(static_cast<int>(N))];
    }

private:
    std::uint64_t m_state;
};

struct GeneratedInteraction
{
    std::string json;      // compact JSON, as sealed
    std::int64_t atMs = 0; // occurredAt in ms since the epoch (the `at` column)
};

namespace detail {

inline const char *const kChannels[] = {"phone",    "phone", "phone",  "email",  "chat", "chat",
                                        "inPerson", "video", "social", "letter", "other"};
inline const char *const kEmotions[] = {"anger", "agitation", "ambivalence", "appreciation",
                                        "adoration"};
inline const char *const kFcr[] = {"yes", "yes", "no", "unknown"};
inline const char *const kAdvocacy[] = {"none", "thanked", "wouldRecommend", "referred"};

inline const char *const kOpenings[] = {
    "Customer called about",           "Customer wrote in about",  "Follow-up on",
    "Walk-in question about",          "Second contact regarding", "Escalated case about",
    "Chat started with a question on", "Video call to go through"};
inline const char *const kTopics[] = {"a double charge on the March invoice",
                                      "the delivery that went to the old address",
                                      "switching the contract to the family plan",
                                      "a broken router after the firmware update",
                                      "cancelling the insurance add-on",
                                      "moving the appointment to next week",
                                      "the refund that had not arrived after ten days",
                                      "setting up online banking for her mother",
                                      "a missing part in the flat-pack wardrobe",
                                      "roaming charges from the trip to Portugal",
                                      "the loyalty points that expired without notice",
                                      "a reading error on the gas meter"};
inline const char *const kMiddles[] = {
    "They had already tried the help pages and felt nobody was listening.",
    "I explained what had happened and why, step by step, without jargon.",
    "We checked the account together and found the cause within a few minutes.",
    "The previous agent had promised a call back that never came.",
    "They were worried about being charged twice again next month.",
    "I asked what would make this right for them, and they told me plainly.",
    "It turned out the form on the website had dropped the second line of the address.",
    "We agreed on a temporary fix while the replacement is on its way.",
    "They mentioned that their neighbour had the same problem last year.",
    "I booked the technician and sent the confirmation while we were still talking."};
inline const char *const kClosings[] = {
    "Resolved on the call; customer thanked me and said it was easier than expected.",
    "Not resolved yet: waiting on billing, promised an update by Friday.",
    "Customer left calmer; I will check the case again tomorrow morning.",
    "They said they would recommend us to a friend who is switching providers.",
    "Logged a product issue so the team can fix the root cause.",
    "Customer still unhappy about the wait; apologised and explained the next steps."};

inline void appendUuid(std::string &out, Random &random)
{
    static const char hex[] = "0123456789abcdef";
    std::uint64_t hi = random.next();
    std::uint64_t lo = random.next();
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL; // version 4
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL; // variant 1
    for (int i = 0; i < 16; ++i) {
        const std::uint64_t word = i < 8 ? hi : lo;
        const int shift = 56 - 8 * (i % 8);
        const unsigned byte = static_cast<unsigned>((word >> shift) & 0xff);
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += hex[byte >> 4];
        out += hex[byte & 15];
    }
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
inline void civilFromDays(std::int64_t z, int &y, unsigned &m, unsigned &d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

} // namespace detail

// A random version 4 UUID in its text form, as Outward stores ids.
inline std::string uuidText(Random &random)
{
    std::string out;
    out.reserve(36);
    detail::appendUuid(out, random);
    return out;
}

// One interaction; the JSON is 500-700 bytes, about 600 on average.
inline GeneratedInteraction generateInteraction(Random &random)
{
    using namespace detail;
    GeneratedInteraction result;
    // Office hours between 2025-01-01 and 2026-10-31 (all in the past on the benchmark's date).
    const std::int64_t firstDay = 20089; // 2025-01-01
    const std::int64_t day = firstDay + random.below(669);
    const int seconds = 8 * 3600 + random.below(10 * 3600);
    result.atMs = (day * 86400 + seconds) * 1000;
    int year = 0;
    unsigned month = 0, dayOfMonth = 0;
    civilFromDays(day, year, month, dayOfMonth);
    char when[32];
    std::snprintf(when, sizeof when, "%04d-%02u-%02uT%02d:%02d:%02dZ", year, month, dayOfMonth,
                  seconds / 3600, seconds / 60 % 60, seconds % 60);

    const int start = random.below(5);
    const int end = std::min(4, std::max(0, start + random.below(4) - 1));
    const bool hasAdvocacy = random.chance(70);
    const bool hasScores = random.chance(40);
    const bool hasEffort = random.chance(80);
    const int targetSize = 500 + random.below(201);

    std::string &json = result.json;
    json.reserve(static_cast<std::size_t>(targetSize) + 64);
    json += '{';
    if (hasAdvocacy)
        json += std::string("\"advocacy\":\"") + random.pick(kAdvocacy) + "\",";
    json += std::string("\"channel\":\"") + random.pick(kChannels) + "\",";
    if (hasScores) {
        json += "\"customerReported\":{";
        json += "\"ces\":" + std::to_string(1 + random.below(7));
        json += ",\"csat\":" + std::to_string(1 + random.below(5));
        json += ",\"nps\":" + std::to_string(random.below(11)) + "},";
    }
    json += std::string("\"endEmotion\":\"") + kEmotions[end] + "\",";
    json += std::string("\"firstContactResolution\":\"") + random.pick(kFcr) + "\",";
    json += "\"handleTimeSeconds\":" + std::to_string(30 + random.below(1800)) + ",";

    std::string tail = std::string(",\"occurredAt\":\"") + when + "\"";
    if (hasEffort)
        tail += ",\"perceivedEffort\":" + std::to_string(1 + random.below(7));
    tail += std::string(",\"shareWithLead\":") + (random.chance(15) ? "true" : "false");
    tail += std::string(",\"startEmotion\":\"") + kEmotions[start] + "\"}";

    // The note fills the record up to its target size.
    const std::size_t fixed = json.size() + tail.size() + 10; // "note":"" and a little slack
    const std::size_t noteTarget = static_cast<std::size_t>(targetSize) > fixed + 40
                                       ? static_cast<std::size_t>(targetSize) - fixed
                                       : 40;
    std::string note = std::string(random.pick(kOpenings)) + " " + random.pick(kTopics) + ".";
    while (note.size() < noteTarget)
        note +=
            std::string(" ") + (random.chance(75) ? random.pick(kMiddles) : random.pick(kClosings));
    if (note.size() > noteTarget) {
        std::size_t cut = note.rfind(' ', noteTarget);
        if (cut == std::string::npos || cut < noteTarget / 2)
            cut = noteTarget;
        note.resize(cut);
        note += "...";
    }
    json += "\"note\":\"" + note + "\"";
    json += tail;
    return result;
}

// The benchmark's rows: the same `count` interactions for every engine.
inline std::vector<GeneratedInteraction> generateInteractions(int count,
                                                              std::uint64_t seed = 20261124)
{
    Random random(seed);
    std::vector<GeneratedInteraction> rows;
    rows.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        rows.push_back(generateInteraction(random));
    return rows;
}

} // namespace outward::bench
