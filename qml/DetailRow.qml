import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// A label and its value in a detail view; hidden when there is no value.
ColumnLayout {
    id: root
    property string label
    property string value
    visible: value.length > 0
    spacing: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + value

    Label {
        Layout.fillWidth: true
        text: root.label
        font.pixelSize: 13
        color: Material.hintTextColor
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: root.value
        font.pixelSize: 16
        wrapMode: Text.Wrap
    }
}
