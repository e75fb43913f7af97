import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// The frame of the first-run and lock screens: the app's name, a heading, and a centred column
// of at most 440 px that scrolls when the keyboard takes the space.
Page {
    id: frame
    property string heading
    property string subheading
    default property alias content: column.data

    Accessible.role: Accessible.Pane
    Accessible.name: heading

    // Scrolls so `item` (a message that just appeared) is on screen.
    function reveal(item) {
        const y = item.mapToItem(flick.contentItem, 0, 0).y
        if (y < flick.contentY || y + item.height > flick.contentY + flick.height)
            flick.contentY = Math.max(0, Math.min(y - 80, flick.contentHeight - flick.height))
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, outer.implicitHeight + 48)
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: outer
            width: Math.min(flick.width - 48, 440)
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(24, (flick.height - implicitHeight) / 3)
            spacing: 12

            Rectangle {
                Layout.alignment: Qt.AlignHCenter
                width: 64; height: 64; radius: 32
                color: Material.accent
                Label {
                    anchors.centerIn: parent
                    text: "O"
                    color: frame.Material.background
                    font.pixelSize: 30
                    font.weight: Font.Bold
                }
                Accessible.ignored: true
            }
            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Outward")
                font.pixelSize: 15
                font.letterSpacing: 2
                font.capitalization: Font.AllUppercase
                color: Material.hintTextColor
            }
            Label {
                Layout.fillWidth: true
                Layout.topMargin: 8
                horizontalAlignment: Text.AlignHCenter
                text: frame.heading
                font.pixelSize: 26
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                visible: frame.subheading.length > 0
                horizontalAlignment: Text.AlignHCenter
                text: frame.subheading
                wrapMode: Text.Wrap
                color: Material.hintTextColor
            }
            ColumnLayout {
                id: column
                Layout.fillWidth: true
                Layout.topMargin: 12
                spacing: 10
            }
        }
    }
}
