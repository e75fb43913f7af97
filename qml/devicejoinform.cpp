#include "qml/devicejoinform.h"

#include "core/crypto/keyring.h"
#include "core/crypto/securebytes.h"
#include "qml/formsupport.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sync/client/devicejoin.h"
#include "sync/client/serverurl.h"
#include "sync/protocol/crockford.h"

#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcDeviceJoinForm, "outward.qml.join")

namespace {

constexpr int kLongestDeviceName = 100; // protocol.md 14.4

} // namespace

DeviceJoinForm::DeviceJoinForm(QObject *parent)
    : QObject(parent)
    , m_deviceName(SyncStatus::deviceNameSuggestion())
{}

DeviceJoinForm::~DeviceJoinForm() = default;

bool DeviceJoinForm::busy() const
{
    return m_step == Checking || m_step == Opening || m_step == Registering || m_step == Saving ||
           m_step == Opened;
}

QString DeviceJoinForm::stepText() const
{
    switch (m_step) {
    case Checking:
        return tr("Checking the link code\u2026");
    case Opening:
        return tr("Opening your account\u2019s keys\u2026");
    case Registering:
        return tr("Adding this device to your account\u2026");
    case Saving:
    case Opened:
        return tr("Opening your profile\u2026");
    case Idle:
    case Failed:
        break;
    }
    return {};
}

void DeviceJoinForm::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged();
}

void DeviceJoinForm::setErrors(const QVariantMap &fieldErrors, const QString &error)
{
    if (fieldErrors == m_fieldErrors && error == m_error)
        return;
    m_fieldErrors = fieldErrors;
    m_error = error;
    emit errorsChanged();
}

void DeviceJoinForm::clearErrors()
{
    setErrors({}, {});
}

QString DeviceJoinForm::formatCode(const QString &typed)
{
    QString out;
    int digits = 0;
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        if (digits > 0 && digits % protocol::crockford::kLinkGroupSize == 0)
            out.append(u'-');
        out.append(c.toUpper());
        ++digits;
    }
    return out;
}

QVariantMap DeviceJoinForm::checkTyped() const
{
    QVariantMap errors;
    if (m_serverUrl.trimmed().isEmpty())
        errors.insert(u"serverUrl"_s, tr("Enter the server address shown on your other device."));
    else if (Result<QUrl> url = sync::parseServerUrl(m_serverUrl); !url)
        errors.insert(u"serverUrl"_s, forms::asSentence(url.error().message()));

    const Result<QString> digits = protocol::crockford::parse(m_code);
    if (m_code.trimmed().isEmpty())
        errors.insert(u"code"_s, tr("Enter the link code shown on your other device."));
    else if (!digits) // names the character that is not a code's
        errors.insert(u"code"_s, forms::asSentence(digits.error().message()));
    else if (digits->size() == protocol::crockford::kInviteCodeDigits)
        errors.insert(u"code"_s,
                      tr("This looks like an invite code (20 characters). A link code has 24 and "
                         "comes from your other device: Settings, Add a device."));
    else if (digits->size() != protocol::crockford::kLinkCodeDigits)
        errors.insert(u"code"_s, tr("A link code has 24 letters and digits; this one has %1. "
                                    "Compare it with your other device.")
                                     .arg(digits->size()));

    const qsizetype nameLength = m_deviceName.trimmed().toUcs4().size();
    if (nameLength == 0)
        errors.insert(u"deviceName"_s, tr("Enter a name for this device."));
    else if (nameLength > kLongestDeviceName)
        errors.insert(u"deviceName"_s,
                      tr("Use at most %1 characters for the device name.").arg(kLongestDeviceName));
    return errors;
}

void DeviceJoinForm::join(const QString &passphrase, const QString &repeated)
{
    if (busy())
        return;
    Session *session = Session::instance();
    SyncStatus *sync = SyncStatus::instance();
    if (!session || !sync || session->busy() || session->state() != Session::NoProfile) {
        setErrors({}, tr("This device already holds a profile; unlock it instead."));
        return;
    }

    QString typed = passphrase;
    QString again = repeated;
    const bool same = typed == again;
    wipe(again);
    SecureBytes secret = SecureBytes::fromPassphrase(typed);
    wipe(typed);
    QVariantMap errors = checkTyped();
    if (!same)
        errors.insert(u"passphrase"_s,
                      tr("The two passphrases differ; type the same passphrase twice."));
    else if (Status strong = keyring::checkPassphraseStrength(secret); !strong)
        errors.insert(u"passphrase"_s, forms::asSentence(strong.error().message()));
    if (!errors.isEmpty()) {
        setStep(Failed);
        setErrors(errors, {});
        return;
    }
    clearErrors();

    sync::JoinRequest request;
    request.serverUrl = m_serverUrl.trimmed();
    request.code = m_code;
    request.profileFolder = session->profileFolder();
    request.deviceName = m_deviceName.trimmed();
    request.kdf = session->kdfParams();

    m_join = std::make_unique<sync::DeviceJoin>(sync->transport(), session->clock());
    sync::DeviceJoin *join = m_join.get();
    connect(join, &sync::DeviceJoin::stepChanged, this, [this](sync::DeviceJoin::Step step) {
        switch (step) {
        case sync::DeviceJoin::Step::Claiming:
            return setStep(Checking);
        case sync::DeviceJoin::Step::Opening:
            return setStep(Opening);
        case sync::DeviceJoin::Step::Registering:
            return setStep(Registering);
        case sync::DeviceJoin::Step::Saving:
            return setStep(Saving);
        case sync::DeviceJoin::Step::Idle:
        case sync::DeviceJoin::Step::Done:
        case sync::DeviceJoin::Step::Failed:
            return; // the callback decides
        }
    });
    session->noteActivity();
    setStep(Checking);
    join->joinWithLinkCode(
        request, std::move(secret), [this, join](sync::CallResult<sync::JoinResult> result) {
            if (!result) {
                // DeviceJoin::explain has put what to do into the message already.
                setErrors({}, forms::asSentence(result.error().message));
                setStep(Failed);
                return;
            }
            if (!result->refusedUserIds.isEmpty())
                qCWarning(lcDeviceJoinForm) << "the directory gave other keys for"
                                            << result->refusedUserIds.size() << "members";
            setStep(Opened);
            // The session opens the profile from the event loop: the page showing this form goes
            // away when it does, and with it this object and the DeviceJoin calling back now.
            auto profile = std::make_shared<std::unique_ptr<Profile>>(join->takeProfile());
            QPointer<DeviceJoinForm> self(this);
            // join() checked that a session exists; it lives as long as the app.
            QPointer<Session> owner = Session::instance();
            QMetaObject::invokeMethod(
                owner,
                [self, owner, profile] {
                    if (!owner)
                        return;
                    const Status opened = owner->openJoinedProfile(std::move(*profile));
                    if (!self)
                        return;
                    if (!opened) {
                        self->setErrors({}, opened.error().message());
                        self->setStep(Failed);
                        return;
                    }
                    emit self->joined();
                },
                Qt::QueuedConnection);
        });
}

} // namespace outward
