import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Outward
import QtQuick.Layouts

// The fields of an interaction, bound to an InteractionForm: the two required ones first (channel,
// the customer's end emotion), then everything optional behind one tap ("More details"), grouped
// as output, outcome and impact so they are never merged. Errors come from form.fieldErrors and
// show under their field; nothing typed is cleared by a failed save.
ColumnLayout {
    id: root
    required property var form
    property bool showMore: false
    spacing: 20

    readonly property var errors: form.fieldErrors

    // --- required -----------------------------------------------------------------------------
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 8
        FieldLabel {
            Layout.fillWidth: true
            text: qsTr("Channel")
            required: true
        }
        ChoiceChips {
            objectName: "channelChips"
            Layout.fillWidth: true
            options: Labels.channels
            current: root.form.channel
            allowNone: false
            namePrefix: "channel_"
            accessibleName: qsTr("Channel")
            onChosen: value => { root.form.channel = value; Session.noteActivity() }
        }
        FieldError {
            objectName: "channelError"
            Layout.fillWidth: true
            // The two required answers get words for people; other rules show the core's text.
            text: root.errors["channel"] ? qsTr("Choose the channel the customer used.") : ""
        }
    }

    ColumnLayout {
        Layout.fillWidth: true
        spacing: 8
        FieldLabel {
            Layout.fillWidth: true
            text: qsTr("How did the customer feel at the end?")
            required: true
        }
        EmotionPicker {
            objectName: "endEmotionPicker"
            Layout.fillWidth: true
            current: root.form.endEmotion
            allowNone: false
            namePrefix: "emotion_"
            accessibleName: qsTr("Customer's emotion at the end")
            onChosen: value => { root.form.endEmotion = value; Session.noteActivity() }
        }
        FieldError {
            objectName: "endEmotionError"
            Layout.fillWidth: true
            text: root.errors["endEmotion"] ? qsTr("Choose how the customer felt at the end of the contact.") : ""
        }
    }

    // --- optional, one tap away ---------------------------------------------------------------
    Button {
        objectName: "moreDetailsButton"
        Layout.fillWidth: true
        flat: true
        text: root.showMore ? qsTr("Fewer details") : qsTr("More details (optional)")
        Accessible.role: Accessible.Button
        Accessible.name: text
        onClicked: root.showMore = !root.showMore
    }

    ColumnLayout {
        objectName: "moreDetails"
        Layout.fillWidth: true
        visible: root.showMore
        spacing: 22

        Label {
            Layout.fillWidth: true
            text: qsTr("Impact")
            font.pixelSize: 13
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 8
            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("How did the customer feel at the start?")
            }
            EmotionPicker {
                objectName: "startEmotionPicker"
                Layout.fillWidth: true
                current: root.form.startEmotion
                namePrefix: "startEmotion_"
                accessibleName: qsTr("Customer's emotion at the start")
                onChosen: value => { root.form.startEmotion = value; Session.noteActivity() }
            }
            FieldError { Layout.fillWidth: true; text: root.errors["startEmotion"] || "" }
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 8
            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("Advocacy")
                detail: qsTr("Did the customer show they would speak up for us?")
            }
            ChoiceChips {
                Layout.fillWidth: true
                options: Labels.advocacies
                current: root.form.advocacy
                namePrefix: "advocacy_"
                accessibleName: qsTr("Advocacy")
                onChosen: value => { root.form.advocacy = value; Session.noteActivity() }
            }
            FieldError { Layout.fillWidth: true; text: root.errors["advocacy"] || "" }
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Outcome")
            font.pixelSize: 13
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 8
            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("Resolved on first contact?")
            }
            ChoiceChips {
                Layout.fillWidth: true
                options: Labels.resolutions
                current: root.form.firstContactResolution
                allowNone: false
                namePrefix: "resolved_"
                accessibleName: qsTr("Resolved on first contact")
                onChosen: value => { root.form.firstContactResolution = value; Session.noteActivity() }
            }
            FieldError { Layout.fillWidth: true; text: root.errors["firstContactResolution"] || "" }
        }
        ScaleRow {
            Layout.fillWidth: true
            title: qsTr("Effort, your view")
            question: Labels.perceivedEffortStatement
            from: 1; to: 7
            value: root.form.perceivedEffort
            lowLabel: qsTr("strongly disagree")
            highLabel: qsTr("strongly agree")
            namePrefix: "effort_"
            errorText: root.errors["perceivedEffort"] || ""
            onChosen: value => { root.form.perceivedEffort = value; Session.noteActivity() }
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("Output")
            font.pixelSize: 13
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        HandleTimeField {
            Layout.fillWidth: true
            form: root.form
        }

        Label {
            Layout.fillWidth: true
            text: qsTr("What the customer told you")
            font.pixelSize: 13
            font.capitalization: Font.AllUppercase
            font.letterSpacing: 1
            color: Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Only when the customer answered the question themselves. Kept apart from your own view.")
            wrapMode: Text.Wrap
            font.pixelSize: 13
            color: Material.hintTextColor
        }
        ScaleRow {
            Layout.fillWidth: true
            title: qsTr("NPS (Net Promoter Score)")
            question: Labels.npsQuestion
            from: 0; to: 10
            value: root.form.nps
            lowLabel: qsTr("not at all likely")
            highLabel: qsTr("extremely likely")
            legend: qsTr("0\u20136 detractor \u00b7 7\u20138 passive \u00b7 9\u201310 promoter")
            namePrefix: "nps_"
            errorText: root.errors["customerReported.nps"] || ""
            onChosen: value => { root.form.nps = value; Session.noteActivity() }
        }
        ScaleRow {
            Layout.fillWidth: true
            title: qsTr("CSAT (Customer Satisfaction)")
            question: Labels.csatQuestion
            from: 1; to: 5
            value: root.form.csat
            lowLabel: qsTr("very dissatisfied")
            highLabel: qsTr("very satisfied")
            legend: qsTr("4\u20135 satisfied")
            namePrefix: "csat_"
            errorText: root.errors["customerReported.csat"] || ""
            onChosen: value => { root.form.csat = value; Session.noteActivity() }
        }
        ScaleRow {
            Layout.fillWidth: true
            title: qsTr("CES (Customer Effort Score)")
            question: Labels.cesStatement
            from: 1; to: 7
            value: root.form.ces
            lowLabel: qsTr("strongly disagree")
            highLabel: qsTr("strongly agree")
            namePrefix: "ces_"
            errorText: root.errors["customerReported.ces"] || ""
            onChosen: value => { root.form.ces = value; Session.noteActivity() }
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            FieldLabel {
                Layout.fillWidth: true
                text: qsTr("Note")
            }
            TextArea {
                id: note
                objectName: "noteField"
                Layout.fillWidth: true
                Layout.minimumHeight: 96
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("What happened, in a few words")
                text: root.form.note
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Note")
                onTextChanged: {
                    if (text !== root.form.note) {
                        root.form.note = text
                        Session.noteActivity()
                    }
                }
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: qsTr("%1 / 4000").arg(note.length)
                font.pixelSize: 12
                color: note.length > 4000 ? Material.color(Material.Red) : Material.hintTextColor
            }
            FieldError { Layout.fillWidth: true; text: root.errors["note"] || "" }
        }

        SwitchRow {
            objectName: "shareSwitch"
            Layout.fillWidth: true
            text: qsTr("Share with my lead")
            checked: root.form.shareWithLead
            Accessible.role: Accessible.CheckBox
            Accessible.name: text
            Accessible.description: qsTr("Your lead sees only the records you share.")
            onToggled: { root.form.shareWithLead = checked; Session.noteActivity() }
        }
        ShareHint {
            objectName: "shareHint"
            Layout.fillWidth: true
            Layout.topMargin: -16 // belongs to the switch above, not a field of its own
            shared: root.form.shareWithLead
        }
        FieldError { Layout.fillWidth: true; text: root.errors["shareWithLead"] || "" }
    }

    FieldError {
        objectName: "formError"
        Layout.fillWidth: true
        text: root.form.error
    }
}
