import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// "Add a device" (Settings, Team and sync): a one-time link code for another device of this
// person, shown large in groups of four with the server address, what to do on the new device and
// how long the code still works; then "NAME was added". Cancel drops the code; an expired or
// cancelled code offers a new one; a failure says what to do. Leaving the page cancels a code
// still shown (DeviceLinkOffer). There is no QR code: Qt has no QR generator built in.
Page {
    id: page
    signal back()
    property alias offer: offer

    title: qsTr("Add a device")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    readonly property color problemColor: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
    readonly property bool finished: offer.state === DeviceLinkOffer.Added || offer.state === DeviceLinkOffer.Expired
                                     || offer.state === DeviceLinkOffer.Cancelled || offer.state === DeviceLinkOffer.Failed
    // The server as people read an address: https goes unsaid.
    function serverText(url) {
        return url.indexOf("https://") === 0 ? url.substring(8).replace(/\/$/, "") : url
    }

    DeviceLinkOffer { id: offer; objectName: "linkOffer" }
    Component.onCompleted: offer.start()

    header: ToolBar {
        Material.elevation: 0
        Material.background: page.Material.background
        Material.foreground: page.Material.foreground
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "addDeviceBack"
                text: "\u2190"
                font.pixelSize: 20
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
            spacing: 12

            // Making the code.
            RowLayout {
                objectName: "addDevicePreparing"
                Layout.fillWidth: true
                Layout.topMargin: 24
                visible: offer.state === DeviceLinkOffer.Preparing || offer.state === DeviceLinkOffer.Idle
                spacing: 12
                BusyIndicator { running: parent.visible; Layout.preferredWidth: 40; Layout.preferredHeight: 40 }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Making a code\u2026")
                    wrapMode: Text.Wrap
                }
            }

            // The code, while it can be used.
            ColumnLayout {
                objectName: "addDeviceWaiting"
                Layout.fillWidth: true
                visible: offer.state === DeviceLinkOffer.Waiting
                spacing: 12

                Label {
                    Layout.fillWidth: true
                    text: qsTr("On the new device, open Outward, choose \u201cI already use Outward on another device\u201d and type:")
                    wrapMode: Text.Wrap
                    font.pixelSize: 15
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }

                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    text: qsTr("Server address")
                    font.pixelSize: 13
                    color: Material.hintTextColor
                }
                Label {
                    objectName: "addDeviceServer"
                    Layout.fillWidth: true
                    text: page.serverText(offer.serverUrl)
                    font.pixelSize: 18
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                    Accessible.role: Accessible.StaticText
                    Accessible.name: qsTr("Server address: %1").arg(text)
                }

                Label {
                    Layout.fillWidth: true
                    Layout.topMargin: 4
                    text: qsTr("Link code")
                    font.pixelSize: 13
                    color: Material.hintTextColor
                }
                Rectangle {
                    objectName: "addDeviceCodeBox"
                    Layout.fillWidth: true
                    implicitHeight: codeGrid.implicitHeight + (page.width >= 700 ? 48 : 32)
                    radius: 12
                    color: Material.theme === Material.Dark ? "#1f2a29" : "#eef5f4"
                    border.width: 1
                    border.color: Qt.rgba(Material.accent.r, Material.accent.g, Material.accent.b, 0.5)
                    Accessible.role: Accessible.StaticText
                    // Read out group by group, as it is typed.
                    Accessible.name: qsTr("Link code: %1").arg(offer.codeGroups.join(", "))

                    GridLayout {
                        id: codeGrid
                        anchors.centerIn: parent
                        // Two rows of three: short enough to read aloud, wide enough for a phone.
                        columns: 3
                        columnSpacing: page.width >= 700 ? 28 : 18
                        rowSpacing: 10
                        Repeater {
                            model: offer.codeGroups
                            Label {
                                required property string modelData
                                objectName: "codeGroup"
                                text: modelData
                                font.family: "DejaVu Sans Mono"
                                font.pixelSize: page.width >= 700 ? 36 : 28
                                font.weight: Font.Bold
                                font.letterSpacing: 2
                                Accessible.ignored: true
                            }
                        }
                    }
                }
                Label {
                    objectName: "addDeviceCountdown"
                    Layout.fillWidth: true
                    text: qsTr("Works once. Expires in %1.").arg(offer.countdownText)
                    font.pixelSize: 15
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Type it only on a device of your own: whoever has this code can open your records.")
                    wrapMode: Text.Wrap
                    font.pixelSize: 13
                    color: Material.hintTextColor
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }

            // Used: the new device finishes joining.
            RowLayout {
                objectName: "addDeviceClaimed"
                Layout.fillWidth: true
                Layout.topMargin: 24
                visible: offer.state === DeviceLinkOffer.Claimed || offer.state === DeviceLinkOffer.Cancelling
                spacing: 12
                BusyIndicator { running: parent.visible; Layout.preferredWidth: 40; Layout.preferredHeight: 40 }
                Label {
                    Layout.fillWidth: true
                    text: offer.state === DeviceLinkOffer.Cancelling ? qsTr("Cancelling the code\u2026")
                                                                     : qsTr("A device used the code. Waiting for it to finish joining\u2026")
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }

            RowLayout {
                objectName: "addDeviceWaitingLine"
                Layout.fillWidth: true
                visible: offer.state === DeviceLinkOffer.Waiting
                spacing: 8
                BusyIndicator { running: parent.visible; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Waiting for the new device\u2026")
                    color: Material.hintTextColor
                    wrapMode: Text.Wrap
                }
            }

            // The end: added, expired, cancelled or failed.
            ColumnLayout {
                objectName: "addDeviceResult"
                Layout.fillWidth: true
                Layout.topMargin: 16
                visible: page.finished
                spacing: 12
                Rectangle {
                    Layout.alignment: Qt.AlignHCenter
                    visible: offer.state === DeviceLinkOffer.Added
                    width: 64; height: 64; radius: 32
                    color: Material.accent
                    Label {
                        anchors.centerIn: parent
                        text: "\u2713"
                        font.pixelSize: 34
                        font.weight: Font.Bold
                        color: page.Material.background
                    }
                    Accessible.ignored: true
                }
                Label {
                    objectName: "addDeviceMessage"
                    Layout.fillWidth: true
                    horizontalAlignment: offer.state === DeviceLinkOffer.Added ? Text.AlignHCenter : Text.AlignLeft
                    text: offer.message
                    wrapMode: Text.Wrap
                    font.pixelSize: offer.state === DeviceLinkOffer.Added ? 20 : 15
                    font.weight: offer.state === DeviceLinkOffer.Added ? Font.DemiBold : Font.Normal
                    color: offer.state === DeviceLinkOffer.Failed ? page.problemColor : Material.foreground
                    Accessible.role: offer.state === DeviceLinkOffer.Failed ? Accessible.AlertMessage : Accessible.StaticText
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    visible: offer.state === DeviceLinkOffer.Added
                    horizontalAlignment: Text.AlignHCenter
                    text: qsTr("It receives your records at its first sync, encrypted as always.")
                    wrapMode: Text.Wrap
                    color: Material.hintTextColor
                }
            }

            // Actions
            PrimaryButton {
                objectName: "addDeviceDone"
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: offer.state === DeviceLinkOffer.Added
                text: qsTr("Done")
                onClicked: page.back()
            }
            PrimaryButton {
                objectName: "addDeviceNewCode"
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: page.finished && offer.state !== DeviceLinkOffer.Added
                text: offer.state === DeviceLinkOffer.Failed ? qsTr("Try again") : qsTr("Make a new code")
                onClicked: { Session.noteActivity(); offer.start() }
            }
            PrimaryButton {
                objectName: "addDeviceCancel"
                Layout.fillWidth: true
                Layout.topMargin: 8
                outlined: true
                visible: offer.state === DeviceLinkOffer.Waiting || offer.state === DeviceLinkOffer.Claimed
                text: qsTr("Cancel the code")
                onClicked: offer.cancel()
            }
            PrimaryButton {
                objectName: "addDeviceClose"
                Layout.fillWidth: true
                outlined: true
                visible: page.finished && offer.state !== DeviceLinkOffer.Added
                text: qsTr("Close")
                onClicked: page.back()
            }
        }
    }
}
