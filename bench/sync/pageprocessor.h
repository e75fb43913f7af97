#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace outward::bench {

// What a page told the device to do next.
struct PageOutcome
{
    qint64 cursor = 0; // the next "after"
    bool hasMore = false;
    int records = 0; // record items in the page
    int removed = 0; // access removals
};

// What a puller does with one page (the 200 body of GET /v1/records, protocol.md 12) before it
// asks for the next one. The initial-sync benchmark times the app's own SyncEngine for the
// target (enginesync.h); pullEverything() with a PageProcessor is its reference row: how fast the
// same pages go through when a device does only part of the work.
class PageProcessor
{
public:
    virtual ~PageProcessor() = default;
    virtual Result<PageOutcome> process(const QByteArray &body) = 0;
    // One line for the report: what is done per page and per record.
    virtual QString describe() const = 0;
};

// The least a device must do with a page: parse the JSON, decode every base64url member
// (protocol::PullPage::fromJson), and for each record read the author from the envelope's
// plaintext header, look up the author's pinned sign key and verify the record signature
// (protocol.md 5.3, 18). The per-record checks run on `threads` threads (split in equal runs),
// as a device with several cores can do them; the page's records are all checked before the next
// page is asked for. Records are not opened or stored.
class VerifyingPageProcessor final : public PageProcessor
{
public:
    // signKeys: user id -> Ed25519 public key, the pinned directory.
    VerifyingPageProcessor(QHash<QString, QByteArray> signKeys, int threads);

    Result<PageOutcome> process(const QByteArray &body) override;
    QString describe() const override;

    // Time spent so far in JSON + base64 decoding, and in the per-record checks (wall time).
    qint64 decodeNs() const { return m_decodeNs; }
    qint64 checkNs() const { return m_checkNs; }

private:
    QHash<QString, QByteArray> m_signKeys;
    int m_threads = 1;
    qint64 m_decodeNs = 0;
    qint64 m_checkNs = 0;
};

} // namespace outward::bench
