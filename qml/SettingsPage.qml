import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtQuick.Dialogs
import Outward

// Settings: sync with the team (connect, or the server, team, role, last sync, what is unsent,
// Sync now, progress and problems, adding another device), the profile (passphrase), the lock (lock now, auto-lock,
// remember on this device), export of the person's own data, the language, and about.
Page {
    id: page
    signal message(string text)
    signal connectRequested()
    signal addDeviceRequested()
    // Scrolls so the sync section is on screen (the home screen's sync line opens it).
    function showSync() { flick.contentY = 0 }

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
    // A fact of the sync section: its name, then the value. The names share one column as wide
    // as the longest of them (factLabelWidth), so the values line up and keep most of the width.
    property real factLabelWidth: 0
    component Fact: RowLayout {
        id: fact
        property string label
        property string value
        property color valueColor: Material.foreground
        property int valueWrap: Text.Wrap
        Layout.fillWidth: true
        spacing: 16
        Accessible.role: Accessible.StaticText
        Accessible.name: label + ": " + value
        Label {
            id: factLabel
            Layout.preferredWidth: Math.min(page.factLabelWidth, fact.width * 0.4)
            Layout.alignment: Qt.AlignTop
            text: fact.label
            font.pixelSize: 14
            color: Material.hintTextColor
            wrapMode: Text.Wrap
            Accessible.ignored: true
            // implicitWidth is the unwrapped text's; the widest label sets the column.
            onImplicitWidthChanged: page.factLabelWidth = Math.max(page.factLabelWidth, implicitWidth)
        }
        Label {
            Layout.fillWidth: true
            text: fact.value
            font.pixelSize: 14
            color: fact.valueColor
            wrapMode: fact.valueWrap
            Accessible.ignored: true
        }
    }
    // The server as people read an address: https is the norm and goes unsaid; anything else
    // (http on this machine) is worth seeing.
    function serverText(url) {
        return url.indexOf("https://") === 0 ? url.substring(8).replace(/\/$/, "") : url
    }
    readonly property color problemColor: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)

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

            SectionTitle { text: qsTr("Team and sync") }
            ColumnLayout {
                objectName: "syncNotConnected"
                Layout.fillWidth: true
                visible: !SyncStatus.enrolled
                spacing: 8
                Explanation {
                    text: qsTr("Connect to your team's server to send your records, encrypted, and to receive your team's purpose. Until then everything stays on this device.")
                }
                PrimaryButton {
                    objectName: "connectTeam"
                    text: qsTr("Connect to your team\u2026")
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Connect to your team")
                    onClicked: page.connectRequested()
                }
            }
            ColumnLayout {
                objectName: "syncSection"
                Layout.fillWidth: true
                visible: SyncStatus.enrolled
                spacing: 8
                Fact {
                    objectName: "syncTeam"
                    label: qsTr("Team")
                    value: SyncStatus.role.length > 0 ? qsTr("%1 (%2)").arg(SyncStatus.teamName).arg(Labels.role(SyncStatus.role))
                                                      : SyncStatus.teamName
                }
                Fact {
                    objectName: "syncServer"
                    label: qsTr("Server")
                    value: page.serverText(SyncStatus.serverUrl)
                    // A long host breaks anywhere rather than overflowing a phone's width.
                    valueWrap: Text.WrapAtWordBoundaryOrAnywhere
                }
                Fact { objectName: "syncLast"; label: qsTr("Last sync"); value: SyncStatus.lastSyncText }
                Fact {
                    objectName: "syncUnsent"
                    label: qsTr("Not yet sent")
                    value: SyncStatus.unsentCount === 0 ? qsTr("Nothing, all sent")
                                                        : qsTr("%n record(s)", "", SyncStatus.unsentCount)
                }
                // What sync does now; during a large sync, how far it is, over its progress bar.
                Label {
                    objectName: "syncState"
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    text: SyncStatus.showProgress ? SyncStatus.progressText : SyncStatus.stateText
                    wrapMode: Text.Wrap
                    font.pixelSize: 14
                    color: SyncStatus.state === SyncStatus.Error || SyncStatus.state === SyncStatus.WaitingToRetry
                           ? page.problemColor : Material.foreground
                    Accessible.role: SyncStatus.state === SyncStatus.Error ? Accessible.AlertMessage : Accessible.StaticText
                    Accessible.name: text
                }
                ProgressBar {
                    objectName: "syncProgress"
                    Layout.fillWidth: true
                    visible: SyncStatus.showProgress
                    from: 0
                    to: 1
                    value: SyncStatus.progress
                    Accessible.role: Accessible.ProgressBar
                    Accessible.name: SyncStatus.progressText
                }
                PrimaryButton {
                    objectName: "syncNow"
                    Layout.topMargin: 4
                    outlined: true
                    enabled: SyncStatus.state !== SyncStatus.Syncing && SyncStatus.state !== SyncStatus.Stopped
                    text: qsTr("Sync now")
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Sync now")
                    onClicked: { Session.noteActivity(); SyncStatus.syncNow() }
                }
                Label {
                    objectName: "syncProblemsTitle"
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    visible: SyncStatus.problems.length > 0
                    text: qsTr("Could not be synced")
                    font.pixelSize: 14
                    font.weight: Font.DemiBold
                    color: page.problemColor
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Repeater {
                    model: SyncStatus.problems
                    delegate: Label {
                        required property string modelData
                        objectName: "syncProblem"
                        Layout.fillWidth: true
                        leftPadding: 12
                        text: modelData
                        wrapMode: Text.Wrap
                        font.pixelSize: 13
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData
                        Rectangle {
                            width: 4
                            height: 4
                            radius: 2
                            y: parent.topPadding + parent.font.pixelSize * 0.6
                            color: parent.color
                        }
                    }
                }
                Explanation {
                    visible: SyncStatus.problems.length > 0
                    text: qsTr("These records stay on this device. Editing one sends it again; if the reason is not clear, ask your administrator.")
                }
                Explanation {
                    text: qsTr("Records are sent encrypted: the server counts them for your team's totals but cannot read them. Your lead reads only what you share.")
                }
                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: 12
                    text: qsTr("Your other devices")
                    font.pixelSize: 14
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Explanation {
                    text: qsTr("Use Outward on another phone, tablet or computer with the same records: this device shows a code to type there.")
                }
                PrimaryButton {
                    objectName: "addDevice"
                    outlined: true
                    text: qsTr("Add a device…")
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Add a device")
                    onClicked: { Session.noteActivity(); page.addDeviceRequested() }
                }
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
            SwitchRow {
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
