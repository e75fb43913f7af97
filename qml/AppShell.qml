import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// The unlocked app. Narrow (phone): one column with a bottom bar; detail screens open over it.
// Wide (tablet, desktop): a navigation rail on the left, and History and Reflections show their
// list and detail side by side. The quick-log form lives here, so a draft survives navigation.
Item {
    id: shell
    property bool wide: width >= 700
    property int tab: 0
    property alias quickForm: quickForm
    property alias stack: stack
    property alias undoBar: undoBar
    property alias homePage: homePage
    property alias historyPage: historyPage
    property alias reflectionsPage: reflectionsPage
    property alias settingsPage: settingsPage

    Material.primary: Material.Teal
    Material.accent: Material.Teal

    readonly property var tabs: [
        { name: "home", label: qsTr("Home"), glyph: "\u2302" },
        { name: "history", label: qsTr("History"), glyph: "\u2630" },
        { name: "reflections", label: qsTr("Reflections"), glyph: "\u270E" },
        { name: "settings", label: qsTr("Settings"), glyph: "\u2699" }
    ]

    InteractionForm { id: quickForm; objectName: "quickForm" }

    function showTab(index) {
        Session.noteActivity()
        while (stack.depth > 1)
            stack.pop(null, StackView.Immediate)
        tab = index
    }
    function openQuickLog() {
        Session.noteActivity()
        undoBar.dismiss()
        stack.push(quickLogComponent, {}, StackView.Immediate)
    }
    function openRecord(recordId) {
        if (wide) {
            tab = 1
            historyPage.selectedId = recordId
        } else {
            stack.push(detailComponent, { recordId: recordId })
        }
    }
    function openEnrollment() {
        Session.noteActivity()
        stack.push(enrollComponent)
    }
    function openAddDevice() {
        Session.noteActivity()
        stack.push(addDeviceComponent)
    }
    function openSync() {
        showTab(3)
        settingsPage.showSync()
    }
    function openReflection(recordId, prompt) {
        stack.push(reflectionComponent, { recordId: recordId, startPrompt: prompt })
    }
    function removeRecord(model, recordId, message) {
        if (!model.remove(recordId))
            return
        if (stack.depth > 1)
            stack.pop()
        if (historyPage.selectedId === recordId)
            historyPage.selectedId = ""
        if (reflectionsPage.selectedId === recordId)
            reflectionsPage.selectedId = ""
        undoBar.show(message, () => model.undoRemove())
    }
    // The undo action is made here, not in the page: the page is gone when Undo is tapped.
    function quickLogDone(saved) {
        stack.pop(StackView.Immediate)
        if (saved)
            undoBar.show(qsTr("Interaction saved"), () => quickForm.undo())
    }
    function editSaved(form) {
        undoBar.show(qsTr("Changes saved"), () => { try { form.undo() } catch (e) {} })
    }

    // While locked nothing of the records stays on screen or in the lists.
    Connections {
        target: Session
        function onStateChanged() {
            if (Session.state !== Session.Unlocked)
                undoBar.dismiss()
        }
    }

    Shortcut {
        sequence: "Ctrl+N"
        onActivated: shell.openQuickLog()
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: mainView
    }

    Item {
        id: mainView

        RowLayout {
            anchors.fill: parent
            spacing: 0

            // Navigation rail (wide)
            Pane {
                visible: shell.wide
                Layout.fillHeight: true
                Layout.preferredWidth: 96
                padding: 0
                topPadding: 16
                Material.elevation: 0
                Material.background: Material.theme === Material.Dark ? "#1f2222" : "#f3f6f5"
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 8
                    PrimaryButton {
                        objectName: "railQuickLog"
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: 60
                        Layout.preferredHeight: 60
                        radius: 18
                        text: "+"
                        font.pixelSize: 28
                        Accessible.role: Accessible.Button
                        Accessible.name: qsTr("Log an interaction")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Log an interaction (Ctrl+N)")
                        onClicked: shell.openQuickLog()
                    }
                    Item { Layout.preferredHeight: 8 }
                    Repeater {
                        model: shell.tabs
                        NavItem {
                            required property var modelData
                            required property int index
                            objectName: "rail_" + modelData.name
                            Layout.alignment: Qt.AlignHCenter
                            text: modelData.label
                            glyph: modelData.glyph
                            checked: shell.tab === index
                            onClicked: shell.showTab(index)
                        }
                    }
                    Item { Layout.fillHeight: true }
                }
            }
            Rectangle {
                visible: shell.wide
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                color: Material.dividerColor
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: shell.tab

                    HomePage {
                        id: homePage
                        objectName: "homePage"
                        form: quickForm
                        selectedId: shell.wide ? historyPage.selectedId : ""
                        onQuickLog: shell.openQuickLog()
                        onOpenRecord: id => shell.openRecord(id)
                        onOpenSync: shell.openSync()
                    }
                    HistoryPage {
                        id: historyPage
                        objectName: "historyPage"
                        wide: shell.wide
                        onOpenRecord: id => shell.openRecord(id)
                        onDeleteRequested: id => shell.removeRecord(historyPage.model, id, qsTr("Interaction deleted"))
                        onEdited: form => shell.editSaved(form)
                    }
                    ReflectionsPage {
                        id: reflectionsPage
                        objectName: "reflectionsPage"
                        wide: shell.wide
                        onOpenReflection: (id, prompt) => shell.openReflection(id, prompt)
                        onSaved: (id, isNew) => undoBar.show(isNew ? qsTr("Reflection saved") : qsTr("Changes saved"), null)
                        onDeleteRequested: id => shell.removeRecord(reflectionsPage.model, id, qsTr("Reflection deleted"))
                    }
                    SettingsPage {
                        id: settingsPage
                        objectName: "settingsPage"
                        onMessage: text => undoBar.show(text, null)
                        onConnectRequested: shell.openEnrollment()
                        onAddDeviceRequested: shell.openAddDevice()
                    }
                }

                // Bottom navigation (narrow)
                Pane {
                    id: bottomBar
                    visible: !shell.wide
                    Layout.fillWidth: true
                    padding: 0
                    topPadding: 4
                    bottomPadding: 4
                    Accessible.role: Accessible.PageTabList
                    Rectangle {
                        parent: bottomBar.background
                        width: parent.width
                        height: 1
                        color: bottomBar.Material.dividerColor
                    }
                    Accessible.name: qsTr("Navigation")
                    RowLayout {
                        anchors.fill: parent
                        spacing: 0
                        Repeater {
                            model: shell.tabs
                            NavItem {
                                required property var modelData
                                required property int index
                                objectName: "tab_" + modelData.name
                                Layout.fillWidth: true
                                text: modelData.label
                                glyph: modelData.glyph
                                checked: shell.tab === index
                                onClicked: shell.showTab(index)
                            }
                        }
                    }
                }
            }
        }
    }

    Component {
        id: quickLogComponent
        QuickLogPage {
            objectName: "quickLogPage"
            form: quickForm
            onDone: saved => shell.quickLogDone(saved)
        }
    }
    Component {
        id: detailComponent
        RecordDetail {
            objectName: "recordDetail"
            onBack: stack.pop()
            onDeleteRequested: id => shell.removeRecord(historyPage.model, id, qsTr("Interaction deleted"))
            onEdited: form => shell.editSaved(form)
        }
    }
    Component {
        id: reflectionComponent
        ReflectionEditor {
            objectName: "reflectionEditor"
            onBack: stack.pop()
            onSaved: (id, isNew) => {
                stack.pop()
                undoBar.show(isNew ? qsTr("Reflection saved") : qsTr("Changes saved"), null)
            }
            onDeleteRequested: id => shell.removeRecord(reflectionsPage.model, id, qsTr("Reflection deleted"))
        }
    }

    Component {
        id: enrollComponent
        EnrollPage {
            objectName: "enrollPage"
            onBack: stack.pop()
            onConnected: message => {
                stack.pop()
                undoBar.show(message, null)
            }
        }
    }

    Component {
        id: addDeviceComponent
        AddDevicePage {
            objectName: "addDevicePage"
            onBack: stack.pop()
        }
    }

    UndoBar {
        id: undoBar
        objectName: "undoBar"
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(parent.width - 24, 560)
        anchors.bottom: parent.bottom
        // Above the bottom bar, and above Home's quick-log button so the next log is never blocked.
        anchors.bottomMargin: 12 + (stack.depth === 1 && !shell.wide ? bottomBar.height : 0)
                              + (stack.depth === 1 && shell.tab === 0 && homePage.footer ? homePage.footer.height : 0)
    }
}
