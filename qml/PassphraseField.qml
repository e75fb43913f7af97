import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Outward

// A passphrase field with a show/hide button. The text stays in this field only until it is
// handed to Session.
RowLayout {
    id: root
    property alias text: field.text
    property alias placeholderText: field.placeholderText
    property string accessibleName: placeholderText
    property alias field: field
    signal accepted()
    spacing: 0

    TextField {
        id: field
        Layout.fillWidth: true
        echoMode: reveal.checked ? TextInput.Normal : TextInput.Password
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        Accessible.role: Accessible.EditableText
        Accessible.name: root.accessibleName
        Accessible.passwordEdit: !reveal.checked
        onAccepted: root.accepted()
        onTextEdited: Session.noteActivity()
    }
    ToolButton {
        id: reveal
        checkable: true
        text: checked ? qsTr("Hide") : qsTr("Show")
        font.pixelSize: 13
        Accessible.role: Accessible.CheckBox
        Accessible.name: checked ? qsTr("Hide the passphrase") : qsTr("Show the passphrase")
    }
}
