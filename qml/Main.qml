import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// The app window: follows the system's light or dark theme and shows the screen for the
// session's state. The unlocked shell is kept while locked (hidden), so a draft in progress is
// still there after unlocking; nothing typed is lost to an auto-lock.
ApplicationWindow {
    id: window
    width: 1024
    height: 760
    minimumWidth: 340
    minimumHeight: 480
    visible: true
    title: qsTr("Outward")

    Material.theme: Material.System
    Material.primary: Material.Teal
    Material.accent: Material.Teal

    // Set by hand, never bound: it must stay true while Locked.
    property bool keepShell: false
    Component.onCompleted: keepShell = Session.state === Session.Unlocked
    Connections {
        target: Session
        function onStateChanged() {
            if (Session.state === Session.Unlocked)
                window.keepShell = true
            else if (Session.state !== Session.Locked)
                window.keepShell = false
        }
    }
    // Keyboard focus moving counts as activity (typing in fields reports it too).
    onActiveFocusItemChanged: Session.noteActivity()

    Loader {
        id: shellLoader
        objectName: "shellLoader"
        anchors.fill: parent
        active: window.keepShell
        visible: Session.state === Session.Unlocked
        enabled: visible
        source: "AppShell.qml"
    }

    Loader {
        id: lockLoader
        objectName: "lockLoader"
        anchors.fill: parent
        property bool recovering: false
        active: Session.state !== Session.Unlocked
        sourceComponent: {
            switch (Session.state) {
            case Session.NoProfile: return firstRun
            case Session.ShowingRecoveryCode: return recoveryCode
            default: return recovering ? recover : unlock
            }
        }
        onActiveChanged: recovering = false
    }
    Component { id: firstRun; FirstRunPage {} }
    Component { id: recoveryCode; RecoveryCodePage {} }
    Component { id: unlock; UnlockPage { onRecoverRequested: lockLoader.recovering = true } }
    Component { id: recover; RecoverPage { onCancelled: lockLoader.recovering = false } }

    // Any touch restarts the auto-lock countdown. A PointHandler only watches (a passive grab),
    // so the controls underneath still get every event.
    Item {
        anchors.fill: parent
        z: 1000
        PointHandler {
            onActiveChanged: if (active) Session.noteActivity()
        }
    }
}
