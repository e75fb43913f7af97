import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// One interaction in a list: time, channel, the customer's end emotion, the start of the note,
// and where the record is (on this device, waiting to send, sent, or not sent). Fixed height, so long lists scroll
// smoothly and delegates can be reused.
ItemDelegate {
    id: row
    required property int index
    required property var model
    readonly property string recordId: model.id || ""
    readonly property var at: model.at
    readonly property string note: model.note || ""
    readonly property string channel: model.channel || ""
    readonly property string endEmotion: model.endEmotion || ""
    readonly property int handleTime: model.handleTime === undefined ? -1 : model.handleTime
    readonly property bool shared: !!model.shared
    readonly property string outboxState: model.outboxState || ""
    readonly property string outboxError: model.outboxError || ""
    property bool selected: false
    property bool showDay: false

    readonly property bool dark: Material.theme === Material.Dark
    readonly property color tint: Labels.emotionColor(endEmotion, dark)

    height: 72
    highlighted: selected
    padding: 0
    leftPadding: 16
    rightPadding: 16
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("%1, %2, %3, customer ended: %4")
                     .arg(timeLabel.text).arg(Labels.channel(channel))
                     .arg(Labels.outboxLine(outboxState, outboxError)).arg(Labels.emotion(endEmotion))
    Accessible.description: note

    contentItem: RowLayout {
        spacing: 14
        Rectangle {
            Layout.preferredWidth: 40
            Layout.preferredHeight: 40
            radius: 20
            color: Qt.rgba(row.tint.r, row.tint.g, row.tint.b, 0.18)
            Rectangle {
                anchors.centerIn: parent
                width: 14; height: 14; radius: 7
                color: row.tint
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    text: Labels.channel(row.channel) + " \u00b7 " + Labels.emotion(row.endEmotion)
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                }
                Label {
                    id: timeLabel
                    text: row.at ? (row.showDay ? Qt.formatDateTime(row.at, Qt.locale().dateTimeFormat(Locale.ShortFormat))
                                                : Qt.formatTime(row.at, Qt.locale().timeFormat(Locale.ShortFormat)))
                                 : ""
                    font.pixelSize: 13
                    color: Material.hintTextColor
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    text: row.note.length > 0 ? row.note.replace(/\s+/g, " ")
                                              : (row.handleTime >= 0 ? qsTr("Handle time %1").arg(Labels.duration(row.handleTime))
                                                                     : qsTr("No note"))
                    font.pixelSize: 14
                    font.italic: row.note.length === 0
                    color: Material.hintTextColor
                    elide: Text.ElideRight
                    maximumLineCount: 1
                }
                Label {
                    visible: row.shared
                    text: qsTr("Shared")
                    font.pixelSize: 12
                    color: Material.accent
                }
                // Where the record stands: on this device (dot), waiting to send (arrow), sent
                // (tick), or refused by the server ("Not sent", its reason in the detail).
                Label {
                    objectName: "outboxMark"
                    text: row.outboxState === "synced" ? "\u2713"
                          : row.outboxState === "queued" ? "\u2191"
                          : row.outboxState === "error" ? qsTr("Not sent") : "\u2022"
                    font.pixelSize: row.outboxState === "error" ? 12 : 14
                    font.weight: Font.Bold
                    color: row.outboxState === "error" ? Material.color(Material.Red, row.dark ? Material.Shade300 : Material.Shade800)
                                                       : (row.outboxState === "synced" ? Material.accent : Material.hintTextColor)
                    Accessible.ignored: true
                }
            }
        }
    }
}
