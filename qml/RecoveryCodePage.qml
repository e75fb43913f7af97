import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// The recovery code, shown once. The app opens only after the person re-types its last group,
// which shows it was written down.
LockFrame {
    id: page
    heading: qsTr("Your recovery code")
    subheading: qsTr("If you forget your passphrase, this code is the only way back in. Write it down on paper and keep it somewhere safe. It is shown only this once.")

    readonly property var groups: Session.pendingRecoveryCode.split(/[^A-Za-z0-9]+/).filter(g => g.length > 0)

    Pane {
        Layout.fillWidth: true
        padding: 16
        background: Rectangle {
            radius: 12
            color: "transparent"
            border.width: 1
            border.color: page.Material.dividerColor
        }
        Flow {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 14
            Repeater {
                model: page.groups
                Label {
                    required property string modelData
                    required property int index
                    text: modelData
                    font.family: "monospace"
                    font.pixelSize: 22
                    font.letterSpacing: 2
                    font.weight: index === page.groups.length - 1 ? Font.Bold : Font.Normal
                }
            }
        }
        Accessible.role: Accessible.StaticText
        Accessible.name: qsTr("Recovery code: %1").arg(page.groups.join(", "))
    }

    CheckBox {
        id: written
        objectName: "writtenDown"
        Layout.fillWidth: true
        text: qsTr("I have written it down")
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
    }
    TextField {
        id: lastGroup
        objectName: "lastGroup"
        Layout.fillWidth: true
        enabled: written.checked
        placeholderText: qsTr("Type the last group (%1 characters) to confirm").arg(page.groups.length > 0 ? page.groups[page.groups.length - 1].length : 4)
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
        font.family: "monospace"
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Last group of the recovery code")
        onAccepted: confirm.clicked()
    }
    FieldError {
        id: confirmError
        objectName: "confirmError"
        Layout.fillWidth: true
        text: Session.error.length > 0 ? Session.error : ""
    }
    PrimaryButton {
        id: confirm
        objectName: "confirmCode"
        Layout.fillWidth: true
        implicitHeight: 56
        enabled: written.checked && lastGroup.text.length > 0
        text: qsTr("Continue")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Confirm the recovery code and continue")
        onClicked: {
            if (!Session.confirmRecoveryCodeSaved(lastGroup.text.trim()) && Session.error.length === 0)
                confirmError.text = qsTr("That is not the last group of the code. Compare it with what you wrote down.")
        }
    }
}
