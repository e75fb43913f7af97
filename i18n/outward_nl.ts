<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AppShell</name>
    <message>
        <location filename="../qml/AppShell.qml" line="25"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="26"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="27"/>
        <source>Reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="28"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="70"/>
        <source>Interaction saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="73"/>
        <location filename="../qml/AppShell.qml" line="184"/>
        <location filename="../qml/AppShell.qml" line="250"/>
        <source>Changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="124"/>
        <source>Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="126"/>
        <source>Log an interaction (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="176"/>
        <location filename="../qml/AppShell.qml" line="239"/>
        <source>Interaction deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="184"/>
        <location filename="../qml/AppShell.qml" line="250"/>
        <source>Reflection saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="185"/>
        <location filename="../qml/AppShell.qml" line="252"/>
        <source>Reflection deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="203"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="11"/>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="34"/>
        <source>Current passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="35"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="40"/>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="50"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="58"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="62"/>
        <source>Change the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmotionPicker</name>
    <message>
        <location filename="../qml/EmotionPicker.qml" line="47"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="11"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="12"/>
        <source>Choose a passphrase. It encrypts everything you write on this device; nobody else, not even the server, can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="18"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="29"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="34"/>
        <source>Tip: a few unrelated words are easy to remember and hard to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="51"/>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="51"/>
        <location filename="../qml/FirstRunPage.qml" line="53"/>
        <source>Create my profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandleTimeField</name>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="16"/>
        <source>Handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="17"/>
        <source>Start the timer when the contact starts, or set the minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="27"/>
        <source>Stop  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="28"/>
        <source>Start timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="33"/>
        <source>Stop the timer at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="34"/>
        <source>Start the handle-time timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="48"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="55"/>
        <source>Handle time in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="66"/>
        <source>Recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../qml/HistoryPage.qml" line="19"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="49"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="50"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="73"/>
        <location filename="../qml/HistoryPage.qml" line="76"/>
        <source>Search notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="94"/>
        <source>All channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="96"/>
        <source>Channel filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="106"/>
        <source>Date filter: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="130"/>
        <source>Interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="173"/>
        <source>No interactions match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="174"/>
        <source>No interactions yet. The ones you log appear here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="16"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="46"/>
        <location filename="../qml/HomePage.qml" line="112"/>
        <source>Today&apos;s interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="67"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="92"/>
        <source>Logged today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="100"/>
        <source>Not yet sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HomePage.qml" line="101"/>
        <source>%n need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="102"/>
        <source>Safe on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="102"/>
        <source>All sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="127"/>
        <source>Nothing logged yet today. After your next contact, tap “Log an interaction”: channel, how the customer felt, save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="155"/>
        <source>Continue log · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="156"/>
        <source>Continue log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="157"/>
        <source>+  Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="159"/>
        <source>Continue the interaction log you started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="159"/>
        <source>Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InteractionFields</name>
    <message>
        <location filename="../qml/InteractionFields.qml" line="25"/>
        <location filename="../qml/InteractionFields.qml" line="35"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="50"/>
        <source>How did the customer feel at the end?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="59"/>
        <source>Customer&apos;s emotion at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="74"/>
        <source>Fewer details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="74"/>
        <source>More details (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="88"/>
        <source>Impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="101"/>
        <source>How did the customer feel at the start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="108"/>
        <source>Customer&apos;s emotion at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="118"/>
        <location filename="../qml/InteractionFields.qml" line="126"/>
        <source>Advocacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="119"/>
        <source>Did the customer show they would speak up for us?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="134"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="147"/>
        <source>Resolved on first contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="155"/>
        <source>Resolved on first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="162"/>
        <source>Effort, your view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="166"/>
        <location filename="../qml/InteractionFields.qml" line="237"/>
        <source>strongly disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="167"/>
        <location filename="../qml/InteractionFields.qml" line="238"/>
        <source>strongly agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="175"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="190"/>
        <source>What the customer told you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="200"/>
        <source>Only when the customer answered the question themselves. Kept apart from your own view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="207"/>
        <source>NPS (Net Promoter Score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="211"/>
        <source>not at all likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="212"/>
        <source>extremely likely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="213"/>
        <source>0–6 detractor · 7–8 passive · 9–10 promoter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="220"/>
        <source>CSAT (Customer Satisfaction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="224"/>
        <source>very dissatisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="225"/>
        <source>very satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="226"/>
        <source>4–5 satisfied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="233"/>
        <source>CES (Customer Effort Score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="249"/>
        <location filename="../qml/InteractionFields.qml" line="260"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="257"/>
        <source>What happened, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="270"/>
        <source>%1 / 4000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="280"/>
        <source>Share with my lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="284"/>
        <source>Your lead sees only the records you share.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InteractionForm</name>
    <message>
        <location filename="../qml/interactionform.cpp" line="225"/>
        <source>The last save could not be undone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="260"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="269"/>
        <source>That record is deleted or is not an interaction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="273"/>
        <source>That record was written by a newer Outward; update the app to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../qml/Labels.qml" line="9"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="10"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="11"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="12"/>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="13"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="14"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="15"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="16"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="19"/>
        <source>Anger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="20"/>
        <source>Agitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="21"/>
        <source>Ambivalence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="22"/>
        <source>Appreciation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="23"/>
        <source>Adoration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="26"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="27"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="28"/>
        <source>Not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="31"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="32"/>
        <source>Thanked us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="33"/>
        <source>Would recommend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="34"/>
        <source>Referred someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="37"/>
        <source>Why do I do this work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="38"/>
        <source>What did a customer gain from me today?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="39"/>
        <source>What would our customers miss if we were gone?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="40"/>
        <source>Which customer is better off because of me this week, and how?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="41"/>
        <source>What did I do today that I am proud of?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="44"/>
        <source>On this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="45"/>
        <source>Waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="46"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="47"/>
        <source>Not sent: needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="50"/>
        <source>How likely are you to recommend us to a friend or colleague?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="51"/>
        <source>How satisfied were you with how we handled your request?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="52"/>
        <source>The company made it easy for me to handle my issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="53"/>
        <source>I made it easy for the customer to handle their issue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockFrame</name>
    <message>
        <location filename="../qml/LockFrame.qml" line="50"/>
        <source>Outward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="17"/>
        <source>Outward</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../qml/overview.cpp" line="183"/>
        <source>The profile is locked; unlock it to export your records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="190"/>
        <source>Choose a file on this device to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="196"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="216"/>
        <source>The export stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="217"/>
        <location filename="../qml/overview.cpp" line="221"/>
        <source>Writing %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Hide the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Show the passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Too weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="20"/>
        <source>Passphrase strength: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="39"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PurposeCard</name>
    <message>
        <location filename="../qml/PurposeCard.qml" line="15"/>
        <location filename="../qml/PurposeCard.qml" line="28"/>
        <source>Our purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="52"/>
        <source>How: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="60"/>
        <source>What: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="68"/>
        <source>What would our customers miss if we were gone? %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="79"/>
        <source>Your team&apos;s purpose will appear here once your lead has written it and this device has synced. Until then: who is better off because of the work you do today?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickLogPage</name>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Edit interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Log an interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="45"/>
        <source>Close (the draft is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="59"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="62"/>
        <source>Discard this draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="105"/>
        <source>Choose a channel and how the customer felt at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="119"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="119"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Edit interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="58"/>
        <source>Cancel editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="58"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="77"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="79"/>
        <source>Edit this interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="88"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="91"/>
        <source>Delete this interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="103"/>
        <source>Choose an interaction to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="134"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="140"/>
        <source>Customer&apos;s emotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="142"/>
        <source>%1 at the start, %2 at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="143"/>
        <source>%1 at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="145"/>
        <source>Advocacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="146"/>
        <source>Resolved on first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="147"/>
        <source>Effort, your view (1–7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="148"/>
        <source>Handle time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="149"/>
        <source>NPS, from the customer (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="150"/>
        <source>CSAT, from the customer (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="151"/>
        <source>CES, from the customer (1–7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="152"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="155"/>
        <source>Your lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="156"/>
        <source>Shared with your lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="156"/>
        <source>Private: only you can read it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="177"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListModel</name>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="159"/>
        <source>(written by a newer Outward; update the app to read it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="379"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="414"/>
        <source>The record could not be brought back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="468"/>
        <source>&quot;%1&quot; is not a kind of record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordRow</name>
    <message>
        <location filename="../qml/RecordRow.qml" line="34"/>
        <source>%1, %2, %3, customer ended: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="80"/>
        <source>Handle time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="81"/>
        <source>No note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="90"/>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <location filename="../qml/RecoverPage.qml" line="11"/>
        <source>Use your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="12"/>
        <source>Type the code you wrote down when you created your profile, then choose a new passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="18"/>
        <location filename="../qml/RecoverPage.qml" line="22"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="25"/>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="30"/>
        <source>New passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="45"/>
        <source>Recovering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="45"/>
        <location filename="../qml/RecoverPage.qml" line="47"/>
        <source>Recover and unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="58"/>
        <source>Back to unlock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="11"/>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="12"/>
        <source>If you forget your passphrase, this code is the only way back in. Write it down on paper and keep it somewhere safe. It is shown only this once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="43"/>
        <source>Recovery code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="50"/>
        <source>I have written it down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="59"/>
        <source>Type the last group (%1 characters) to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="63"/>
        <source>Last group of the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="79"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="81"/>
        <source>Confirm the recovery code and continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="84"/>
        <source>That is not the last group of the code. Compare it with what you wrote down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <source>New reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <location filename="../qml/ReflectionEditor.qml" line="158"/>
        <source>Reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="41"/>
        <source>Free writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="60"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="76"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="79"/>
        <source>Delete this reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="110"/>
        <source>Prompt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="141"/>
        <source>Title (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="145"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="155"/>
        <source>Write freely. Only you can read this unless you share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="171"/>
        <source>Share with my lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="181"/>
        <source>Link to our team purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="181"/>
        <source>Link to our team purpose (none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="210"/>
        <source>Save reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="210"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionForm</name>
    <message>
        <location filename="../qml/reflectionform.cpp" line="122"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/reflectionform.cpp" line="129"/>
        <source>That record is deleted, is not a reflection, or was written by a newer Outward.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReflectionsPage</name>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="20"/>
        <location filename="../qml/ReflectionsPage.qml" line="54"/>
        <source>Reflections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="74"/>
        <source>A private journal about why your work matters. Your lead sees a reflection only if you share it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="82"/>
        <source>Start from a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="96"/>
        <source>Write about: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="117"/>
        <source>Write freely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="120"/>
        <source>Write a reflection without a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="127"/>
        <source>Written so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="139"/>
        <source>Nothing yet. A few honest lines once a week are enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="153"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="179"/>
        <source>Shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="244"/>
        <source>Choose a reflection, or start from a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScaleRow</name>
    <message>
        <location filename="../qml/ScaleRow.qml" line="57"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/ScaleRow.qml" line="88"/>
        <location filename="../qml/ScaleRow.qml" line="96"/>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../qml/session.cpp" line="256"/>
        <source>The device is out of resources; close other apps and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="283"/>
        <source>Use at least %1 characters; a few unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="286"/>
        <source>Add a few more words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="288"/>
        <source>Add another word or two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="290"/>
        <source>Good. One more word makes it strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="292"/>
        <source>Strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="301"/>
        <source>This device already holds a profile; unlock it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="311"/>
        <source>The two passphrases differ; type the same passphrase twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="348"/>
        <source>That is not the last group of your recovery code. Type the 4 characters after its last dash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="385"/>
        <source>Unlocked, but this device could not remember your key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="403"/>
        <source>This device does not remember your key; unlock with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="419"/>
        <source>This device no longer holds your key; unlock with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="422"/>
        <source>The device&apos;s key store did not answer (%1); unlock with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="431"/>
        <source>The key on this device does not open the profile; unlock with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="450"/>
        <source>This device could not forget your key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="469"/>
        <source>Unlock the profile before changing its passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="483"/>
        <location filename="../qml/session.cpp" line="539"/>
        <source>The two new passphrases differ; type the same passphrase twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="525"/>
        <source>There is no profile on this device to recover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="526"/>
        <source>The profile is open; change its passphrase in the settings instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="14"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="19"/>
        <source>After 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="20"/>
        <source>After 2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="21"/>
        <source>After 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="22"/>
        <source>After 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="23"/>
        <source>After 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="24"/>
        <source>After 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="53"/>
        <source>Passphrase changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="58"/>
        <location filename="../qml/SettingsPage.qml" line="171"/>
        <source>Export my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="60"/>
        <source>JSON lines (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="67"/>
        <source>Exported %n record(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="96"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="98"/>
        <source>Everything you write is encrypted on this device. The server can count, but it cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="102"/>
        <source>Stored in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="110"/>
        <source>Change passphrase…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="112"/>
        <source>Change passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="116"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="122"/>
        <source>Lock automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="134"/>
        <source>Lock automatically: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="142"/>
        <source>Remember on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="151"/>
        <source>The key is kept in this device&apos;s key store, so you can unlock without typing. Turn off to forget it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="152"/>
        <source>To unlock without typing, choose “Remember on this device” when you next unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="156"/>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="163"/>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="165"/>
        <source>Export your own records, readable, as JSON lines. Keep the file somewhere safe: it is not encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="169"/>
        <source>Export my data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="183"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="192"/>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="200"/>
        <source>Language: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="204"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="207"/>
        <source>Outward %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="207"/>
        <source>Outward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="212"/>
        <source>A journal of the difference you make for customers. Your lead sees team totals only for groups large enough to keep everyone anonymous, and your own records only when you share them. There are no rankings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatTile</name>
    <message>
        <location filename="../qml/StatTile.qml" line="16"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../qml/UndoBar.qml" line="68"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UndoBar.qml" line="73"/>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="12"/>
        <source>Welcome back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="13"/>
        <source>Enter your passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="28"/>
        <source>Unlock with this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="37"/>
        <source>or with your passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="44"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="52"/>
        <source>Remember on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="55"/>
        <source>Keeps the key in this device&apos;s key store, so you can unlock without typing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="69"/>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="69"/>
        <location filename="../qml/UnlockPage.qml" line="71"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="83"/>
        <source>Forgot your passphrase?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="85"/>
        <source>Forgot your passphrase? Use your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>outward::forms</name>
    <message>
        <location filename="../qml/formsupport.cpp" line="12"/>
        <source>The profile is locked. Unlock it and try again; nothing you entered is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
