import QtQuick
import QtQuick.Controls
import QtTest
import Outward

// Adding a device with a link code, both ends, on the phone layout against the real server API in
// this process (`testServer`). This file's Session starts with no profile: the first-run screen
// leads to "Add this device", where a wrong code is refused in place with everything kept, and
// the lead's link code opens the lead's account here, unlocked and syncing. Then this device's
// own "Add a device" page shows a code in groups until another device joins with it, and cancels
// and renews codes.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "copper meadow quiet falcon"
    // Well formed, but no device offered it.
    readonly property string unknownCode: "4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"

    Component { id: mainComponent; Main { width: 390; height: 844 } }
    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }

    TestCase {
        name: "Join"
        when: windowShown

        function initTestCase() {
            // The person's other device: the team's lead, with a record already on the server.
            verify(testServer.enrolLead())
            verify(testServer.leadWrites("Written on the lead's tablet"))
        }

        function tap(item, what) {
            verify(item, "found: " + what)
            verify(item.visible, "visible: " + what)
            verify(item.enabled, "enabled: " + what)
            scrollTo(item)
            mouseClick(item)
        }

        function countNamed(item, name) {
            let count = item.objectName === name && item.visible ? 1 : 0
            for (let i = 0; i < item.children.length; ++i)
                count += countNamed(item.children[i], name)
            return count
        }

        function scrollTo(item) {
            let flick = item.parent
            while (flick && flick.contentY === undefined)
                flick = flick.parent
            if (!flick)
                return
            const y = item.mapToItem(flick.contentItem, 0, 0).y
            flick.contentY = Math.max(0, Math.min(y - 40, flick.contentHeight - flick.height))
            waitForRendering(flick, 300)
        }

        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
        }

        // The app's window on the first-run screen, switched to "Add this device".
        function openJoin() {
            compare(Session.state, Session.NoProfile)
            const window = createTemporaryObject(mainComponent, root)
            verify(window)
            const lockLoader = findChild(window.contentItem, "lockLoader")
            tryVerify(() => lockLoader.item !== null && findChild(lockLoader.item, "joinInstead") !== null)
            waitForRendering(lockLoader.item, 300)
            tap(findChild(lockLoader.item, "joinInstead"), "I already use Outward on another device")
            tryVerify(() => findChild(lockLoader.item, "joinButton") !== null)
            waitForRendering(lockLoader.item, 300)
            return { window: window, page: lockLoader.item, lockLoader: lockLoader }
        }

        function fill(page, code) {
            typeText(findChild(page, "joinServerField"), testServer.url)
            typeText(findChild(page, "joinCodeField"), code)
            typeText(findChild(page, "joinDeviceField"), "Ada's phone")
            typeText(findChild(page, "joinPassphrase").field, root.passphrase)
            typeText(findChild(page, "joinRepeatPassphrase").field, root.passphrase)
        }

        function test_1_theFirstRunScreenLeadsToTheLinkForm() {
            const opened = openJoin()
            const page = opened.page
            const code = findChild(page, "joinCodeField")
            verify(findChild(page, "joinDeviceField").text.length > 0, "a device name is suggested")
            // Grouped in fours as typed; dashes typed by hand are not doubled.
            typeText(code, "4k7qm2xd9")
            compare(code.text, "4K7Q-M2XD-9")
            compare(code.cursorPosition, code.text.length)
            typeText(code, "4k7q-m2")
            compare(code.text, "4K7Q-M2")

            // Mistakes are caught before anything is sent.
            const before = testServer.requestCount("", "")
            typeText(findChild(page, "joinServerField"), testServer.url)
            typeText(findChild(page, "joinPassphrase").field, root.passphrase)
            typeText(findChild(page, "joinRepeatPassphrase").field, root.passphrase + "x")
            tap(findChild(page, "joinButton"), "Add this device")
            waitForRendering(page, 300) // the page scrolls to the first message
            const codeError = findChild(page, "joinCodeError")
            verify(codeError.visible)
            const onScreen = codeError.mapToItem(null, 0, 0).y
            verify(onScreen >= 0 && onScreen + codeError.height <= page.height, "scrolled to: " + onScreen)
            verify(codeError.text.indexOf("24 letters and digits") >= 0, codeError.text)
            verify(findChild(page, "joinPassphraseError").text.indexOf("differ") >= 0)
            compare(testServer.requestCount("", ""), before)
            compare(code.text, "4K7Q-M2")

            // And back to creating a new profile.
            tap(findChild(page, "joinBack"), "create a profile")
            tryVerify(() => findChild(opened.lockLoader.item, "createProfile") !== null)
            compare(Session.state, Session.NoProfile)
        }

        function test_2_aWrongCodeIsRefusedInPlaceKeepingEverything() {
            const page = openJoin().page
            fill(page, unknownCode.toLowerCase())
            compare(findChild(page, "joinCodeField").text, unknownCode)
            testServer.setDelayMs(300) // long enough to see the busy state
            tap(findChild(page, "joinButton"), "Add this device")
            const button = findChild(page, "joinButton")
            verify(!button.enabled)
            verify(!findChild(page, "joinCodeField").enabled)
            verify(findChild(page, "joinBusy").visible)
            verify(findChild(page, "joinStep").text.length > 0)
            const error = findChild(page, "joinError")
            tryVerify(() => error.visible, 10000, "the refusal is shown")
            testServer.setDelayMs(0)
            verify(error.text.indexOf("This server has no device waiting with this link code") === 0, error.text)
            compare(Session.state, Session.NoProfile)
            compare(findChild(page, "joinServerField").text, testServer.url)
            compare(findChild(page, "joinCodeField").text, unknownCode)
            compare(findChild(page, "joinDeviceField").text, "Ada's phone")
            compare(findChild(page, "joinPassphrase").text, root.passphrase)
            verify(button.enabled)
        }

        function test_3_theLinkCodeOpensTheProfileAndItsRecordsArrive() {
            const code = testServer.leadLinkCode()
            verify(code.length === 29, code)
            const opened = openJoin()
            fill(opened.page, code)
            tap(findChild(opened.page, "joinButton"), "Add this device")
            tryCompare(Session, "state", Session.Unlocked, 20000)

            // The app opens, greets the new device, and the sync brings the lead's record.
            const shellLoader = findChild(opened.window.contentItem, "shellLoader")
            tryVerify(() => shellLoader.item !== null && shellLoader.visible)
            const undoBar = findChild(shellLoader.item, "undoBar")
            verify(undoBar.visible)
            compare(undoBar.message, "This device was added to your account. Your records are on their way.")
            compare(SyncStatus.enrolled, true)
            compare(SyncStatus.role, "lead")
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)
            const history = shellLoader.item.historyPage
            tryVerify(() => history.model.count === 1, 10000, "the lead's record arrived")
            tryVerify(() => testServer.leadLinkState() === "Registered", 10000, "the other device saw it")
        }

        function openAddDevice(shell) {
            tap(findChild(shell, "tab_settings"), "the Settings tab")
            waitForRendering(shell.settingsPage, 300)
            tap(findChild(shell.settingsPage, "addDevice"), "Add a device")
            tryCompare(shell.stack, "depth", 2)
            tryCompare(shell.stack, "busy", false)
            const page = shell.stack.currentItem
            compare(page.objectName, "addDevicePage")
            tryCompare(page.offer, "state", DeviceLinkOffer.Waiting, 10000)
            waitForRendering(page, 300)
            return page
        }

        function test_4_addADeviceShowsTheCodeUntilItIsUsed() {
            compare(Session.state, Session.Unlocked)
            const shell = createTemporaryObject(shellComponent, root)
            waitForRendering(shell, 300)
            const page = openAddDevice(shell)

            // Large, in six groups of four, with the server and how long it works.
            const code = page.offer.code
            verify(findChild(page, "addDeviceWaiting").visible)
            compare(countNamed(findChild(page, "addDeviceCodeBox"), "codeGroup"), 6)
            compare(page.offer.codeGroups.length, 6)
            compare(page.offer.codeGroups.join("-"), code)
            verify(findChild(page, "codeGroup").font.pixelSize >= 28)
            compare(findChild(page, "addDeviceServer").text, testServer.url.replace("https://", ""))
            const countdown = findChild(page, "addDeviceCountdown")
            verify(/(10:00|9:5\d)/.test(countdown.text), countdown.text)
            verify(findChild(page, "addDeviceCancel").visible)

            verify(testServer.joinWithCode(code, "Ada's laptop"))
            tryCompare(page.offer, "state", DeviceLinkOffer.Added, 10000) // the next poll, within 3 s
            verify(!findChild(page, "addDeviceWaiting").visible)
            compare(findChild(page, "addDeviceMessage").text, "\u201cAda's laptop\u201d was added to your account.")
            tap(findChild(page, "addDeviceDone"), "Done")
            tryCompare(shell.stack, "depth", 1)
        }

        function test_5_cancelAndANewCode() {
            const shell = createTemporaryObject(shellComponent, root)
            waitForRendering(shell, 300)
            const page = openAddDevice(shell)
            const first = page.offer.code

            tap(findChild(page, "addDeviceCancel"), "Cancel the code")
            tryCompare(page.offer, "state", DeviceLinkOffer.Cancelled, 10000)
            compare(findChild(page, "addDeviceMessage").text, "The code was cancelled.")
            verify(!testServer.joinWithCode(first, "too late"))

            const again = findChild(page, "addDeviceNewCode")
            compare(again.text, "Make a new code")
            tap(again, "Make a new code")
            tryCompare(page.offer, "state", DeviceLinkOffer.Waiting, 10000)
            const second = page.offer.code
            verify(second.length === 29 && second !== first)

            // Leaving the page cancels the code still shown.
            const deletes = testServer.requestCount("DELETE", "")
            tap(findChild(page, "addDeviceBack"), "Back")
            tryCompare(shell.stack, "depth", 1)
            tryVerify(() => testServer.requestCount("DELETE", "") > deletes, 10000, "the code is dropped")
            verify(!testServer.joinWithCode(second, "too late"))
        }
    }
}
