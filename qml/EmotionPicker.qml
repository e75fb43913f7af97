import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// The customer's emotion on the five-step scale, anger (-2) .. adoration (+2). A column of large
// rows on a phone (easy with a thumb, the words never squeezed), one row of tiles when wide.
// An Item around the grid: the column count follows the given width, never the grid's own.
Item {
    id: root
    property string current: ""
    property bool allowNone: true
    property string namePrefix: "emotion_"
    property string accessibleName: ""
    signal chosen(string value)

    readonly property bool dark: Material.theme === Material.Dark
    readonly property bool horizontal: width >= 520

    implicitWidth: 280
    implicitHeight: grid.implicitHeight
    Accessible.role: Accessible.Grouping
    Accessible.name: accessibleName

    GridLayout {
        id: grid
        width: root.width
        columns: root.horizontal ? 5 : 1
        rowSpacing: 6
        columnSpacing: 8
        Repeater {
            model: Labels.emotions
            delegate: AbstractButton {
                id: tile
                required property var modelData
                readonly property color tint: Labels.emotionColor(modelData.value, root.dark)
                objectName: root.namePrefix + modelData.value
                text: modelData.label
                checkable: true
                checked: root.current === modelData.value
                focusPolicy: Qt.StrongFocus
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: root.horizontal ? 76 : 52
                Accessible.role: Accessible.RadioButton
                Accessible.name: qsTr("%1 (%2)").arg(modelData.label).arg(Labels.signedScore(modelData.score))
                Accessible.checkable: true
                Accessible.checked: checked
                onClicked: {
                    const next = (root.allowNone && root.current === modelData.value) ? "" : modelData.value;
                    checked = Qt.binding(() => root.current === modelData.value);
                    root.chosen(next);
                }

                background: Rectangle {
                    radius: 12
                    color: tile.checked ? Qt.rgba(tile.tint.r, tile.tint.g, tile.tint.b, 0.18) : (tile.down ? Qt.rgba(tile.tint.r, tile.tint.g, tile.tint.b, 0.10) : "transparent")
                    border.width: tile.checked ? 2 : 1
                    border.color: tile.checked || tile.visualFocus ? tile.tint : root.Material.hintTextColor
                }

                contentItem: Item {
                    Rectangle {
                        id: dot
                        width: 32
                        height: 32
                        radius: 16
                        color: tile.tint
                        x: root.horizontal ? (parent.width - width) / 2 : 12
                        y: root.horizontal ? 8 : (parent.height - height) / 2
                        Label {
                            anchors.centerIn: parent
                            text: Labels.signedScore(tile.modelData.score)
                            color: root.dark ? "#1b1b1b" : "white"
                            font.pixelSize: 13
                            font.weight: Font.Bold
                        }
                    }
                    Label {
                        text: tile.text
                        font.pixelSize: root.horizontal ? 13 : 16
                        font.weight: tile.checked ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                        horizontalAlignment: root.horizontal ? Text.AlignHCenter : Text.AlignLeft
                        verticalAlignment: Text.AlignVCenter
                        x: root.horizontal ? 4 : dot.x + dot.width + 14
                        width: root.horizontal ? parent.width - 8 : parent.width - x - 40
                        y: root.horizontal ? dot.y + dot.height + 6 : (parent.height - implicitHeight) / 2
                    }
                    Label {
                        visible: tile.checked && !root.horizontal
                        text: "\u2713"
                        color: tile.tint
                        font.pixelSize: 20
                        anchors.right: parent.right
                        anchors.rightMargin: 14
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
            }
        }
    }
}
