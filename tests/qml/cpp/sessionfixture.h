#pragma once

// An unlocked Session over a temporary profile, for tests of the types QML sees.

#include "core/profile/recordservice.h"
#include "platform/memorykeystore.h"
#include "qml/session.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace outward::test {

inline const QString kTestPassphrase = QStringLiteral("a long enough test passphrase");

// Settings go to the test location, not the developer's own, and start empty.
inline void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OutwardTests"));
    QSettings().clear();
}

class SessionFixture
{
public:
    // The clock starts now so "today" and "not in the future" mean what they say; tests move it.
    SessionFixture()
        : clock(QDateTime::currentMSecsSinceEpoch())
    {}

    ~SessionFixture()
    {
        Session::provide(nullptr);
        session.reset();
    }

    // A profile created directly (no worker), then a Session unlocked through its own API.
    bool startUnlocked()
    {
        if (!dir.isValid())
            return false;
        {
            auto created = Profile::create(dir.path(), SecureBytes::fromPassphrase(kTestPassphrase),
                                           fastKdf(), clock);
            if (!created)
                return false;
        }
        session = std::make_unique<Session>(dir.path(), &keyStore, clock, fastKdf());
        Session::provide(session.get());
        session->unlock(kTestPassphrase, false);
        return QTest::qWaitFor([this] { return session->state() == Session::Unlocked; }, 10000);
    }

    RecordService &records() { return *session->records(); }

    QTemporaryDir dir;
    MemoryKeyStore keyStore;
    ManualClock clock;
    std::unique_ptr<Session> session;
};

} // namespace outward::test
