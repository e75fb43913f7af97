import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// The strength of a new passphrase (0 unusable .. 4 strong, from C++) as a bar of four steps
// and the hint saying what would make it stronger.
ColumnLayout {
    id: root
    property string passphrase
    readonly property int strength: passphrase.length > 0 ? Session.passphraseStrength(passphrase) : 0
    readonly property string hint: passphrase.length > 0 ? Session.passphraseHint(passphrase) : ""
    readonly property var names: [qsTr("Too weak"), qsTr("Weak"), qsTr("Fair"), qsTr("Good"), qsTr("Strong")]
    readonly property color tint: strength <= 1 ? Material.color(Material.Red)
                                  : (strength === 2 ? Material.color(Material.Orange) : Material.color(Material.Green))
    spacing: 4
    visible: passphrase.length > 0
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Passphrase strength: %1. %2").arg(names[strength]).arg(hint)

    RowLayout {
        Layout.fillWidth: true
        spacing: 4
        Repeater {
            model: 4
            Rectangle {
                required property int index
                Layout.fillWidth: true
                height: 4
                radius: 2
                color: index < root.strength ? root.tint : root.Material.dividerColor
            }
        }
    }
    Label {
        objectName: "strengthLabel"
        Layout.fillWidth: true
        // At the top the hint would only say the name again ("Strong — Strong.").
        text: root.hint.length > 0 && root.strength < 4 ? qsTr("%1 \u2014 %2").arg(root.names[root.strength]).arg(root.hint)
                                                        : root.names[root.strength]
        font.pixelSize: 13
        color: root.strength <= 1 ? root.tint : Material.hintTextColor
        wrapMode: Text.Wrap
    }
}
