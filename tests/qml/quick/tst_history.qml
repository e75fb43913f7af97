import QtQuick
import QtTest
import Outward

// The history: records listed newest first, the channel filter and search, and delete with undo
// from the detail screen.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"

    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }
    Component { id: formComponent; InteractionForm {} }

    TestCase {
        name: "History"
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

            const form = createTemporaryObject(formComponent, root)
            const records = [
                ["phone", "appreciation", "Billing question answered"],
                ["email", "agitation", "Late delivery, escalated"],
                ["phone", "adoration", "Thanked us for the quick fix"],
                ["email", "ambivalence", "Password reset"]
            ]
            for (const r of records) {
                form.channel = r[0]
                form.endEmotion = r[1]
                form.note = r[2]
                verify(form.save(), "saved " + r[2])
                wait(20) // distinct times, so "newest first" is well defined
            }
        }

        function openHistory() {
            const shell = createTemporaryObject(shellComponent, root)
            waitForRendering(shell)
            mouseClick(findChild(shell, "tab_history"))
            compare(shell.tab, 1)
            const page = shell.historyPage
            tryVerify(() => page.model.count >= 4, 5000, "the records are listed")
            return shell
        }

        function test_listShowsRecordsNewestFirst() {
            const shell = openHistory()
            const page = shell.historyPage
            compare(page.model.count, 4)
            compare(page.model.get(0).note, "Password reset")
            compare(page.model.get(3).note, "Billing question answered")
            const list = findChild(page, "historyList")
            tryVerify(() => list.count === 4)
            verify(!findChild(page, "historyEmpty").visible)
        }

        function test_filterByChannel() {
            const shell = openHistory()
            const page = shell.historyPage
            const combo = findChild(page, "channelFilter")
            const emailIndex = combo.indexOfValue("email")
            verify(emailIndex > 0)
            combo.currentIndex = emailIndex
            combo.activated(emailIndex)
            tryCompare(page.model, "count", 2)
            for (let i = 0; i < page.model.count; ++i)
                compare(page.model.get(i).channel, "email")

            combo.currentIndex = 0
            combo.activated(0)
            tryCompare(page.model, "count", 4)
        }

        function test_searchNotes() {
            const shell = openHistory()
            const page = shell.historyPage
            const search = findChild(page, "historySearch")
            mouseClick(search)
            search.text = "delivery"
            tryCompare(page.model, "count", 1, 3000)
            compare(page.model.get(0).note, "Late delivery, escalated")
            search.text = ""
            tryCompare(page.model, "count", 4, 3000)
        }

        function test_deleteFromDetailWithUndo() {
            const shell = openHistory()
            const page = shell.historyPage
            const list = findChild(page, "historyList")
            waitForRendering(list)
            const firstId = page.model.get(0).id
            // Open the newest record: the phone layout pushes its detail.
            list.positionViewAtBeginning()
            const row = list.itemAtIndex(0)
            verify(row)
            mouseClick(row)
            tryCompare(shell.stack, "depth", 2)
            const detail = shell.stack.currentItem
            compare(detail.recordId, firstId)
            waitForRendering(detail)
            tryCompare(shell.stack, "busy", false) // a StackView takes no input while it moves
            mouseClick(findChild(detail, "deleteRecord"))
            tryCompare(page.model, "count", 3)
            tryCompare(shell.stack, "depth", 1)
            const undoBar = findChild(shell, "undoBar")
            verify(undoBar.visible)
            waitForRendering(shell)
            mouseClick(findChild(undoBar, "undoButton"))
            tryCompare(page.model, "count", 4)
            compare(page.model.get(0).id, firstId)
        }
    }
}
