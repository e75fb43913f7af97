#include "core/crypto/envelope.h"
#include "core/crypto/keyring.h"
#include "core/model/record.h"
#include "sync/protocol/headerchecks.h"
#include "sync/protocol/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>
#include <QTest>
#include <QTimeZone>

#include <sodium.h>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString kUserId = u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s;
const QString kRecordId = u"0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10"_s;
const QString kItem = u"items[2]"_s;
constexpr qint64 kWallMs = Q_INT64_C(1763800000000); // 2025-11-22

QDateTime someTime()
{
    return QDateTime::fromMSecsSinceEpoch(kWallMs, QTimeZone::utc());
}

// One record of each kind with its metrics as core computes them.
QList<RecordPayload> samplePayloads()
{
    Interaction interaction;
    interaction.occurredAt = someTime();
    interaction.channel = Channel::Phone;
    interaction.endEmotion = Emotion::Appreciation;
    interaction.startEmotion = Emotion::Agitation;
    interaction.handleTimeSeconds = 330;
    interaction.perceivedEffort = 2;
    interaction.advocacy = Advocacy::Thanked;
    interaction.customerReported.nps = 9;
    interaction.customerReported.csat = 5;
    interaction.customerReported.ces = 2;

    Reflection reflection;
    reflection.writtenAt = someTime();
    reflection.body = u"why"_s;

    ClientBrief brief;
    brief.client = u"Acme"_s;
    brief.preparedAt = someTime();
    brief.answers = {BriefAnswer{BriefSection::Needs, std::nullopt, u"a"_s, Certainty::Verified}};
    brief.impactHypothesis = u"better"_s;

    Commitment commitment;
    commitment.title = u"t"_s;
    commitment.type = CommitmentType::Impact;
    commitment.horizonMonths = 6;
    commitment.startDate = QDate(2025, 11, 1);
    commitment.progress = 40;

    CheckIn checkIn;
    checkIn.date = QDate(2025, 11, 20);
    checkIn.progress = 50;
    checkIn.status = CheckInStatus::AtRisk;

    QuarterlyReview review;
    review.quarter = u"2025-Q4"_s;
    ReviewItem item;
    item.type = CommitmentType::Output;
    item.achievement = 80;
    review.commitments = {item};

    TeamPurpose purpose;
    purpose.why = u"why"_s;
    purpose.writtenAt = someTime();

    QuestionnaireTemplate questionnaire;
    questionnaire.title = u"t"_s;
    questionnaire.writtenAt = someTime();

    PulseResponse pulse;
    pulse.period = u"2025-11"_s;
    pulse.submittedAt = someTime();
    pulse.ratings = {{Discipline::CustomerInsight, 4}, {Discipline::Empowerment, 2}};

    return {interaction, reflection, brief,         commitment, checkIn,
            review,      purpose,    questionnaire, pulse};
}

RecordHeader headerFor(const RecordPayload &payload)
{
    RecordHeader header;
    header.id = QUuid::fromString(kRecordId);
    header.kind = kindOf(payload);
    header.author = kUserId;
    header.clock = HlcTimestamp{kWallMs, 42, u"6f1c9e0b7d2a4c35"_s};
    header.atMs = kWallMs;
    header.metrics = payloadMetrics(payload);
    return header;
}

QJsonObject headerJson(const RecordPayload &payload)
{
    return QJsonDocument::fromJson(headerFor(payload).toBytes()).object();
}

QByteArray bytesOf(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

ItemError refusal(const QByteArray &header)
{
    auto checked = checkPushedHeader(header, kItem);
    if (checked)
        qFatal("expected a refusal for %s", header.constData());
    return checked.error();
}

ItemError refusal(const QJsonObject &header)
{
    return refusal(bytesOf(header));
}

QJsonObject withMetric(QJsonObject header, const QString &name, const QJsonValue &value)
{
    QJsonObject metrics = header.value("metrics"_L1).toObject();
    if (value.isUndefined())
        metrics.remove(name);
    else
        metrics.insert(name, value);
    header.insert("metrics"_L1, metrics);
    return header;
}

} // namespace

class TestHeaderChecks : public QObject
{
    Q_OBJECT

private:
    std::optional<CreatedKeyring> m_keyring;

private slots:
    void initTestCase()
    {
        auto created = keyring::create(kUserId, SecureBytes::fromPassphrase(u"pass phrase x"_s),
                                       KdfParams{1, 8 * 1024 * 1024});
        QVERIFY(created.ok());
        m_keyring.emplace(std::move(created).value());
    }

    void acceptsRealSealedEnvelopesOfEveryKind()
    {
        EnvelopeCrypto crypto(m_keyring->keys);
        for (const RecordPayload &payload : samplePayloads()) {
            const RecordHeader header = headerFor(payload);
            const QByteArray headerBytes = header.toBytes();
            const auto sealed = crypto.seal(headerBytes, "{\"a\":1}"_ba);
            QVERIFY(sealed.ok());
            const auto checked = checkPushedEnvelope(*sealed, kItem);
            QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString()
                                                           : checked.error().message + u" at "_s +
                                                                 checked.error().field));
            QCOMPARE(checked->headerBytes, headerBytes);
            QCOMPARE(checked->header.kind, header.kind);
            QCOMPARE(checked->header.idText(), kRecordId);
            QCOMPARE(checked->header.metrics, header.metrics);
            QCOMPARE(checked->wraps.size(), 1);
            QCOMPARE(checked->wraps[0].type, 1);
            QCOMPARE(checked->wraps[0].recipient, m_keyring->keys.boxPublicKey);
        }
    }

    void acceptsTombstones()
    {
        for (const RecordPayload &payload : samplePayloads()) {
            RecordHeader tombstone = headerFor(payload);
            tombstone.deleted = true;
            tombstone.metrics = {};
            QVERIFY(checkPushedHeader(tombstone.toBytes(), kItem).ok());
        }
    }

    void listsReaderWraps()
    {
        QByteArray readerPublic(32, '\0');
        QByteArray readerSecret(32, '\0');
        crypto_box_keypair(reinterpret_cast<unsigned char *>(readerPublic.data()),
                           reinterpret_cast<unsigned char *>(readerSecret.data()));
        EnvelopeCrypto crypto(m_keyring->keys);
        const auto sealed =
            crypto.seal(headerFor(samplePayloads().at(0)).toBytes(), "{}"_ba, {readerPublic});
        QVERIFY(sealed.ok());
        const auto checked = checkPushedEnvelope(*sealed, kItem);
        QVERIFY(checked.ok());
        QCOMPARE(checked->wraps.size(), 2);
        QCOMPARE(checked->wraps[1].type, 2);
        QCOMPARE(checked->wraps[1].recipient, readerPublic);
    }

    void refusesBadEnvelopes()
    {
        EnvelopeCrypto crypto(m_keyring->keys);
        const QByteArray sealed =
            *crypto.seal(headerFor(samplePayloads().at(0)).toBytes(), "{}"_ba);

        QByteArray newer = sealed;
        newer[3] = 0x02;
        auto checked = checkPushedEnvelope(newer, kItem);
        QCOMPARE(checked.error().code, u"newer_format"_s);
        QCOMPARE(checked.error().field, u"items[2].envelope"_s);

        QByteArray badMagic = sealed;
        badMagic[0] = 'X';
        QCOMPARE(checkPushedEnvelope(badMagic, kItem).error().code, u"malformed_envelope"_s);
        QCOMPARE(checkPushedEnvelope(sealed.left(sealed.size() - 30), kItem).error().code,
                 u"malformed_envelope"_s);
        QCOMPARE(checkPushedEnvelope("OWE"_ba, kItem).error().code, u"malformed_envelope"_s);

        QByteArray noWraps = sealed;
        const quint32 headerLength = qFromLittleEndian<quint32>(sealed.constData() + 4);
        noWraps[8 + headerLength] = 0;
        QCOMPARE(checkPushedEnvelope(noWraps, kItem).error().code, u"malformed_envelope"_s);

        const QByteArray huge = sealed + QByteArray(limits::kEnvelopeBytes, 'x');
        checked = checkPushedEnvelope(huge, kItem);
        QCOMPARE(checked.error().code, u"envelope_too_large"_s);
        QCOMPARE(checked.error().field, u"items[2].envelope"_s);
    }

    void refusesHeaderStructure()
    {
        const QByteArray good = headerFor(samplePayloads().at(0)).toBytes();
        QVERIFY(checkPushedHeader(good, kItem).ok());

        // A duplicate key hides a second value from Qt: refused with its path.
        QByteArray duplicate = good;
        duplicate.replace("\"team\":\"\"", "\"team\":\"\",\"author\":\"x\"");
        ItemError error = refusal(duplicate);
        QCOMPARE(error.code, u"invalid_header"_s);
        QCOMPARE(error.field, u"items[2].header.author"_s);
        QByteArray duplicateMetric = good;
        duplicateMetric.replace("\"channel\":\"phone\"",
                                "\"channel\":\"phone\",\"channel\":\"chat\"");
        QCOMPARE(refusal(duplicateMetric).field, u"items[2].header.metrics.channel"_s);

        QCOMPARE(refusal("[1]"_ba).code, u"invalid_header"_s);
        QCOMPARE(refusal("{\"v\":1"_ba).code, u"invalid_header"_s);

        const QJsonObject json = headerJson(samplePayloads().at(0));
        struct Case
        {
            const char *member;
            QJsonValue value;
            const char *code;
        };
        const QList<Case> cases{
            {"v", 2, "newer_format"},
            {"v", 0, "invalid_header"},
            {"v", QJsonValue::Undefined, "invalid_header"},
            {"v", u"1"_s, "invalid_header"},
            {"id", kRecordId.toUpper(), "invalid_header"},
            {"id", u"{"_s + kRecordId + u"}"_s, "invalid_header"},
            {"id", u"00000000-0000-0000-0000-000000000000"_s, "invalid_header"},
            {"kind", u"diary"_s, "invalid_header"},
            {"author", 5, "invalid_header"},
            {"team", QJsonValue::Null, "invalid_header"},
            {"clock", u"0001763800000000-002A-6f1c9e0b7d2a4c35"_s, "invalid_header"},
            {"clock", QJsonValue::Undefined, "invalid_header"},
            {"at", u"1763800000000"_s, "invalid_header"},
            {"deleted", 0, "invalid_header"},
            {"metrics", QJsonArray(), "invalid_header"},
            {"clock", u"0001577836799999-0000-6f1c9e0b7d2a4c35"_s, "invalid_clock"},
        };
        for (const Case &c : cases) {
            QJsonObject bad = json;
            const QString member = QString::fromLatin1(c.member);
            if (c.value.isUndefined())
                bad.remove(member);
            else
                bad.insert(member, c.value);
            error = refusal(bad);
            QVERIFY2(error.code == QLatin1StringView(c.code),
                     qPrintable(member + u": "_s + error.code + u" "_s + error.message));
            QCOMPARE(error.field, u"items[2].header."_s + member);
        }
        // 2020-01-01T00:00:00.000Z itself is accepted.
        QJsonObject edge = json;
        edge.insert("clock"_L1, u"0001577836800000-0000-6f1c9e0b7d2a4c35"_s);
        QVERIFY(checkPushedHeader(bytesOf(edge), kItem).ok());
        // Unknown header members are ignored, as crypto.md 6.2 reads them.
        QJsonObject extra = json;
        extra.insert("future"_L1, 1);
        QVERIFY(checkPushedHeader(bytesOf(extra), kItem).ok());
    }

    void refusesBadMetrics()
    {
        const QList<RecordPayload> payloads = samplePayloads();
        const QJsonObject interaction = headerJson(payloads.at(0));
        const QJsonObject brief = headerJson(payloads.at(2));
        const QJsonObject commitment = headerJson(payloads.at(3));
        const QJsonObject checkIn = headerJson(payloads.at(4));
        const QJsonObject review = headerJson(payloads.at(5));
        const QJsonObject pulse = headerJson(payloads.at(8));

        struct Case
        {
            QJsonObject header;
            const char *path;
        };
        const auto nested = [](QJsonObject header, const QString &object, const QString &name,
                               const QJsonValue &value) {
            QJsonObject metrics = header.value("metrics"_L1).toObject();
            QJsonObject inner = metrics.value(object).toObject();
            if (value.isUndefined())
                inner.remove(name);
            else
                inner.insert(name, value);
            metrics.insert(object, inner);
            header.insert("metrics"_L1, metrics);
            return header;
        };
        const QList<Case> cases{
            {withMetric(interaction, u"day"_s, QJsonValue::Undefined), "day"},
            {withMetric(interaction, u"day"_s, u"2025-13-01"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025-02-29"_s), "day"}, // not a leap year
            {withMetric(interaction, u"day"_s, u"2025-04-31"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025-00-10"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025-01-00"_s), "day"},
            {withMetric(interaction, u"day"_s, u"0000-01-01"_s), "day"}, // no year 0
            {withMetric(interaction, u"day"_s, u"2025-1-010"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025/01/10"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025-01-1a"_s), "day"},
            {withMetric(interaction, u"day"_s, u"+025-01-10"_s), "day"},
            {withMetric(interaction, u"day"_s, u"2025-01-10 "_s), "day"},
            {withMetric(interaction, u"day"_s, u"２０２５-01-10"_s), "day"}, // full-width digits
            {withMetric(interaction, u"day"_s, 20250110), "day"},
            {withMetric(interaction, u"channel"_s, u"fax"_s), "channel"},
            {withMetric(interaction, u"startEmotion"_s, 1), "startEmotion"},
            {withMetric(interaction, u"handleTimeSeconds"_s, 86401), "handleTimeSeconds"},
            {withMetric(interaction, u"handleTimeSeconds"_s, 1.5), "handleTimeSeconds"},
            {withMetric(interaction, u"firstContactResolution"_s, QJsonValue::Undefined),
             "firstContactResolution"},
            {withMetric(interaction, u"perceivedEffort"_s, 8), "perceivedEffort"},
            {withMetric(interaction, u"advocacy"_s, u"loves us"_s), "advocacy"},
            {withMetric(interaction, u"customerReported"_s, 5), "customerReported"},
            {nested(interaction, u"customerReported"_s, u"nps"_s, 11), "customerReported.nps"},
            {nested(interaction, u"customerReported"_s, u"csat"_s, 0), "customerReported.csat"},
            {nested(interaction, u"customerReported"_s, u"ces"_s, u"2"_s), "customerReported.ces"},
            {withMetric(brief, u"sectionsAnswered"_s, 8), "sectionsAnswered"},
            {withMetric(brief, u"hasImpactHypothesis"_s, 1), "hasImpactHypothesis"},
            {nested(brief, u"certainty"_s, u"verified"_s, QJsonValue::Undefined),
             "certainty.verified"},
            {nested(brief, u"certainty"_s, u"assumed"_s, -1), "certainty.assumed"},
            {withMetric(commitment, u"status"_s, QJsonValue::Undefined), "status"},
            {withMetric(commitment, u"progress"_s, 101), "progress"},
            {withMetric(commitment, u"horizonMonths"_s, 4), "horizonMonths"},
            {withMetric(commitment, u"type"_s, u"vanity"_s), "type"},
            {withMetric(checkIn, u"status"_s, u"fine"_s), "status"},
            {withMetric(review, u"quarter"_s, u"2025-Q5"_s), "quarter"},
            {withMetric(review, u"status"_s, u"approved"_s), "status"},
            {withMetric(review, u"commitments"_s, QJsonValue::Undefined), "commitments"},
            {withMetric(pulse, u"period"_s, u"2025-11-01"_s), "period"},
            {withMetric(pulse, u"ratings"_s, QJsonValue::Undefined), "ratings"},
            {nested(pulse, u"ratings"_s, u"empowerment"_s, 6), "ratings.empowerment"},
        };
        for (const Case &c : cases) {
            const ItemError error = refusal(c.header);
            const QString path = u"items[2].header.metrics."_s + QString::fromLatin1(c.path);
            QVERIFY2(error.code == u"invalid_metrics"_s,
                     qPrintable(path + u": "_s + error.code + u" "_s + error.message));
            QCOMPARE(error.field, path);
        }

        // Real calendar days are taken, the leap day of a leap year and the first and last day of
        // the year included.
        for (const QString &day :
             {u"2024-02-29"_s, u"2026-01-01"_s, u"2026-12-31"_s, u"2000-02-29"_s})
            QVERIFY2(checkPushedHeader(bytesOf(withMetric(interaction, u"day"_s, day)), kItem).ok(),
                     qPrintable(day));

        // Members 8.2 does not list are kept, a newer client may add one.
        QVERIFY(checkPushedHeader(bytesOf(withMetric(interaction, u"mood"_s, u"x"_s)), kItem).ok());
        QVERIFY(
            checkPushedHeader(bytesOf(nested(pulse, u"ratings"_s, u"newDiscipline"_s, 9)), kItem)
                .ok());
        QVERIFY(checkPushedHeader(bytesOf(withMetric(headerJson(payloads.at(1)), u"x"_s, 1)), kItem)
                    .ok());

        // A tombstone's metrics must be {}.
        QJsonObject tombstone = interaction;
        tombstone.insert("deleted"_L1, true);
        const ItemError error = refusal(tombstone);
        QCOMPARE(error.code, u"invalid_metrics"_s);
        QCOMPARE(error.field, u"items[2].header.metrics"_s);
    }

    void clockBound()
    {
        const qint64 now = kWallMs;
        QVERIFY(!clockRetryAfterSeconds(now, now).has_value());
        QVERIFY(!clockRetryAfterSeconds(now + limits::kMaxClockAheadMs, now).has_value());
        QCOMPARE(clockRetryAfterSeconds(now + limits::kMaxClockAheadMs + 1, now),
                 std::optional<qint64>(1));
        QCOMPARE(clockRetryAfterSeconds(now + limits::kMaxClockAheadMs + 5400 * 1000, now),
                 std::optional<qint64>(5400));
        const ItemError error = clockInFutureError(now + 150 * 60 * 1000, now, kItem);
        QCOMPARE(error.code, u"clock_in_future"_s);
        QCOMPARE(error.field, u"items[2].header.clock"_s);
        QVERIFY2(error.message.contains(u"2 h 30 min"_s), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestHeaderChecks)
#include "tst_headerchecks.moc"
