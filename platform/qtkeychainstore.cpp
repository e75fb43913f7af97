#include "platform/qtkeychainstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

Error keychainError(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return Error(ErrorCode::NotFound, u"nothing is remembered on this device"_s);
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error(ErrorCode::Storage, u"access to the device's key store was denied; unlock "
                                         u"with your passphrase"_s);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Error(ErrorCode::Storage, u"this device has no key store Outward can use (%1); "
                                         u"unlock with your passphrase"_s.arg(job.errorString()));
    default:
        return Error(ErrorCode::Storage,
                     u"the device's key store failed (%1); unlock with your passphrase"_s.arg(
                         job.errorString()));
    }
}

template<typename JobType>
JobType *newJob(const QString &service, const QString &key, QObject *parent)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

QtKeychainStore::QtKeychainStore(QString service, QObject *parent)
    : KeyStore(parent)
    , m_service(std::move(service))
{}

void QtKeychainStore::read(const QString &key, ReadDone done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
                if (readJob->error() != QKeychain::NoError) {
                    done(keychainError(*readJob));
                    return;
                }
                QByteArray data = readJob->binaryData();
                SecureBytes secret = SecureBytes::copyOf(data);
                wipe(data);
                done(std::move(secret));
            });
    job->start();
}

void QtKeychainStore::write(const QString &key, const SecureBytes &secret, Done done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key, this);
    QByteArray data = secret.toByteArray();
    job->setBinaryData(data);
    wipe(data);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                done(finished->error() == QKeychain::NoError ? Status()
                                                             : Status(keychainError(*finished)));
            });
    job->start();
}

void QtKeychainStore::remove(const QString &key, Done done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key, this);
    connect(job, &QKeychain::Job::finished, this,
            [done = std::move(done)](QKeychain::Job *finished) {
                const bool ok = finished->error() == QKeychain::NoError ||
                                finished->error() == QKeychain::EntryNotFound;
                done(ok ? Status() : Status(keychainError(*finished)));
            });
    job->start();
}

} // namespace outward
