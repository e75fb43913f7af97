import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// One line on the home screen about sync: "3 unsent · synced 2 minutes ago", or what is wrong.
// Tapping it opens the sync section of Settings. Hidden until the profile is connected to a team.
ItemDelegate {
    id: control
    readonly property bool dark: Material.theme === Material.Dark
    readonly property color problemColor: Material.color(Material.Red, dark ? Material.Shade300 : Material.Shade800)

    visible: SyncStatus.enrolled
    implicitHeight: Math.max(48, contentItem.implicitHeight + topPadding + bottomPadding)
    padding: 8
    leftPadding: 12
    rightPadding: 12
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("Sync: %1").arg(SyncStatus.summary)
    Accessible.description: qsTr("Opens the sync settings")

    background: Rectangle {
        radius: 12
        color: control.down ? Qt.rgba(control.Material.foreground.r, control.Material.foreground.g,
                                      control.Material.foreground.b, 0.08)
                            : "transparent"
        border.width: 1
        border.color: SyncStatus.attention ? control.problemColor : control.Material.dividerColor
    }

    contentItem: ColumnLayout {
        spacing: 6
        RowLayout {
            id: row
            Layout.fillWidth: true
            spacing: 10
            Rectangle {
                Layout.preferredWidth: 10
                Layout.preferredHeight: 10
                radius: 5
                color: SyncStatus.attention ? control.problemColor
                                            : (SyncStatus.state === SyncStatus.Syncing || SyncStatus.unsentCount > 0
                                               ? control.Material.hintTextColor : control.Material.accent)
            }
            Label {
                objectName: "syncSummary"
                Layout.fillWidth: true
                text: SyncStatus.summary
                font.pixelSize: 14
                color: SyncStatus.attention ? control.problemColor : control.Material.foreground
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                text: "\u203a"
                font.pixelSize: 20
                color: control.Material.hintTextColor
                Accessible.ignored: true
            }
        }
        // A large sync: how far it is, under the line that says so.
        ProgressBar {
            objectName: "syncIndicatorProgress"
            Layout.fillWidth: true
            Layout.leftMargin: 20
            Layout.rightMargin: 20
            visible: SyncStatus.showProgress
            from: 0
            to: 1
            value: SyncStatus.progress
            Accessible.ignored: true
        }
    }
}
