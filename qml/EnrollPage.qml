import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// "Connect to your team": the server's address, the invite code (grouped in fives as it is
// typed), the person's name and this device's name. While connecting the fields wait, greyed;
// a refusal is shown in place with what to do, and every field keeps what was typed. Reached
// from Settings; the shell closes it when SyncStatus reports success.
Page {
    id: page
    property bool showLinkCode: false
    property alias serverText: serverField.text
    property alias codeText: codeField.text
    property alias nameText: nameField.text
    property alias deviceText: deviceField.text
    signal back()
    signal connected(string message)

    title: qsTr("Connect to your team")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    function submit() {
        Session.noteActivity()
        SyncStatus.enroll(serverField.text, codeField.text, nameField.text, deviceField.text)
    }
    // The code in groups of five, keeping the cursor after the same character it followed.
    function regroup() {
        const typedBefore = codeField.text.slice(0, codeField.cursorPosition).replace(/[\s-]/g, "").length
        const grouped = SyncStatus.formatInviteCode(codeField.text)
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

    Component.onCompleted: SyncStatus.clearEnrollError()
    Connections {
        target: SyncStatus
        function onEnrollFinished(ok, message) {
            if (ok)
                page.connected(message)
            else
                flick.contentY = Math.max(0, Math.min(errorLabel.mapToItem(flick.contentItem, 0, 0).y - 80,
                                                      flick.contentHeight - flick.height))
        }
    }

    header: ToolBar {
        Material.elevation: 0
        Material.background: page.Material.background
        Material.foreground: page.Material.foreground
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "enrollBack"
                text: "\u2190"
                font.pixelSize: 20
                enabled: !SyncStatus.busy
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                text: page.title
                font.pixelSize: 20
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
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
            width: Math.min(flick.width - 32, 560)
            anchors.horizontalCenter: parent.horizontalCenter
            y: 8
            spacing: 10

            // Joining with an invite: the first device of someone new to the team.
            ColumnLayout {
                objectName: "inviteForm"
                Layout.fillWidth: true
                visible: !page.showLinkCode
                spacing: 10

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Your administrator gives you the server's address and a one-time invite code. What you write is sent encrypted: the server can count it, but it cannot read it.")
                    wrapMode: Text.Wrap
                    color: Material.hintTextColor
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }

                FieldLabel {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: qsTr("Server address")
                    required: true
                }
                TextField {
                    id: serverField
                    objectName: "serverField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 52
                    enabled: !SyncStatus.busy
                    placeholderText: "https://outward.example.org"
                    inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Server address")
                    onTextEdited: Session.noteActivity()
                    onAccepted: codeField.forceActiveFocus()
                }

                FieldLabel {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: qsTr("Invite code")
                    detail: qsTr("20 letters and digits. The dashes are added for you.")
                    required: true
                }
                TextField {
                    id: codeField
                    objectName: "codeField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 52
                    enabled: !SyncStatus.busy
                    placeholderText: "XXXXX-XXXXX-XXXXX-XXXXX"
                    font.family: "DejaVu Sans Mono"
                    font.letterSpacing: 1
                    inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhSensitiveData
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Invite code")
                    onTextEdited: { page.regroup(); Session.noteActivity() }
                    onAccepted: nameField.forceActiveFocus()
                }

                FieldLabel {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: qsTr("Your name")
                    detail: qsTr("Your team sees it.")
                    required: true
                }
                TextField {
                    id: nameField
                    objectName: "nameField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 52
                    enabled: !SyncStatus.busy
                    maximumLength: 100
                    placeholderText: qsTr("First and last name")
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("Your name")
                    onTextEdited: Session.noteActivity()
                    onAccepted: deviceField.forceActiveFocus()
                }

                FieldLabel {
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: qsTr("This device's name")
                    detail: qsTr("So you can tell your devices apart later.")
                    required: true
                }
                TextField {
                    id: deviceField
                    objectName: "deviceField"
                    Layout.fillWidth: true
                    Layout.preferredHeight: 52
                    enabled: !SyncStatus.busy
                    maximumLength: 100
                    text: SyncStatus.suggestedDeviceName
                    Accessible.role: Accessible.EditableText
                    Accessible.name: qsTr("This device's name")
                    onTextEdited: Session.noteActivity()
                    onAccepted: page.submit()
                }

                FieldError {
                    id: errorLabel
                    objectName: "enrollError"
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    text: SyncStatus.enrollError
                }

                PrimaryButton {
                    objectName: "connectButton"
                    Layout.fillWidth: true
                    Layout.topMargin: 8
                    implicitHeight: 56
                    enabled: !SyncStatus.busy
                    text: SyncStatus.busy ? qsTr("Connecting\u2026") : qsTr("Connect")
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Connect to your team")
                    onClicked: page.submit()
                }
                BusyIndicator {
                    objectName: "enrollBusy"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredHeight: 48
                    Layout.preferredWidth: 48
                    visible: running
                    running: SyncStatus.busy
                    Accessible.role: Accessible.Indicator
                    Accessible.name: qsTr("Connecting to the server")
                }
            }

            // A link code (docs/protocol.md 14) brings the person's existing account to a device
            // that has no profile yet, so it is typed on the first-run screen (JoinPage), not here.
            ColumnLayout {
                objectName: "linkForm"
                Layout.fillWidth: true
                visible: page.showLinkCode
                spacing: 10
                Label {
                    objectName: "linkCodeNote"
                    Layout.fillWidth: true
                    text: qsTr("A link code from your other device is for a device that has no profile yet: you type it on the welcome screen, under \u201cI already use Outward on another device\u201d. This device already has a profile of its own, so it joins your team with an invite code from your administrator.")
                    wrapMode: Text.Wrap
                    color: Material.hintTextColor
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: 16
                Layout.preferredHeight: 1
                color: Material.dividerColor
            }
            Button {
                objectName: "linkCodeButton"
                flat: true
                Layout.preferredHeight: 48
                leftPadding: 0
                enabled: !SyncStatus.busy
                text: page.showLinkCode ? qsTr("I have an invite code") : qsTr("I have a link code instead")
                font.capitalization: Font.MixedCase
                Material.foreground: Material.accent
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: page.showLinkCode = !page.showLinkCode
            }
        }
    }
}
