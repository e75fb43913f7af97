import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward

// A validation message shown in place, under the field it belongs to. Empty text: takes no space.
Label {
    id: root
    visible: text.length > 0
    wrapMode: Text.Wrap
    color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
    font.pixelSize: 13
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
