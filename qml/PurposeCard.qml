import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// The team's purpose (why, how, what, and what customers would miss), or a friendly empty state
// until sync brings one.
Pane {
    id: card
    padding: 16
    Material.elevation: 1
    Material.background: Material.theme === Material.Dark ? "#1e2a2a" : "#e8f3f1"
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("Our purpose")

    background: Rectangle {
        radius: 12
        color: card.Material.background
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: qsTr("Our purpose")
            font.pixelSize: 13
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            objectName: "purposeWhy"
            Layout.fillWidth: true
            visible: Overview.hasPurpose
            text: Overview.purposeWhy
            font.pixelSize: 20
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            visible: Overview.hasPurpose && Overview.purposeHow.length > 0
            text: qsTr("How: %1").arg(Overview.purposeHow)
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: Overview.hasPurpose && Overview.purposeWhat.length > 0
            text: qsTr("What: %1").arg(Overview.purposeWhat)
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: Overview.hasPurpose && Overview.purposeWouldMiss.length > 0
            text: qsTr("What would our customers miss if we were gone? %1").arg(Overview.purposeWouldMiss)
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            font.italic: true
            color: Material.hintTextColor
        }
        Label {
            objectName: "purposeEmpty"
            Layout.fillWidth: true
            visible: !Overview.hasPurpose
            text: qsTr("Your team's purpose will appear here once your lead has written it and this device has synced. Until then: who is better off because of the work you do today?")
            wrapMode: Text.Wrap
            font.pixelSize: 15
            color: Material.foreground
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }
}
