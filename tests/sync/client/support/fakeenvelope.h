#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace outward::sync::test {

// A stand-in for a sealed envelope that the fake server and the fake local store both read, so
// the engine's tests need no keys. The engine never looks inside an envelope: it only moves bytes.
struct FakeEnvelope
{
    QUuid id;
    QString clock; // HlcTimestamp text: the text order is the clock order (crypto.md 7)
    QString author;
    bool deleted = false;
    QStringList readers; // user ids besides the author
    QString body;

    QByteArray toBytes() const
    {
        QJsonArray readerArray;
        for (const QString &reader : readers)
            readerArray.append(reader);
        return QJsonDocument(QJsonObject{{QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
                                         {QStringLiteral("clock"), clock},
                                         {QStringLiteral("author"), author},
                                         {QStringLiteral("deleted"), deleted},
                                         {QStringLiteral("readers"), readerArray},
                                         {QStringLiteral("body"), body}})
            .toJson(QJsonDocument::Compact);
    }

    static std::optional<FakeEnvelope> fromBytes(const QByteArray &bytes)
    {
        const QJsonDocument document = QJsonDocument::fromJson(bytes);
        if (!document.isObject())
            return std::nullopt;
        const QJsonObject object = document.object();
        FakeEnvelope envelope;
        envelope.id = QUuid::fromString(object.value(QStringLiteral("id")).toString());
        envelope.clock = object.value(QStringLiteral("clock")).toString();
        envelope.author = object.value(QStringLiteral("author")).toString();
        envelope.deleted = object.value(QStringLiteral("deleted")).toBool();
        for (const QJsonValue &reader : object.value(QStringLiteral("readers")).toArray())
            envelope.readers << reader.toString();
        envelope.body = object.value(QStringLiteral("body")).toString();
        if (envelope.id.isNull() || envelope.clock.isEmpty() || envelope.author.isEmpty())
            return std::nullopt;
        return envelope;
    }
};

// The fake "record signature" and "key commitment": fixed-length digests of the envelope, so a
// changed byte is noticed by whoever recomputes them.
inline QByteArray fakeSignature(const QByteArray &envelope)
{
    return QCryptographicHash::hash(envelope, QCryptographicHash::Sha512); // 64 bytes
}

inline QByteArray fakeKeyCommit(const QByteArray &envelope)
{
    return QCryptographicHash::hash(envelope, QCryptographicHash::Sha256); // 32 bytes
}

} // namespace outward::sync::test
