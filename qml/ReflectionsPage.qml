import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// The personal purpose journal: prompts to start from, the reflections written so far (private
// unless shared), and the editor beside the list when wide.
Page {
    id: page
    property bool wide: false
    property alias model: reflections
    property string selectedId: ""
    property string newPrompt: ""
    property bool composing: false      // wide: the editor shows a new reflection
    signal openReflection(string recordId, string prompt)
    signal saved(string recordId, bool isNew)
    signal deleteRequested(string recordId)

    title: qsTr("Reflections")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    RecordListModel {
        id: reflections
        objectName: "reflectionsModel"
        kind: "reflection"
    }

    function start(prompt) {
        Session.noteActivity()
        if (wide) {
            selectedId = ""
            newPrompt = prompt
            composing = true
        } else {
            openReflection("", prompt)
        }
    }

    ListView {
        id: list
        objectName: "reflectionsList"
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        width: page.wide ? Math.max(320, page.width * 0.42) : parent.width
        clip: true
        model: reflections
        reuseItems: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Reflections")

        header: ColumnLayout {
            width: list.width
            spacing: 10
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 12
                text: page.title
                font.pixelSize: 28
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                text: qsTr("A private journal about why your work matters. Your lead sees a reflection only if you share it.")
                wrapMode: Text.Wrap
                color: Material.hintTextColor
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.topMargin: 6
                text: qsTr("Start from a prompt")
                font.pixelSize: 13
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1
                color: Material.accent
            }
            Repeater {
                model: Labels.prompts.slice(0, 3)
                delegate: ItemDelegate {
                    required property var modelData
                    objectName: "prompt_" + modelData.value
                    Layout.fillWidth: true
                    text: modelData.label
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("Write about: %1").arg(modelData.label)
                    contentItem: RowLayout {
                        spacing: 12
                        Label {
                            Layout.fillWidth: true
                            text: modelData.label
                            wrapMode: Text.Wrap
                            font.pixelSize: 16
                        }
                        Label {
                            text: "\u203a"
                            font.pixelSize: 22
                            color: Material.hintTextColor
                        }
                    }
                    onClicked: page.start(modelData.value)
                }
            }
            Button {
                objectName: "writeFree"
                Layout.leftMargin: 16
                text: qsTr("Write freely")
                flat: true
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Write a reflection without a prompt")
                onClicked: page.start("")
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.topMargin: 6
                text: qsTr("Written so far")
                font.pixelSize: 13
                font.capitalization: Font.AllUppercase
                font.letterSpacing: 1
                color: Material.accent
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.bottomMargin: 12
                visible: reflections.count === 0
                text: qsTr("Nothing yet. A few honest lines once a week are enough.")
                wrapMode: Text.Wrap
                color: Material.hintTextColor
            }
        }

        delegate: ItemDelegate {
            id: entry
            required property var model
            required property int index
            readonly property string recordId: model.id || ""
            width: list.width
            height: 84
            highlighted: page.wide && recordId === page.selectedId
            text: (model.title && model.title.length > 0) ? model.title : qsTr("Untitled")
            Accessible.role: Accessible.ListItem
            Accessible.name: model.outboxState === "error" ? qsTr("%1, not sent").arg(text) : text
            Accessible.description: model.note || ""
            onClicked: {
                Session.noteActivity()
                if (page.wide) {
                    page.composing = false
                    page.selectedId = recordId
                } else {
                    page.openReflection(recordId, "")
                }
            }
            contentItem: ColumnLayout {
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: entry.text
                        font.pixelSize: 16
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        visible: !!entry.model.shared
                        text: qsTr("Shared")
                        font.pixelSize: 12
                        color: Material.accent
                    }
                    Label {
                        visible: entry.model.outboxState === "error"
                        text: qsTr("Not sent")
                        font.pixelSize: 12
                        font.weight: Font.Bold
                        color: Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                    }
                    Label {
                        text: entry.model.at ? Qt.formatDate(entry.model.at, Qt.locale().dateFormat(Locale.ShortFormat)) : ""
                        font.pixelSize: 13
                        color: Material.hintTextColor
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: (entry.model.note || "").replace(/\s+/g, " ")
                    maximumLineCount: 2
                    wrapMode: Text.Wrap
                    elide: Text.ElideRight
                    font.pixelSize: 14
                    color: Material.hintTextColor
                }
            }
        }
        footer: Item { width: 1; height: 16 }
    }

    Rectangle {
        visible: page.wide
        anchors.left: list.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        width: 1
        color: Material.dividerColor
    }

    Loader {
        anchors.left: list.right
        anchors.leftMargin: 1
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        active: page.wide
        visible: active
        sourceComponent: (page.composing || page.selectedId.length > 0) ? editorComponent : placeholder
    }
    Component {
        id: editorComponent
        ReflectionEditor {
            showBack: false
            recordId: page.composing ? "" : page.selectedId
            startPrompt: page.composing ? page.newPrompt : ""
            onSaved: (id, isNew) => {
                page.composing = false
                page.selectedId = id
                page.saved(id, isNew)
            }
            onDeleteRequested: id => page.deleteRequested(id)
        }
    }
    Component {
        id: placeholder
        Item {
            Label {
                anchors.centerIn: parent
                width: parent.width - 48
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Choose a reflection, or start from a prompt.")
                color: Material.hintTextColor
            }
        }
    }
}
