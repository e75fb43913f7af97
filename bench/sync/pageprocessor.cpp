#include "bench/sync/pageprocessor.h"

#include "core/crypto/envelope.h"
#include "core/model/recordheader.h"
#include "sync/protocol/messages_records.h"
#include "sync/protocol/signedmessages.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace outward::bench {

VerifyingPageProcessor::VerifyingPageProcessor(QHash<QString, QByteArray> signKeys, int threads)
    : m_signKeys(std::move(signKeys))
    , m_threads(std::max(1, threads))
{}

QString VerifyingPageProcessor::describe() const
{
    return u"JSON parse + base64url decode of the page, then per record: author from the "
           u"envelope header, signature verified with the pinned sign key (%1 thread%2)"_s
               .arg(m_threads)
               .arg(m_threads == 1 ? QString() : u"s"_s);
}

Result<PageOutcome> VerifyingPageProcessor::process(const QByteArray &body)
{
    QElapsedTimer timer;
    timer.start();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return Error(ErrorCode::Corrupt,
                     u"the page is not a JSON object: "_s + parseError.errorString());
    auto page = protocol::PullPage::fromJson(document.object());
    if (!page)
        return Error(ErrorCode::Corrupt, u"the page is not a pull page: "_s + page.error().message);
    m_decodeNs += timer.nsecsElapsed();

    timer.restart();
    const QList<protocol::PullItem> &items = page->items;
    std::atomic<int> failures{0};
    std::atomic<int> records{0};
    auto check = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            const protocol::PullItem &item = items.at(i);
            if (item.type != protocol::PullItemType::Record)
                continue;
            ++records;
            auto headerBytes = envelope::headerOf(item.envelope);
            auto header = headerBytes ? RecordHeader::fromBytes(*headerBytes)
                                      : Result<RecordHeader>(headerBytes.error());
            const QByteArray key = header ? m_signKeys.value(header->author) : QByteArray();
            if (key.isEmpty() || !protocol::signing::verifyRecord(item.signature, item.envelope,
                                                                  item.keyCommit, key))
                ++failures;
        }
    };
    const int threads = int(std::min<qsizetype>(m_threads, std::max<qsizetype>(1, items.size())));
    if (threads == 1) {
        check(0, items.size());
    } else {
        std::vector<std::thread> workers;
        const qsizetype share = (items.size() + threads - 1) / threads;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(check, std::min(items.size(), t * share),
                                 std::min(items.size(), (t + 1) * share));
        check(0, std::min(items.size(), share));
        for (std::thread &worker : workers)
            worker.join();
    }
    m_checkNs += timer.nsecsElapsed();
    if (failures > 0)
        return Error(ErrorCode::Corrupt,
                     u"%1 records of the page failed their integrity check"_s.arg(failures.load()));

    PageOutcome outcome;
    outcome.cursor = page->cursor;
    outcome.hasMore = page->hasMore;
    outcome.records = records;
    outcome.removed = int(items.size()) - records;
    return outcome;
}

} // namespace outward::bench
