pragma Singleton
import QtQuick
import Outward

// The translated labels of the named values (docs/records.md, "Named values"). Values travel to
// C++ as their JSON names; only these labels are shown. Lists are properties so bindings that
// read them are re-evaluated when the language changes.
QtObject {
    readonly property var channels: [
        { value: "phone", label: qsTr("Phone") },
        { value: "email", label: qsTr("Email") },
        { value: "chat", label: qsTr("Chat") },
        { value: "inPerson", label: qsTr("In person") },
        { value: "video", label: qsTr("Video") },
        { value: "social", label: qsTr("Social") },
        { value: "letter", label: qsTr("Letter") },
        { value: "other", label: qsTr("Other") }
    ]
    readonly property var emotions: [
        { value: "anger", label: qsTr("Anger"), score: -2 },
        { value: "agitation", label: qsTr("Agitation"), score: -1 },
        { value: "ambivalence", label: qsTr("Ambivalence"), score: 0 },
        { value: "appreciation", label: qsTr("Appreciation"), score: 1 },
        { value: "adoration", label: qsTr("Adoration"), score: 2 }
    ]
    readonly property var resolutions: [
        { value: "yes", label: qsTr("Yes") },
        { value: "no", label: qsTr("No") },
        { value: "unknown", label: qsTr("Not sure") }
    ]
    readonly property var advocacies: [
        { value: "none", label: qsTr("None") },
        { value: "thanked", label: qsTr("Thanked us") },
        { value: "wouldRecommend", label: qsTr("Would recommend") },
        { value: "referred", label: qsTr("Referred someone") }
    ]
    readonly property var prompts: [
        { value: "whyThisWork", label: qsTr("Why do I do this work?") },
        { value: "customerGain", label: qsTr("What did a customer gain from me today?") },
        { value: "customersWouldMiss", label: qsTr("What would our customers miss if we were gone?") },
        { value: "betterOff", label: qsTr("Which customer is better off because of me this week, and how?") },
        { value: "proud", label: qsTr("What did I do today that I am proud of?") }
    ]
    readonly property var outboxStates: [
        { value: "local", label: qsTr("On this device") },
        { value: "queued", label: qsTr("Waiting to send") },
        { value: "synced", label: qsTr("Sent") },
        { value: "error", label: qsTr("Not sent: needs attention") }
    ]
    readonly property var roles: [
        { value: "staff", label: qsTr("Staff") },
        { value: "lead", label: qsTr("Team lead") },
        { value: "admin", label: qsTr("Administrator") }
    ]

    readonly property string npsQuestion: qsTr("How likely are you to recommend us to a friend or colleague?")
    readonly property string csatQuestion: qsTr("How satisfied were you with how we handled your request?")
    readonly property string cesStatement: qsTr("The company made it easy for me to handle my issue.")
    readonly property string perceivedEffortStatement: qsTr("I made it easy for the customer to handle their issue.")

    function labelIn(list, value) {
        for (let i = 0; i < list.length; ++i) {
            if (list[i].value === value)
                return list[i].label
        }
        return value === undefined || value === null ? "" : String(value)
    }
    function channel(value) { return labelIn(channels, value) }
    function emotion(value) { return labelIn(emotions, value) }
    function resolution(value) { return labelIn(resolutions, value) }
    function advocacy(value) { return labelIn(advocacies, value) }
    function prompt(value) { return labelIn(prompts, value) }
    function outboxState(value) { return labelIn(outboxStates, value) }
    function role(value) { return labelIn(roles, value) }
    // Where a record stands, in one line: the state, and for an error the server's reason.
    function outboxLine(state, error) {
        return state === "error" && error && error.length > 0
               ? qsTr("Not sent. %1").arg(SyncStatus.readableReason(error)) : outboxState(state)
    }

    // -2..+2 as shown beside an emotion: a real minus sign, and a plus for the positive side.
    function signedScore(score) {
        return score > 0 ? "+" + score : (score < 0 ? "\u2212" + (-score) : "0")
    }
    // The colour of an emotion step: warm for anger, neutral in the middle, green at the top.
    function emotionColor(value, dark) {
        switch (value) {
        case "anger": return dark ? "#ef9a9a" : "#c62828"
        case "agitation": return dark ? "#ffcc80" : "#e65100"
        case "ambivalence": return dark ? "#b0bec5" : "#607d8b"
        case "appreciation": return dark ? "#a5d6a7" : "#2e7d32"
        case "adoration": return dark ? "#80cbc4" : "#00695c"
        }
        return dark ? "#b0bec5" : "#607d8b"
    }
    // Seconds as m:ss (or h:mm:ss from an hour on).
    function duration(seconds) {
        if (seconds === undefined || seconds === null || seconds < 0)
            return ""
        const h = Math.floor(seconds / 3600)
        const m = Math.floor((seconds % 3600) / 60)
        const s = seconds % 60
        const ss = (s < 10 ? "0" : "") + s
        if (h > 0)
            return h + ":" + (m < 10 ? "0" : "") + m + ":" + ss
        return m + ":" + ss
    }
}
