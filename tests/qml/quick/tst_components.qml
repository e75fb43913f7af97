import QtQuick
import QtTest
import Outward

// The small components: chips, the emotion picker, a standard scale, the field error, the undo
// bar. Touch targets are at least 48 px.
Item {
    id: root
    width: 390
    height: 844

    Component {
        id: chipsComponent
        ChoiceChips {
            width: 358
            options: Labels.channels
            namePrefix: "c_"
            property string last: "unset"
            onChosen: value => { last = value; current = value }
        }
    }
    Component {
        id: emotionComponent
        EmotionPicker {
            width: 358
            property string last: "unset"
            onChosen: value => { last = value; current = value }
        }
    }
    Component {
        id: scaleComponent
        ScaleRow {
            width: 358
            title: "NPS"
            question: Labels.npsQuestion
            from: 0; to: 10
            namePrefix: "nps_"
            onChosen: v => value = v
        }
    }
    Component { id: errorComponent; FieldError { width: 300 } }
    Component { id: undoComponent; UndoBar { width: 358 } }

    TestCase {
        name: "Components"
        when: windowShown

        function test_chipsChooseAndClear() {
            const chips = createTemporaryObject(chipsComponent, root)
            waitForRendering(chips)
            const phone = findChild(chips, "c_phone")
            verify(phone.height >= 48)
            verify(phone.width >= 48)
            mouseClick(phone)
            compare(chips.last, "phone")
            verify(phone.checked)
            mouseClick(phone)            // optional field: a second tap clears
            compare(chips.last, "")
            verify(!phone.checked)
            chips.allowNone = false
            mouseClick(findChild(chips, "c_inPerson"))
            compare(chips.last, "inPerson")
            mouseClick(findChild(chips, "c_inPerson"))
            compare(chips.last, "inPerson")
            // Every chip stays inside the given width (they wrap).
            for (const option of Labels.channels) {
                const chip = findChild(chips, "c_" + option.value)
                verify(chip.x + chip.width <= chips.width + 0.5, option.value + " fits")
            }
        }

        function test_emotionPickerSendsJsonNames() {
            const picker = createTemporaryObject(emotionComponent, root)
            waitForRendering(picker)
            for (const e of ["anger", "agitation", "ambivalence", "appreciation", "adoration"]) {
                const tile = findChild(picker, "emotion_" + e)
                verify(tile, e)
                verify(tile.height >= 48)
                mouseClick(tile)
                compare(picker.last, e)
                verify(tile.checked)
            }
        }

        function test_scaleShowsEveryPointAndClears() {
            const scale = createTemporaryObject(scaleComponent, root)
            waitForRendering(scale)
            for (let i = 0; i <= 10; ++i) {
                const point = findChild(scale, "nps_" + i)
                verify(point, "point " + i)
                verify(point.width >= 48 && point.height >= 48)
            }
            verify(!findChild(scale, "nps_11"))
            mouseClick(findChild(scale, "nps_9"))
            compare(scale.value, 9)
            mouseClick(findChild(scale, "nps_9"))
            compare(scale.value, -1)
        }

        function test_fieldErrorTakesNoSpaceWhenEmpty() {
            const error = createTemporaryObject(errorComponent, root)
            verify(!error.visible)
            error.text = "must be one of: anger, agitation"
            verify(error.visible)
            compare(error.Accessible.role, Accessible.AlertMessage)
        }

        function test_undoBarCallsBackAndHides() {
            const bar = createTemporaryObject(undoComponent, root)
            let undone = 0
            bar.timeout = 200
            bar.show("Interaction saved", () => undone += 1)
            verify(bar.visible)
            waitForRendering(bar)
            mouseClick(findChild(bar, "undoButton"))
            compare(undone, 1)
            verify(!bar.visible)
            bar.show("Saved", () => undone += 1)
            tryVerify(() => !bar.visible, 2000, "hides by itself")
            compare(undone, 1)
        }
    }
}
