import QtQuick
import QtTest
import Outward

// The quick log end to end, on the phone layout: at most 4 taps from Home to a saved record,
// required fields reported in place without losing what was entered, and undo.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"
    property int taps: 0

    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }

    TestCase {
        name: "QuickLog"
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

        // A tap as a person makes it: the control must be on screen and enabled.
        function tap(item, what) {
            verify(item, "found: " + what)
            verify(item.visible, "visible: " + what)
            verify(item.enabled, "enabled: " + what)
            mouseClick(item)
            root.taps += 1
        }

        function openShell() {
            const shell = createTemporaryObject(shellComponent, root)
            verify(shell)
            waitForRendering(shell)
            return shell
        }

        function test_minimalLogTakesAtMostFourTapsFromHome() {
            const shell = openShell()
            const before = Overview.todayCount
            const historyBefore = shell.historyPage.model.count
            root.taps = 0

            tap(findChild(shell, "quickLogButton"), "the quick-log button on Home")
            tryCompare(shell.stack, "depth", 2)
            const page = shell.stack.currentItem
            compare(page.objectName, "quickLogPage")
            waitForRendering(page)
            tap(findChild(page, "channel_phone"), "the Phone chip")
            tap(findChild(page, "emotion_appreciation"), "Appreciation")
            tap(findChild(page, "saveButton"), "Save")

            verify(root.taps <= 4, "a minimal quick log took " + root.taps + " taps")
            tryCompare(shell.stack, "depth", 1)
            // The record reached the store: the counts and the history list see it.
            tryCompare(Overview, "todayCount", before + 1)
            tryCompare(shell.historyPage.model, "count", historyBefore + 1)
            const row = shell.historyPage.model.get(0)
            compare(row.channel, "phone")
            compare(row.endEmotion, "appreciation")
            // The form is empty again for the next contact, and Undo is offered.
            compare(shell.quickForm.channel, "")
            verify(findChild(shell, "undoBar").visible)
        }

        function test_missingEndEmotionIsShownInPlaceAndNothingIsLost() {
            const shell = openShell()
            const before = Overview.todayCount
            tap(findChild(shell, "quickLogButton"), "quick log")
            tryCompare(shell.stack, "depth", 2)
            const page = shell.stack.currentItem
            waitForRendering(page)

            tap(findChild(page, "channel_email"), "Email")
            tap(findChild(page, "moreDetailsButton"), "More details")
            findChild(page, "noteField").text = "Asked twice about the refund"
            tap(findChild(page, "saveButton"), "Save")

            // Refused: still on the form, the message under the emotion field, nothing saved.
            compare(shell.stack.depth, 2)
            const error = findChild(page, "endEmotionError")
            tryVerify(() => error.visible && error.text.length > 0, 2000, "the end-emotion error is shown")
            verify(!findChild(page, "channelError").visible)
            compare(Overview.todayCount, before)
            // What was entered is all still there.
            compare(shell.quickForm.channel, "email")
            verify(findChild(page, "channel_email").checked)
            compare(shell.quickForm.note, "Asked twice about the refund")
            compare(findChild(page, "noteField").text, "Asked twice about the refund")

            // Fix it in place and save.
            tap(findChild(page, "emotion_ambivalence"), "Ambivalence")
            tap(findChild(page, "saveButton"), "Save")
            tryCompare(shell.stack, "depth", 1)
            tryCompare(Overview, "todayCount", before + 1)
            compare(shell.historyPage.model.get(0).note, "Asked twice about the refund")
        }

        function test_missingChannelIsShownInPlace() {
            const shell = openShell()
            tap(findChild(shell, "quickLogButton"), "quick log")
            tryCompare(shell.stack, "depth", 2)
            const page = shell.stack.currentItem
            waitForRendering(page)
            tap(findChild(page, "emotion_adoration"), "Adoration")
            tap(findChild(page, "saveButton"), "Save")
            const error = findChild(page, "channelError")
            tryVerify(() => error.visible && error.text.length > 0, 2000, "the channel error is shown")
            compare(shell.quickForm.endEmotion, "adoration")
            tap(findChild(page, "discardDraft"), "Discard")
            compare(shell.quickForm.endEmotion, "")
        }

        function test_undoRemovesTheSavedRecord() {
            const shell = openShell()
            const before = Overview.todayCount
            tap(findChild(shell, "quickLogButton"), "quick log")
            tryCompare(shell.stack, "depth", 2)
            const page = shell.stack.currentItem
            waitForRendering(page)
            tap(findChild(page, "channel_chat"), "Chat")
            tap(findChild(page, "emotion_agitation"), "Agitation")
            tap(findChild(page, "saveButton"), "Save")
            tryCompare(Overview, "todayCount", before + 1)

            const undoBar = findChild(shell, "undoBar")
            verify(undoBar.visible)
            waitForRendering(shell)
            tap(findChild(undoBar, "undoButton"), "Undo")
            tryCompare(Overview, "todayCount", before)
            verify(!undoBar.visible)
            for (let i = 0; i < shell.historyPage.model.count; ++i)
                verify(shell.historyPage.model.get(i).channel !== "chat", "the undone record is gone")
        }

        function test_draftAndTimerSurviveLeavingTheForm() {
            const shell = openShell()
            tap(findChild(shell, "quickLogButton"), "quick log")
            tryCompare(shell.stack, "depth", 2)
            let page = shell.stack.currentItem
            waitForRendering(page)
            tap(findChild(page, "channel_video"), "Video")
            tap(findChild(page, "closeQuickLog"), "Close")
            tryCompare(shell.stack, "depth", 1)
            compare(shell.quickForm.channel, "video")
            tap(findChild(shell, "quickLogButton"), "Continue log")
            tryCompare(shell.stack, "depth", 2)
            page = shell.stack.currentItem
            verify(findChild(page, "channel_video").checked)
            tap(findChild(page, "discardDraft"), "Discard")
        }
    }
}
