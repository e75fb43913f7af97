import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// Writes or edits a reflection: a prompt (or free writing), a title, the text, and two choices:
// share with my lead (private by default) and link to the team purpose.
Page {
    id: page
    property string recordId: ""
    property string startPrompt: ""
    property bool showBack: true
    signal back()
    signal saved(string recordId, bool isNew)
    signal deleteRequested(string recordId)

    readonly property bool isNew: form.recordId.length === 0
    title: isNew ? qsTr("New reflection") : qsTr("Reflection")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    ReflectionForm {
        id: form
        onSaved: id => page.saved(id, page.wasNew)
    }
    property bool wasNew: true

    function reload() {
        if (recordId.length > 0) {
            form.load(recordId)
        } else {
            form.reset()
            form.prompt = startPrompt
        }
    }
    onRecordIdChanged: reload()
    onStartPromptChanged: if (recordId.length === 0) form.prompt = startPrompt
    Component.onCompleted: reload()

    readonly property var promptOptions: [{ value: "", label: qsTr("Free writing") }].concat(Labels.prompts)
    function promptIndex(value) {
        for (let i = 0; i < promptOptions.length; ++i)
            if (promptOptions[i].value === value) return i
        return 0
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
                visible: page.showBack
                text: "\u2190"
                font.pixelSize: 20
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Back")
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: page.showBack ? 0 : 16
                text: page.title
                font.pixelSize: 20
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            ToolButton {
                objectName: "deleteReflection"
                visible: !page.isNew
                text: qsTr("Delete")
                Material.foreground: Material.color(Material.Red)
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Delete this reflection")
                onClicked: page.deleteRequested(form.recordId)
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
            width: Math.min(flick.width - 32, 720)
            anchors.horizontalCenter: parent.horizontalCenter
            y: 8
            spacing: 14

            ComboBox {
                id: promptBox
                objectName: "promptBox"
                Layout.fillWidth: true
                textRole: "label"
                valueRole: "value"
                model: page.promptOptions
                currentIndex: page.promptIndex(form.prompt)
                Accessible.role: Accessible.ComboBox
                Accessible.name: qsTr("Prompt: %1").arg(currentText)
                onActivated: { form.prompt = currentValue; Session.noteActivity() }
                delegate: ItemDelegate {
                    required property var modelData
                    required property int index
                    width: ListView.view ? ListView.view.width : implicitWidth
                    text: modelData.label
                    contentItem: Label { text: parent.text; wrapMode: Text.Wrap }
                    highlighted: promptBox.highlightedIndex === index
                }
                contentItem: Label {
                    leftPadding: 12
                    rightPadding: promptBox.indicator.width + 8
                    text: promptBox.displayText
                    elide: Text.ElideRight
                    verticalAlignment: Text.AlignVCenter
                }
            }
            Label {
                Layout.fillWidth: true
                visible: form.prompt.length > 0
                text: Labels.prompt(form.prompt)
                font.pixelSize: 20
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            TextField {
                objectName: "reflectionTitle"
                Layout.fillWidth: true
                placeholderText: qsTr("Title (optional)")
                text: form.title
                maximumLength: 400
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Title")
                onTextEdited: { form.title = text; Session.noteActivity() }
            }
            FieldError { Layout.fillWidth: true; text: form.fieldErrors["title"] || "" }
            TextArea {
                id: body
                objectName: "reflectionBody"
                Layout.fillWidth: true
                Layout.minimumHeight: 200
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Write freely. Only you can read this unless you share it.")
                text: form.body
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Reflection")
                onTextChanged: {
                    if (text !== form.body) {
                        form.body = text
                        Session.noteActivity()
                    }
                }
            }
            FieldError { objectName: "bodyError"; Layout.fillWidth: true; text: form.fieldErrors["body"] || "" }

            SwitchRow {
                objectName: "reflectionShare"
                Layout.fillWidth: true
                text: qsTr("Share with my lead")
                checked: form.shareWithLead
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: form.shareWithLead = checked
            }
            ShareHint {
                objectName: "reflectionShareHint"
                Layout.fillWidth: true
                shared: form.shareWithLead
            }
            SwitchRow {
                objectName: "reflectionLink"
                Layout.fillWidth: true
                enabled: Overview.hasPurpose
                text: Overview.hasPurpose ? qsTr("Link to our team purpose") : qsTr("Link to our team purpose (none yet)")
                checked: form.linkToPurpose
                Accessible.role: Accessible.CheckBox
                Accessible.name: text
                onToggled: form.linkToPurpose = checked
                contentItem: Label {
                    leftPadding: 0
                    rightPadding: parent.indicator.width + 8
                    text: parent.text
                    font: parent.font
                    wrapMode: Text.Wrap
                    verticalAlignment: Text.AlignVCenter
                    opacity: parent.enabled ? 1 : 0.6
                }
            }
            Label {
                Layout.fillWidth: true
                visible: Overview.hasPurpose && form.linkToPurpose
                text: Overview.purposeWhy
                font.italic: true
                wrapMode: Text.Wrap
                color: Material.hintTextColor
            }
            Label {
                objectName: "reflectionSync"
                Layout.fillWidth: true
                visible: !page.isNew
                text: qsTr("Sync: %1").arg(form.outboxState === "local" && !SyncStatus.enrolled
                                           ? qsTr("only on this device until you connect to your team")
                                           : Labels.outboxLine(form.outboxState, form.outboxError))
                wrapMode: Text.Wrap
                font.pixelSize: 13
                color: form.outboxState === "error" ? Material.color(Material.Red, Material.theme === Material.Dark ? Material.Shade300 : Material.Shade800)
                                                    : Material.hintTextColor
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
            FieldError { Layout.fillWidth: true; text: form.error }

            PrimaryButton {
                objectName: "saveReflection"
                Layout.fillWidth: true
                implicitHeight: 56
                text: page.isNew ? qsTr("Save reflection") : qsTr("Save changes")
                Accessible.role: Accessible.Button
                Accessible.name: text
                onClicked: {
                    Session.noteActivity()
                    page.wasNew = page.isNew
                    form.save()
                }
            }
        }
    }
}
