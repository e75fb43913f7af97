import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// Locked: the passphrase (or the device key store when remembered). A wrong passphrase says so
// and keeps the profile locked; "Forgot your passphrase?" leads to the recovery code.
LockFrame {
    id: page
    signal recoverRequested()
    heading: qsTr("Welcome back")
    subheading: qsTr("Enter your passphrase to unlock.")

    Component.onCompleted: pass.field.forceActiveFocus()
    Connections {
        target: Session
        function onStateChanged() { pass.text = "" }
    }

    PrimaryButton {
        objectName: "unlockWithDevice"
        Layout.fillWidth: true
        implicitHeight: 56
        visible: Session.remembered
        enabled: !Session.busy
        text: qsTr("Unlock with this device")
        Accessible.role: Accessible.Button
        Accessible.name: text
        onClicked: Session.unlockWithDevice()
    }
    Label {
        Layout.fillWidth: true
        visible: Session.remembered
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("or with your passphrase")
        color: Material.hintTextColor
    }
    PassphraseField {
        id: pass
        objectName: "unlockPassphrase"
        Layout.fillWidth: true
        placeholderText: qsTr("Passphrase")
        onAccepted: unlock.clicked()
    }
    CheckBox {
        id: remember
        objectName: "rememberDevice"
        Layout.fillWidth: true
        visible: !Session.remembered
        text: qsTr("Remember on this device")
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
        Accessible.description: qsTr("Keeps the key in this device's key store, so you can unlock without typing.")
    }
    FieldError {
        objectName: "sessionError"
        Layout.fillWidth: true
        text: Session.error
    }
    PrimaryButton {
        id: unlock
        objectName: "unlockButton"
        outlined: Session.remembered
        Layout.fillWidth: true
        implicitHeight: 56
        enabled: !Session.busy && pass.text.length > 0
        text: Session.busy ? qsTr("Unlocking\u2026") : qsTr("Unlock")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Unlock")
        onClicked: Session.unlock(pass.text, remember.checked)
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: Session.busy
        visible: running
    }
    Button {
        objectName: "forgotPassphrase"
        Layout.alignment: Qt.AlignHCenter
        flat: true
        text: qsTr("Forgot your passphrase?")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Forgot your passphrase? Use your recovery code")
        onClicked: { Session.clearError(); page.recoverRequested() }
    }
}
