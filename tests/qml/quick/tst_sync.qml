import QtQuick
import QtQuick.Controls
import QtTest
import Outward

// Sync on the phone layout, against the real server API in this process (`testServer`):
// the enrolment page (grouping as typed, the busy state, a refusal shown in place with every
// field kept, the link-code mode), connecting, the Settings sync section, the home screen's sync
// line, a quick log going out, a record shared from the quick log that the team's lead opens on
// their own device, a failed sync saying why, and a large sync with its progress bar.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"

    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }
    Component { id: formComponent; InteractionForm {} }
    Component { id: spyComponent; SignalSpy {} }

    TestCase {
        name: "Sync"
        when: windowShown

        function initTestCase() {
            if (Session.state === Session.NoProfile) {
                Session.createProfile(root.passphrase, root.passphrase)
                tryCompare(Session, "state", Session.ShowingRecoveryCode, 15000)
                const code = Session.pendingRecoveryCode
                verify(Session.confirmRecoveryCodeSaved(code.substring(code.lastIndexOf("-") + 1)))
            }
            if (Session.state === Session.Locked)
                Session.unlock(root.passphrase, false)
            tryCompare(Session, "state", Session.Unlocked, 15000)
        }

        function cleanupTestCase() {
            testServer.setOffline(false)
            testServer.setDelayMs(0)
        }

        function tap(item, what) {
            verify(item, "found: " + what)
            verify(item.visible, "visible: " + what)
            verify(item.enabled, "enabled: " + what)
            scrollTo(item)
            mouseClick(item)
        }

        // Brings an item into the visible part of the Flickable it is in.
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

        function openSettings() {
            const shell = createTemporaryObject(shellComponent, root)
            verify(shell)
            waitForRendering(shell, 300)
            tap(findChild(shell, "tab_settings"), "the Settings tab")
            compare(shell.tab, 3)
            waitForRendering(shell.settingsPage, 300)
            return shell
        }

        function openEnrolment(shell) {
            tap(findChild(shell.settingsPage, "connectTeam"), "Connect to your team")
            tryCompare(shell.stack, "depth", 2)
            const page = shell.stack.currentItem
            compare(page.objectName, "enrollPage")
            tryCompare(shell.stack, "busy", false)
            waitForRendering(page, 300)
            return page
        }

        // Well formed, but no invite the server made.
        readonly property string unknownCode: "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZ1"

        function test_1_notConnectedYet() {
            const shell = openSettings()
            compare(SyncStatus.enrolled, false)
            verify(findChild(shell.settingsPage, "syncNotConnected").visible)
            verify(!findChild(shell.settingsPage, "syncSection").visible)
            verify(!findChild(shell.homePage, "syncIndicator").visible)
        }

        function test_2_theCodeIsGroupedAsTyped() {
            const shell = openSettings()
            const page = openEnrolment(shell)
            const code = findChild(page, "codeField")
            typeText(code, "7kq2mx9")
            compare(code.text, "7KQ2M-X9")
            compare(code.cursorPosition, code.text.length)
            // A dash typed by hand is not doubled.
            typeText(code, "7kq2m-x")
            compare(code.text, "7KQ2M-X")
            verify(findChild(page, "deviceField").text.length > 0, "a device name is suggested")
            // The link-code path has its place, and says what it is.
            const link = findChild(page, "linkCodeButton")
            verify(link.height >= 48)
            tap(link, "I have a link code")
            verify(findChild(page, "linkCodeNote").visible)
            verify(findChild(page, "linkCodeNote").text.length > 0)
            // The invite form steps aside, keeping what was typed, and comes back.
            verify(!findChild(page, "inviteForm").visible)
            tap(link, "I have an invite code")
            verify(findChild(page, "inviteForm").visible)
            compare(code.text, "7KQ2M-X")
        }

        function test_3_aRefusedCodeKeepsEverythingTyped() {
            const shell = openSettings()
            const page = openEnrolment(shell)
            const server = findChild(page, "serverField")
            const code = findChild(page, "codeField")
            const name = findChild(page, "nameField")
            const device = findChild(page, "deviceField")
            typeText(server, testServer.url)
            typeText(code, unknownCode.toLowerCase())
            typeText(name, "Ada Lovelace")
            typeText(device, "Ada's phone")
            compare(code.text, unknownCode)

            testServer.setDelayMs(300) // long enough to see the busy state
            const connect = findChild(page, "connectButton")
            tap(connect, "Connect")
            verify(SyncStatus.busy)
            verify(!connect.enabled)
            verify(!code.enabled && !name.enabled)
            verify(findChild(page, "enrollBusy").visible)
            tryCompare(SyncStatus, "busy", false, 10000)
            testServer.setDelayMs(0)

            const error = findChild(page, "enrollError")
            verify(error.visible)
            verify(error.text.indexOf("does not know the invite code") >= 0, error.text)
            compare(SyncStatus.enrolled, false)
            compare(shell.stack.depth, 2) // still here, to correct and try again
            compare(server.text, testServer.url)
            compare(code.text, unknownCode)
            compare(name.text, "Ada Lovelace")
            compare(device.text, "Ada's phone")
            verify(connect.enabled && code.enabled)

            // An address that is not https is refused before anything is sent.
            const before = testServer.requestCount("", "")
            typeText(server, "http://sync.example.org")
            tap(connect, "Connect")
            tryVerify(() => error.text.indexOf("http://") >= 0, 5000, "the address's message")
            compare(testServer.requestCount("", ""), before)
            compare(name.text, "Ada Lovelace")
        }

        function test_4_connectingShowsTheSyncSection() {
            // The lead connected first, so this device pins the lead's keys when it connects.
            verify(testServer.enrolLead())
            const shell = openSettings()
            const page = openEnrolment(shell)
            typeText(findChild(page, "serverField"), testServer.url)
            typeText(findChild(page, "codeField"), testServer.newInvite("staff"))
            typeText(findChild(page, "nameField"), "Ada Lovelace")
            typeText(findChild(page, "deviceField"), "Ada's phone")
            tap(findChild(page, "connectButton"), "Connect")
            tryCompare(shell.stack, "depth", 1, 10000)
            tryCompare(shell.stack, "busy", false) // the page slides away; it takes taps meanwhile
            const undoBar = findChild(shell, "undoBar")
            verify(undoBar.visible)
            compare(SyncStatus.enrolled, true)
            compare(SyncStatus.teamName, testServer.teamName)
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)

            const settings = shell.settingsPage
            waitForRendering(settings, 300)
            verify(!findChild(settings, "syncNotConnected").visible)
            verify(findChild(settings, "syncSection").visible)
            compare(findChild(settings, "syncTeam").value, testServer.teamName + " (Staff)")
            // The address as people read it: https goes unsaid.
            compare(findChild(settings, "syncServer").value, testServer.url.replace("https://", ""))
            compare(findChild(settings, "syncLast").value, "just now")
            compare(findChild(settings, "syncUnsent").value, "Nothing, all sent")
            compare(findChild(settings, "syncState").text, "Up to date.")
            const syncNow = findChild(settings, "syncNow")
            verify(syncNow.height >= 48)
            verify(!findChild(settings, "syncProgress").visible) // small syncs show no bar

            const syncs = testServer.requestCount("GET", "/v1/records")
            tap(syncNow, "Sync now")
            tryVerify(() => testServer.requestCount("GET", "/v1/records") > syncs, 10000, "a pull")
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)
        }

        function test_5_aQuickLogGoesOutAndHomeSaysSo() {
            const shell = createTemporaryObject(shellComponent, root)
            waitForRendering(shell, 300)
            const indicator = findChild(shell.homePage, "syncIndicator")
            verify(indicator.visible)
            verify(indicator.height >= 48)
            tryCompare(findChild(indicator, "syncSummary"), "text", "All sent \u00b7 synced just now")

            const form = createTemporaryObject(formComponent, root)
            form.channel = "phone"
            form.endEmotion = "appreciation"
            form.shareWithLead = true
            verify(form.save())
            // Counted at once, then sent after the write settles (the engine's debounce).
            verify(SyncStatus.unsentCount === 1 || SyncStatus.state === SyncStatus.Syncing)
            tryCompare(SyncStatus, "unsentCount", 0, 10000)
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)
            tryCompare(findChild(indicator, "syncSummary"), "text", "All sent \u00b7 synced just now")

            // The row says it was sent.
            const row = findChild(shell.homePage, "todayList").itemAtIndex(0)
            verify(row)
            tryCompare(findChild(row, "outboxMark"), "text", "\u2713")

            // The home line opens the sync section.
            mouseClick(indicator)
            compare(shell.tab, 3)
        }

        function test_5b_aRecordSharedFromTheQuickLogReachesTheLead() {
            const shell = createTemporaryObject(shellComponent, root)
            waitForRendering(shell, 300)
            tap(findChild(shell, "quickLogButton"), "the quick-log button")
            tryCompare(shell.stack, "depth", 2)
            tryCompare(shell.stack, "busy", false)
            const page = shell.stack.currentItem
            waitForRendering(page, 300)
            tap(findChild(page, "channel_phone"), "Phone")
            tap(findChild(page, "emotion_appreciation"), "Appreciation")
            tap(findChild(page, "moreDetailsButton"), "More details")
            waitForRendering(page, 300) // the details are laid out before scrolling to them
            const hint = findChild(page, "shareHint")
            verify(!hint.visible)
            tap(findChild(page, "shareSwitch"), "Share with my lead")
            verify(shell.quickForm.shareWithLead)
            verify(hint.visible)
            compare(hint.text, "Only you and your team's lead can read it, not the server.")

            const saved = createTemporaryObject(spyComponent, root,
                                                { target: shell.quickForm, signalName: "saved" })
            tap(findChild(page, "saveButton"), "Save")
            compare(saved.count, 1)
            const sharedId = saved.signalArguments[0][0]
            // Nobody pressed anything: the write's own (debounced) sync sends it.
            tryCompare(SyncStatus, "unsentCount", 0, 10000)
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)

            const form = createTemporaryObject(formComponent, root)
            form.channel = "chat"
            form.endEmotion = "ambivalence"
            const privateSaved = createTemporaryObject(spyComponent, root,
                                                       { target: form, signalName: "saved" })
            verify(form.save())
            compare(privateSaved.count, 1)
            const privateId = privateSaved.signalArguments[0][0]
            tryCompare(SyncStatus, "unsentCount", 0, 10000)
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)

            // On the lead's own device, after its sync: the shared one opens, the private one
            // never arrived.
            const json = testServer.leadReads(sharedId)
            verify(json.indexOf("\"channel\":\"phone\"") >= 0, json)
            verify(json.indexOf("\"shareWithLead\":true") >= 0, json)
            compare(testServer.leadReads(privateId), "")
        }

        function test_6_aFailedSyncSaysWhy() {
            const shell = openSettings()
            const settings = shell.settingsPage
            testServer.setOffline(true)
            SyncStatus.syncNow()
            tryCompare(SyncStatus, "state", SyncStatus.WaitingToRetry, 10000)
            const state = findChild(settings, "syncState")
            verify(state.text.indexOf("Could not sync. ") === 0, state.text)
            verify(SyncStatus.attention)
            const indicator = findChild(shell.homePage, "syncIndicator")
            verify(findChild(indicator, "syncSummary").text.indexOf("could not sync") >= 0)

            // The reason without the machine's words, and when it tries again.
            verify(state.text.indexOf("The server could not be reached") > 0, state.text)
            verify(state.text.indexOf("answered") < 0, state.text)
            verify(state.text.indexOf("Trying again") > 0, state.text)

            testServer.setOffline(false)
            tap(findChild(settings, "syncNow"), "Sync now")
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)
            verify(!SyncStatus.attention)
            compare(state.text, "Up to date.")
        }

        function test_7_aLargeSyncShowsItsProgress() {
            const shell = openSettings()
            const settings = shell.settingsPage
            const unsent = findChild(settings, "syncUnsent")
            const bar = findChild(settings, "syncProgress")
            compare(unsent.value, "Nothing, all sent")
            verify(!bar.visible)

            // Sixty records written offline-style, then a slow server: the push is in flight long
            // enough to see it.
            testServer.setDelayMs(1500)
            for (let i = 0; i < 60; ++i) {
                const form = createTemporaryObject(formComponent, root)
                form.channel = "chat"
                form.endEmotion = "ambivalence"
                verify(form.save())
            }
            verify(unsent.value.indexOf("60 record") === 0, unsent.value)
            tryVerify(() => SyncStatus.showProgress, 5000, "a large sync shows its progress")
            verify(bar.visible)
            compare(findChild(settings, "syncState").text, "Sending 0 of 60 records")
            compare(bar.value, 0)
            // The home screen's sync line carries the bar too.
            const indicatorBar = findChild(shell.homePage, "syncIndicatorProgress")
            compare(findChild(indicatorBar.parent, "syncSummary").text, "Sending 0 of 60 records")

            testServer.setDelayMs(0)
            tryCompare(SyncStatus, "showProgress", false, 10000)
            tryCompare(SyncStatus, "state", SyncStatus.Idle, 10000)
            verify(!bar.visible)
            compare(unsent.value, "Nothing, all sent")
            compare(findChild(settings, "syncLast").value, "just now")
        }
    }
}
