#include "platform/keystore.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcPlatform, "outward.platform")

KeyStore::KeyStore(QObject *parent)
    : QObject(parent)
{}

QString KeyStore::masterKeyEntry(const QString &userId)
{
    return u"profile/%1/master-key"_s.arg(userId);
}

namespace {

Error timedOut()
{
    return Error(ErrorCode::Storage, u"the device's key store did not answer; unlock with your "
                                     u"passphrase instead"_s);
}

// Runs an event loop until `start` reports back through the finish callback or time runs out.
template<typename T>
std::optional<T> waitFor(const std::function<void(std::function<void(T)>)> &start, int timeoutMs)
{
    QEventLoop loop;
    std::optional<T> outcome;
    bool finished = false;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    start([&](T value) {
        outcome.emplace(std::move(value));
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return outcome;
}

} // namespace

Result<SecureBytes> readBlocking(KeyStore &store, const QString &key, int timeoutMs)
{
    auto outcome = waitFor<Result<SecureBytes>>(
        [&](std::function<void(Result<SecureBytes>)> finish) {
            store.read(key, std::move(finish));
        },
        timeoutMs);
    if (!outcome)
        return timedOut();
    return std::move(*outcome);
}

Status writeBlocking(KeyStore &store, const QString &key, const SecureBytes &secret, int timeoutMs)
{
    auto outcome = waitFor<Status>(
        [&](std::function<void(Status)> finish) { store.write(key, secret, std::move(finish)); },
        timeoutMs);
    return outcome ? *outcome : Status(timedOut());
}

Status removeBlocking(KeyStore &store, const QString &key, int timeoutMs)
{
    auto outcome = waitFor<Status>(
        [&](std::function<void(Status)> finish) { store.remove(key, std::move(finish)); },
        timeoutMs);
    return outcome ? *outcome : Status(timedOut());
}

} // namespace outward
