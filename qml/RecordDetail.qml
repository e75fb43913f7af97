import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// One interaction: every field that was given, grouped as output / outcome / impact, then Edit
// (the same fields as the quick log) and Delete (with undo, handled by the shell).
Page {
    id: page
    property string recordId: ""
    property bool showBack: true
    property bool editing: false
    signal back()
    signal deleteRequested(string recordId)
    signal edited(var form)

    title: editing ? qsTr("Edit interaction") : qsTr("Interaction")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    InteractionForm { id: view }
    InteractionForm {
        id: edit
        onSaved: {
            page.editing = false
            page.edited(edit)
        }
    }

    function reload() {
        if (recordId.length > 0)
            view.load(recordId)
        else
            view.reset()
    }
    onRecordIdChanged: { editing = false; reload() }
    Component.onCompleted: reload()
    Connections {
        target: Session
        function onRecordsChanged() { if (!page.editing) page.reload() }
    }

    function scoreText(v) { return v < 0 ? "" : String(v) }

    header: ToolBar {
        Material.elevation: 0
        Material.background: page.Material.background
        Material.foreground: page.Material.foreground
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: 8
            spacing: 0
            ToolButton {
                visible: page.showBack || page.editing
                text: page.editing ? "\u2715" : "\u2190"
                font.pixelSize: 20
                Accessible.role: Accessible.Button
                Accessible.name: page.editing ? qsTr("Cancel editing") : qsTr("Back")
                onClicked: {
                    if (page.editing) { page.editing = false; edit.reset() }
                    else page.back()
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: page.showBack || page.editing ? 0 : 16
                text: page.title
                font.pixelSize: 20
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ToolButton {
                objectName: "editRecord"
                visible: !page.editing && page.recordId.length > 0
                text: qsTr("Edit")
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Edit this interaction")
                onClicked: {
                    edit.load(page.recordId)
                    page.editing = true
                }
            }
            ToolButton {
                objectName: "deleteRecord"
                visible: !page.editing && page.recordId.length > 0
                text: qsTr("Delete")
                Material.foreground: Material.color(Material.Red)
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Delete this interaction")
                onClicked: page.deleteRequested(page.recordId)
            }
        }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 48
        visible: page.recordId.length === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: qsTr("Choose an interaction to see it here.")
        color: Material.hintTextColor
    }

    Flickable {
        id: flick
        anchors.fill: parent
        visible: page.recordId.length > 0
        contentWidth: width
        contentHeight: (page.editing ? editContent.implicitHeight : viewContent.implicitHeight) + 32
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: viewContent
            visible: !page.editing
            width: Math.min(flick.width - 32, 720)
            anchors.horizontalCenter: parent.horizontalCenter
            y: 8
            spacing: 14

            Label {
                Layout.fillWidth: true
                text: Labels.channel(view.channel) + " \u00b7 " + Labels.emotion(view.endEmotion)
                font.pixelSize: 22
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
            }
            DetailRow {
                Layout.fillWidth: true
                label: qsTr("When")
                value: view.occurredAt && !isNaN(view.occurredAt.getTime())
                       //: A date, then a time of day: "Tuesday, 24 November 2026 at 11:10".
                       ? qsTr("%1 at %2").arg(Qt.formatDate(view.occurredAt, Qt.locale().dateFormat(Locale.LongFormat)))
                                       .arg(Qt.formatTime(view.occurredAt, Qt.locale().timeFormat(Locale.ShortFormat)))
                       : ""
            }
            DetailRow {
                Layout.fillWidth: true
                label: qsTr("Customer's emotion")
                value: view.startEmotion.length > 0
                       ? qsTr("%1 at the start, %2 at the end").arg(Labels.emotion(view.startEmotion)).arg(Labels.emotion(view.endEmotion))
                       : qsTr("%1 at the end").arg(Labels.emotion(view.endEmotion))
            }
            DetailRow { Layout.fillWidth: true; label: qsTr("Advocacy"); value: view.advocacy.length > 0 ? Labels.advocacy(view.advocacy) : "" }
            DetailRow { Layout.fillWidth: true; label: qsTr("Resolved on first contact"); value: Labels.resolution(view.firstContactResolution) }
            DetailRow { Layout.fillWidth: true; label: qsTr("Effort, your view (1\u20137)"); value: page.scoreText(view.perceivedEffort) }
            DetailRow { Layout.fillWidth: true; label: qsTr("Handle time"); value: Labels.duration(view.handleTimeSeconds) }
            DetailRow { Layout.fillWidth: true; label: qsTr("NPS, from the customer (0\u201310)"); value: page.scoreText(view.nps) }
            DetailRow { Layout.fillWidth: true; label: qsTr("CSAT, from the customer (1\u20135)"); value: page.scoreText(view.csat) }
            DetailRow { Layout.fillWidth: true; label: qsTr("CES, from the customer (1\u20137)"); value: page.scoreText(view.ces) }
            DetailRow { Layout.fillWidth: true; label: qsTr("Note"); value: view.note }
            DetailRow {
                objectName: "leadRow"
                Layout.fillWidth: true
                label: qsTr("Your lead")
                value: !view.shareWithLead ? qsTr("Private: only you can read it")
                       : view.outboxState === "synced" ? qsTr("Shared with your lead")
                       : SyncStatus.enrolled ? qsTr("Shared with your lead once it is sent")
                       : qsTr("Shared with your lead once you connect to your team (Settings)")
            }
            DetailRow {
                objectName: "syncRow"
                Layout.fillWidth: true
                label: qsTr("Sync")
                value: view.outboxState === "local" && !SyncStatus.enrolled
                       ? qsTr("Only on this device. Connect to your team in Settings to send it.")
                       : Labels.outboxLine(view.outboxState, view.outboxError)
            }
        }

        ColumnLayout {
            id: editContent
            visible: page.editing
            width: Math.min(flick.width - 32, 720)
            anchors.horizontalCenter: parent.horizontalCenter
            y: 8
            spacing: 16
            InteractionFields {
                Layout.fillWidth: true
                form: edit
                showMore: true
            }
            PrimaryButton {
                objectName: "saveEdit"
                Layout.fillWidth: true
                implicitHeight: 56
                text: qsTr("Save changes")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: {
                    Session.noteActivity()
                    if (!edit.save() && flick.contentY > 0)
                        flick.contentY = 0
                }
            }
        }
    }
}
