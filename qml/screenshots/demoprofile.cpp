#include "qml/screenshots/demoprofile.h"

#include "core/profile/recordservice.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace outward::demo {

namespace {

struct DemoContact
{
    int daysAgo;
    int minutesIntoDay; // from 08:00
    const char *json;   // without occurredAt
};

// A week of a front-line staff member's contacts: varied channels, outcomes and notes, the
// kind of thing people really write between two customers.
const DemoContact
    kContacts[] =
        {
            {0, 20,
             R"({"channel":"phone","startEmotion":"agitation","endEmotion":"appreciation","handleTimeSeconds":412,"firstContactResolution":"yes","advocacy":"thanked","customerReported":{"csat":5},"note":"Double charge on the October invoice; refunded and explained the new billing date."})"},
            {0, 55,
             R"({"channel":"chat","startEmotion":"ambivalence","endEmotion":"appreciation","handleTimeSeconds":236,"firstContactResolution":"yes","note":"Helped set up the mobile app for her father."})"},
            {0, 95,
             R"({"channel":"email","endEmotion":"ambivalence","firstContactResolution":"no","note":"Waiting for the warehouse to confirm the replacement part."})"},
            {0, 140,
             R"({"channel":"phone","startEmotion":"anger","endEmotion":"ambivalence","handleTimeSeconds":690,"firstContactResolution":"unknown","perceivedEffort":3,"note":"Third call about the outage. Escalated to the network team with the full history."})"},
            {0, 190,
             R"({"channel":"inPerson","startEmotion":"appreciation","endEmotion":"adoration","handleTimeSeconds":540,"firstContactResolution":"yes","advocacy":"wouldRecommend","customerReported":{"nps":10,"csat":5,"ces":7},"shareWithLead":true,"note":"Mr. Haddad came by to say thanks for last week. He is bringing his daughter's business over."})"},
            {1, 10,
             R"({"channel":"phone","startEmotion":"agitation","endEmotion":"appreciation","handleTimeSeconds":305,"firstContactResolution":"yes","note":"Moved the delivery to Saturday so she can be home."})"},
            {1, 70,
             R"({"channel":"video","endEmotion":"appreciation","handleTimeSeconds":1260,"firstContactResolution":"yes","advocacy":"thanked","note":"Walked the team through the export feature."})"},
            {1, 150,
             R"({"channel":"email","endEmotion":"ambivalence","firstContactResolution":"yes","note":"Sent the updated contract."})"},
            {2, 30,
             R"({"channel":"phone","startEmotion":"anger","endEmotion":"agitation","handleTimeSeconds":880,"firstContactResolution":"no","perceivedEffort":2,"customerReported":{"ces":2},"note":"Could not change the plan without a store visit; he was right to be annoyed. Raised it with product."})"},
            {2, 100,
             R"({"channel":"chat","endEmotion":"appreciation","handleTimeSeconds":190,"firstContactResolution":"yes"})"},
            {3, 15,
             R"({"channel":"social","startEmotion":"agitation","endEmotion":"appreciation","firstContactResolution":"yes","advocacy":"referred","note":"Public complaint turned into a thank-you post."})"},
            {3, 80,
             R"({"channel":"phone","endEmotion":"adoration","handleTimeSeconds":360,"firstContactResolution":"yes","customerReported":{"nps":9,"csat":5},"note":"Found the lost parcel in time for the birthday."})"},
            {4, 40,
             R"({"channel":"letter","endEmotion":"ambivalence","firstContactResolution":"unknown","note":"Answered the formal complaint about the price change."})"},
            {5, 25,
             R"({"channel":"phone","startEmotion":"ambivalence","endEmotion":"appreciation","handleTimeSeconds":275,"firstContactResolution":"yes"})"},
            {6, 60,
             R"({"channel":"chat","endEmotion":"appreciation","handleTimeSeconds":150,"firstContactResolution":"yes","note":"Password reset."})"},
};

const char *const kReflections[] = {
    R"({"prompt":"customerGain","title":"A calm evening","body":"Mrs. Verbeek called in tears about the double charge. What she gained was not only the refund: she knows exactly when the next bill comes and that she can call me.","shareWithLead":true})",
    R"({"prompt":"whyThisWork","body":"Because the moment someone's problem becomes smaller is the best part of my day. I want to keep noticing that, even on busy Mondays."})",
    R"({"prompt":"customersWouldMiss","title":"Someone who remembers","body":"People would miss talking to someone who remembers their last call. The outage customers this week all asked for me by name."})",
};

Status add(RecordService &records, RecordKind kind, const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    auto added = records.add(kind, object);
    if (!added)
        return added.error();
    return {};
}

} // namespace

Status seedPurpose(Profile &profile)
{
    RecordService records(profile);
    return add(
        records, RecordKind::TeamPurpose,
        R"({"why":"Every customer leaves a conversation with us a little more sure of their day than when they came in.","how":"We listen first, we own the problem until it is solved, and we tell people what happens next.","what":"Support for home and small-business customers of our energy and internet services, by phone, chat, mail and in our stores.","wouldMiss":"Someone who knows their history and treats their problem as the most important one of the hour."})");
}

Status seed(Profile &profile, const Clock &clock)
{
    if (auto purpose = seedPurpose(profile); !purpose)
        return purpose;
    return seedOwnRecords(profile, clock);
}

Status seedOwnRecords(Profile &profile, const Clock &clock)
{
    RecordService records(profile);
    const QDate today = clock.now().toLocalTime().date();
    for (const DemoContact &contact : kContacts) {
        QJsonObject json = QJsonDocument::fromJson(QByteArray(contact.json)).object();
        QDateTime at = today.addDays(-contact.daysAgo)
                           .startOfDay()
                           .addSecs(8 * 3600 + contact.minutesIntoDay * 60);
        if (at > clock.now()) // early in the morning: put today's contacts just behind now
            at = clock.now().addSecs(-60 * (10 + contact.minutesIntoDay / 10));
        json.insert(u"occurredAt"_s, at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate));
        auto added = records.add(RecordKind::Interaction, json);
        if (!added)
            return added.error();
    }
    for (const char *reflection : kReflections)
        if (auto added = add(records, RecordKind::Reflection, QByteArray(reflection)); !added)
            return added;
    return {};
}

Status seedBacklog(Profile &profile, const Clock &clock, int count)
{
    static const char *const kChannels[] = {"phone", "chat", "email", "inPerson"};
    static const char *const kEmotions[] = {"ambivalence", "appreciation", "appreciation",
                                            "adoration", "agitation"};
    RecordService records(profile);
    const QDateTime now = clock.now();
    for (int i = 0; i < count; ++i) {
        const QDateTime at = now.addSecs(-3600LL * (24 + i * 5));
        QJsonObject json{
            {u"channel"_s, QLatin1StringView(kChannels[i % 4])},
            {u"endEmotion"_s, QLatin1StringView(kEmotions[i % 5])},
            {u"occurredAt"_s, at.toOffsetFromUtc(at.offsetFromUtc()).toString(Qt::ISODate)},
        };
        if (auto added = records.add(RecordKind::Interaction, json); !added)
            return added.error();
    }
    return {};
}

} // namespace outward::demo
