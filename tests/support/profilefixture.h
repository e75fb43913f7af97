#pragma once

// Header-only helpers for tests of core/store and core/profile. Only tests that link
// outward_profile include this, so the support library itself needs nothing more.

#include "core/crypto/kdfparams.h"
#include "core/crypto/securebytes.h"
#include "core/profile/profile.h"
#include "core/store/recordstore.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace outward::test {

// Argon2id at its cheapest sane cost: tests unlock profiles many times.
inline KdfParams fastKdf()
{
    return KdfParams{1, 8 * 1024 * 1024};
}

inline SecureBytes passphrase(const char *text)
{
    return SecureBytes::fromPassphrase(QString::fromUtf8(text));
}

// Creates a profile or stops the whole test binary: nothing after it could mean anything.
inline Profile::Created createProfileOrDie(const QString &folder, const char *passphraseText,
                                           const Clock &clock)
{
    auto created = Profile::create(folder, passphrase(passphraseText), fastKdf(), clock);
    if (!created.ok())
        qFatal("creating a test profile failed: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

// A record row with an arbitrary envelope: the store never looks inside one.
inline StoredRecord storedRecord(const QUuid &id, RecordKind kind, qint64 atMs,
                                 const HlcTimestamp &clock, const QByteArray &envelope)
{
    StoredRecord record;
    record.id = id;
    record.kind = kind;
    record.author = QStringLiteral("author-1");
    record.atMs = atMs;
    record.clock = clock;
    record.envelope = envelope;
    return record;
}

inline HlcTimestamp hlcAt(qint64 wallMs, quint16 counter = 0)
{
    return HlcTimestamp{wallMs, counter, QStringLiteral("00000000000000aa")};
}

// Each file below dir with its raw bytes, so a test can say which file leaked what.
inline QList<QPair<QString, QByteArray>> filesBelow(const QString &dir)
{
    QList<QPair<QString, QByteArray>> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.append({file.fileName(), file.readAll()});
        else
            files.append({file.fileName() + QStringLiteral(" (unreadable)"), QByteArray()});
    }
    return files;
}

// The encodings a string could be stored in: UTF-8 and UTF-16 in both byte orders.
inline QList<QByteArray> encodingsOf(const QString &text)
{
    QList<QByteArray> encodings{text.toUtf8()};
    QByteArray little;
    QByteArray big;
    for (const QChar c : text) {
        const char lo = static_cast<char>(c.unicode() & 0xff);
        const char hi = static_cast<char>(c.unicode() >> 8);
        little.append(lo).append(hi);
        big.append(hi).append(lo);
    }
    encodings << little << big;
    return encodings;
}

// The files below dir that contain text in any encoding of encodingsOf().
inline QStringList filesContaining(const QString &dir, const QString &text)
{
    QStringList hits;
    const QList<QByteArray> needles = encodingsOf(text);
    for (const auto &[name, bytes] : filesBelow(dir)) {
        for (const QByteArray &needle : needles) {
            if (bytes.contains(needle)) {
                hits << name;
                break;
            }
        }
    }
    return hits;
}

} // namespace outward::test
