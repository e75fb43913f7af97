import QtQuick
import QtTest
import Outward

// Reflections on the phone layout: written from a prompt shortcut and listed with that prompt,
// edited, shared with the lead and made private again, an empty text refused in place without
// losing the title, and delete with undo.
// waitForRendering() is bounded: on a view that is already drawn no new frame comes, and the
// default would sit out 5 s each time without testing anything.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"

    Component { id: shellComponent; AppShell { width: root.width; height: root.height } }

    TestCase {
        name: "Reflections"
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
        }

        // Types into a text field key by key (the title only listens to edits a person makes).
        function typeText(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
        }

        function openReflections() {
            const shell = createTemporaryObject(shellComponent, root)
            verify(shell)
            waitForRendering(shell, 300)
            tap(findChild(shell, "tab_reflections"), "the Reflections tab")
            compare(shell.tab, 2)
            return shell
        }

        function editorOnTop(shell) {
            tryCompare(shell.stack, "depth", 2)
            tryCompare(shell.stack, "busy", false) // a StackView takes no input while it moves
            const editor = shell.stack.currentItem
            compare(editor.objectName, "reflectionEditor")
            waitForRendering(editor, 300)
            return editor
        }

        // Opens the reflection in row `row` of the list, as a tap on it.
        function openRow(shell, row) {
            const page = shell.reflectionsPage
            tryCompare(shell.stack, "busy", false) // after a save the editor may still be leaving
            const list = findChild(page, "reflectionsList")
            tryVerify(() => list.count > row, 5000, "the list shows row " + row)
            list.positionViewAtIndex(row, 0 /* ListView.Beginning */)
            waitForRendering(list, 300)
            const item = list.itemAtIndex(row)
            verify(item, "delegate of row " + row)
            tap(item, "reflection row " + row)
            const editor = editorOnTop(shell)
            compare(editor.recordId, page.model.get(row).id)
            return editor
        }

        function save(editor) {
            tap(findChild(editor, "saveReflection"), "Save")
        }

        function test_1_writeFromPromptShortcut() {
            const shell = openReflections()
            const model = shell.reflectionsPage.model
            compare(model.count, 0)

            tap(findChild(shell.reflectionsPage, "prompt_customerGain"), "the customerGain prompt")
            const editor = editorOnTop(shell)
            verify(editor.isNew)
            compare(findChild(editor, "promptBox").currentValue, "customerGain")
            typeText(findChild(editor, "reflectionTitle"), "Refund at last")
            findChild(editor, "reflectionBody").text = "She had waited three weeks; I got it through today."
            save(editor)

            tryCompare(shell.stack, "depth", 1)
            tryCompare(model, "count", 1)
            const row = model.get(0)
            compare(row.prompt, "customerGain")
            compare(row.title, "Refund at last")
            compare(row.note, "She had waited three weeks; I got it through today.")
            compare(row.shared, false)  // private by default
            verify(findChild(shell, "undoBar").visible)

            // The list shows it, and opening it shows its prompt again.
            const editorAgain = openRow(shell, 0)
            compare(findChild(editorAgain, "promptBox").currentValue, "customerGain")
            compare(findChild(editorAgain, "reflectionTitle").text, "Refund at last")
        }

        function test_2_editKeepsTheRecord() {
            const shell = openReflections()
            const model = shell.reflectionsPage.model
            tryCompare(model, "count", 1)
            const id = model.get(0).id

            const editor = openRow(shell, 0)
            verify(!editor.isNew)
            typeText(findChild(editor, "reflectionTitle"), "Refund, finally")
            findChild(editor, "reflectionBody").text = "Three weeks of waiting, fixed in one call."
            save(editor)

            tryCompare(shell.stack, "depth", 1)
            tryVerify(() => model.get(0).title === "Refund, finally", 3000, "the new title is listed")
            compare(model.count, 1)
            compare(model.get(0).id, id)
            compare(model.get(0).note, "Three weeks of waiting, fixed in one call.")
            compare(model.get(0).prompt, "customerGain")
        }

        function test_3_shareWithLeadToggles() {
            const shell = openReflections()
            const model = shell.reflectionsPage.model
            tryCompare(model, "count", 1)
            compare(model.get(0).shared, false)

            let editor = openRow(shell, 0)
            const share = findChild(editor, "reflectionShare")
            verify(!share.checked)
            tap(share, "Share with my lead")
            verify(share.checked)
            save(editor)
            tryCompare(shell.stack, "depth", 1)
            tryVerify(() => model.get(0).shared === true, 3000, "the reflection is shared")

            editor = openRow(shell, 0)
            verify(findChild(editor, "reflectionShare").checked)
            tap(findChild(editor, "reflectionShare"), "Share with my lead (off)")
            save(editor)
            tryCompare(shell.stack, "depth", 1)
            tryVerify(() => model.get(0).shared === false, 3000, "the reflection is private again")
            compare(model.count, 1)
        }

        function test_4_emptyBodyIsShownInPlaceAndKeepsTheTitle() {
            const shell = openReflections()
            const model = shell.reflectionsPage.model
            tryCompare(model, "count", 1)
            const before = model.count

            tap(findChild(shell.reflectionsPage, "writeFree"), "Write freely")
            const editor = editorOnTop(shell)
            const title = findChild(editor, "reflectionTitle")
            typeText(title, "Half a thought")
            save(editor)

            // Refused: still on the editor, the message under the text, nothing saved or lost.
            const error = findChild(editor, "bodyError")
            tryVerify(() => error.visible && error.text.length > 0, 2000, "the body error is shown")
            compare(shell.stack.depth, 2)
            compare(title.text, "Half a thought")
            compare(model.count, before)

            // Fixed in place, it saves.
            findChild(editor, "reflectionBody").text = "Sometimes the small calls matter most."
            save(editor)
            tryCompare(shell.stack, "depth", 1)
            tryCompare(model, "count", before + 1)
            compare(model.get(0).title, "Half a thought")
            compare(model.get(0).prompt, "")
        }

        function test_5_deleteWithUndo() {
            const shell = openReflections()
            const model = shell.reflectionsPage.model
            tryCompare(model, "count", 2)
            const id = model.get(0).id

            const editor = openRow(shell, 0)
            tap(findChild(editor, "deleteReflection"), "Delete")
            tryCompare(model, "count", 1)
            tryCompare(shell.stack, "depth", 1)
            verify(model.rowOf(id) < 0)

            const undoBar = findChild(shell, "undoBar")
            verify(undoBar.visible)
            waitForRendering(shell, 300)
            tap(findChild(undoBar, "undoButton"), "Undo")
            tryCompare(model, "count", 2)
            compare(model.get(0).id, id)
            verify(!undoBar.visible)
        }
    }
}
