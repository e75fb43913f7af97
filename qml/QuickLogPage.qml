import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// The quick log: one hand, under 30 seconds. Channel and end emotion, then Save at the bottom in
// reach of the thumb. The form belongs to the shell, so a draft (and a running timer) survives
// leaving this page; it is reset only by a successful save or by Discard.
Page {
    id: page
    required property var form
    property bool editing: form.recordId.length > 0
    signal done(bool saved)

    title: editing ? qsTr("Edit interaction") : qsTr("Log an interaction")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    function save() {
        Session.noteActivity()
        if (form.timerRunning)
            form.stopTimer()
        if (form.save()) {
            page.done(true)
        } else {
            // The required fields are at the top: make their messages visible.
            if (flick.contentY > 0)
                flick.contentY = 0
        }
    }

    header: ToolBar {
        Material.elevation: 0
        Material.background: page.Material.background
        Material.foreground: page.Material.foreground
        RowLayout {
            anchors.fill: parent
            anchors.rightMargin: 8
            spacing: 0
            ToolButton {
                objectName: "closeQuickLog"
                text: "\u2715"
                font.pixelSize: 20
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Close (the draft is kept)")
                onClicked: page.done(false)
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
            ToolButton {
                objectName: "discardDraft"
                text: qsTr("Discard")
                visible: !page.editing
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Discard this draft")
                onClicked: {
                    page.form.reset()
                    page.done(false)
                }
            }
        }
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + 32
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content
            y: 8
            width: Math.min(flick.width - 32, 720)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: 16

            InteractionFields {
                id: fields
                Layout.fillWidth: true
                form: page.form
                showMore: page.editing
            }
        }
    }

    footer: Pane {
        id: footerPane
        padding: 12
        Rectangle {
            parent: footerPane.background
            width: parent.width
            height: 1
            color: footerPane.Material.dividerColor
        }
        ColumnLayout {
            anchors.fill: parent
            spacing: 6
            Label {
                Layout.fillWidth: true
                visible: !page.form.canSave
                text: qsTr("Choose a channel and how the customer felt at the end.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: Material.hintTextColor
            }
            PrimaryButton {
                objectName: "saveButton"
                Layout.fillWidth: true
                Layout.maximumWidth: 720
                Layout.alignment: Qt.AlignHCenter
                implicitHeight: 60
                font.pixelSize: 17
                text: page.editing ? qsTr("Save changes") : qsTr("Save")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: page.save()
            }
        }
    }
}
