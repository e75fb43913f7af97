import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// Recover with the recovery code and set a new passphrase; the profile opens unlocked.
LockFrame {
    id: page
    signal cancelled()
    heading: qsTr("Use your recovery code")
    subheading: qsTr("Type the code you wrote down when you created your profile, then choose a new passphrase.")

    TextField {
        id: code
        objectName: "recoveryCode"
        Layout.fillWidth: true
        placeholderText: qsTr("Recovery code")
        font.family: "monospace"
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase | Qt.ImhSensitiveData
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Recovery code")
        onTextEdited: Session.noteActivity()
    }
    PassphraseField { id: next; Layout.fillWidth: true; placeholderText: qsTr("New passphrase") }
    PassphraseStrength { Layout.fillWidth: true; passphrase: next.text }
    PassphraseField {
        id: repeated
        Layout.fillWidth: true
        placeholderText: qsTr("New passphrase again")
        onAccepted: recover.clicked()
    }
    FieldError {
        objectName: "sessionError"
        Layout.fillWidth: true
        text: Session.error
    }
    PrimaryButton {
        id: recover
        objectName: "recoverButton"
        Layout.fillWidth: true
        implicitHeight: 56
        enabled: !Session.busy && code.text.length > 0
        text: Session.busy ? qsTr("Recovering\u2026") : qsTr("Recover and unlock")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Recover and unlock")
        onClicked: Session.recover(code.text, next.text, repeated.text)
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: Session.busy
        visible: running
    }
    Button {
        Layout.alignment: Qt.AlignHCenter
        flat: true
        text: qsTr("Back to unlock")
        Accessible.role: Accessible.Button
        Accessible.name: text
        onClicked: { Session.clearError(); page.cancelled() }
    }
}
