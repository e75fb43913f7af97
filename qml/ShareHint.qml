import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward

// Under "Share with my lead" once it is on: who can read the record. It is sealed for the team's
// leads on this device and reaches them only through sync, so before connecting it says so.
Label {
    property bool shared: false
    visible: shared
    wrapMode: Text.Wrap
    font.pixelSize: 13
    color: Material.hintTextColor
    text: SyncStatus.enrolled
          ? qsTr("Only you and your team's lead can read it, not the server.")
          : qsTr("Your lead can read it once you connect to your team in Settings.")
    Accessible.role: Accessible.StaticText
    Accessible.name: text
}
