import QtQuick
import QtTest
import Outward

// The tablet/desktop layout (width >= 700): the navigation rail replaces the bottom bar, and
// History and Reflections show list and detail side by side: a tap selects, nothing is pushed.
Item {
    id: root
    width: 1024
    height: 1366

    readonly property string passphrase: "amber kettle orbit lantern"

    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }
    Component { id: formComponent; InteractionForm {} }

    TestCase {
        name: "Wide"
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
                ["phone", "appreciation", "Wide: billing question answered"],
                ["email", "agitation", "Wide: late delivery, escalated"]
            ]
            for (const r of records) {
                form.channel = r[0]
                form.endEmotion = r[1]
                form.note = r[2]
                verify(form.save(), "saved " + r[2])
                wait(20) // distinct times, so "newest first" is well defined
            }
        }

        function tap(item, what) {
            verify(item, "found: " + what)
            verify(item.visible, "visible: " + what)
            verify(item.enabled, "enabled: " + what)
            mouseClick(item)
        }

        // Every visible item under `item` whose text is `text`.
        function visibleTexts(item, text) {
            let found = []
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible)
                    continue
                if (child.text === text)
                    found.push(child)
                found = found.concat(visibleTexts(child, text))
            }
            return found
        }

        function openShell() {
            const shell = createTemporaryObject(shellComponent, root)
            verify(shell)
            waitForRendering(shell, 300)
            return shell
        }

        function test_railInsteadOfBottomBar() {
            const shell = openShell()
            verify(shell.wide)
            for (const name of ["home", "history", "reflections", "settings"]) {
                verify(findChild(shell, "rail_" + name).visible, "rail_" + name + " shown")
                verify(!findChild(shell, "tab_" + name).visible, "tab_" + name + " hidden")
            }
            const quickLog = findChild(shell, "railQuickLog")
            verify(quickLog.visible)
            compare(quickLog.Accessible.role, Accessible.Button)
            verify(quickLog.Accessible.name.length > 0)

            tap(findChild(shell, "rail_settings"), "Settings in the rail")
            compare(shell.tab, 3)
            verify(findChild(shell, "settingsPage").visible)
            tap(findChild(shell, "rail_history"), "History in the rail")
            compare(shell.tab, 1)
            verify(shell.historyPage.visible)

            // The rail's quick-log button opens the form.
            tap(quickLog, "the rail's quick-log button")
            tryCompare(shell.stack, "depth", 2)
            compare(shell.stack.currentItem.objectName, "quickLogPage")
        }

        function test_historyShowsListAndDetailSideBySide() {
            const shell = openShell()
            tap(findChild(shell, "rail_history"), "History in the rail")
            const page = shell.historyPage
            tryCompare(page.model, "count", 2, 5000)
            const list = findChild(page, "historyList")
            tryVerify(() => list.count === 2)
            waitForRendering(list, 300)
            // Side by side: the list takes part of the width, the detail the rest.
            verify(list.width < page.width * 0.6, "the list leaves room for the detail")
            compare(page.selectedId, "")

            for (const row of [1, 0]) {
                const record = page.model.get(row)
                const item = list.itemAtIndex(row)
                verify(item, "row " + row)
                tap(item, "history row " + row)
                compare(page.selectedId, record.id)
                // No page pushed: the detail is beside the list.
                compare(shell.stack.depth, 1)
                tryVerify(() => visibleTexts(page, record.note).some(t => !list.contains(list.mapFromItem(t, 0, 0))),
                          3000, "the detail beside the list shows " + record.note)
                verify(findChild(page, "deleteRecord").visible)
                verify(item.selected, "the row is marked as selected")
            }
        }

        function test_reflectionEditorBesideTheList() {
            const shell = openShell()
            tap(findChild(shell, "rail_reflections"), "Reflections in the rail")
            compare(shell.tab, 2)
            const page = shell.reflectionsPage
            waitForRendering(page, 300)
            tap(findChild(page, "prompt_whyThisWork"), "the whyThisWork prompt")
            compare(shell.stack.depth, 1)
            let editor = null
            tryVerify(() => (editor = findChild(page, "promptBox")) !== null && editor.visible, 3000, "the editor is beside the list")
            compare(editor.currentValue, "whyThisWork")
            const body = findChild(page, "reflectionBody")
            body.text = "Because a calm voice helps."
            const before = page.model.count
            tap(findChild(page, "saveReflection"), "Save")
            tryCompare(page.model, "count", before + 1)
            compare(shell.stack.depth, 1)
            // The saved reflection stays selected beside the list.
            tryCompare(page, "selectedId", page.model.get(0).id)
            compare(page.model.get(0).prompt, "whyThisWork")
        }
    }
}
