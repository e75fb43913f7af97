import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward

// A destination in the bottom bar (phone) or the navigation rail (tablet, desktop): a glyph in a
// pill that fills when chosen, and the label under it.
AbstractButton {
    id: item
    property string glyph
    checkable: true
    autoExclusive: true
    focusPolicy: Qt.StrongFocus
    implicitWidth: 80
    implicitHeight: 64
    Accessible.role: Accessible.PageTab
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: checked

    contentItem: Item {
        Rectangle {
            id: pill
            width: 56; height: 30; radius: 15
            anchors.horizontalCenter: parent.horizontalCenter
            y: (parent.height - height - label.implicitHeight - 4) / 2
            color: item.checked ? Qt.rgba(item.Material.accent.r, item.Material.accent.g, item.Material.accent.b, 0.22)
                                : (item.down ? Qt.rgba(item.Material.foreground.r, item.Material.foreground.g, item.Material.foreground.b, 0.08) : "transparent")
            Label {
                anchors.centerIn: parent
                text: item.glyph
                font.pixelSize: 18
                color: item.checked ? item.Material.accent : item.Material.foreground
                Accessible.ignored: true
            }
        }
        Label {
            id: label
            anchors.top: pill.bottom
            anchors.topMargin: 4
            anchors.horizontalCenter: parent.horizontalCenter
            width: parent.width - 4
            horizontalAlignment: Text.AlignHCenter
            elide: Text.ElideRight
            text: item.text
            font.pixelSize: 12
            font.weight: item.checked ? Font.DemiBold : Font.Normal
            color: item.checked ? item.Material.foreground : item.Material.hintTextColor
        }
    }
    background: Item {}
}
