// Push and pull (protocol.md sections 11-13).
#include "sync/protocol/limits.h"
#include "sync/protocol/messages_records.h"
#include "sync/server/api/apisupport.h"
#include "sync/server/api/serverapi.h"

#include <QSet>
#include <QTimeZone>

#include <optional>

using namespace Qt::StringLiterals;

namespace outward::server {

using protocol::ApiError;
using protocol::ItemError;
using protocol::PushResult;

namespace {

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

protocol::ApiResult<ServerApi::PushStart> ServerApi::beginPush(const HttpRequest &request)
{
    OW_TRY(caller, authenticate(request));
    const QByteArray contentType = request.header("content-type"_ba);
    if (contentType.split(';').first().trimmed().toLower() != "application/json"_ba)
        return ApiError::unsupportedMediaType(contentType);
    OW_TRY(members, teamMembers(caller.team));
    return PushStart{std::move(caller), std::move(members), m_clock.nowMs()};
}

protocol::ApiResult<QList<User>> ServerApi::teamMembers(const Team &team)
{
    const auto cached = m_teamMembers.constFind(team.id);
    if (cached != m_teamMembers.constEnd() && cached->directoryVersion == team.directoryVersion)
        return cached->users;
    // Read after the version: at least as new as it, never older.
    OW_TRY(users, fromStore(m_store.listUsersOfTeam(team.id)));
    m_teamMembers.insert(team.id, TeamMembers{team.directoryVersion, users});
    return users;
}

ServerApi::Reply ServerApi::finishPush(const PushStart &start, CheckedPush checked)
{
    const Caller &caller = start.caller;
    QList<std::optional<PushResult>> &results = checked.results;

    // 11.2 step 2: an exact retry gets the same answer whatever changed since, so it overrides
    // what the later steps said (a changed directory, role or server clock). An item that passed
    // them needs no lookup of its own: storing it meets the same stored version first and answers
    // the same (11.3, "clock C, bytes B"), unless an earlier item of this push has its id.
    QList<PushVersion> versions;
    QList<int> versionItem;
    versions.reserve(checked.versions.size());
    versionItem.reserve(checked.versions.size());
    QSet<QString> idsBefore; // the ids of the items before this one
    qsizetype next = 0;      // the next of checked.versions, which are in item order
    for (int i = 0; i < checked.itemCount; ++i) {
        const bool passed = next < checked.versionItem.size() && checked.versionItem.at(next) == i;
        const CheckedPush::RetryKey &key = checked.retryKeys.at(i);
        std::optional<StoredVersion> retried;
        if (!key.recordId.isEmpty() && (!passed || idsBefore.contains(key.recordId))) {
            OW_TRY(found, fromStore(m_store.findExactRetry(caller.user.id, key.recordId,
                                                           key.envelopeHash)));
            retried = std::move(found);
        }
        if (!key.recordId.isEmpty())
            idsBefore.insert(key.recordId);
        if (retried.has_value() && retried->signature == key.signature &&
            retried->keyCommit == key.keyCommit) {
            results[i] = PushResult::accepted(retried->id, retried->clock, retried->seq);
        } else if (passed) {
            versions.append(std::move(checked.versions[next]));
            versionItem.append(i);
        }
        if (passed)
            ++next;
    }

    if (!versions.isEmpty()) {
        OW_TRY(outcomes,
               fromStore(m_store.applyPush(caller.user.id, caller.team.id, versions, start.now)));
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
    response.results.reserve(results.size());
    for (const auto &result : results)
        response.results.append(*result);
    OW_TRY(team, fromStore(m_store.findTeam(caller.team.id)));
    response.directoryVersion = team ? team->directoryVersion : caller.team.directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::push(const HttpRequest &request, const Params &)
{
    OW_TRY(start, beginPush(request));
    OW_TRY(checked, checkPush(request.body, start.caller.user, start.members, start.now));
    return finishPush(start, std::move(checked));
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
