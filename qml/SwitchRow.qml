import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.Material.impl

// A switch with its label, as SwitchDelegate, whose handle is drawn flat with an outline instead
// of Material's shadow: the software renderer (virtual machines, remote desktops) cannot draw the
// shadow, and the handle vanished with it, leaving "on" and "off" as two coloured bars.
SwitchDelegate {
    id: control
    // Lined up with the fields above and below it, edge to edge.
    leftPadding: 0
    rightPadding: 0

    indicator: SwitchIndicator {
        x: control.text ? (control.mirrored ? control.leftPadding : control.width - width - control.rightPadding)
                        : control.leftPadding + (control.availableWidth - width) / 2
        y: control.topPadding + (control.availableHeight - height) / 2
        control: control
        Material.elevation: 0
        handle.border.width: 1
        handle.border.color: control.checked && control.enabled ? "transparent" : control.Material.dividerColor
    }
}
