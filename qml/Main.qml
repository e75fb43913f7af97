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

    // outward-screenshots forces Material.Light (0) or Material.Dark (1); -1 follows the system.
    property int themeOverride: -1
    Material.theme: themeOverride >= 0 ? themeOverride : Material.System
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
        // A link code made this profile: say so while the sync brings the records.
        function onProfileJoined() {
            if (shellLoader.item)
                shellLoader.item.undoBar.show(qsTr("This device was added to your account. Your records are on their way."), null)
        }
    }
    // For outward-screenshots: go to a main screen of the unlocked app by name ("home",
    // "quick-log", "history", "reflections", "settings", "enroll", "add-device"), or to an editor
    // or record shared with the lead ("quick-log-share", "record-shared", "reflection-shared"); on
    // a tablet the first record of a list is shown beside it, as a person would see it after one
    // tap. Before a profile exists: "first-run" or "join" (adding this device with a link code).
    function showScreen(name) {
        if (name === "first-run" || name === "join") {
            lockLoader.joining = name === "join"
            return
        }
        const shell = shellLoader.item
        if (!shell)
            return
        const firstShared = model => {
            for (let i = 0; i < model.count; ++i) {
                const row = model.get(i)
                if (row.shared)
                    return row.id
            }
            return ""
        }
        shell.undoBar.dismiss()
        if (name !== "quick-log-share")
            shell.quickForm.reset()
        switch (name) {
        case "home": shell.showTab(0); break
        case "quick-log": shell.showTab(0); shell.openQuickLog(); break
        case "quick-log-share":
            shell.showTab(0)
            shell.quickForm.reset()
            shell.quickForm.channel = "phone"
            shell.quickForm.startEmotion = "agitation"
            shell.quickForm.endEmotion = "appreciation"
            shell.quickForm.note = "Billing mix-up after the move; fixed the address and waived the late fee."
            shell.quickForm.shareWithLead = true
            shell.openQuickLog()
            break
        case "history":
            shell.showTab(1)
            if (shell.wide && shell.historyPage.model.count > 0)
                shell.historyPage.selectedId = shell.historyPage.model.get(0).id
            break
        case "record-shared":
            shell.showTab(1)
            shell.openRecord(firstShared(shell.historyPage.model))
            break
        case "reflections":
            shell.showTab(2)
            if (shell.wide && shell.reflectionsPage.model.count > 0)
                shell.reflectionsPage.selectedId = shell.reflectionsPage.model.get(0).id
            break
        case "reflection-shared": {
            shell.showTab(2)
            const id = firstShared(shell.reflectionsPage.model)
            if (shell.wide)
                shell.reflectionsPage.selectedId = id
            else
                shell.openReflection(id, "")
            break
        }
        case "settings": shell.showTab(3); break
        case "enroll":
            shell.showTab(3)
            shell.openEnrollment()
            break
        case "add-device":
            shell.showTab(3)
            shell.openAddDevice()
            break
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
        property bool joining: false
        active: Session.state !== Session.Unlocked
        sourceComponent: {
            switch (Session.state) {
            case Session.NoProfile: return joining ? join : firstRun
            case Session.ShowingRecoveryCode: return recoveryCode
            default: return recovering ? recover : unlock
            }
        }
        onActiveChanged: { recovering = false; joining = false }
    }
    Component { id: firstRun; FirstRunPage { onJoinRequested: lockLoader.joining = true } }
    Component { id: join; JoinPage { onCancelled: lockLoader.joining = false } }
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
