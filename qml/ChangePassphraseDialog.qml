import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// Change the passphrase: the current one, the new one twice. Key derivation runs in C++ off the
// UI thread; the dialog closes when Session reports success.
Dialog {
    id: dialog
    title: qsTr("Change passphrase")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 400, 460)
    standardButtons: Dialog.NoButton
    signal changed()

    onOpened: { Session.clearError(); current.text = ""; next.text = ""; repeated.text = ""; current.field.forceActiveFocus() }
    onClosed: { current.text = ""; next.text = ""; repeated.text = "" }

    Connections {
        target: Session
        function onPassphraseChanged() {
            if (dialog.opened) {
                dialog.close()
                dialog.changed()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        PassphraseField { id: current; Layout.fillWidth: true; placeholderText: qsTr("Current passphrase") }
        PassphraseField { id: next; Layout.fillWidth: true; placeholderText: qsTr("New passphrase") }
        PassphraseStrength { Layout.fillWidth: true; passphrase: next.text }
        PassphraseField {
            id: repeated
            Layout.fillWidth: true
            placeholderText: qsTr("New passphrase again")
            onAccepted: changeButton.clicked()
        }
        FieldError { Layout.fillWidth: true; text: Session.error }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            BusyIndicator { running: Session.busy; visible: running; Layout.preferredHeight: 40; Layout.preferredWidth: 40 }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Cancel")
                flat: true
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: dialog.close()
            }
            PrimaryButton {
                id: changeButton
                text: qsTr("Change")
                enabled: !Session.busy
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Change the passphrase")
                onClicked: Session.changePassphrase(current.text, next.text, repeated.text)
            }
        }
    }
}
