import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// Home: the team purpose, today's numbers (how many logged, how many not yet sent), a line about
// sync once connected to a team, today's interactions, and the large quick-log button at the
// bottom, where the thumb is.
Page {
    id: page
    required property var form          // the shell's quick-log form (a draft may be in it)
    property string selectedId: ""
    signal quickLog()
    signal openRecord(string recordId)
    signal openSync()

    title: qsTr("Home")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    function noonToday() {
        const now = new Date()
        return new Date(now.getFullYear(), now.getMonth(), now.getDate(), 12, 0, 0)
    }
    // A draft: something entered (or a timer running) that has not been saved.
    readonly property bool hasDraft: form.timerRunning || form.channel.length > 0 || form.endEmotion.length > 0
                                     || form.note.length > 0

    RecordListModel {
        id: today
        kind: "interaction"
    }
    // Today moves at midnight: set the range whenever Home is shown.
    onVisibleChanged: if (visible) { today.fromDay = noonToday(); today.toDay = noonToday() }
    Component.onCompleted: { today.fromDay = noonToday(); today.toDay = noonToday() }

    ListView {
        id: list
        objectName: "todayList"
        anchors.fill: parent
        clip: true
        model: today
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Today's interactions")
        // The header's text wraps differently after a rotation or resize; a view that was at the
        // top stays at the top instead of showing the purpose card cut in half.
        property bool wasAtTop: true
        onMovementEnded: wasAtTop = atYBeginning
        onWidthChanged: if (wasAtTop) Qt.callLater(positionViewAtBeginning)
        // The header also grows by itself: the team purpose arriving with a sync, the sync line
        // appearing once connected or taking a second line. A view at the top stays there.
        Connections {
            target: list.headerItem
            function onHeightChanged() {
                if (list.wasAtTop)
                    Qt.callLater(list.positionViewAtBeginning)
            }
        }

        header: ColumnLayout {
            width: list.width
            spacing: 16

            ColumnLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 16
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: Qt.formatDate(new Date(), Qt.locale().dateFormat(Locale.LongFormat))
                    font.pixelSize: 14
                    color: Material.hintTextColor
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Today")
                    font.pixelSize: 28
                    font.weight: Font.DemiBold
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
            }

            PurposeCard {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                spacing: 12
                StatTile {
                    objectName: "todayCount"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.fillHeight: true
                    value: Overview.todayCount
                    label: qsTr("Logged today")
                }
                StatTile {
                    objectName: "unsentCount"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.fillHeight: true
                    // From SyncStatus, which counts down batch by batch during a large sync.
                    value: SyncStatus.unsentCount
                    label: qsTr("Not yet sent")
                    detail: SyncStatus.errorCount > 0 ? qsTr("%n need attention", "", SyncStatus.errorCount)
                                                      : (SyncStatus.unsentCount > 0 ? qsTr("Safe on this device") : qsTr("All sent"))
                    accent: SyncStatus.errorCount > 0 ? Material.color(Material.Red) : Material.foreground
                }
            }

            SyncIndicator {
                objectName: "syncIndicator"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                onClicked: page.openSync()
            }

            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 8
                text: qsTr("Today's interactions")
                font.pixelSize: 13
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1
                color: Material.accent
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                objectName: "todayEmpty"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.bottomMargin: 16
                visible: today.count === 0
                text: qsTr("Nothing logged yet today. After your next contact, tap \u201cLog an interaction\u201d: channel, how the customer felt, save.")
                wrapMode: Text.Wrap
                color: Material.hintTextColor
            }
        }

        delegate: RecordRow {
            width: list.width
            selected: recordId === page.selectedId
            onClicked: page.openRecord(recordId)
        }
        footer: Item { width: 1; height: 16 }
    }

    footer: Pane {
        padding: 12
        topPadding: 8
        Material.elevation: 0
        PrimaryButton {
            id: quickLogButton
            objectName: "quickLogButton"
            anchors.left: parent.left
            anchors.right: parent.right
            implicitHeight: 72
            font.pixelSize: 18
            font.weight: Font.DemiBold
            text: page.hasDraft
                  ? (page.form.timerRunning ? qsTr("Continue log \u00b7 %1").arg(Labels.duration(page.form.timerSeconds))
                                            : qsTr("Continue log"))
                  : qsTr("+  Log an interaction")
            Accessible.role: Accessible.Button
            Accessible.name: page.hasDraft ? qsTr("Continue the interaction log you started") : qsTr("Log an interaction")
            onClicked: page.quickLog()
        }
    }
}
