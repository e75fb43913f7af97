import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// First run: create the profile with a passphrase (strength shown as it is typed). The next
// screen shows the recovery code once. Someone who already uses Outward elsewhere adds this
// device to their account instead (JoinPage).
LockFrame {
    id: page
    signal joinRequested()
    heading: qsTr("Welcome")
    subheading: qsTr("Choose a passphrase. It encrypts everything you write on this device; nobody else, not even the server, can read it.")

    PassphraseField {
        id: pass
        objectName: "newPassphrase"
        Layout.fillWidth: true
        placeholderText: qsTr("Passphrase")
        onAccepted: repeat.field.forceActiveFocus()
    }
    PassphraseStrength {
        Layout.fillWidth: true
        passphrase: pass.text
    }
    PassphraseField {
        id: repeat
        objectName: "repeatPassphrase"
        Layout.fillWidth: true
        placeholderText: qsTr("Passphrase again")
        onAccepted: create.clicked()
    }
    Label {
        Layout.fillWidth: true
        text: qsTr("Tip: a few unrelated words are easy to remember and hard to guess.")
        wrapMode: Text.Wrap
        font.pixelSize: 13
        color: Material.hintTextColor
    }
    FieldError {
        objectName: "sessionError"
        Layout.fillWidth: true
        text: Session.error
    }
    PrimaryButton {
        id: create
        objectName: "createProfile"
        Layout.fillWidth: true
        implicitHeight: 56
        enabled: !Session.busy
        text: Session.busy ? qsTr("Creating\u2026") : qsTr("Create my profile")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Create my profile")
        onClicked: Session.createProfile(pass.text, repeat.text)
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        running: Session.busy
        visible: running
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.topMargin: 8
        Layout.preferredHeight: 1
        color: Material.dividerColor
    }
    Button {
        objectName: "joinInstead"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: 48
        flat: true
        enabled: !Session.busy
        text: qsTr("I already use Outward on another device")
        font.capitalization: Font.MixedCase
        Material.foreground: Material.accent
        Accessible.role: Accessible.Button
        Accessible.name: text
        onClicked: { Session.clearError(); page.joinRequested() }
    }
}
