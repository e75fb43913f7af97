import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// "Saved" with an Undo button for a few seconds after a save or a delete. show(message, action):
// action is called when the person taps Undo. Sits at the bottom of the screen, above the
// navigation, in reach of the thumb.
Pane {
    id: root
    property string message
    property var action: null
    property int timeout: 6000

    function show(text, undoAction) {
        message = text
        action = undoAction
        opacity = 1
        visible = true
        hideTimer.restart()
    }
    function dismiss() {
        hideTimer.stop()
        action = null
        visible = false
    }

    visible: false
    padding: 0
    leftPadding: 16
    rightPadding: 4
    Material.elevation: 6
    // Inverse surface, as Material snackbars: dark on a light theme, light on a dark one.
    readonly property bool darkTheme: Material.theme === Material.Dark
    readonly property color surface: darkTheme ? "#e8eaed" : "#323232"
    readonly property color onSurface: darkTheme ? "#202124" : "#f1f3f4"
    implicitHeight: Math.max(56, row.implicitHeight + 8)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message

    background: Rectangle {
        radius: 8
        color: root.surface
    }

    Timer {
        id: hideTimer
        interval: root.timeout
        onTriggered: root.dismiss()
    }

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: root.message
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            font.pixelSize: 15
            color: root.onSurface
        }
        Button {
            objectName: "undoButton"
            text: qsTr("Undo")
            flat: true
            visible: root.action !== null
            Material.foreground: root.darkTheme ? "#1a73e8" : "#8ab4f8"
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("Undo: %1").arg(root.message)
            onClicked: {
                const act = root.action
                root.dismiss()
                if (act)
                    act()
            }
        }
    }
}
