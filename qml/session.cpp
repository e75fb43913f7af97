#include "qml/session.h"

#include "core/crypto/keyring.h"
#include "core/crypto/securebytes.h"
#include "platform/keystore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlEngine>
#include <QSet>
#include <QSettings>

#include <cmath>
#include <limits>
#include <system_error>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcSession, "outward.qml.session")

namespace {

Session *s_instance = nullptr;

const QString kAutoLockKey = u"autoLockMinutes"_s;
constexpr int kDefaultAutoLockMinutes = 5;
constexpr int kLongestAutoLockMinutes = 24 * 60;

// Argon2id makes each guess slow; this estimate only steers people away from short or
// single-class passphrases, which is what the hint can act on.
double estimatedBits(const QString &text)
{
    bool lower = false, upper = false, digit = false, other = false;
    qsizetype characters = 0;
    QSet<uint> distinct;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (it->isLowSurrogate())
            continue;
        ++characters;
        distinct.insert(it->unicode());
        if (it->isLower())
            lower = true;
        else if (it->isUpper())
            upper = true;
        else if (it->isDigit())
            digit = true;
        else
            other = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    if (pool == 0)
        return 0;
    // Repeating a few characters adds little: count at most four times the distinct ones.
    const qsizetype effective = std::min(characters, 4 * distinct.size());
    return double(effective) * std::log2(double(pool));
}

int strengthOf(const QString &text)
{
    qsizetype characters = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it)
        if (!it->isLowSurrogate())
            ++characters;
    if (characters < kMinPassphraseLength)
        return 0;
    const double bits = estimatedBits(text);
    if (bits < 45)
        return 1;
    if (bits < 65)
        return 2;
    if (bits < 85)
        return 3;
    return 4;
}

QString lastGroupOf(const QString &code)
{
    const qsizetype dash = code.lastIndexOf(u'-');
    return (dash < 0 ? code : code.mid(dash + 1)).trimmed();
}

} // namespace

Session::Session(QString folder, KeyStore *keyStore, const Clock &clock, KdfParams params,
                 QObject *parent)
    : QObject(parent)
    , m_folder(std::move(folder))
    , m_keyStore(keyStore)
    , m_clock(clock)
    , m_params(params)
{
    m_autoLock.setSingleShot(true);
    connect(&m_autoLock, &QTimer::timeout, this, [this] {
        qCInfo(lcSession) << "locking after" << m_autoLockMinutes << "minutes without activity";
        lock();
    });
    m_autoLockMinutes = qBound(0, QSettings().value(kAutoLockKey, kDefaultAutoLockMinutes).toInt(),
                               kLongestAutoLockMinutes);

    auto opened = Profile::open(m_folder, m_clock);
    if (opened) {
        m_profile = std::move(opened).value();
        m_records = std::make_unique<RecordService>(*m_profile);
        m_state = Locked;
        // A flag, not a key-store query: asking the OS store may prompt the person at start-up.
        m_remembered = m_keyStore && QSettings().value(rememberedSettingsKey(), false).toBool();
    } else if (opened.error().code() != ErrorCode::NoProfile) {
        // Damaged or newer: say so rather than offering to create a profile over it.
        m_error = opened.error().message();
        qCWarning(lcSession) << "the profile cannot be opened:"
                             << errorCodeName(opened.error().code());
    }
}

Session::~Session()
{
    if (m_worker.joinable())
        m_worker.join();
    if (s_instance == this)
        s_instance = nullptr;
    m_records.reset();
    m_profile.reset();
}

void Session::provide(Session *session)
{
    s_instance = session;
}

Session *Session::instance()
{
    return s_instance;
}

Session *Session::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance) {
        qCCritical(lcSession) << "Session::provide() must be called before QML uses Session";
        return nullptr;
    }
    // main() owns it; the engine must never delete it.
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSession) << "state" << state;
    emit stateChanged();
}

void Session::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void Session::setError(const QString &message)
{
    if (m_error == message)
        return;
    m_error = message;
    emit errorChanged();
}

void Session::clearError()
{
    setError(QString());
}

QString Session::rememberedSettingsKey() const
{
    return m_profile ? u"rememberedOnDevice/"_s + m_profile->userId() : QString();
}

void Session::setRemembered(bool remembered)
{
    if (m_profile) {
        QSettings settings;
        if (remembered)
            settings.setValue(rememberedSettingsKey(), true);
        else
            settings.remove(rememberedSettingsKey());
    }
    if (m_remembered == remembered)
        return;
    m_remembered = remembered;
    emit rememberedChanged();
}

void Session::setAutoLockMinutes(int minutes)
{
    minutes = qBound(0, minutes, kLongestAutoLockMinutes);
    if (minutes == m_autoLockMinutes)
        return;
    m_autoLockMinutes = minutes;
    QSettings().setValue(kAutoLockKey, minutes);
    emit autoLockMinutesChanged();
    restartAutoLock();
}

void Session::setAutoLockMinuteMs(int ms)
{
    m_autoLockMinuteMs = std::max(1, ms);
    restartAutoLock();
}

void Session::restartAutoLock()
{
    if (m_state != Unlocked || m_autoLockMinutes <= 0) {
        m_autoLock.stop();
        return;
    }
    m_autoLock.start(int(std::min<qint64>(qint64(m_autoLockMinutes) * m_autoLockMinuteMs,
                                          std::numeric_limits<int>::max())));
}

void Session::noteActivity()
{
    restartAutoLock();
}

void Session::adoptUnlocked()
{
    // The code made at creation was never confirmed (the app closed while it was shown): nobody
    // saw it, so make a new one and show it before the app opens.
    if (m_profile && m_profile->recoveryCodePending()) {
        auto renewed = m_profile->renewRecoveryCode();
        if (renewed) {
            m_pendingRecoveryCode = std::move(renewed).value();
            emit pendingRecoveryCodeChanged();
            setState(ShowingRecoveryCode);
            return;
        }
        setError(tr("A new recovery code could not be made (%1). Your passphrase still opens the "
                    "profile; the next unlock tries again.")
                     .arg(renewed.error().message()));
    }
    setState(Unlocked);
    restartAutoLock();
}

void Session::runInBackground(std::function<std::function<void()>()> work)
{
    if (m_worker.joinable())
        m_worker.join(); // the last one posted its result already; it is at most returning
    setBusy(true);
    try {
        m_worker = std::thread([this, work = std::move(work)] {
            std::function<void()> done = work();
            // The destructor joins this thread, so `this` outlives the post; Qt drops the event
            // if the session is gone by the time it would run.
            QMetaObject::invokeMethod(
                this,
                [this, done = std::move(done)] {
                    done();
                    setBusy(false);
                },
                Qt::QueuedConnection);
        });
    } catch (const std::system_error &) {
        setBusy(false);
        setError(tr("The device is out of resources; close other apps and try again."));
    }
}

Status Session::reopenUnlocked(const SecureBytes &masterKey)
{
    auto opened = Profile::open(m_folder, m_clock);
    if (!opened)
        return opened.error();
    if (!masterKey.isNull())
        if (auto unlocked = (*opened)->unlockWithMasterKey(masterKey); !unlocked)
            return unlocked;
    m_records.reset();
    m_profile = std::move(opened).value();
    m_records = std::make_unique<RecordService>(*m_profile);
    return {};
}

int Session::passphraseStrength(const QString &passphrase) const
{
    return strengthOf(passphrase);
}

QString Session::passphraseHint(const QString &passphrase) const
{
    switch (strengthOf(passphrase)) {
    case 0:
        return tr("Use at least %1 characters; a few unrelated words work well.")
            .arg(kMinPassphraseLength);
    case 1:
        return tr("Add a few more words.");
    case 2:
        return tr("Add another word or two.");
    case 3:
        return tr("Good. One more word makes it strong.");
    default:
        return tr("Strong.");
    }
}

void Session::createProfile(const QString &passphrase, const QString &repeated)
{
    if (m_busy)
        return;
    if (m_state != NoProfile || m_profile) {
        setError(tr("This device already holds a profile; unlock it instead."));
        return;
    }
    clearError();
    QString typed = passphrase;
    QString again = repeated;
    const bool same = typed == again;
    wipe(again);
    if (!same) {
        wipe(typed);
        setError(tr("The two passphrases differ; type the same passphrase twice."));
        return;
    }
    auto secret = std::make_shared<SecureBytes>(SecureBytes::fromPassphrase(typed));
    wipe(typed);
    if (auto strong = keyring::checkPassphraseStrength(*secret); !strong) {
        setError(strong.error().message());
        return;
    }
    runInBackground([this, folder = m_folder, params = m_params,
                     secret]() -> std::function<void()> {
        auto created = Profile::create(folder, *secret, params, m_clock);
        if (!created)
            return [this, error = created.error()] {
                setError(error.message());
            };
        auto masterKey = std::make_shared<SecureBytes>(created->profile->keys()->masterKey.clone());
        const QString code = created->recoveryCode;
        // Its database connection belongs to this thread: close it here and reopen on the UI's.
        created->profile.reset();
        return [this, masterKey, code] {
            if (auto reopened = reopenUnlocked(*masterKey); !reopened) {
                setError(reopened.error().message());
                return;
            }
            // Pending until confirmed: if the app closes now, the next unlock shows a new code.
            if (auto pending = m_profile->setRecoveryCodePending(true); !pending)
                qCWarning(lcSession) << "could not mark the recovery code pending";
            m_pendingRecoveryCode = code;
            emit pendingRecoveryCodeChanged();
            setState(ShowingRecoveryCode);
        };
    });
}

bool Session::confirmRecoveryCodeSaved(const QString &lastGroup)
{
    if (m_state != ShowingRecoveryCode)
        return false;
    if (lastGroup.trimmed().compare(lastGroupOf(m_pendingRecoveryCode), Qt::CaseInsensitive) != 0) {
        setError(tr("That is not the last group of your recovery code. Type the 4 characters "
                    "after its last dash."));
        return false;
    }
    if (auto confirmed = m_profile->setRecoveryCodePending(false); !confirmed) {
        setError(confirmed.error().message());
        return false;
    }
    clearError();
    wipe(m_pendingRecoveryCode);
    emit pendingRecoveryCodeChanged();
    adoptUnlocked();
    return true;
}

void Session::unlock(const QString &passphrase, bool remember)
{
    if (m_busy || m_state != Locked || !m_profile)
        return;
    clearError();
    QString typed = passphrase;
    auto secret = std::make_shared<SecureBytes>(SecureBytes::fromPassphrase(typed));
    wipe(typed);
    // Unlocking touches only the keyring in memory, never the database, so the profile may be
    // used from the worker while busy keeps everyone else away from it.
    Profile *profile = m_profile.get();
    runInBackground([this, profile, secret, remember]() -> std::function<void()> {
        const Status unlocked = profile->unlock(*secret);
        return [this, unlocked, remember] {
            if (!unlocked) {
                setError(unlocked.error().message());
                return;
            }
            if (remember && m_keyStore) {
                QPointer<Session> self(this);
                m_keyStore->write(KeyStore::masterKeyEntry(m_profile->userId()),
                                  m_profile->keys()->masterKey, [self](Status written) {
                                      if (!self)
                                          return;
                                      if (!written) {
                                          self->setError(
                                              tr("Unlocked, but this device could not remember "
                                                 "your key: %1")
                                                  .arg(written.error().message()));
                                          return;
                                      }
                                      self->setRemembered(true);
                                  });
            }
            adoptUnlocked();
        };
    });
}

void Session::unlockWithDevice()
{
    if (m_busy || m_state != Locked || !m_profile)
        return;
    if (!m_keyStore || !m_remembered) {
        setError(tr("This device does not remember your key; unlock with your passphrase."));
        return;
    }
    clearError();
    setBusy(true);
    QPointer<Session> self(this);
    m_keyStore->read(KeyStore::masterKeyEntry(m_profile->userId()), [self](
                                                                        Result<SecureBytes> key) {
        if (!self)
            return;
        self->setBusy(false);
        if (self->m_state != Locked || !self->m_profile)
            return;
        if (!key) {
            if (key.error().code() == ErrorCode::NotFound) {
                self->setRemembered(false);
                self->setError(tr("This device no longer holds your key; unlock with your "
                                  "passphrase."));
            } else {
                self->setError(tr("The device's key store did not answer (%1); unlock with your "
                                  "passphrase.")
                                   .arg(key.error().message()));
            }
            return;
        }
        if (auto unlocked = self->m_profile->unlockWithMasterKey(*key); !unlocked) {
            // The stored key no longer opens this profile: it is of no use to keep.
            self->forgetDevice();
            self->setError(tr("The key on this device does not open the profile; unlock with "
                              "your passphrase."));
            return;
        }
        self->adoptUnlocked();
    });
}

void Session::forgetDevice()
{
    if (!m_profile)
        return;
    setRemembered(false);
    if (!m_keyStore)
        return;
    QPointer<Session> self(this);
    m_keyStore->remove(KeyStore::masterKeyEntry(m_profile->userId()), [self](Status removed) {
        if (self && !removed && removed.error().code() != ErrorCode::NotFound)
            self->setError(
                tr("This device could not forget your key: %1").arg(removed.error().message()));
    });
}

void Session::lock()
{
    // While a worker holds the profile it must not be touched; the worker's result decides.
    if (m_busy || m_state != Unlocked || !m_profile)
        return;
    m_autoLock.stop();
    m_profile->lock();
    setState(Locked);
}

void Session::changePassphrase(const QString &current, const QString &next, const QString &repeated)
{
    if (m_busy)
        return;
    if (m_state != Unlocked || !m_profile) {
        setError(tr("Unlock the profile before changing its passphrase."));
        return;
    }
    clearError();
    QString typedCurrent = current;
    QString typedNext = next;
    QString again = repeated;
    const bool same = typedNext == again;
    wipe(again);
    auto currentSecret = std::make_shared<SecureBytes>(SecureBytes::fromPassphrase(typedCurrent));
    auto nextSecret = std::make_shared<SecureBytes>(SecureBytes::fromPassphrase(typedNext));
    wipe(typedCurrent);
    wipe(typedNext);
    if (!same) {
        setError(tr("The two new passphrases differ; type the same passphrase twice."));
        return;
    }
    if (auto strong = keyring::checkPassphraseStrength(*nextSecret); !strong) {
        setError(strong.error().message());
        return;
    }
    runInBackground([this, folder = m_folder, params = m_params, currentSecret,
                     nextSecret]() -> std::function<void()> {
        // A connection of this thread's own: Qt Sql connections must stay in their thread.
        auto opened = Profile::open(folder, m_clock);
        if (!opened)
            return [this, error = opened.error()] {
                setError(error.message());
            };
        const Status changed = (*opened)->changePassphrase(*currentSecret, *nextSecret, params);
        opened->reset();
        return [this, changed] {
            if (!changed) {
                setError(changed.error().message());
                return;
            }
            const SecureBytes masterKey = m_profile && m_profile->isUnlocked()
                                              ? m_profile->keys()->masterKey.clone()
                                              : SecureBytes();
            if (auto reopened = reopenUnlocked(masterKey); !reopened) {
                setError(reopened.error().message());
                return;
            }
            if (m_state == Unlocked && !m_profile->isUnlocked())
                setState(Locked);
            emit passphraseChanged();
        };
    });
}

void Session::recover(const QString &recoveryCode, const QString &next, const QString &repeated)
{
    if (m_busy)
        return;
    if (m_state != Locked || !m_profile) {
        setError(m_state == NoProfile
                     ? tr("There is no profile on this device to recover.")
                     : tr("The profile is open; change its passphrase in the settings instead."));
        return;
    }
    clearError();
    auto code = std::make_shared<QString>(recoveryCode);
    QString typedNext = next;
    QString again = repeated;
    const bool same = typedNext == again;
    wipe(again);
    auto nextSecret = std::make_shared<SecureBytes>(SecureBytes::fromPassphrase(typedNext));
    wipe(typedNext);
    if (!same) {
        wipe(*code);
        setError(tr("The two new passphrases differ; type the same passphrase twice."));
        return;
    }
    if (auto strong = keyring::checkPassphraseStrength(*nextSecret); !strong) {
        wipe(*code);
        setError(strong.error().message());
        return;
    }
    runInBackground(
        [this, folder = m_folder, params = m_params, code, nextSecret]() -> std::function<void()> {
            auto opened = Profile::open(folder, m_clock);
            if (!opened) {
                wipe(*code);
                return [this, error = opened.error()] {
                    setError(error.message());
                };
            }
            const Status recovered = (*opened)->recover(*code, *nextSecret, params);
            wipe(*code);
            auto masterKey = std::make_shared<SecureBytes>(
                recovered ? (*opened)->keys()->masterKey.clone() : SecureBytes());
            opened->reset();
            return [this, recovered, masterKey] {
                if (!recovered) {
                    setError(recovered.error().message());
                    return;
                }
                if (auto reopened = reopenUnlocked(*masterKey); !reopened) {
                    setError(reopened.error().message());
                    return;
                }
                adoptUnlocked();
                emit passphraseChanged();
            };
        });
}

Status Session::openJoinedProfile(std::unique_ptr<Profile> profile)
{
    if (!profile || !profile->isUnlocked())
        return Error(ErrorCode::InvalidInput, tr("The new profile is not open; try again."));
    if (m_busy || m_state != NoProfile || m_profile)
        return Error(ErrorCode::ProfileExists,
                     tr("This device already holds a profile; unlock it instead."));
    if (QDir::cleanPath(profile->folder()) != QDir::cleanPath(m_folder))
        return Error(ErrorCode::InvalidInput,
                     tr("The new profile was saved in another folder than this app uses."));
    clearError();
    m_profile = std::move(profile);
    m_records = std::make_unique<RecordService>(*m_profile);
    m_remembered = false;
    adoptUnlocked();
    emit profileJoined();
    return {};
}

Profile *Session::profile() const
{
    return m_state == Unlocked ? m_profile.get() : nullptr;
}

RecordService *Session::records() const
{
    return m_state == Unlocked ? m_records.get() : nullptr;
}

void Session::notifyRecordsChanged()
{
    ++m_revision;
    emit recordsChanged();
}

} // namespace outward
