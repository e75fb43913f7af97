import QtQuick
import QtTest
import Outward

// First run, the recovery-code gate, lock and unlock, and the window switching screens on the
// session's state. This file's Session starts on an empty profile folder.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"

    Component { id: firstRunComponent; FirstRunPage { width: root.width; height: root.height } }
    Component { id: recoveryComponent; RecoveryCodePage { width: root.width; height: root.height } }
    Component { id: unlockComponent; UnlockPage { width: root.width; height: root.height } }
    Component { id: mainComponent; Main { width: 390; height: 844 } }

    TestCase {
        name: "Session"
        when: windowShown

        function lastGroup(code) {
            const groups = code.split(/[^A-Za-z0-9]+/).filter(g => g.length > 0)
            return groups[groups.length - 1]
        }

        function test_1_firstRunCreatesProfileAndCodeGatesEntry() {
            compare(Session.state, Session.NoProfile)
            const page = createTemporaryObject(firstRunComponent, root)
            verify(page)
            waitForRendering(page)

            // Two different passphrases: refused in place, nothing created.
            findChild(page, "newPassphrase").text = root.passphrase
            findChild(page, "repeatPassphrase").text = root.passphrase + "x"
            mouseClick(findChild(page, "createProfile"))
            tryVerify(() => !Session.busy && Session.error.length > 0, 10000, "a mismatch is reported")
            compare(Session.state, Session.NoProfile)
            verify(findChild(page, "sessionError").visible)

            findChild(page, "repeatPassphrase").text = root.passphrase
            mouseClick(findChild(page, "createProfile"))
            tryCompare(Session, "state", Session.ShowingRecoveryCode, 15000)
            verify(Session.pendingRecoveryCode.length > 0)
            page.destroy()

            const code = createTemporaryObject(recoveryComponent, root)
            waitForRendering(code)
            const confirm = findChild(code, "confirmCode")
            const field = findChild(code, "lastGroup")
            // Not before the person says it is written down, and not with a wrong group.
            verify(!confirm.enabled)
            mouseClick(findChild(code, "writtenDown"))
            field.text = "ZZZZ"
            verify(confirm.enabled)
            mouseClick(confirm)
            compare(Session.state, Session.ShowingRecoveryCode)
            verify(findChild(code, "confirmError").visible)

            field.text = lastGroup(Session.pendingRecoveryCode)
            mouseClick(confirm)
            tryCompare(Session, "state", Session.Unlocked, 5000)
            compare(Session.pendingRecoveryCode, "")
        }

        function test_2_lockThenWrongThenRightPassphrase() {
            compare(Session.state, Session.Unlocked)
            Session.lock()
            tryCompare(Session, "state", Session.Locked)

            const page = createTemporaryObject(unlockComponent, root)
            waitForRendering(page)
            const field = findChild(page, "unlockPassphrase")
            const button = findChild(page, "unlockButton")

            field.text = "not the passphrase at all"
            mouseClick(button)
            tryVerify(() => !Session.busy && Session.error.length > 0, 15000, "a wrong passphrase is reported")
            compare(Session.state, Session.Locked)
            const error = findChild(page, "sessionError")
            verify(error.visible)
            verify(error.text.length > 0)

            field.text = root.passphrase
            mouseClick(button)
            tryCompare(Session, "state", Session.Unlocked, 15000)
        }

        function test_3_windowFollowsStateAndKeepsDraftAcrossLock() {
            compare(Session.state, Session.Unlocked)
            const window = createTemporaryObject(mainComponent, root)
            verify(window)
            const shellLoader = findChild(window.contentItem, "shellLoader")
            const lockLoader = findChild(window.contentItem, "lockLoader")
            tryVerify(() => shellLoader.item !== null && shellLoader.visible)
            verify(!lockLoader.active)

            // Something typed and not saved yet...
            const form = shellLoader.item.quickForm
            form.note = "Customer asked about the new tariff"
            form.channel = "chat"

            Session.lock()
            tryCompare(Session, "state", Session.Locked)
            verify(!shellLoader.visible)
            tryVerify(() => lockLoader.item !== null && findChild(lockLoader.item, "unlockButton") !== null)

            Session.unlock(root.passphrase, false)
            tryCompare(Session, "state", Session.Unlocked, 15000)
            verify(shellLoader.visible)
            // ... is still there after the lock.
            compare(shellLoader.item.quickForm.note, "Customer asked about the new tariff")
            compare(shellLoader.item.quickForm.channel, "chat")
            shellLoader.item.quickForm.reset()
        }
    }
}
