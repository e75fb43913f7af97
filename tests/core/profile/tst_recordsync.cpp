// RecordService as the sync engine uses it: sealing for readers from the pinned directory
// (docs/protocol.md 13.1), signatures (5.3), accepting pulled versions (12, 18), re-sealing after a
// directory change (13.3), signing versions from before schema 2, the outbox and enrolment.
#include "core/crypto/recordsignature.h"
#include "core/profile/recordservice.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kPassphrase = "record sync passphrase";
const QString kTeam = u"3f2b0c4a-1d2f-4e3a-8b5c-6d7e8f9a0b1c"_s;

// One person's device: a clock of its own, a profile, a service.
struct Device
{
    std::unique_ptr<ManualClock> clock = std::make_unique<ManualClock>();
    std::unique_ptr<Profile> profile;
    std::unique_ptr<RecordService> service;

    const QString &userId() const { return profile->userId(); }

    DirectoryMember asMember(MemberRole role, MemberStatus status = MemberStatus::Active) const
    {
        DirectoryMember member;
        member.userId = profile->userId();
        member.displayName = u"Member "_s + profile->userId().left(4);
        member.role = role;
        member.status = status;
        member.boxPublicKey = profile->keyring().boxPublicKey;
        member.signPublicKey = profile->keyring().signPublicKey;
        return member;
    }

    RecordView add(RecordKind kind, const char *json)
    {
        auto added = service->add(kind, jsonObject(json));
        if (!added.ok())
            qFatal("adding a test record failed: %s", qPrintable(added.error().toString()));
        return std::move(added).value();
    }

    StoredRecord stored(const QUuid &id)
    {
        auto row = profile->store().get(id);
        if (!row.ok())
            qFatal("reading a stored record failed: %s", qPrintable(row.error().toString()));
        return std::move(row).value();
    }
};

SyncSettings settingsFor(const QString &deviceId)
{
    SyncSettings settings;
    settings.serverUrl = u"https://outward.example.org"_s;
    settings.serverId = u"9b2e0c4a-1d2f-4e3a-8b5c-6d7e8f9a0b1c"_s;
    settings.teamId = kTeam;
    settings.teamName = u"Pension desk"_s;
    settings.role = u"staff"_s;
    settings.deviceId = deviceId;
    settings.wrappedDeviceKey = QByteArray(104, 'w');
    return settings;
}

int rowCount(Profile &profile, const QString &table)
{
    QSqlQuery query(profile.database().connection());
    if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
        return -1;
    return query.value(0).toInt();
}

const char *kShared = R"({"channel":"phone","endEmotion":"appreciation","note":"shared",
                          "shareWithLead":true})";
const char *kPrivate = R"({"channel":"phone","endEmotion":"anger","note":"private"})";
const char *kCommitment =
    R"({"title":"Every caller gets a next step","type":"outcome","horizonMonths":3,
        "startDate":"2025-10-01"})";
const char *kPurpose = R"({"why":"So nobody is left stranded with their pension."})";

} // namespace

class TestRecordSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int folderCounter = 0;
    Device lead;  // role lead
    Device staff; // role staff; writes most records below
    Device other; // a second staff member, for team-wide sharing

    QString newFolder() { return dir.filePath(u"profile-%1"_s.arg(++folderCounter)); }

    void makeDevice(Device &device)
    {
        device.service.reset();
        device.profile.reset();
        device.clock = std::make_unique<ManualClock>();
        device.profile = createProfileOrDie(newFolder(), kPassphrase, *device.clock).profile;
        device.service = std::make_unique<RecordService>(*device.profile);
    }

    // Everyone knows everyone: the directory the server would hand out.
    void shareDirectory(const QList<DirectoryMember> &members)
    {
        for (Device *device : {&lead, &staff, &other}) {
            const auto applied = device->profile->applyDirectory(members);
            if (!applied.ok() || !applied->refusedUserIds.isEmpty())
                qFatal("applying a test directory failed");
        }
    }

    QList<DirectoryMember> fullTeam() const
    {
        return {lead.asMember(MemberRole::Lead), staff.asMember(MemberRole::Staff),
                other.asMember(MemberRole::Staff)};
    }

    // What a pull hands a device: the version exactly as its author stored it.
    Result<AcceptedRemote> deliver(Device &from, const QUuid &id, Device &to, qint64 seq = 1)
    {
        const StoredRecord row = from.stored(id);
        return to.service->acceptRemote(row.envelope, row.signature, row.keyCommit, seq);
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        makeDevice(lead);
        makeDevice(staff);
        makeDevice(other);
        shareDirectory(fullTeam());
    }

    void cleanup()
    {
        for (Device *device : {&lead, &staff, &other}) {
            device->service.reset();
            device->profile.reset();
        }
    }

    // --- sealing for readers ---------------------------------------------------------------

    void everyVersionIsSignedAndCommitted()
    {
        const RecordView added = staff.add(RecordKind::Interaction, kPrivate);
        StoredRecord row = staff.stored(added.header.id);
        QCOMPARE(row.signature.size(), 64);
        QCOMPARE(row.keyCommit.size(), 32);
        OUTWARD_VERIFY_OK(recordsig::verify(row.envelope, row.keyCommit, row.signature,
                                            staff.profile->keyring().signPublicKey));
        OUTWARD_VERIFY_OK(staff.profile->crypto()->open(row.envelope, {}, row.keyCommit));

        // Edits, deletions and restores are signed too, and the revision keeps its signature.
        OUTWARD_VERIFY_OK(staff.service->edit(added.header.id, jsonObject(R"({"note":"v2"})")));
        OUTWARD_VERIFY_OK(staff.service->remove(added.header.id));
        OUTWARD_VERIFY_OK(staff.service->restore(added.header.id));
        row = staff.stored(added.header.id);
        OUTWARD_VERIFY_OK(recordsig::verify(row.envelope, row.keyCommit, row.signature,
                                            staff.profile->keyring().signPublicKey));
        const auto revisions = staff.profile->store().revisions(added.header.id);
        OUTWARD_VERIFY_OK(revisions);
        QCOMPARE(revisions->size(), 3);
        for (const Revision &revision : *revisions)
            OUTWARD_VERIFY_OK(recordsig::verify(revision.envelope, revision.keyCommit,
                                                revision.signature,
                                                staff.profile->keyring().signPublicKey));
    }

    void shareWithLeadSealsAReaderWrapTheLeadCanOpen()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        QCOMPARE(shared.readers, QList<QByteArray>{lead.profile->keyring().boxPublicKey});
        const auto recipients = envelope::recipientsOf(staff.stored(shared.header.id).envelope);
        OUTWARD_VERIFY_OK(recipients);
        QCOMPARE(*recipients, (QList<QByteArray>{staff.profile->keyring().boxPublicKey,
                                                 lead.profile->keyring().boxPublicKey}));

        const auto accepted = deliver(staff, shared.header.id, lead, 41);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::Inserted);
        QCOMPARE(accepted->author, staff.userId());

        // The lead reads it with get, list and forEach, but cannot change it.
        const auto read = lead.service->get(shared.header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"shared"_s);
        QCOMPARE(read->header.author, staff.userId());
        QCOMPARE(read->outboxState, OutboxState::Synced);
        QCOMPARE(lead.stored(shared.header.id).serverSeq, std::optional<qint64>(41));
        const auto listed = lead.service->list({});
        OUTWARD_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(lead.service->edit(shared.header.id, jsonObject(R"({"note":"x"})")).error().code(),
                 ErrorCode::NoAccess);
        QCOMPARE(lead.service->remove(shared.header.id).error().code(), ErrorCode::NoAccess);

        // A staff member it was not shared with cannot accept it at all.
        const auto byOther = deliver(staff, shared.header.id, other);
        QVERIFY(!byOther.ok());
        QCOMPARE(byOther.error().code(), ErrorCode::NoAccess);
        QCOMPARE(rowCount(*other.profile, u"records"_s), 0);
    }

    void privateRecordsHaveNoReaders()
    {
        const RecordView added = staff.add(RecordKind::Interaction, kPrivate);
        QVERIFY(added.readers.isEmpty());
        QCOMPARE(envelope::recipientsOf(staff.stored(added.header.id).envelope)->size(), 1);
        QCOMPARE(deliver(staff, added.header.id, lead).error().code(), ErrorCode::NoAccess);
    }

    void readersPerKind()
    {
        const QByteArray leadKey = lead.profile->keyring().boxPublicKey;
        // In directory order (by user id), whoever asks, never themselves.
        QList<QByteArray> everyoneButStaff;
        QList<QByteArray> everyoneButLead;
        const auto members = staff.profile->directory().members();
        QVERIFY(members.ok());
        for (const DirectoryMember &member : *members) {
            if (member.userId != staff.userId())
                everyoneButStaff << member.boxPublicKey;
            if (member.userId != lead.userId())
                everyoneButLead << member.boxPublicKey;
        }
        const QJsonObject none;
        const QJsonObject withLead = jsonObject(R"({"shareWithLead":true})");
        const QJsonObject withTeam = jsonObject(R"({"shareWithTeam":true})");
        auto readers = [&](Device &device, RecordKind kind, const QJsonObject &content) {
            auto result = device.service->readersFor(kind, content);
            return result.ok() ? *result : QList<QByteArray>{"failed"};
        };
        const QList<QByteArray> leads{leadKey};
        QCOMPARE(readers(staff, RecordKind::Interaction, none), QList<QByteArray>{});
        QCOMPARE(readers(staff, RecordKind::Interaction, withLead), leads);
        QCOMPARE(readers(staff, RecordKind::Reflection, withLead), leads);
        QCOMPARE(readers(staff, RecordKind::Reflection, none), QList<QByteArray>{});
        QCOMPARE(readers(staff, RecordKind::ClientBrief, withLead), leads);
        QCOMPARE(readers(staff, RecordKind::ClientBrief, withTeam), everyoneButStaff);
        QCOMPARE(readers(staff, RecordKind::Commitment, none), leads);
        QCOMPARE(readers(staff, RecordKind::CheckIn, none), leads);
        QCOMPARE(readers(staff, RecordKind::QuarterlyReview, none), leads);
        QCOMPARE(readers(staff, RecordKind::PulseResponse, withLead), QList<QByteArray>{});
        QCOMPARE(readers(lead, RecordKind::TeamPurpose, none), everyoneButLead);
        QCOMPARE(readers(lead, RecordKind::QuestionnaireTemplate, none), everyoneButLead);
        // The only lead does not wrap for themselves.
        QCOMPARE(readers(lead, RecordKind::Commitment, none), QList<QByteArray>{});
        QCOMPARE(readers(lead, RecordKind::Interaction, withLead), QList<QByteArray>{});

        // End to end: a commitment reaches the lead; a purpose reaches every member.
        const RecordView commitment = staff.add(RecordKind::Commitment, kCommitment);
        QCOMPARE(commitment.readers, leads);
        OUTWARD_VERIFY_OK(deliver(staff, commitment.header.id, lead));
        const RecordView purpose = lead.add(RecordKind::TeamPurpose, kPurpose);
        QCOMPARE(purpose.readers, everyoneButLead);
        OUTWARD_VERIFY_OK(deliver(lead, purpose.header.id, staff));
        OUTWARD_VERIFY_OK(deliver(lead, purpose.header.id, other));
        QCOMPARE(other.service->get(purpose.header.id)->json.value(u"why"_s).toString(),
                 u"So nobody is left stranded with their pension."_s);
    }

    void revokedAndRefusedMembersGetNothingNew()
    {
        QList<DirectoryMember> team = fullTeam();
        team[0].status = MemberStatus::Revoked; // the lead
        OUTWARD_VERIFY_OK(staff.profile->applyDirectory(team));
        QVERIFY(staff.add(RecordKind::Interaction, kShared).readers.isEmpty());
        QCOMPARE(*staff.service->readersFor(RecordKind::ClientBrief,
                                            jsonObject(R"({"shareWithTeam":true})")),
                 QList<QByteArray>{other.profile->keyring().boxPublicKey});

        // The server later claims other keys for the lead: refused, and still nothing is shared.
        DirectoryMember swapped = lead.asMember(MemberRole::Lead);
        swapped.boxPublicKey = other.profile->keyring().boxPublicKey;
        const auto update = staff.profile->applyDirectory({swapped});
        OUTWARD_VERIFY_OK(update);
        QCOMPARE(update->refusedUserIds, QStringList{lead.userId()});
        QVERIFY(staff.add(RecordKind::Interaction, kShared).readers.isEmpty());
        QCOMPARE((*staff.profile->directory().member(lead.userId()))->boxPublicKey,
                 lead.profile->keyring().boxPublicKey);
    }

    void ownEntryIsPinnedToTheKeyring()
    {
        DirectoryMember me = staff.asMember(MemberRole::Staff);
        me.signPublicKey = lead.profile->keyring().signPublicKey;
        const auto update = staff.profile->applyDirectory({me});
        OUTWARD_VERIFY_OK(update);
        QCOMPARE(update->refusedUserIds, QStringList{staff.userId()});
        QCOMPARE((*staff.profile->directory().member(staff.userId()))->signPublicKey,
                 staff.profile->keyring().signPublicKey);
    }

    void tombstonesAreSealedForTheSameReaders()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        OUTWARD_VERIFY_OK(deliver(staff, shared.header.id, lead, 1));
        const auto removed = staff.service->remove(shared.header.id);
        OUTWARD_VERIFY_OK(removed);
        QCOMPARE(removed->readers, QList<QByteArray>{lead.profile->keyring().boxPublicKey});
        const auto accepted = deliver(staff, shared.header.id, lead, 2);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::ReplacedLocal);
        QVERIFY(lead.service->get(shared.header.id)->header.deleted);
    }

    // --- accepting pulled versions ---------------------------------------------------------

    void sameVersionAgainIsMarkedSynced()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        OUTWARD_VERIFY_OK(deliver(staff, shared.header.id, lead, 5));
        const auto again = deliver(staff, shared.header.id, lead, 9);
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->outcome, RemoteOutcome::AlreadyCurrent);
        QCOMPARE(lead.stored(shared.header.id).serverSeq, std::optional<qint64>(9));
        QCOMPARE(rowCount(*lead.profile, u"revisions"_s), 0);

        // The author pulling its own record back (as after a lost push response) marks it synced.
        OUTWARD_VERIFY_OK(staff.profile->enrol(settingsFor(u"device-s"_s)));
        QCOMPARE(staff.stored(shared.header.id).outboxState, OutboxState::Queued);
        const auto own = deliver(staff, shared.header.id, staff, 5);
        OUTWARD_VERIFY_OK(own);
        QCOMPARE(own->outcome, RemoteOutcome::AlreadyCurrent);
        const StoredRecord row = staff.stored(shared.header.id);
        QCOMPARE(row.outboxState, OutboxState::Synced);
        QCOMPARE(row.serverSeq, std::optional<qint64>(5));
    }

    void newerVersionReplacesAndOlderBecomesARevision()
    {
        const RecordView v1 = staff.add(RecordKind::Interaction, kShared);
        const StoredRecord row1 = staff.stored(v1.header.id);
        staff.clock->advanceMs(1000);
        OUTWARD_VERIFY_OK(staff.service->edit(v1.header.id, jsonObject(R"({"note":"v2"})")));
        const StoredRecord row2 = staff.stored(v1.header.id);

        // Newer arrives first, then the older one: the newer stays current, nothing is lost.
        const auto newer =
            lead.service->acceptRemote(row2.envelope, row2.signature, row2.keyCommit, 2);
        OUTWARD_VERIFY_OK(newer);
        QCOMPARE(newer->outcome, RemoteOutcome::Inserted);
        const auto older =
            lead.service->acceptRemote(row1.envelope, row1.signature, row1.keyCommit, 1);
        OUTWARD_VERIFY_OK(older);
        QCOMPARE(older->outcome, RemoteOutcome::KeptAsRevision);
        QCOMPARE(lead.service->get(v1.header.id)->json.value(u"note"_s).toString(), u"v2"_s);
        const auto history = lead.service->history(v1.header.id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).json.value(u"note"_s).toString(), u"shared"_s);
        QCOMPARE(lead.stored(v1.header.id).serverSeq, std::optional<qint64>(2));
    }

    void newerRemoteVersionKeepsAnUnsentLocalEditAsARevision()
    {
        // Two devices of the same user: the second is a copy of the first's profile.
        const RecordView v1 = staff.add(RecordKind::Interaction, kPrivate);
        const QString folder = staff.profile->folder();
        staff.service.reset();
        staff.profile.reset();
        const QString copy = newFolder();
        QVERIFY(QDir().mkpath(copy));
        QVERIFY(QFile::copy(Profile::databasePath(folder), Profile::databasePath(copy)));
        Device second;
        for (auto [device, path] : {std::pair{&staff, folder}, std::pair{&second, copy}}) {
            auto opened = Profile::open(path, *device->clock);
            OUTWARD_VERIFY_OK(opened);
            device->profile = std::move(opened).value();
            OUTWARD_VERIFY_OK(device->profile->unlock(passphrase(kPassphrase)));
            device->service = std::make_unique<RecordService>(*device->profile);
        }
        OUTWARD_VERIFY_OK(staff.profile->enrol(settingsFor(u"device-1"_s)));

        staff.clock->advanceMs(1000);
        OUTWARD_VERIFY_OK(staff.service->edit(v1.header.id, jsonObject(R"({"note":"unsent"})")));
        QCOMPARE(staff.stored(v1.header.id).outboxState, OutboxState::Queued);
        second.clock->advanceMs(2000);
        OUTWARD_VERIFY_OK(second.service->edit(v1.header.id, jsonObject(R"({"note":"later"})")));

        const auto accepted = deliver(second, v1.header.id, staff, 7);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::ReplacedLocal);
        const auto current = staff.service->get(v1.header.id);
        OUTWARD_VERIFY_OK(current);
        QCOMPARE(current->json.value(u"note"_s).toString(), u"later"_s);
        QCOMPARE(current->outboxState, OutboxState::Synced);
        QStringList notes;
        const auto history = staff.service->history(v1.header.id);
        OUTWARD_VERIFY_OK(history);
        for (const RecordView &view : *history)
            notes << view.json.value(u"note"_s).toString();
        QCOMPARE(notes, (QStringList{u"private"_s, u"unsent"_s}));

        // An older version arriving for a record with a newer unsent edit changes nothing.
        staff.clock->advanceMs(5000);
        OUTWARD_VERIFY_OK(staff.service->edit(v1.header.id, jsonObject(R"({"note":"newest"})")));
        const auto older = deliver(second, v1.header.id, staff, 8);
        OUTWARD_VERIFY_OK(older);
        QCOMPARE(older->outcome, RemoteOutcome::KeptAsRevision);
        const StoredRecord row = staff.stored(v1.header.id);
        QCOMPARE(row.outboxState, OutboxState::Queued);
        QCOMPARE(staff.service->get(v1.header.id)->json.value(u"note"_s).toString(), u"newest"_s);
    }

    void unknownAuthorStoresNothing()
    {
        makeDevice(other); // a new user the lead's directory does not know
        OUTWARD_VERIFY_OK(other.profile->applyDirectory(
            {lead.asMember(MemberRole::Lead), other.asMember(MemberRole::Staff)}));
        const RecordView shared = other.add(RecordKind::Interaction, kShared);
        QCOMPARE(shared.readers.size(), 1);
        const auto accepted = deliver(other, shared.header.id, lead);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::UnknownAuthor);
        QCOMPARE(accepted->author, other.userId());
        QCOMPARE(rowCount(*lead.profile, u"records"_s), 0);

        // Once the directory has them, the same version is accepted.
        OUTWARD_VERIFY_OK(lead.profile->applyDirectory({other.asMember(MemberRole::Staff)}));
        QCOMPARE(deliver(other, shared.header.id, lead)->outcome, RemoteOutcome::Inserted);
    }

    void badSignatureTamperedEnvelopeOrWrongCommitmentStoreNothing()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        const StoredRecord row = staff.stored(shared.header.id);
        auto refused = [&](const QByteArray &envelope, const QByteArray &signature,
                           const QByteArray &keyCommit) {
            const auto accepted = lead.service->acceptRemote(envelope, signature, keyCommit, 1);
            return !accepted.ok() && accepted.error().code() == ErrorCode::Corrupt &&
                   rowCount(*lead.profile, u"records"_s) == 0;
        };
        QByteArray badSignature = row.signature;
        badSignature[10] = char(badSignature.at(10) ^ 0x01);
        QVERIFY(refused(row.envelope, badSignature, row.keyCommit));
        QVERIFY(refused(row.envelope, QByteArray(), row.keyCommit));
        QByteArray tampered = row.envelope;
        tampered[tampered.size() - 3] = char(tampered.at(tampered.size() - 3) ^ 0x01);
        QVERIFY(refused(tampered, row.signature, row.keyCommit));

        // Signed by the author, but over a commitment that is not the record key's: a reader
        // who opens it holds a different key than the commitment promises.
        const QByteArray wrongCommit(32, 'c');
        auto signedWrong =
            recordsig::sign(row.envelope, wrongCommit, staff.profile->keys()->signSecretKey);
        OUTWARD_VERIFY_OK(signedWrong);
        QVERIFY(refused(row.envelope, *signedWrong, wrongCommit));

        // Signed by someone else (the other staff member) in the author's name.
        auto forged =
            recordsig::sign(row.envelope, row.keyCommit, other.profile->keys()->signSecretKey);
        OUTWARD_VERIFY_OK(forged);
        QVERIFY(refused(row.envelope, *forged, row.keyCommit));

        // Control: the untouched version is accepted.
        QCOMPARE(lead.service->acceptRemote(row.envelope, row.signature, row.keyCommit, 1)->outcome,
                 RemoteOutcome::Inserted);
    }

    // A second device of the same user takes its own records on the strength of the author wrap
    // (crypto.md 6.9): a signature the server swapped changes nothing, a changed byte or a false
    // key commitment is still refused.
    void ownRecordsAreCheckedByTheAuthorWrap()
    {
        const RecordView mine = staff.add(RecordKind::Interaction, kPrivate);
        const StoredRecord row = staff.stored(mine.header.id);
        const WrappedKeyring &w = staff.profile->keyring();
        auto adopted =
            keyring::adopt({w.userId, w.boxPublicKey, w.signPublicKey, w.wrappedSecretKeys,
                            w.recoveryWrappedMasterKey},
                           staff.profile->keys()->masterKey, passphrase(kPassphrase), fastKdf());
        OUTWARD_VERIFY_OK(adopted);
        ManualClock clock;
        auto laptop = Profile::createFromKeys(newFolder(), std::move(adopted).value(), clock);
        OUTWARD_VERIFY_OK(laptop);
        RecordService records(**laptop);
        auto refused = [&](const QByteArray &envelope, const QByteArray &keyCommit) {
            const auto accepted = records.acceptRemote(envelope, row.signature, keyCommit, 1);
            return !accepted.ok() && accepted.error().code() == ErrorCode::Corrupt &&
                   rowCount(**laptop, u"records"_s) == 0;
        };
        // A byte of the header, one further in, and one of the payload's tag.
        for (const int offset : {20, int(row.envelope.size()) / 2, int(row.envelope.size()) - 3}) {
            QByteArray tampered = row.envelope;
            tampered[offset] = char(tampered.at(offset) ^ 0x01);
            QVERIFY2(refused(tampered, row.keyCommit), qPrintable(QString::number(offset)));
        }
        QVERIFY(refused(row.envelope, QByteArray(32, 'c')));

        QByteArray swapped = row.signature;
        swapped[0] = char(swapped.at(0) ^ 0x01);
        const auto accepted = records.acceptRemote(row.envelope, swapped, row.keyCommit, 1);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::Inserted);
        const auto read = records.get(mine.header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"private"_s);
    }

    void sameClockWithOtherBytesIsRefused()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        OUTWARD_VERIFY_OK(deliver(staff, shared.header.id, lead, 1));
        // The author seals the same header (same clock) a second time: other bytes.
        const StoredRecord row = staff.stored(shared.header.id);
        auto resealed = staff.profile->crypto()->sealCommitted(
            *envelope::headerOf(row.envelope), R"({"note":"other"})",
            {lead.profile->keyring().boxPublicKey});
        OUTWARD_VERIFY_OK(resealed);
        auto signature = recordsig::sign(resealed->envelope, resealed->keyCommit,
                                         staff.profile->keys()->signSecretKey);
        OUTWARD_VERIFY_OK(signature);
        const auto accepted =
            lead.service->acceptRemote(resealed->envelope, *signature, resealed->keyCommit, 2);
        QVERIFY(!accepted.ok());
        QCOMPARE(accepted.error().code(), ErrorCode::Corrupt);
        QCOMPARE(lead.service->get(shared.header.id)->json.value(u"note"_s).toString(),
                 u"shared"_s);
    }

    void aRemoteClockFarAheadIsObservedOnlyUpToAnHour()
    {
        // Within the hour: followed exactly, so the lead's next clock orders after it.
        staff.clock->setNowMs(lead.clock->nowMs() + 30 * 60 * 1000);
        const RecordView soon = staff.add(RecordKind::Interaction, kShared);
        const auto followed = deliver(staff, soon.header.id, lead);
        OUTWARD_VERIFY_OK(followed);
        QVERIFY(!followed->clockCapped);
        QVERIFY(soon.header.clock < lead.profile->hlc().now());

        // Ten days ahead (a device whose date is wrong): stored, but followed only up to an hour.
        constexpr qint64 kTenDays = 10LL * 24 * 3600 * 1000;
        staff.clock->advanceMs(kTenDays);
        const RecordView far = staff.add(RecordKind::Interaction, kShared);
        const auto accepted = deliver(staff, far.header.id, lead);
        OUTWARD_VERIFY_OK(accepted);
        QCOMPARE(accepted->outcome, RemoteOutcome::Inserted);
        QVERIFY(accepted->clockCapped);
        const HlcTimestamp next = lead.profile->hlc().now();
        QVERIFY(next.wallMs <= lead.clock->nowMs() + RecordService::kMaxRemoteClockAheadMs);
        QVERIFY(next < far.header.clock);
        OUTWARD_VERIFY_OK(lead.service->get(far.header.id));
    }

    void removeForeignDeletesOnlyOthersRecords()
    {
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        OUTWARD_VERIFY_OK(deliver(staff, shared.header.id, lead, 1));
        staff.clock->advanceMs(10);
        OUTWARD_VERIFY_OK(staff.service->edit(shared.header.id, jsonObject(R"({"note":"v2"})")));
        OUTWARD_VERIFY_OK(deliver(staff, shared.header.id, lead, 2));
        QCOMPARE(rowCount(*lead.profile, u"revisions"_s), 1);

        const auto removed = lead.service->removeForeign(shared.header.id);
        OUTWARD_VERIFY_OK(removed);
        QVERIFY(*removed);
        QCOMPARE(lead.service->get(shared.header.id).error().code(), ErrorCode::NotFound);
        QCOMPARE(rowCount(*lead.profile, u"revisions"_s), 0);
        QCOMPARE(*lead.service->removeForeign(shared.header.id), false);

        const auto own = staff.service->removeForeign(shared.header.id);
        QVERIFY(!own.ok());
        QCOMPARE(own.error().code(), ErrorCode::NoAccess);
        OUTWARD_VERIFY_OK(staff.service->get(shared.header.id));
    }

    void aPageAndItsCursorCommitTogether()
    {
        const RecordView a = staff.add(RecordKind::Interaction, kShared);
        const RecordView b = staff.add(RecordKind::Commitment, kCommitment);
        const Status page = lead.profile->database().write(u"storing a page"_s, [&]() -> Status {
            for (const QUuid &id : {a.header.id, b.header.id})
                if (auto accepted = deliver(staff, id, lead); !accepted)
                    return accepted.error();
            if (auto cursor = lead.profile->syncState().setPullCursor(2); !cursor)
                return cursor;
            return Error(ErrorCode::Storage, u"the disk filled up before the commit"_s);
        });
        QVERIFY(!page.ok());
        QCOMPARE(rowCount(*lead.profile, u"records"_s), 0);
        QCOMPARE(*lead.profile->syncState().pullCursor(), 0);

        OUTWARD_VERIFY_OK(lead.profile->database().write(u"storing a page"_s, [&]() -> Status {
            for (const QUuid &id : {a.header.id, b.header.id})
                if (auto accepted = deliver(staff, id, lead); !accepted)
                    return accepted.error();
            return lead.profile->syncState().setPullCursor(2);
        }));
        QCOMPARE(rowCount(*lead.profile, u"records"_s), 2);
        QCOMPARE(*lead.profile->syncState().pullCursor(), 2);
    }

    // A page goes through the worker pipeline (acceptRemoteMany) with the same outcome, item by
    // item and in order, as acceptRemote gives one at a time: large enough to use the worker,
    // with refusals, an unknown author, a repeat and an older version after a newer one mixed in.
    void aPageIsCheckedOnAWorkerAndStoredInOrder()
    {
        Device newcomer; // writes records the lead's directory does not know
        makeDevice(newcomer);
        OUTWARD_VERIFY_OK(newcomer.profile->applyDirectory(
            {lead.asMember(MemberRole::Lead), newcomer.asMember(MemberRole::Staff)}));

        QList<RemoteVersion> page;
        QList<std::optional<RemoteOutcome>> expected; // nullopt: refused
        QList<ErrorCode> refusal;
        QList<QUuid> ids;
        auto append = [&](const StoredRecord &row, std::optional<RemoteOutcome> outcome,
                          ErrorCode code = ErrorCode::Internal) {
            page.append({row.envelope, row.signature, row.keyCommit, page.size() + 1});
            ids.append(row.id);
            expected.append(outcome);
            refusal.append(code);
        };
        StoredRecord edited1, edited2;
        for (int i = 0; i < 200; ++i) {
            if (i == 30) { // v2 of a record first; its v1 comes at 160
                const RecordView v1 = staff.add(RecordKind::Interaction, kShared);
                edited1 = staff.stored(v1.header.id);
                staff.clock->advanceMs(1000);
                OUTWARD_VERIFY_OK(
                    staff.service->edit(v1.header.id, jsonObject(R"({"note":"v2"})")));
                edited2 = staff.stored(v1.header.id);
                append(edited2, RemoteOutcome::Inserted);
            } else if (i == 160) {
                append(edited1, RemoteOutcome::KeptAsRevision);
            } else if (i == 120) { // the version of item 10 again
                append(staff.stored(ids.at(10)), RemoteOutcome::AlreadyCurrent);
            } else if (i == 77) {
                append(newcomer.stored(newcomer.add(RecordKind::Interaction, kShared).header.id),
                       RemoteOutcome::UnknownAuthor);
            } else if (i % 10 == 3) { // not shared: the lead has no wrap to open it with
                append(staff.stored(staff.add(RecordKind::Interaction, kPrivate).header.id),
                       std::nullopt, ErrorCode::NoAccess);
            } else if (i == 50) {
                StoredRecord row =
                    staff.stored(staff.add(RecordKind::Interaction, kShared).header.id);
                row.envelope[row.envelope.size() - 3] ^= 0x01;
                append(row, std::nullopt, ErrorCode::Corrupt);
            } else {
                append(staff.stored(staff.add(RecordKind::Interaction, kShared).header.id),
                       RemoteOutcome::Inserted);
            }
        }

        std::optional<QList<Result<AcceptedRemote>>> results;
        OUTWARD_VERIFY_OK(lead.profile->database().write(u"storing a page"_s, [&]() -> Status {
            auto accepted = lead.service->acceptRemoteMany(page);
            if (!accepted)
                return accepted.error();
            results = std::move(accepted).value();
            return {};
        }));
        QCOMPARE(results->size(), page.size());
        int inserted = 0;
        for (qsizetype i = 0; i < page.size(); ++i) {
            const Result<AcceptedRemote> &result = results->at(i);
            if (!expected.at(i)) {
                QVERIFY2(!result.ok(), qPrintable(u"item %1 was not refused"_s.arg(i)));
                QCOMPARE(result.error().code(), refusal.at(i));
                continue;
            }
            QVERIFY2(result.ok(), qPrintable(u"item %1: %2"_s.arg(i).arg(
                                      result.ok() ? QString() : result.error().toString())));
            QCOMPARE(result->outcome, *expected.at(i));
            if (result->outcome == RemoteOutcome::Inserted)
                ++inserted;
        }
        QCOMPARE(rowCount(*lead.profile, u"records"_s), inserted);
        QCOMPARE(lead.service->get(edited1.id)->json.value(u"note"_s).toString(), u"v2"_s);
        QCOMPARE(lead.service->history(edited1.id)->size(), 1);
    }

    // --- re-sealing after a directory change -----------------------------------------------

    void resealAddsAndRemovesReaders()
    {
        // Staff's directory starts without any lead.
        makeDevice(staff);
        OUTWARD_VERIFY_OK(staff.profile->applyDirectory({staff.asMember(MemberRole::Staff)}));
        const RecordView shared = staff.add(RecordKind::Interaction, kShared);
        const RecordView hidden = staff.add(RecordKind::Interaction, kPrivate);
        const RecordView commitment = staff.add(RecordKind::Commitment, kCommitment);
        const RecordView deleted =
            staff.add(RecordKind::Reflection, R"({"body":"gone","shareWithLead":true})");
        OUTWARD_VERIFY_OK(staff.service->remove(deleted.header.id));
        QVERIFY(shared.readers.isEmpty());
        QCOMPARE(*staff.service->resealForDirectory(), 0); // nothing to change yet

        // A lead joins: what was shared with "my lead" and the commitment gain them.
        OUTWARD_VERIFY_OK(staff.profile->applyDirectory(fullTeam()));
        OUTWARD_VERIFY_OK(lead.profile->applyDirectory(fullTeam()));
        const HlcTimestamp before = staff.stored(shared.header.id).clock;
        QCOMPARE(*staff.service->resealForDirectory(), 2);
        const QList<QByteArray> leads{lead.profile->keyring().boxPublicKey};
        QCOMPARE(staff.service->get(shared.header.id)->readers, leads);
        QCOMPARE(staff.service->get(commitment.header.id)->readers, leads);
        QVERIFY(staff.service->get(hidden.header.id)->readers.isEmpty());
        QVERIFY(staff.stored(deleted.header.id).deleted);
        QCOMPARE(envelope::recipientsOf(staff.stored(deleted.header.id).envelope)->size(), 1);
        const StoredRecord resealed = staff.stored(shared.header.id);
        QVERIFY(before < resealed.clock);
        QCOMPARE(staff.service->get(shared.header.id)->json,
                 staff.service->history(shared.header.id)->constLast().json);
        OUTWARD_VERIFY_OK(recordsig::verify(resealed.envelope, resealed.keyCommit,
                                            resealed.signature,
                                            staff.profile->keyring().signPublicKey));
        QCOMPARE(deliver(staff, shared.header.id, lead)->outcome, RemoteOutcome::Inserted);
        QCOMPARE(*staff.service->resealForDirectory(), 0); // idempotent

        // The lead is revoked: they are dropped again.
        QList<DirectoryMember> team = fullTeam();
        team[0].status = MemberStatus::Revoked;
        OUTWARD_VERIFY_OK(staff.profile->applyDirectory(team));
        QCOMPARE(*staff.service->resealForDirectory(), 2);
        QVERIFY(staff.service->get(shared.header.id)->readers.isEmpty());
        QVERIFY(staff.service->get(commitment.header.id)->readers.isEmpty());
    }

    void leadResealsThePurposeForNewMembers()
    {
        makeDevice(lead);
        OUTWARD_VERIFY_OK(lead.profile->applyDirectory({lead.asMember(MemberRole::Lead)}));
        const RecordView purpose = lead.add(RecordKind::TeamPurpose, kPurpose);
        QVERIFY(purpose.readers.isEmpty());
        OUTWARD_VERIFY_OK(lead.profile->applyDirectory(fullTeam()));
        QCOMPARE(*lead.service->resealForDirectory(), 1);
        QCOMPARE(lead.service->get(purpose.header.id)->readers.size(), 2);
        OUTWARD_VERIFY_OK(staff.profile->applyDirectory(fullTeam()));
        QCOMPARE(deliver(lead, purpose.header.id, staff)->outcome, RemoteOutcome::Inserted);
    }

    // --- versions from before schema 2, the outbox, enrolment -----------------------------

    void signMissingSignsOldVersions()
    {
        const RecordView a = staff.add(RecordKind::Interaction, kPrivate);
        const RecordView b = staff.add(RecordKind::Interaction, kShared);
        OUTWARD_VERIFY_OK(deliver(staff, b.header.id, lead)); // a foreign row on the lead's side
        for (Device *device : {&staff, &lead}) {
            QSqlQuery query(device->profile->database().connection());
            QVERIFY(query.exec(u"UPDATE records SET signature = NULL, key_commit = NULL"_s));
        }
        OUTWARD_VERIFY_OK(staff.profile->enrol(settingsFor(u"device-s"_s)));
        QVERIFY(staff.profile->store().outboxBatch(10, 1 << 20)->isEmpty()); // unsigned: held back

        const auto signedCount = staff.service->signMissing();
        OUTWARD_VERIFY_OK(signedCount);
        QCOMPARE(*signedCount, 2);
        for (const QUuid &id : {a.header.id, b.header.id}) {
            const StoredRecord row = staff.stored(id);
            OUTWARD_VERIFY_OK(recordsig::verify(row.envelope, row.keyCommit, row.signature,
                                                staff.profile->keyring().signPublicKey));
            OUTWARD_VERIFY_OK(staff.profile->crypto()->open(row.envelope, {}, row.keyCommit));
        }
        QCOMPARE(staff.profile->store().outboxBatch(10, 1 << 20)->size(), 2);
        QCOMPARE(*staff.service->signMissing(), 0);
        // Only own records are signed: the lead has nothing of its own to sign.
        QCOMPARE(*lead.service->signMissing(), 0);
    }

    void aSchemaOneProfileOpensAndCanBeSigned()
    {
        const RecordView a = staff.add(RecordKind::Interaction, kPrivate);
        OUTWARD_VERIFY_OK(staff.service->edit(a.header.id, jsonObject(R"({"note":"v2"})")));
        const QString folder = staff.profile->folder();
        {
            // Back to schema 1 as an older Outward would have left it.
            QSqlQuery query(staff.profile->database().connection());
            for (const QString &sql :
                 {u"DROP INDEX records_by_clock"_s, u"DROP INDEX records_queued_by_clock"_s,
                  u"DROP TABLE directory"_s, u"ALTER TABLE records DROP COLUMN signature"_s,
                  u"ALTER TABLE records DROP COLUMN key_commit"_s,
                  u"ALTER TABLE revisions DROP COLUMN signature"_s,
                  u"ALTER TABLE revisions DROP COLUMN key_commit"_s, u"PRAGMA user_version = 1"_s})
                QVERIFY2(query.exec(sql), qPrintable(sql));
        }
        staff.service.reset();
        staff.profile.reset();

        auto reopened = Profile::open(folder, *staff.clock);
        OUTWARD_VERIFY_OK(reopened);
        staff.profile = std::move(reopened).value();
        OUTWARD_VERIFY_OK(staff.profile->unlock(passphrase(kPassphrase)));
        staff.service = std::make_unique<RecordService>(*staff.profile);
        QCOMPARE(*userVersion(staff.profile->database().connection()), 2);
        const auto read = staff.service->get(a.header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"v2"_s);
        QCOMPARE(staff.service->history(a.header.id)->size(), 1);
        QVERIFY(staff.stored(a.header.id).signature.isEmpty());
        QCOMPARE(*staff.service->signMissing(), 1);
        QCOMPARE(staff.stored(a.header.id).signature.size(), 64);
    }

    void anEnrolledProfileKeepsTheRecoveryCodeTheServerHolds()
    {
        // Before enrolment a new code may replace one nobody saw.
        auto renewed = staff.profile->renewRecoveryCode();
        OUTWARD_VERIFY_OK(renewed);
        const QByteArray wrapAtEnrolment = staff.profile->keyring().recoveryWrappedMasterKey;

        OUTWARD_VERIFY_OK(staff.profile->enrol(settingsFor(u"device-s"_s)));
        const auto refused = staff.profile->renewRecoveryCode();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message().contains(u"server"_s),
                 qPrintable(refused.error().message()));
        QCOMPARE(staff.profile->keyring().recoveryWrappedMasterKey, wrapAtEnrolment);
    }

    void enrolQueuesLocalRecordsAndStampsTheTeam()
    {
        const RecordView before = staff.add(RecordKind::Interaction, kPrivate);
        QCOMPARE(before.header.team, QString());
        QCOMPARE(before.outboxState, OutboxState::Local);
        QVERIFY(!staff.profile->syncState().settings()->has_value());

        const auto queued = staff.profile->enrol(settingsFor(u"device-s"_s));
        OUTWARD_VERIFY_OK(queued);
        QCOMPARE(*queued, 1);
        QCOMPARE(staff.stored(before.header.id).outboxState, OutboxState::Queued);
        QVERIFY(**staff.profile->syncState().settings() == settingsFor(u"device-s"_s));
        const RecordView after = staff.add(RecordKind::Interaction, kPrivate);
        QCOMPARE(after.header.team, kTeam);
        QCOMPARE(after.outboxState, OutboxState::Queued);

        // The team survives reopening.
        const QString folder = staff.profile->folder();
        staff.service.reset();
        staff.profile.reset();
        auto reopened = Profile::open(folder, *staff.clock);
        OUTWARD_VERIFY_OK(reopened);
        QCOMPARE((*reopened)->team(), kTeam);
        QCOMPARE((*reopened)->stateForNewRecords(), OutboxState::Queued);
        staff.profile = std::move(reopened).value();
        OUTWARD_VERIFY_OK(staff.profile->unlock(passphrase(kPassphrase)));
        staff.service = std::make_unique<RecordService>(*staff.profile);
    }

    void outboxIsOldestFirstInBoundedBatches()
    {
        OUTWARD_VERIFY_OK(staff.profile->enrol(settingsFor(u"device-s"_s)));
        QList<QUuid> ids;
        for (int i = 0; i < 5; ++i) {
            staff.clock->advanceMs(10);
            ids << staff.add(RecordKind::Interaction, kPrivate).header.id;
        }
        // Editing the first makes it the newest.
        staff.clock->advanceMs(10);
        OUTWARD_VERIFY_OK(staff.service->edit(ids.at(0), jsonObject(R"({"note":"edited"})")));
        const QList<QUuid> expectedOrder{ids.at(1), ids.at(2), ids.at(3), ids.at(4), ids.at(0)};

        const auto all = staff.profile->store().outboxBatch(100, 1 << 20);
        OUTWARD_VERIFY_OK(all);
        QList<QUuid> order;
        for (const OutboxItem &item : *all) {
            order << item.id;
            const StoredRecord row = staff.stored(item.id);
            QVERIFY(item.clock == row.clock);
            QCOMPARE(item.envelope, row.envelope);
            QCOMPARE(item.signature, row.signature);
            QCOMPARE(item.keyCommit, row.keyCommit);
        }
        QCOMPARE(order, expectedOrder);

        QCOMPARE(staff.profile->store().outboxBatch(2, 1 << 20)->size(), 2);
        const qint64 oneEnvelope = staff.stored(ids.at(1)).envelope.size();
        const auto byBytes = staff.profile->store().outboxBatch(100, 2 * oneEnvelope + 10);
        OUTWARD_VERIFY_OK(byBytes);
        QCOMPARE(byBytes->size(), 2);
        // One envelope above the budget still goes out, alone.
        const auto tiny = staff.profile->store().outboxBatch(100, 1);
        OUTWARD_VERIFY_OK(tiny);
        QCOMPARE(tiny->size(), 1);
        QCOMPARE(tiny->at(0).id, ids.at(1));

        // Marked synced with its seq only while still at that clock.
        const OutboxItem first = all->at(0);
        OUTWARD_VERIFY_OK(staff.profile->store().setOutboxState(first.id, first.clock,
                                                                OutboxState::Synced, {}, 1041));
        QCOMPARE(staff.stored(first.id).serverSeq, std::optional<qint64>(1041));
        QCOMPARE(staff.stored(first.id).outboxState, OutboxState::Synced);
        const auto rest = staff.profile->store().outboxBatch(100, 1 << 20);
        QCOMPARE(rest->size(), 4);
        QVERIFY(rest->at(0).id != first.id);
    }
};

QTEST_GUILESS_MAIN(TestRecordSync)
#include "tst_recordsync.moc"
