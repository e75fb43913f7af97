// Push and pull (protocol.md sections 11-13).
#include "sync/protocol/headerchecks.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/messages_records.h"
#include "sync/protocol/signedmessages.h"
#include "sync/server/api/apisupport.h"
#include "sync/server/api/serverapi.h"

#include <QHash>
#include <QJsonDocument>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;

namespace outward::server {

using protocol::ApiError;
using protocol::ItemError;
using protocol::PushResult;

namespace {

enum class Readers
{
    None,
    Leads,
    Members,
};

// 13.1: which reader wraps each kind may carry.
Readers allowedReaders(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Interaction:
    case RecordKind::Reflection:
    case RecordKind::Commitment:
    case RecordKind::CheckIn:
    case RecordKind::QuarterlyReview:
        return Readers::Leads;
    case RecordKind::ClientBrief:
    case RecordKind::TeamPurpose:
    case RecordKind::QuestionnaireTemplate:
        return Readers::Members;
    case RecordKind::PulseResponse:
        return Readers::None;
    }
    return Readers::None;
}

QString readersText(Readers readers)
{
    switch (readers) {
    case Readers::None:
        return u"this kind is never shared"_s;
    case Readers::Leads:
        return u"this kind may be shared only with your team's leads"_s;
    case Readers::Members:
        return u"this kind may be shared only with members of your team"_s;
    }
    return {};
}

bool leadOnly(RecordKind kind)
{
    return kind == RecordKind::TeamPurpose || kind == RecordKind::QuestionnaireTemplate;
}

// The words a person reads for a lead-only kind (the message reaches their screen).
QString leadOnlyKindName(RecordKind kind)
{
    return kind == RecordKind::TeamPurpose ? u"the team purpose"_s : u"a questionnaire template"_s;
}

ItemError itemError(QLatin1StringView code, const QString &message, const QString &field)
{
    return ItemError{QString(code), message, field};
}

ItemError storeCodeError(PushCode code, const QString &itemPath)
{
    switch (code) {
    case PushCode::IdTaken:
        return itemError(protocol::code::kIdTaken,
                         u"another author has a record with this id; make a new id"_s,
                         itemPath + u".header.id"_s);
    case PushCode::KindChanged:
        return itemError(protocol::code::kKindChanged,
                         u"the stored record with this id has another kind"_s,
                         itemPath + u".header.kind"_s);
    case PushCode::ClockReused:
        return itemError(
            protocol::code::kClockReused,
            u"a different version with this clock is stored; a new version needs a new clock"_s,
            itemPath + u".header.clock"_s);
    case PushCode::RecordDeleted:
        return itemError(protocol::code::kRecordDeleted,
                         u"the record was deleted; a deleted record cannot come back"_s,
                         itemPath + u".envelope"_s);
    case PushCode::None:
        break;
    }
    return itemError(protocol::code::kMalformedEnvelope, u"rejected"_s, itemPath);
}

} // namespace

ServerApi::Reply ServerApi::push(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(body, jsonBody(request));
    OW_TRY(pushRequest, protocol::PushRequest::fromJson(body));
    OW_TRY(members, fromStore(m_store.listUsersOfTeam(caller.team.id)));
    const qint64 now = m_clock.nowMs();

    QHash<QByteArray, const User *> memberByBoxKey;
    for (const User &member : members) {
        if (!member.isRevoked() && member.id != caller.user.id)
            memberByBoxKey.insert(member.boxPublicKey, &member);
    }

    QList<std::optional<PushResult>> results(pushRequest.items.size());
    QList<PushVersion> versions;
    QList<int> versionItem; // versions[i] answers items[versionItem[i]]
    for (int i = 0; i < pushRequest.items.size(); ++i) {
        const protocol::PushItem &item = pushRequest.items.at(i);
        const QString path = u"items[%1]"_s.arg(i);
        auto reject = [&](const QString &id, const QString &clock, ItemError error) {
            results[i] = PushResult::rejected(id, clock, std::move(error));
        };

        if (item.envelope.size() > protocol::limits::kEnvelopeBytes) {
            reject({}, {},
                   itemError(protocol::code::kEnvelopeTooLarge,
                             u"the envelope is %1 bytes; at most %2 are accepted"_s
                                 .arg(item.envelope.size())
                                 .arg(protocol::limits::kEnvelopeBytes),
                             path + u".envelope"_s));
            continue;
        }
        // 11.2 step 2: an exact retry gets the same answer whatever changed since.
        OW_TRY(envelopeHash, fromStore(protocol::signing::hash(item.envelope)));
        OW_TRY(retried, fromStore(m_store.findCurrentByEnvelopeHash(caller.user.id, envelopeHash)));
        if (retried.has_value() && retried->signature == item.signature &&
            retried->keyCommit == item.keyCommit) {
            results[i] = PushResult::accepted(retried->id, retried->clock, retried->seq);
            continue;
        }

        auto checked = protocol::checkPushedEnvelope(item.envelope, path);
        if (!checked.ok()) {
            reject({}, {}, checked.error());
            continue;
        }
        const RecordHeader &header = checked->header;
        const QString id = header.idText();
        const QString clock = header.clock.toString();
        if (header.author != caller.user.id) {
            reject(id, clock,
                   itemError(protocol::code::kAuthorMismatch,
                             u"the header's author is not you; push only your own records"_s,
                             path + u".header.author"_s));
            continue;
        }
        if (!header.team.isEmpty() && header.team != caller.team.id) {
            reject(id, clock,
                   itemError(protocol::code::kTeamMismatch,
                             u"the header names another team than yours"_s,
                             path + u".header.team"_s));
            continue;
        }
        if (leadOnly(header.kind) && caller.user.role != Role::Lead) {
            reject(id, clock,
                   itemError(protocol::code::kKindNotAllowed,
                             u"only a team lead may write %1"_s.arg(leadOnlyKindName(header.kind)),
                             path + u".header.kind"_s));
            continue;
        }
        const QList<protocol::EnvelopeWrapHead> &wraps = checked->wraps;
        if (wraps.isEmpty() || wraps.first().type != 1 ||
            wraps.first().recipient != caller.user.boxPublicKey) {
            reject(id, clock,
                   itemError(protocol::code::kBadAuthorWrap,
                             u"wrap 0 must be the author wrap for your registered box key"_s,
                             path + u".envelope"_s));
            continue;
        }
        const Readers allowed = allowedReaders(header.kind);
        QStringList readerIds;
        std::optional<ItemError> wrapError;
        for (int w = 1; w < wraps.size() && !wrapError; ++w) {
            const User *reader = memberByBoxKey.value(wraps.at(w).recipient);
            const bool fits = wraps.at(w).type == 2 && reader != nullptr &&
                              (allowed == Readers::Members ||
                               (allowed == Readers::Leads && reader->role == Role::Lead)) &&
                              !readerIds.contains(reader->id);
            if (!fits) {
                wrapError =
                    itemError(protocol::code::kRecipientNotAllowed,
                              u"reader wrap %1 is not for an allowed reader: %2"_s.arg(w).arg(
                                  readersText(allowed)),
                              path + u".envelope"_s);
            } else {
                readerIds.append(reader->id);
            }
        }
        if (wrapError) {
            reject(id, clock, *wrapError);
            continue;
        }
        if (!protocol::signing::verifyRecord(item.signature, item.envelope, item.keyCommit,
                                             caller.user.signPublicKey)) {
            reject(id, clock,
                   itemError(protocol::code::kBadSignature,
                             u"the record signature does not verify with your sign key"_s,
                             path + u".signature"_s));
            continue;
        }
        // 11.4, checked before the stored versions because a deferred version is not stored.
        if (auto wait = protocol::clockRetryAfterSeconds(header.clock.wallMs, now)) {
            results[i] = PushResult::deferred(
                id, clock, *wait, protocol::clockInFutureError(header.clock.wallMs, now, path));
            continue;
        }

        PushVersion version;
        version.id = id;
        version.kind = enumName(header.kind);
        version.clock = clock;
        version.deleted = header.deleted;
        version.envelope = item.envelope;
        version.envelopeHash = envelopeHash;
        version.signature = item.signature;
        version.keyCommit = item.keyCommit;
        version.readerUserIds = readerIds;
        version.metrics = QJsonDocument(header.metrics).toJson(QJsonDocument::Compact);
        version.day =
            header.metrics.value(u"day"_s).toString(header.metrics.value(u"period"_s).toString());
        versions.append(version);
        versionItem.append(i);
    }

    if (!versions.isEmpty()) {
        OW_TRY(outcomes,
               fromStore(m_store.applyPush(caller.user.id, caller.team.id, versions, now)));
        for (int v = 0; v < versions.size(); ++v) {
            const PushVersion &version = versions.at(v);
            const PushOutcome &outcome = outcomes.at(v);
            const int item = versionItem.at(v);
            switch (outcome.status) {
            case PushStatus::Accepted:
                results[item] = PushResult::accepted(version.id, version.clock, outcome.seq);
                break;
            case PushStatus::Conflict:
                results[item] =
                    PushResult::conflict(version.id, version.clock, outcome.currentClock,
                                         outcome.currentSeq, outcome.currentDeleted);
                break;
            case PushStatus::Rejected:
                results[item] =
                    PushResult::rejected(version.id, version.clock,
                                         storeCodeError(outcome.code, u"items[%1]"_s.arg(item)));
                break;
            }
        }
    }

    protocol::PushResponse response;
    for (const auto &result : results)
        response.results.append(*result);
    OW_TRY(team, fromStore(m_store.findTeam(caller.team.id)));
    response.directoryVersion = team ? team->directoryVersion : caller.team.directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::pull(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(query, protocol::PullQuery::fromQuery(request.query));
    // The page budget counts encoded envelopes (section 3.1); base64 is 4/3 of the raw bytes.
    const qint64 rawBudget = protocol::limits::kPageEnvelopeBudgetBytes / 4 * 3;
    OW_TRY(page, fromStore(m_store.pull(caller.user.id, query.after, query.limit, rawBudget)));
    protocol::PullPage response;
    response.items.reserve(page.items.size());
    for (const PullItem &item : page.items) {
        if (item.type == PullItem::Type::Record) {
            response.items.append(protocol::PullItem::record(item.seq, item.envelope,
                                                             item.signature, item.keyCommit));
        } else {
            response.items.append(protocol::PullItem::removed(item.seq, item.id));
        }
    }
    response.cursor = page.cursor;
    response.hasMore = page.hasMore;
    response.highWater = page.highWater;
    response.directoryVersion = caller.team.directoryVersion;
    response.serverTime = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC);
    return protocol::jsonResponse(200, response.toJson());
}

} // namespace outward::server
