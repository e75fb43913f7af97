// The database-free checks of a push (protocol.md 11.1, 11.2 steps 1 and 3-8, 13.1).
#include "sync/server/api/pushchecks.h"

#include "core/model/audience.h"
#include "sync/protocol/headerchecks.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/signedmessages.h"
#include "sync/protocol/strictjson.h"
#include "sync/server/api/apisupport.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace outward::server {

using protocol::ItemError;
using protocol::PushResult;

namespace {

QString readersText(Audience readers)
{
    switch (readers) {
    case Audience::Nobody:
        return u"this kind is never shared"_s;
    case Audience::Leads:
        return u"this kind may be shared only with your team's leads"_s;
    case Audience::Members:
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

} // namespace

protocol::ApiResult<CheckedPush> checkPush(const QByteArray &body, const User &author,
                                           const QList<User> &members, qint64 nowMs)
{
    OW_TRY(json, protocol::parseStrictObject(body));
    OW_TRY(pushRequest, protocol::PushRequest::fromJson(json));
    const qint64 now = nowMs;

    QHash<QByteArray, const User *> memberByBoxKey;
    for (const User &member : members) {
        if (!member.isRevoked() && member.id != author.id)
            memberByBoxKey.insert(member.boxPublicKey, &member);
    }

    CheckedPush out;
    out.itemCount = pushRequest.items.size();
    out.results.resize(out.itemCount);
    out.retryKeys.resize(out.itemCount);
    out.versions.reserve(out.itemCount);
    out.versionItem.reserve(out.itemCount);
    QList<std::optional<PushResult>> &results = out.results;
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
        // Step 2 (an exact retry) is looked up in the store afterwards and wins over the rest.
        OW_TRY(envelopeHash, fromStore(protocol::signing::hash(item.envelope)));
        out.retryKeys[i] = {{}, envelopeHash, item.signature, item.keyCommit};

        auto checked = protocol::checkPushedEnvelope(item.envelope, path);
        if (!checked.ok()) {
            reject({}, {}, checked.error());
            continue;
        }
        const RecordHeader &header = checked->header;
        const QString id = header.idText();
        out.retryKeys[i].recordId = id;
        const QString clock = header.clock.toString();
        if (header.author != author.id) {
            reject(id, clock,
                   itemError(protocol::code::kAuthorMismatch,
                             u"the header's author is not you; push only your own records"_s,
                             path + u".header.author"_s));
            continue;
        }
        if (!header.team.isEmpty() && header.team != author.teamId) {
            reject(id, clock,
                   itemError(protocol::code::kTeamMismatch,
                             u"the header names another team than yours"_s,
                             path + u".header.team"_s));
            continue;
        }
        if (leadOnly(header.kind) && author.role != Role::Lead) {
            reject(id, clock,
                   itemError(protocol::code::kKindNotAllowed,
                             u"only a team lead may write %1"_s.arg(leadOnlyKindName(header.kind)),
                             path + u".header.kind"_s));
            continue;
        }
        const QList<protocol::EnvelopeWrapHead> &wraps = checked->wraps;
        if (wraps.isEmpty() || wraps.first().type != 1 ||
            wraps.first().recipient != author.boxPublicKey) {
            reject(id, clock,
                   itemError(protocol::code::kBadAuthorWrap,
                             u"wrap 0 must be the author wrap for your registered box key"_s,
                             path + u".envelope"_s));
            continue;
        }
        const Audience allowed = widestAudience(header.kind);
        QStringList readerIds;
        std::optional<ItemError> wrapError;
        for (int w = 1; w < wraps.size() && !wrapError; ++w) {
            const User *reader = memberByBoxKey.value(wraps.at(w).recipient);
            const bool fits = wraps.at(w).type == 2 && reader != nullptr &&
                              (allowed == Audience::Members ||
                               (allowed == Audience::Leads && reader->role == Role::Lead)) &&
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
        // H(envelope) is the retry key's already: one hash per item, not two.
        if (!protocol::signing::verifyRecordHash(item.signature, envelopeHash, item.keyCommit,
                                                 author.signPublicKey)) {
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
        out.versions.append(version);
        out.versionItem.append(i);
    }
    return out;
}

} // namespace outward::server
