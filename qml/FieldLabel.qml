import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// A field's heading: the question in plain words, marked required or optional, with an optional
// supporting line (a standard scale's wording).
ColumnLayout {
    id: root
    property string text
    property string detail
    property bool required: false
    spacing: 2

    RowLayout {
        Layout.fillWidth: true
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: root.text
            font.pixelSize: 15
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            text: root.required ? qsTr("Required") : qsTr("Optional")
            font.pixelSize: 12
            color: root.required ? Material.accent : Material.hintTextColor
            Accessible.ignored: true
        }
    }
    Label {
        Layout.fillWidth: true
        visible: root.detail.length > 0
        text: root.detail
        font.pixelSize: 13
        font.italic: true
        wrapMode: Text.Wrap
        color: Material.hintTextColor
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
