import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtQuick.Dialogs
import Outward

// Settings: the profile (passphrase), the lock (lock now, auto-lock, remember on this device),
// export of the person's own data, the language, and about.
Page {
    id: page
    signal message(string text)

    title: qsTr("Settings")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    readonly property var lockChoices: [
        { value: 1, label: qsTr("After 1 minute") },
        { value: 2, label: qsTr("After 2 minutes") },
        { value: 5, label: qsTr("After 5 minutes") },
        { value: 10, label: qsTr("After 10 minutes") },
        { value: 15, label: qsTr("After 15 minutes") },
        { value: 30, label: qsTr("After 30 minutes") },
        { value: 0, label: qsTr("Never") }
    ]
    function lockIndex(minutes) {
        for (let i = 0; i < lockChoices.length; ++i)
            if (lockChoices[i].value === minutes) return i
        return -1
    }

    component SectionTitle: Label {
        Layout.fillWidth: true
        Layout.topMargin: 20
        font.pixelSize: 13
        font.capitalization: Font.AllUppercase
        font.letterSpacing: 1
        color: Material.accent
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    component Explanation: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 13
        color: Material.hintTextColor
    }

    ChangePassphraseDialog {
        id: changeDialog
        parent: Overlay.overlay
        onChanged: page.message(qsTr("Passphrase changed."))
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export my data")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("JSON lines (*.jsonl)")]
        defaultSuffix: "jsonl"
        onAccepted: {
            const written = Overview.exportRecords(selectedFile)
            if (written < 0)
                exportResult.text = Overview.exportError()
            else
                exportResult.text = qsTr("Exported %n record(s).", "", written)
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 48
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content
            width: Math.min(flick.width - 32, 720)
            anchors.horizontalCenter: parent.horizontalCenter
            y: 12
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: page.title
                font.pixelSize: 28
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }

            SectionTitle { text: qsTr("Profile") }
            Explanation {
                text: qsTr("Everything you write is encrypted on this device. The server can count, but it cannot read.")
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Stored in %1").arg(Session.profileFolder)
                font.pixelSize: 13
                elide: Text.ElideMiddle
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            PrimaryButton {
                outlined: true
                objectName: "changePassphrase"
                text: qsTr("Change passphrase\u2026")
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Change passphrase")
                onClicked: changeDialog.open()
            }

            SectionTitle { text: qsTr("Lock") }
            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Lock automatically")
                    wrapMode: Text.Wrap
                }
                ComboBox {
                    id: autoLock
                    objectName: "autoLockBox"
                    Layout.preferredWidth: 200
                    textRole: "label"
                    valueRole: "value"
                    model: page.lockChoices
                    currentIndex: page.lockIndex(Session.autoLockMinutes)
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Lock automatically: %1").arg(currentText)
                    onActivated: Session.autoLockMinutes = currentValue
                }
            }
            SwitchDelegate {
                objectName: "rememberSwitch"
                Layout.fillWidth: true
                leftPadding: 0
                text: qsTr("Remember on this device")
                checked: Session.remembered
                enabled: Session.remembered
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: if (!checked) Session.forgetDevice()
            }
            Explanation {
                text: Session.remembered
                      ? qsTr("The key is kept in this device's key store, so you can unlock without typing. Turn off to forget it.")
                      : qsTr("To unlock without typing, choose \u201cRemember on this device\u201d when you next unlock.")
            }
            PrimaryButton {
                objectName: "lockNow"
                text: qsTr("Lock now")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: Session.lock()
            }

            SectionTitle { text: qsTr("Your data") }
            Explanation {
                text: qsTr("Export your own records, readable, as JSON lines. Keep the file somewhere safe: it is not encrypted.")
            }
            PrimaryButton {
                outlined: true
                objectName: "exportButton"
                text: qsTr("Export my data\u2026")
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Export my data")
                onClicked: exportDialog.open()
            }
            Label {
                id: exportResult
                Layout.fillWidth: true
                visible: text.length > 0
                wrapMode: Text.Wrap
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }

            SectionTitle { text: qsTr("Language") }
            ComboBox {
                id: languageBox
                objectName: "languageBox"
                Layout.fillWidth: true
                Layout.maximumWidth: 360
                textRole: "label"
                valueRole: "value"
                model: {
                    const list = [{ value: "", label: qsTr("Same as the system") }]
                    const codes = Language.available()
                    for (let i = 0; i < codes.length; ++i)
                        list.push({ value: codes[i], label: Language.nativeName(codes[i]) })
                    return list
                }
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(Language.current))
                Accessible.role: Accessible.ComboBox
                Accessible.name: qsTr("Language: %1").arg(currentText)
                onActivated: Language.current = currentValue
            }

            SectionTitle { text: qsTr("About") }
            Label {
                Layout.fillWidth: true
                text: Qt.application.version.length > 0 ? qsTr("Outward %1").arg(Qt.application.version) : qsTr("Outward")
                font.pixelSize: 16
                font.weight: Font.DemiBold
            }
            Explanation {
                text: qsTr("A journal of the difference you make for customers. Your lead sees team totals only for groups large enough to keep everyone anonymous, and your own records only when you share them. There are no rankings.")
            }
        }
    }
}
