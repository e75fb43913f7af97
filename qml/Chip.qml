import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward

// A selectable chip, at least 48 px tall so it is easy to hit with a thumb.
AbstractButton {
    id: control
    property color tint: Material.accent
    property string leading: ""   // a short mark before the text (a score such as "+1")

    checkable: true
    focusPolicy: Qt.StrongFocus
    implicitHeight: 48
    implicitWidth: Math.max(64, contentRow.implicitWidth + 32)
    padding: 0
    Accessible.role: Accessible.RadioButton
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: checked

    contentItem: Item {
        Row {
            id: contentRow
            anchors.centerIn: parent
            spacing: 6
            Label {
                visible: control.leading.length > 0
                text: control.leading
                font.pixelSize: 13
                font.weight: Font.DemiBold
                color: control.checked ? control.Material.background : control.tint
                anchors.verticalCenter: parent.verticalCenter
            }
            Label {
                text: control.checked ? "\u2713 " + control.text : control.text
                font.pixelSize: 15
                elide: Text.ElideRight
                width: Math.min(implicitWidth, control.width - 24)
                color: control.checked ? control.Material.background : control.Material.foreground
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }

    background: Rectangle {
        implicitHeight: 48
        radius: 12
        color: control.checked ? control.tint
                               : (control.down ? Qt.rgba(control.tint.r, control.tint.g, control.tint.b, 0.16)
                                               : (control.hovered ? Qt.rgba(control.tint.r, control.tint.g, control.tint.b, 0.08) : "transparent"))
        border.width: control.checked ? 0 : 1
        border.color: control.visualFocus ? control.tint : control.Material.hintTextColor
        Behavior on color { ColorAnimation { duration: 120 } }
    }
}
