import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// A standard numeric scale (NPS 0-10, CSAT 1-5, CES 1-7): its name, its exact wording, one
// 48 px button per point (wrapping on a phone), and the meaning of both ends. value -1 = not
// given; a second tap on the chosen point clears it.
ColumnLayout {
    id: root
    property string title
    property string question
    property int from: 1
    property int to: 5
    property int value: -1
    property string lowLabel
    property string highLabel
    property string legend        // e.g. "0-6 detractor · 7-8 passive · 9-10 promoter"
    property string namePrefix: ""
    property string errorText
    signal chosen(int value)

    spacing: 6

    FieldLabel {
        Layout.fillWidth: true
        text: root.title
        detail: root.question
    }

    Item {
        Layout.fillWidth: true
        implicitWidth: 240
        implicitHeight: points.implicitHeight
        Flow {
            id: points
            width: parent.width
            spacing: 6
            Accessible.role: Accessible.Grouping
            Accessible.name: root.title

            Repeater {
                model: root.to - root.from + 1
                delegate: AbstractButton {
                    id: point
                    required property int index
                    readonly property int score: root.from + index
                    objectName: root.namePrefix + score
                    width: 48
                    height: 48
                    checkable: true
                    checked: root.value === score
                    focusPolicy: Qt.StrongFocus
                    text: String(score)
                    Accessible.role: Accessible.RadioButton
                    Accessible.name: qsTr("%1: %2").arg(root.title).arg(score)
                    Accessible.checkable: true
                    Accessible.checked: checked
                    onClicked: {
                        checked = Qt.binding(() => root.value === score);
                        root.chosen(root.value === score ? -1 : score);
                    }
                    background: Rectangle {
                        radius: 24
                        color: point.checked ? point.Material.accent : (point.down ? Qt.rgba(point.Material.accent.r, point.Material.accent.g, point.Material.accent.b, 0.15) : "transparent")
                        border.width: point.checked ? 0 : 1
                        border.color: point.visualFocus ? point.Material.accent : point.Material.hintTextColor
                    }
                    contentItem: Label {
                        text: point.text
                        horizontalAlignment: Text.AlignHCenter
                        verticalAlignment: Text.AlignVCenter
                        font.pixelSize: 16
                        font.weight: point.checked ? Font.Bold : Font.Normal
                        color: point.checked ? point.Material.background : point.Material.foreground
                    }
                }
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        visible: root.lowLabel.length > 0 || root.highLabel.length > 0
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 = %2").arg(root.from).arg(root.lowLabel)
            font.pixelSize: 12
            color: Material.hintTextColor
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            text: qsTr("%1 = %2").arg(root.to).arg(root.highLabel)
            font.pixelSize: 12
            color: Material.hintTextColor
            wrapMode: Text.Wrap
        }
    }
    Label {
        Layout.fillWidth: true
        visible: root.legend.length > 0
        text: root.legend
        font.pixelSize: 12
        color: Material.hintTextColor
        wrapMode: Text.Wrap
    }
    FieldError {
        Layout.fillWidth: true
        text: root.errorText
    }
}
