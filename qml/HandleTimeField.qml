import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// Output: the handle time. A timer to start when the contact starts (it keeps running while the
// person does something else in the app), or minutes typed or stepped by hand.
ColumnLayout {
    id: root
    required property var form
    spacing: 6

    FieldLabel {
        Layout.fillWidth: true
        text: qsTr("Handle time")
        detail: qsTr("Start the timer when the contact starts, or set the minutes.")
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        PrimaryButton {
            objectName: "timerButton"
            outlined: !root.form.timerRunning
            implicitHeight: 48
            text: root.form.timerRunning ? qsTr("Stop  %1").arg(Labels.duration(root.form.timerSeconds))
                                         : qsTr("Start timer")
            icon.source: ""
            Layout.minimumWidth: 132
            Accessible.role: Accessible.Button
            Accessible.name: root.form.timerRunning
                             ? qsTr("Stop the timer at %1").arg(Labels.duration(root.form.timerSeconds))
                             : qsTr("Start the handle-time timer")
            onClicked: root.form.timerRunning ? root.form.stopTimer() : root.form.startTimer()
        }

        SpinBox {
            id: minutes
            objectName: "handleMinutes"
            Layout.fillWidth: true
            Layout.maximumWidth: 200
            from: -1
            to: 1440
            editable: true
            enabled: !root.form.timerRunning
            value: root.form.handleTimeSeconds < 0 ? -1 : Math.round(root.form.handleTimeSeconds / 60)
            textFromValue: (v, locale) => v < 0 ? "\u2014" : qsTr("%1 min").arg(v)
            valueFromText: (text, locale) => {
                const n = parseInt(text)
                return isNaN(n) ? -1 : n
            }
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.role: Accessible.SpinBox
            Accessible.name: qsTr("Handle time in minutes")
            onValueModified: {
                root.form.handleTimeSeconds = value < 0 ? -1 : value * 60
                Session.noteActivity()
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: root.form.handleTimeSeconds >= 0 && !root.form.timerRunning
        text: qsTr("Recorded: %1").arg(Labels.duration(root.form.handleTimeSeconds))
        font.pixelSize: 13
        color: Material.hintTextColor
    }
    FieldError {
        Layout.fillWidth: true
        text: root.form.fieldErrors["handleTimeSeconds"] || ""
    }
}
