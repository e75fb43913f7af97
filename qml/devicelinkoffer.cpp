#include "qml/devicelinkoffer.h"

#include "qml/formsupport.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sync/client/devicelink.h"

#include <QLocale>
#include <QLoggingCategory>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcDeviceLinkOffer, "outward.qml.link")

DeviceLinkOffer::DeviceLinkOffer(QObject *parent)
    : QObject(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        emit countdownChanged();
        // Typing the code on the other device takes a while; this one must not lock meanwhile.
        if (Session *session = Session::instance())
            session->noteActivity();
    });
}

DeviceLinkOffer::~DeviceLinkOffer()
{
    if (!m_link)
        return;
    disconnect(m_link, nullptr, this, nullptr);
    if (m_link->isFinished())
        return; // deleted with this object, its child
    // Leaving the page cancels the code. The server's answer comes after this object is gone,
    // so the link finishes on its own, kept by the app's SyncStatus (or deleted now without one,
    // leaving the offer to expire after its 10 minutes).
    SyncStatus *owner = SyncStatus::instance();
    if (!owner)
        return;
    sync::DeviceLink *link = m_link;
    link->setParent(owner);
    connect(link, &sync::DeviceLink::finished, link, &QObject::deleteLater);
    link->cancel();
}

bool DeviceLinkOffer::live() const
{
    return m_state == Preparing || m_state == Waiting || m_state == Claimed ||
           m_state == Cancelling;
}

QString DeviceLinkOffer::code() const
{
    return m_state == Waiting ? m_code : QString();
}

QStringList DeviceLinkOffer::codeGroups() const
{
    const QString shown = code();
    return shown.isEmpty() ? QStringList() : shown.split(u'-');
}

int DeviceLinkOffer::secondsLeft() const
{
    Session *session = Session::instance();
    if (!m_expiresAt.isValid() || !session || m_state != Waiting)
        return 0;
    const qint64 ms = m_expiresAt.toMSecsSinceEpoch() - session->clock().nowMs();
    return int(std::max<qint64>(0, (ms + 999) / 1000));
}

QString DeviceLinkOffer::countdownText() const
{
    const int seconds = secondsLeft();
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
}

void DeviceLinkOffer::setState(State state, const QString &message)
{
    const bool wasLive = live();
    m_state = state;
    m_message = message;
    if (live() && !m_ticker.isActive())
        m_ticker.start();
    else if (!live())
        m_ticker.stop();
    emit stateChanged();
    if (wasLive || live())
        emit countdownChanged();
}

void DeviceLinkOffer::fail(const QString &message)
{
    m_code.clear();
    setState(Failed, message);
}

void DeviceLinkOffer::start()
{
    if (live())
        return;
    Session *session = Session::instance();
    SyncStatus *sync = SyncStatus::instance();
    Profile *profile = session && !session->busy() ? session->profile() : nullptr;
    m_code.clear();
    m_serverUrl.clear();
    m_expiresAt = {};
    m_newDeviceName.clear();
    m_sawClaim = false;
    m_lockedWhileLive = false;
    if (!profile)
        return fail(tr("Unlock the profile, then add a device."));
    if (!sync || !sync->enrolled())
        return fail(tr("Connect this profile to your team first: a new device joins through "
                       "your team's server."));

    // Locking, or a worker replacing the Profile object, must reach the link at once.
    connect(session, &Session::stateChanged, this, &DeviceLinkOffer::onSessionChanged,
            Qt::UniqueConnection);
    connect(session, &Session::busyChanged, this, &DeviceLinkOffer::onSessionChanged,
            Qt::UniqueConnection);
    session->noteActivity();
    auto *link = new sync::DeviceLink(*profile, sync->transport(), sync->scheduler(),
                                      session->clock(), this);
    m_link = link;
    connect(link, &sync::DeviceLink::stateChanged, this, &DeviceLinkOffer::onLinkState);
    setState(Preparing);
    link->start();
}

void DeviceLinkOffer::cancel()
{
    if (m_link && !m_link->isFinished())
        m_link->cancel();
}

void DeviceLinkOffer::onSessionChanged()
{
    Session *session = Session::instance();
    if (!m_link || !session)
        return;
    if (session->busy()) {
        // A worker may replace the Profile object the link signs with: let go of it now. An
        // offer still on the server stops working by itself after its 10 minutes.
        const bool wasLive = live();
        dropLink();
        if (wasLive)
            setState(Cancelled, tr("The code was cancelled because the profile was locked. "
                                   "Make a new one when you are ready."));
        return;
    }
    if (session->state() != Session::Unlocked && !m_link->isFinished()) {
        // A locked profile shows nothing of itself, and nobody should join it meanwhile.
        qCInfo(lcDeviceLinkOffer) << "the profile locked: cancelling the link code";
        m_lockedWhileLive = true;
        m_link->cancel();
    }
}

void DeviceLinkOffer::dropLink()
{
    if (!m_link)
        return;
    sync::DeviceLink *link = m_link;
    m_link = nullptr;
    disconnect(link, nullptr, this, nullptr);
    // It may be inside one of its own signals: delete it from the event loop.
    link->deleteLater();
}

void DeviceLinkOffer::onLinkState()
{
    if (!m_link)
        return;
    sync::DeviceLink &link = *m_link;
    using S = sync::DeviceLink::State;
    switch (link.state()) {
    case S::Idle:
        return;
    case S::Offering:
        return setState(Preparing);
    case S::Waiting:
        m_code = link.linkCode();
        m_serverUrl = link.serverUrl().toString();
        m_expiresAt = link.expiresAt();
        return setState(Waiting);
    case S::Claimed:
        m_code.clear();
        m_sawClaim = true;
        return setState(Claimed);
    case S::Cancelling:
        m_code.clear();
        return setState(Cancelling);
    case S::Registered: {
        m_code.clear();
        m_newDeviceName = link.newDeviceName();
        dropLink();
        return setState(Added,
                        m_newDeviceName.isEmpty()
                            ? tr("A new device was added to your account.")
                            : tr("\u201c%1\u201d was added to your account.").arg(m_newDeviceName));
    }
    case S::Expired:
        m_code.clear();
        dropLink();
        return setState(Expired,
                        m_sawClaim
                            ? tr("A device used the code but did not finish joining within 10 "
                                 "minutes. Make a new code and try again. If that device was not "
                                 "yours, tell your administrator.")
                            : tr("The code expired: it works for 10 minutes. Make a new one when "
                                 "the other device is ready."));
    case S::Cancelled: {
        m_code.clear();
        const bool stillLive = link.offerMayStillBeLive();
        const QDateTime expiresAt = link.expiresAt();
        dropLink(); // may delete the link
        QString message;
        if (stillLive)
            message =
                tr("Cancelled on this device, but the server could not be told: the code "
                   "keeps working until %1. If someone else may have it, tell your "
                   "administrator.")
                    .arg(QLocale().toString(expiresAt.toLocalTime().time(), QLocale::ShortFormat));
        else if (m_lockedWhileLive)
            message = tr("The code was cancelled because the profile was locked. Make a new one "
                         "when you are ready.");
        else if (m_sawClaim)
            message = tr("Cancelled. The device that had used the code cannot join now. If it "
                         "was not yours, it has seen your keys: tell your administrator.");
        else
            message = tr("The code was cancelled.");
        return setState(Cancelled, message);
    }
    case S::Failed: {
        // The sync layer's words: what failed and what to do.
        const QString message = forms::asSentence(link.message());
        dropLink();
        return fail(message);
    }
    }
}

} // namespace outward
