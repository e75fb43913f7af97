import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// One choice out of a few named values, as chips that wrap onto the next line. `options` is a
// list of { value, label }; `current` is the chosen JSON name ("" = none). With `allowNone`, a
// second tap on the chosen chip clears it (for optional fields). Emits chosen(value) on a tap;
// the owner writes it to its form. The Flow is wrapped in an Item with a fixed implicit width:
// its height follows the width the Layout gives, without a width <-> implicit width loop.
Item {
    id: root
    property var options: []
    property string current: ""
    property bool allowNone: true
    property string namePrefix: ""  // objectName of each chip: namePrefix + value
    property string accessibleName: ""
    property color tint: Material.accent
    signal chosen(string value)

    implicitWidth: 240
    implicitHeight: flow.implicitHeight
    Accessible.role: Accessible.Grouping
    Accessible.name: accessibleName

    Flow {
        id: flow
        width: root.width
        spacing: 8
        Repeater {
            model: root.options
            delegate: Chip {
                required property var modelData
                objectName: root.namePrefix + modelData.value
                text: modelData.label
                tint: root.tint
                checked: root.current === modelData.value
                // The form owns the value: put the binding back after each tap.
                onClicked: {
                    const next = (root.allowNone && root.current === modelData.value) ? "" : modelData.value;
                    checked = Qt.binding(() => root.current === modelData.value);
                    root.chosen(next);
                }
            }
        }
    }
}
