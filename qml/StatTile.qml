import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// A number with its meaning, for the home screen.
Pane {
    id: tile
    property int value: 0
    property string label
    property string detail
    property color accent: Material.foreground
    padding: 12
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1: %2").arg(label).arg(value)
    Accessible.description: detail

    background: Rectangle {
        radius: 12
        color: "transparent"
        border.width: 1
        border.color: tile.Material.dividerColor
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Label {
            text: String(tile.value)
            font.pixelSize: 28
            font.weight: Font.DemiBold
            color: tile.accent
        }
        Label {
            Layout.fillWidth: true
            text: tile.label
            font.pixelSize: 13
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: tile.detail.length > 0
            text: tile.detail
            font.pixelSize: 12
            color: Material.hintTextColor
            wrapMode: Text.Wrap
        }
    }
}
