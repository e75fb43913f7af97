import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// First run, "I already use Outward on another device": the server address and the link code
// the other device shows (Settings, Add a device), this device's name and a passphrase for this
// device. DeviceJoinForm checks it all, joins, and the session opens the new profile unlocked and
// connected; the sync then brings the person's records. A refusal is shown in place and every
// field keeps what was typed.
LockFrame {
    id: page
    signal cancelled()
    property alias form: form
    heading: qsTr("Add this device")
    subheading: qsTr("On your other device, open Settings and choose \u201cAdd a device\u201d. It shows the server address and a link code that works for 10 minutes.")

    DeviceJoinForm {
        id: form
        onErrorsChanged: Qt.callLater(page.revealFirstError)
    }

    function submit() {
        Session.noteActivity()
        form.join(pass.text, repeat.text)
    }
    function revealFirstError() {
        for (const item of [serverError, codeError, deviceError, passError, formError]) {
            if (item.visible) {
                page.reveal(item)
                return
            }
        }
    }
    // The code in groups of four, keeping the cursor after the same character it followed.
    function regroup() {
        const typedBefore = codeField.text.slice(0, codeField.cursorPosition).replace(/[\s-]/g, "").length
        const grouped = form.formatCode(codeField.text)
        if (grouped === codeField.text)
            return
        codeField.text = grouped
        let position = 0, seen = 0
        while (position < grouped.length && seen < typedBefore) {
            if (grouped[position] !== "-")
                ++seen
            ++position
        }
        codeField.cursorPosition = position
    }

    FieldLabel {
        Layout.fillWidth: true
        text: qsTr("Server address")
        required: true
    }
    TextField {
        id: serverField
        objectName: "joinServerField"
        Layout.fillWidth: true
        enabled: !form.busy
        text: form.serverUrl
        placeholderText: "https://outward.example.org"
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Server address")
        onTextChanged: form.serverUrl = text
        onTextEdited: Session.noteActivity()
        onAccepted: codeField.forceActiveFocus()
    }
    FieldError { id: serverError; objectName: "joinServerError"; Layout.fillWidth: true; text: form.fieldErrors.serverUrl || "" }

    FieldLabel {
        Layout.fillWidth: true
        Layout.topMargin: 4
        text: qsTr("Link code")
        detail: qsTr("24 letters and digits. The dashes are added for you.")
        required: true
    }
    TextField {
        id: codeField
        objectName: "joinCodeField"
        Layout.fillWidth: true
        enabled: !form.busy
        text: form.code
        placeholderText: "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
        font.family: "DejaVu Sans Mono"
        font.letterSpacing: 1
        inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("Link code")
        onTextChanged: form.code = text
        onTextEdited: { page.regroup(); Session.noteActivity() }
        onAccepted: deviceField.forceActiveFocus()
    }
    FieldError { id: codeError; objectName: "joinCodeError"; Layout.fillWidth: true; text: form.fieldErrors.code || "" }

    FieldLabel {
        Layout.fillWidth: true
        Layout.topMargin: 4
        text: qsTr("This device's name")
        detail: qsTr("So you can tell your devices apart later.")
        required: true
    }
    TextField {
        id: deviceField
        objectName: "joinDeviceField"
        Layout.fillWidth: true
        enabled: !form.busy
        maximumLength: 100
        text: form.deviceName
        Accessible.role: Accessible.EditableText
        Accessible.name: qsTr("This device's name")
        onTextChanged: form.deviceName = text
        onTextEdited: Session.noteActivity()
        onAccepted: pass.field.forceActiveFocus()
    }
    FieldError { id: deviceError; objectName: "joinDeviceError"; Layout.fillWidth: true; text: form.fieldErrors.deviceName || "" }

    FieldLabel {
        Layout.fillWidth: true
        Layout.topMargin: 4
        text: qsTr("A passphrase for this device")
        detail: qsTr("It unlocks Outward here and may differ from your other device's. Your recovery code stays the same.")
        required: true
    }
    PassphraseField {
        id: pass
        objectName: "joinPassphrase"
        Layout.fillWidth: true
        enabled: !form.busy
        placeholderText: qsTr("Passphrase")
        onAccepted: repeat.field.forceActiveFocus()
    }
    PassphraseStrength {
        Layout.fillWidth: true
        passphrase: pass.text
    }
    PassphraseField {
        id: repeat
        objectName: "joinRepeatPassphrase"
        Layout.fillWidth: true
        enabled: !form.busy
        placeholderText: qsTr("Passphrase again")
        onAccepted: page.submit()
    }
    FieldError { id: passError; objectName: "joinPassphraseError"; Layout.fillWidth: true; text: form.fieldErrors.passphrase || "" }

    FieldError {
        id: formError
        objectName: "joinError"
        Layout.fillWidth: true
        Layout.topMargin: 4
        text: form.error
    }
    PrimaryButton {
        objectName: "joinButton"
        Layout.fillWidth: true
        Layout.topMargin: 4
        implicitHeight: 56
        enabled: !form.busy
        text: form.busy ? qsTr("Adding\u2026") : qsTr("Add this device")
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Add this device")
        onClicked: page.submit()
    }
    RowLayout {
        objectName: "joinBusy"
        Layout.alignment: Qt.AlignHCenter
        visible: form.busy
        spacing: 8
        BusyIndicator {
            Layout.preferredWidth: 36
            Layout.preferredHeight: 36
            running: form.busy
        }
        Label {
            objectName: "joinStep"
            text: form.stepText
            color: Material.hintTextColor
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Rectangle {
        Layout.fillWidth: true
        Layout.topMargin: 8
        Layout.preferredHeight: 1
        color: Material.dividerColor
    }
    Button {
        objectName: "joinBack"
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: 48
        flat: true
        enabled: !form.busy
        text: qsTr("I am new to Outward: create a profile")
        font.capitalization: Font.MixedCase
        Material.foreground: Material.accent
        Accessible.role: Accessible.Button
        Accessible.name: text
        onClicked: { form.clearErrors(); page.cancelled() }
    }
}
