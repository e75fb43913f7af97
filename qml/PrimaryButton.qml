import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward

// The main action of a screen (filled), or a secondary one (outlined). Drawn without Material's
// elevation shader, so it also shows under Qt Quick's software renderer (virtual machines,
// remote desktops, headless grabs), where a raised Material button has no background at all.
Button {
    id: control
    property bool outlined: false
    property real radius: 12
    readonly property color fill: Material.accent

    implicitHeight: 52
    topInset: 0
    bottomInset: 0
    font.pixelSize: 16
    font.weight: Font.DemiBold
    font.capitalization: Font.MixedCase
    Accessible.role: Accessible.Button
    Accessible.name: text

    contentItem: Label {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        // Dark text on a light fill: Material's dark theme lightens the accent, and white on it
        // is unreadable.
        color: !control.enabled ? control.Material.hintTextColor
                                : (control.outlined ? control.fill
                                                    : (control.fill.hslLightness > 0.6 ? "#10201e" : "white"))
    }
    background: Rectangle {
        implicitWidth: 96
        implicitHeight: 52
        radius: control.radius
        color: control.outlined
               ? (control.down ? Qt.rgba(control.fill.r, control.fill.g, control.fill.b, 0.14) : "transparent")
               : (!control.enabled ? control.Material.buttonDisabledColor
                                   : (control.down ? Qt.darker(control.fill, 1.2)
                                                   : (control.hovered ? Qt.darker(control.fill, 1.08) : control.fill)))
        border.width: control.outlined || control.visualFocus ? 1 : 0
        border.color: control.visualFocus ? control.Material.foreground
                                          : (control.enabled ? control.fill : control.Material.hintTextColor)
    }
}
