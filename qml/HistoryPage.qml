import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// All interactions, newest first, grouped by day: search, filter by channel and date range. The
// model pages lazily (50 at a time) and rows have a fixed height, so 100,000 records scroll
// smoothly. Wide: the list and the detail side by side; narrow: the shell opens the detail.
Page {
    id: page
    property bool wide: false
    property alias model: history
    property string selectedId: ""
    signal openRecord(string recordId)
    signal deleteRequested(string recordId)
    signal edited(var form)

    title: qsTr("History")
    Accessible.role: Accessible.Pane
    Accessible.name: title

    RecordListModel {
        id: history
        objectName: "historyModel"
        kind: "interaction"
    }

    function dayAtNoon(offsetDays) {
        const now = new Date()
        return new Date(now.getFullYear(), now.getMonth(), now.getDate() - offsetDays, 12, 0, 0)
    }
    function applyRange(index) {
        switch (index) {
        case 1: history.fromDay = dayAtNoon(0); history.toDay = dayAtNoon(0); break
        case 2: history.fromDay = dayAtNoon(1); history.toDay = dayAtNoon(1); break
        case 3: history.fromDay = dayAtNoon(6); history.toDay = dayAtNoon(0); break
        case 4: history.fromDay = dayAtNoon(29); history.toDay = dayAtNoon(0); break
        default: history.fromDay = new Date(NaN); history.toDay = new Date(NaN); break
        }
    }
    function dayTitle(section) {
        if (!section)
            return ""
        const d = new Date(section + "T12:00:00")
        if (isNaN(d.getTime()))
            return section
        const today = dayAtNoon(0), yesterday = dayAtNoon(1)
        if (d.toDateString() === today.toDateString()) return qsTr("Today")
        if (d.toDateString() === yesterday.toDateString()) return qsTr("Yesterday")
        return Qt.formatDate(d, Qt.locale().dateFormat(Locale.LongFormat))
    }

    header: Pane {
        padding: 12
        bottomPadding: 4
        Material.elevation: 0
        ColumnLayout {
            anchors.fill: parent
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: page.title
                font.pixelSize: 28
                font.weight: Font.DemiBold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            TextField {
                id: searchField
                objectName: "historySearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search notes")
                inputMethodHints: Qt.ImhNoPredictiveText
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Search notes")
                onTextChanged: { searchDelay.restart(); Session.noteActivity() }
                Timer {
                    id: searchDelay
                    interval: 250
                    onTriggered: history.search = searchField.text
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                ComboBox {
                    id: channelFilter
                    objectName: "channelFilter"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    textRole: "label"
                    valueRole: "value"
                    model: [{ value: "", label: qsTr("All channels") }].concat(Labels.channels)
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Channel filter: %1").arg(currentText)
                    onActivated: history.channel = currentValue
                }
                ComboBox {
                    id: rangeFilter
                    objectName: "rangeFilter"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    model: [qsTr("Any date"), qsTr("Today"), qsTr("Yesterday"), qsTr("Last 7 days"), qsTr("Last 30 days")]
                    Accessible.role: Accessible.ComboBox
                    Accessible.name: qsTr("Date filter: %1").arg(currentText)
                    onActivated: index => page.applyRange(index)
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ListView {
            id: list
            objectName: "historyList"
            Layout.fillHeight: true
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? Math.max(320, page.width * 0.42) : -1
            clip: true
            model: history
            reuseItems: true
            cacheBuffer: 720
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Interactions")

            section.property: "day"
            section.criteria: ViewSection.FullString
            section.delegate: Pane {
                id: sectionPane
                required property string section
                width: ListView.view.width
                padding: 0
                leftPadding: 16
                topPadding: 14
                bottomPadding: 6
                Label {
                    text: page.dayTitle(sectionPane.section)
                    font.pixelSize: 13
                    font.weight: Font.DemiBold
                    color: Material.accent
                    elide: Text.ElideRight
                    width: parent.width
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
            }

            delegate: RecordRow {
                width: list.width
                selected: page.wide && recordId === page.selectedId
                onClicked: {
                    Session.noteActivity()
                    page.selectedId = recordId
                    if (!page.wide)
                        page.openRecord(recordId)
                }
            }

            Label {
                objectName: "historyEmpty"
                anchors.centerIn: parent
                width: parent.width - 48
                visible: list.count === 0 && !history.loading
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Material.hintTextColor
                text: history.search.length > 0 || history.channel.length > 0 || rangeFilter.currentIndex > 0
                      ? qsTr("No interactions match these filters.")
                      : qsTr("No interactions yet. The ones you log appear here.")
            }
            BusyIndicator {
                anchors.centerIn: parent
                running: history.loading && list.count === 0
                visible: running
            }
        }

        Rectangle {
            visible: page.wide
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Material.dividerColor
        }

        Loader {
            Layout.fillHeight: true
            Layout.fillWidth: true
            visible: page.wide
            active: page.wide
            sourceComponent: RecordDetail {
                recordId: page.selectedId
                showBack: false
                onDeleteRequested: id => page.deleteRequested(id)
                onEdited: form => page.edited(form)
            }
        }
    }
}
