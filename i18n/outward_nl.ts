<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AddDevicePage</name>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="17"/>
        <source>Add a device</source>
        <translation>Een apparaat toevoegen</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="44"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="85"/>
        <source>Making a code…</source>
        <translation>Code maken…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="99"/>
        <source>On the new device, open Outward, choose “I already use Outward on another device” and type:</source>
        <translation>Open Outward op het nieuwe apparaat, kies ‘Ik gebruik Outward al op een ander apparaat’ en typ:</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="109"/>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="121"/>
        <source>Server address: %1</source>
        <translation>Serveradres: %1</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="127"/>
        <source>Link code</source>
        <translation>Koppelcode</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="141"/>
        <source>Link code: %1</source>
        <translation>Koppelcode: %1</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="168"/>
        <source>Works once. Expires in %1.</source>
        <translation>Werkt één keer. Verloopt over %1.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="177"/>
        <source>Type it only on a device of your own: whoever has this code can open your records.</source>
        <translation>Typ hem alleen op een apparaat van jezelf: wie deze code heeft, kan je items openen.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="196"/>
        <source>Cancelling the code…</source>
        <translation>Code annuleren…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="197"/>
        <source>A device used the code. Waiting for it to finish joining…</source>
        <translation>Een apparaat heeft de code gebruikt. Wachten tot het klaar is met toevoegen…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="212"/>
        <source>Waiting for the new device…</source>
        <translation>Wachten op het nieuwe apparaat…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="255"/>
        <source>It receives your records at its first sync, encrypted as always.</source>
        <translation>Het krijgt je items bij de eerste synchronisatie, versleuteld zoals altijd.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="267"/>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="275"/>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="275"/>
        <source>Make a new code</source>
        <translation>Nieuwe code maken</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="284"/>
        <source>Cancel the code</source>
        <translation>Code annuleren</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="292"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../qml/AppShell.qml" line="26"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="27"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="28"/>
        <source>Reflections</source>
        <translation>Reflecties</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="29"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="83"/>
        <source>Interaction saved</source>
        <translation>Contactmoment opgeslagen</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="86"/>
        <location filename="../qml/AppShell.qml" line="198"/>
        <location filename="../qml/AppShell.qml" line="272"/>
        <source>Changes saved</source>
        <translation>Wijzigingen opgeslagen</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="137"/>
        <source>Log an interaction</source>
        <translation>Contactmoment vastleggen</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="139"/>
        <source>Log an interaction (Ctrl+N)</source>
        <translation>Contactmoment vastleggen (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="190"/>
        <location filename="../qml/AppShell.qml" line="261"/>
        <source>Interaction deleted</source>
        <translation>Contactmoment verwijderd</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="198"/>
        <location filename="../qml/AppShell.qml" line="272"/>
        <source>Reflection saved</source>
        <translation>Reflectie opgeslagen</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="199"/>
        <location filename="../qml/AppShell.qml" line="274"/>
        <source>Reflection deleted</source>
        <translation>Reflectie verwijderd</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="225"/>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="11"/>
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="34"/>
        <source>Current passphrase</source>
        <translation>Huidige wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="35"/>
        <source>New passphrase</source>
        <translation>Nieuwe wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="40"/>
        <source>New passphrase again</source>
        <translation>Herhaal de nieuwe wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="50"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="58"/>
        <source>Change</source>
        <translation>Wijzigen</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="61"/>
        <source>Change the passphrase</source>
        <translation>De wachtzin wijzigen</translation>
    </message>
</context>
<context>
    <name>EmotionPicker</name>
    <message>
        <location filename="../qml/EmotionPicker.qml" line="47"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>EnrollPage</name>
    <message>
        <location filename="../qml/EnrollPage.qml" line="21"/>
        <location filename="../qml/EnrollPage.qml" line="218"/>
        <source>Connect to your team</source>
        <translation>Verbinden met je team</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="70"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="110"/>
        <source>Your administrator gives you the server&apos;s address and a one-time invite code. What you write is sent encrypted: the server can count it, but it cannot read it.</source>
        <translation>Je beheerder geeft je het adres van de server en een uitnodigingscode die één keer werkt. Wat je schrijft gaat versleuteld over: de server kan het tellen, maar niet lezen.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="120"/>
        <location filename="../qml/EnrollPage.qml" line="132"/>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="140"/>
        <location filename="../qml/EnrollPage.qml" line="155"/>
        <source>Invite code</source>
        <translation>Uitnodigingscode</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="141"/>
        <source>20 letters and digits. The dashes are added for you.</source>
        <translation>20 letters en cijfers. De streepjes komen er vanzelf bij.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="163"/>
        <location filename="../qml/EnrollPage.qml" line="176"/>
        <source>Your name</source>
        <translation>Je naam</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="164"/>
        <source>Your team sees it.</source>
        <translation>Je team ziet deze naam.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="174"/>
        <source>First and last name</source>
        <translation>Voor- en achternaam</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="184"/>
        <location filename="../qml/EnrollPage.qml" line="197"/>
        <source>This device&apos;s name</source>
        <translation>Naam van dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="185"/>
        <source>So you can tell your devices apart later.</source>
        <translation>Zo herken je je apparaten later.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="216"/>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="216"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="229"/>
        <source>Connecting to the server</source>
        <translation>Verbinden met de server</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="243"/>
        <source>A link code from your other device is for a device that has no profile yet: you type it on the welcome screen, under “I already use Outward on another device”. This device already has a profile of its own, so it joins your team with an invite code from your administrator.</source>
        <translation>Een koppelcode van je andere apparaat is voor een apparaat dat nog geen profiel heeft: je typt hem op het welkomstscherm, onder ‘Ik gebruik Outward al op een ander apparaat’. Dit apparaat heeft al een eigen profiel, dus het verbindt met je team via een uitnodigingscode van je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="263"/>
        <source>I have an invite code</source>
        <translation>Ik heb een uitnodigingscode</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="263"/>
        <source>I have a link code instead</source>
        <translation>Ik heb een koppelcode</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Optional</source>
        <translation>Optioneel</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="13"/>
        <source>Welcome</source>
        <translation>Welkom</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="14"/>
        <source>Choose a passphrase. It encrypts everything you write on this device; nobody else, not even the server, can read it.</source>
        <translation>Kies een wachtzin. Die versleutelt alles wat je op dit apparaat schrijft; niemand anders kan het lezen, zelfs de server niet.</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="20"/>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="31"/>
        <source>Passphrase again</source>
        <translation>Herhaal de wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="36"/>
        <source>Tip: a few unrelated words are easy to remember and hard to guess.</source>
        <translation>Tip: een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden.</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="52"/>
        <source>Creating…</source>
        <translation>Aanmaken…</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="52"/>
        <location filename="../qml/FirstRunPage.qml" line="54"/>
        <source>Create my profile</source>
        <translation>Mijn profiel aanmaken</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="75"/>
        <source>I already use Outward on another device</source>
        <translation>Ik gebruik Outward al op een ander apparaat</translation>
    </message>
</context>
<context>
    <name>HandleTimeField</name>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="16"/>
        <source>Handle time</source>
        <translation>Afhandeltijd</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="17"/>
        <source>Start the timer when the contact starts, or set the minutes.</source>
        <translation>Start de timer als het contact begint, of vul de minuten in.</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="28"/>
        <source>Stop  %1</source>
        <translation>Stop  %1</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="29"/>
        <source>Start timer</source>
        <translation>Timer starten</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="34"/>
        <source>Stop the timer at %1</source>
        <translation>Timer stoppen op %1</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="35"/>
        <source>Start the handle-time timer</source>
        <translation>Timer voor de afhandeltijd starten</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="49"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="56"/>
        <source>Handle time in minutes</source>
        <translation>Afhandeltijd in minuten</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="67"/>
        <source>Recorded: %1</source>
        <translation>Vastgelegd: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../qml/HistoryPage.qml" line="19"/>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="49"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="50"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Yesterday</source>
        <translation>Gisteren</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="73"/>
        <location filename="../qml/HistoryPage.qml" line="76"/>
        <source>Search notes</source>
        <translation>Zoeken in notities</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="94"/>
        <source>All channels</source>
        <translation>Alle kanalen</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="96"/>
        <source>Channel filter: %1</source>
        <translation>Kanaalfilter: %1</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Any date</source>
        <translation>Alle datums</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 7 days</source>
        <translation>Afgelopen 7 dagen</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 30 days</source>
        <translation>Afgelopen 30 dagen</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="106"/>
        <source>Date filter: %1</source>
        <translation>Datumfilter: %1</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="130"/>
        <source>Interactions</source>
        <translation>Contactmomenten</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="174"/>
        <source>No interactions match these filters.</source>
        <translation>Geen contactmomenten die aan deze filters voldoen.</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="175"/>
        <source>No interactions yet. The ones you log appear here.</source>
        <translation>Nog geen contactmomenten. Wat je vastlegt, verschijnt hier.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="18"/>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="48"/>
        <location filename="../qml/HomePage.qml" line="137"/>
        <source>Today&apos;s interactions</source>
        <translation>Contactmomenten van vandaag</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="83"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="108"/>
        <source>Logged today</source>
        <translation>Vandaag vastgelegd</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="117"/>
        <source>Not yet sent</source>
        <translation>Nog niet verzonden</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HomePage.qml" line="118"/>
        <source>%n need attention</source>
        <translation>
            <numerusform>%n vraagt aandacht</numerusform>
            <numerusform>%n vragen aandacht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="119"/>
        <source>Safe on this device</source>
        <translation>Veilig op dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="119"/>
        <source>All sent</source>
        <translation>Alles verzonden</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="152"/>
        <source>Nothing logged yet today. After your next contact, tap “Log an interaction”: channel, how the customer felt, save.</source>
        <translation>Vandaag nog niets vastgelegd. Tik na je volgende contact op “Contactmoment vastleggen”: kanaal, hoe de klant zich voelde, opslaan.</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="179"/>
        <source>Continue log · %1</source>
        <translation>Verder invullen · %1</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="180"/>
        <source>Continue log</source>
        <translation>Verder invullen</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="181"/>
        <source>+  Log an interaction</source>
        <translation>+  Contactmoment vastleggen</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="183"/>
        <source>Continue the interaction log you started</source>
        <translation>Ga verder met het contactmoment dat je begon</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="183"/>
        <source>Log an interaction</source>
        <translation>Contactmoment vastleggen</translation>
    </message>
</context>
<context>
    <name>InteractionFields</name>
    <message>
        <location filename="../qml/InteractionFields.qml" line="25"/>
        <location filename="../qml/InteractionFields.qml" line="35"/>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="42"/>
        <source>Choose the channel the customer used.</source>
        <translation>Kies het kanaal dat de klant gebruikte.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="51"/>
        <source>How did the customer feel at the end?</source>
        <translation>Hoe voelde de klant zich aan het eind?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="60"/>
        <source>Customer&apos;s emotion at the end</source>
        <translation>Emotie van de klant aan het eind</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="66"/>
        <source>Choose how the customer felt at the end of the contact.</source>
        <translation>Kies hoe de klant zich voelde aan het einde van het contact.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="75"/>
        <source>Fewer details</source>
        <translation>Minder details</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="75"/>
        <source>More details (optional)</source>
        <translation>Meer details (optioneel)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="89"/>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="102"/>
        <source>How did the customer feel at the start?</source>
        <translation>Hoe voelde de klant zich aan het begin?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="109"/>
        <source>Customer&apos;s emotion at the start</source>
        <translation>Emotie van de klant aan het begin</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="119"/>
        <location filename="../qml/InteractionFields.qml" line="127"/>
        <source>Advocacy</source>
        <translation>Aanbeveling</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="120"/>
        <source>Did the customer show they would speak up for us?</source>
        <translation>Liet de klant merken dat die zich positief over ons zou uitspreken?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="135"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="148"/>
        <source>Resolved on first contact?</source>
        <translation>Opgelost bij het eerste contact?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="156"/>
        <source>Resolved on first contact</source>
        <translation>Opgelost bij het eerste contact</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="163"/>
        <source>Effort, your view</source>
        <translation>Inspanning, volgens jou</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="167"/>
        <location filename="../qml/InteractionFields.qml" line="238"/>
        <source>strongly disagree</source>
        <translation>helemaal oneens</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="168"/>
        <location filename="../qml/InteractionFields.qml" line="239"/>
        <source>strongly agree</source>
        <translation>helemaal eens</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="176"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="191"/>
        <source>What the customer told you</source>
        <translation>Wat de klant je vertelde</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="201"/>
        <source>Only when the customer answered the question themselves. Kept apart from your own view.</source>
        <translation>Alleen als de klant de vraag zelf heeft beantwoord. Blijft gescheiden van je eigen inschatting.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="208"/>
        <source>NPS (Net Promoter Score)</source>
        <translation>NPS (Net Promoter Score)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="212"/>
        <source>not at all likely</source>
        <translation>helemaal niet waarschijnlijk</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="213"/>
        <source>extremely likely</source>
        <translation>zeer waarschijnlijk</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="214"/>
        <source>0–6 detractor · 7–8 passive · 9–10 promoter</source>
        <translation>0–6 criticaster · 7–8 passief · 9–10 promotor</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="221"/>
        <source>CSAT (Customer Satisfaction)</source>
        <translation>CSAT (klanttevredenheid)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="225"/>
        <source>very dissatisfied</source>
        <translation>zeer ontevreden</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="226"/>
        <source>very satisfied</source>
        <translation>zeer tevreden</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="227"/>
        <source>4–5 satisfied</source>
        <translation>4–5 tevreden</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="234"/>
        <source>CES (Customer Effort Score)</source>
        <translation>CES (klantinspanning)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="250"/>
        <location filename="../qml/InteractionFields.qml" line="261"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="258"/>
        <source>What happened, in a few words</source>
        <translation>Wat er gebeurde, in een paar woorden</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="271"/>
        <source>%1 / 4000</source>
        <translation>%1 / 4000</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="281"/>
        <source>Share with my lead</source>
        <translation>Delen met mijn teamleider</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="285"/>
        <source>Your lead sees only the records you share.</source>
        <translation>Je teamleider ziet alleen wat je deelt.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../qml/JoinPage.qml" line="16"/>
        <location filename="../qml/JoinPage.qml" line="162"/>
        <location filename="../qml/JoinPage.qml" line="164"/>
        <source>Add this device</source>
        <translation>Dit apparaat toevoegen</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="17"/>
        <source>On your other device, open Settings and choose “Add a device”. It shows the server address and a link code that works for 10 minutes.</source>
        <translation>Open op je andere apparaat Instellingen en kies ‘Een apparaat toevoegen’. Het toont het serveradres en een koppelcode die 10 minuten werkt.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="54"/>
        <location filename="../qml/JoinPage.qml" line="66"/>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="76"/>
        <location filename="../qml/JoinPage.qml" line="91"/>
        <source>Link code</source>
        <translation>Koppelcode</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="77"/>
        <source>24 letters and digits. The dashes are added for you.</source>
        <translation>24 letters en cijfers. De streepjes komen er vanzelf bij.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="101"/>
        <location filename="../qml/JoinPage.qml" line="113"/>
        <source>This device&apos;s name</source>
        <translation>Naam van dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="102"/>
        <source>So you can tell your devices apart later.</source>
        <translation>Zodat je je apparaten later uit elkaar kunt houden.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="123"/>
        <source>A passphrase for this device</source>
        <translation>Een wachtzin voor dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="124"/>
        <source>It unlocks Outward here and may differ from your other device&apos;s. Your recovery code stays the same.</source>
        <translation>Hiermee ontgrendel je Outward hier; hij mag verschillen van die van je andere apparaat. Je herstelcode blijft dezelfde.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="132"/>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="144"/>
        <source>Passphrase again</source>
        <translation>Herhaal de wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="162"/>
        <source>Adding…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="198"/>
        <source>I am new to Outward: create a profile</source>
        <translation>Ik ben nieuw bij Outward: profiel aanmaken</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../qml/Labels.qml" line="10"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="11"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="12"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="13"/>
        <source>In person</source>
        <translation>Persoonlijk</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="14"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="15"/>
        <source>Social</source>
        <translation>Social media</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="16"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="17"/>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="20"/>
        <source>Anger</source>
        <translation>Boosheid</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="21"/>
        <source>Agitation</source>
        <translation>Onrust</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="22"/>
        <source>Ambivalence</source>
        <translation>Ambivalentie</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="23"/>
        <source>Appreciation</source>
        <translation>Waardering</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="24"/>
        <source>Adoration</source>
        <translation>Bewondering</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="27"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="28"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="29"/>
        <source>Not sure</source>
        <translation>Weet ik niet</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="32"/>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="33"/>
        <source>Thanked us</source>
        <translation>Bedankte ons</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="34"/>
        <source>Would recommend</source>
        <translation>Zou ons aanbevelen</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="35"/>
        <source>Referred someone</source>
        <translation>Verwees iemand naar ons</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="38"/>
        <source>Why do I do this work?</source>
        <translation>Waarom doe ik dit werk?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="39"/>
        <source>What did a customer gain from me today?</source>
        <translation>Wat heeft een klant vandaag aan mij gehad?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="40"/>
        <source>What would our customers miss if we were gone?</source>
        <translation>Wat zouden onze klanten missen als wij er niet meer waren?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="41"/>
        <source>Which customer is better off because of me this week, and how?</source>
        <translation>Welke klant is deze week beter af dankzij mij, en hoe?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="42"/>
        <source>What did I do today that I am proud of?</source>
        <translation>Wat heb ik vandaag gedaan waar ik trots op ben?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="45"/>
        <source>On this device</source>
        <translation>Op dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="46"/>
        <source>Waiting to send</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="47"/>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="48"/>
        <source>Not sent: needs attention</source>
        <translation>Niet verzonden: vraagt aandacht</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="51"/>
        <source>Staff</source>
        <translation>Medewerker</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="52"/>
        <source>Team lead</source>
        <translation>Teamleider</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="53"/>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="56"/>
        <source>How likely are you to recommend us to a friend or colleague?</source>
        <translation>Hoe waarschijnlijk is het dat je ons aanbeveelt aan een vriend of collega?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="57"/>
        <source>How satisfied were you with how we handled your request?</source>
        <translation>Hoe tevreden ben je over de manier waarop we je vraag hebben afgehandeld?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="58"/>
        <source>The company made it easy for me to handle my issue.</source>
        <translation>Het bedrijf heeft het me gemakkelijk gemaakt om mijn probleem op te lossen.</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="59"/>
        <source>I made it easy for the customer to handle their issue.</source>
        <translation>Ik heb het de klant gemakkelijk gemaakt om het probleem op te lossen.</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="78"/>
        <source>Not sent. %1</source>
        <translation>Niet verzonden. %1</translation>
    </message>
</context>
<context>
    <name>LockFrame</name>
    <message>
        <location filename="../qml/LockFrame.qml" line="57"/>
        <source>Outward</source>
        <translation>Outward</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="17"/>
        <source>Outward</source>
        <translation>Outward</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="39"/>
        <source>This device was added to your account. Your records are on their way.</source>
        <translation>Dit apparaat is aan je account toegevoegd. Je items zijn onderweg.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Hide the passphrase</source>
        <translation>Wachtzin verbergen</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Show the passphrase</source>
        <translation>Wachtzin tonen</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Too weak</source>
        <translation>Te zwak</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Weak</source>
        <translation>Zwak</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Fair</source>
        <translation>Redelijk</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="20"/>
        <source>Passphrase strength: %1. %2</source>
        <translation>Sterkte van de wachtzin: %1. %2</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="40"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>PurposeCard</name>
    <message>
        <location filename="../qml/PurposeCard.qml" line="15"/>
        <location filename="../qml/PurposeCard.qml" line="28"/>
        <source>Our purpose</source>
        <translation>Ons doel</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="52"/>
        <source>How: %1</source>
        <translation>Hoe: %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="60"/>
        <source>What: %1</source>
        <translation>Wat: %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="68"/>
        <source>What would our customers miss if we were gone? %1</source>
        <translation>Wat zouden onze klanten missen als wij er niet meer waren? %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="79"/>
        <source>Your team&apos;s purpose will appear here once your lead has written it and this device has synced. Until then: who is better off because of the work you do today?</source>
        <translation>Het doel van je team verschijnt hier zodra je teamleider het heeft geschreven en dit apparaat is gesynchroniseerd. Tot die tijd: wie is er beter af dankzij het werk dat je vandaag doet?</translation>
    </message>
</context>
<context>
    <name>QuickLogPage</name>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Edit interaction</source>
        <translation>Contactmoment bewerken</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Log an interaction</source>
        <translation>Contactmoment vastleggen</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="46"/>
        <source>Close (the draft is kept)</source>
        <translation>Sluiten (het concept blijft bewaard)</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="60"/>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="63"/>
        <source>Discard this draft</source>
        <translation>Dit concept weggooien</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="112"/>
        <source>Choose a channel and how the customer felt at the end.</source>
        <translation>Kies een kanaal en hoe de klant zich aan het eind voelde.</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="125"/>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="125"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Edit interaction</source>
        <translation>Contactmoment bewerken</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Interaction</source>
        <translation>Contactmoment</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="59"/>
        <source>Cancel editing</source>
        <translation>Bewerken annuleren</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="59"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="78"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="80"/>
        <source>Edit this interaction</source>
        <translation>Dit contactmoment bewerken</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="89"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="92"/>
        <source>Delete this interaction</source>
        <translation>Dit contactmoment verwijderen</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="104"/>
        <source>Choose an interaction to see it here.</source>
        <translation>Kies een contactmoment om het hier te zien.</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="135"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="138"/>
        <source>%1 at %2</source>
        <extracomment>A date, then a time of day: &quot;Tuesday, 24 November 2026 at 11:10&quot;.</extracomment>
        <translation>%1 om %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="144"/>
        <source>Customer&apos;s emotion</source>
        <translation>Emotie van de klant</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="146"/>
        <source>%1 at the start, %2 at the end</source>
        <translation>Begin: %1 · Eind: %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="147"/>
        <source>%1 at the end</source>
        <translation>Eind: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="149"/>
        <source>Advocacy</source>
        <translation>Aanbeveling</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="150"/>
        <source>Resolved on first contact</source>
        <translation>Opgelost bij het eerste contact</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="151"/>
        <source>Effort, your view (1–7)</source>
        <translation>Inspanning, volgens jou (1–7)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="152"/>
        <source>Handle time</source>
        <translation>Afhandeltijd</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="153"/>
        <source>NPS, from the customer (0–10)</source>
        <translation>NPS, van de klant (0–10)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="154"/>
        <source>CSAT, from the customer (1–5)</source>
        <translation>CSAT, van de klant (1–5)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="155"/>
        <source>CES, from the customer (1–7)</source>
        <translation>CES, van de klant (1–7)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="156"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="160"/>
        <source>Your lead</source>
        <translation>Je teamleider</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="162"/>
        <source>Shared with your lead</source>
        <translation>Gedeeld met je teamleider</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="161"/>
        <source>Private: only you can read it</source>
        <translation>Privé: alleen jij kunt het lezen</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="163"/>
        <source>Shared with your lead once it is sent</source>
        <translation>Gedeeld met je teamleider zodra het verzonden is</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="164"/>
        <source>Shared with your lead once you connect to your team (Settings)</source>
        <translation>Gedeeld met je teamleider zodra je met je team verbonden bent (Instellingen)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="169"/>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="171"/>
        <source>Only on this device. Connect to your team in Settings to send it.</source>
        <translation>Alleen op dit apparaat. Verbind met je team in Instellingen om het te verzenden.</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="192"/>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
</context>
<context>
    <name>RecordRow</name>
    <message>
        <location filename="../qml/RecordRow.qml" line="35"/>
        <source>%1, %2, %3, customer ended: %4</source>
        <translation>%1, %2, %3, klant aan het eind: %4</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="81"/>
        <source>Handle time %1</source>
        <translation>Afhandeltijd %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="82"/>
        <source>No note</source>
        <translation>Geen notitie</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="91"/>
        <source>Shared</source>
        <translation>Gedeeld</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="101"/>
        <source>Not sent</source>
        <translation>Niet verzonden</translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <location filename="../qml/RecoverPage.qml" line="11"/>
        <source>Use your recovery code</source>
        <translation>Je herstelcode gebruiken</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="12"/>
        <source>Type the code you wrote down when you created your profile, then choose a new passphrase.</source>
        <translation>Typ de code die je hebt opgeschreven toen je je profiel aanmaakte, en kies daarna een nieuwe wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="18"/>
        <location filename="../qml/RecoverPage.qml" line="22"/>
        <source>Recovery code</source>
        <translation>Herstelcode</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="25"/>
        <source>New passphrase</source>
        <translation>Nieuwe wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="30"/>
        <source>New passphrase again</source>
        <translation>Herhaal de nieuwe wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="44"/>
        <source>Recovering…</source>
        <translation>Herstellen…</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="44"/>
        <location filename="../qml/RecoverPage.qml" line="46"/>
        <source>Recover and unlock</source>
        <translation>Herstellen en ontgrendelen</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="57"/>
        <source>Back to unlock</source>
        <translation>Terug naar ontgrendelen</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="11"/>
        <source>Your recovery code</source>
        <translation>Je herstelcode</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="12"/>
        <source>If you forget your passphrase, this code is the only way back in. Write it down on paper and keep it somewhere safe. It is shown only this once.</source>
        <translation>Als je je wachtzin vergeet, is deze code de enige manier om weer binnen te komen. Schrijf hem op papier en bewaar hem op een veilige plek. Hij wordt maar één keer getoond.</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="43"/>
        <source>Recovery code: %1</source>
        <translation>Herstelcode: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="50"/>
        <source>I have written it down</source>
        <translation>Ik heb hem opgeschreven</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="59"/>
        <source>Type the last group (%1 characters) to confirm</source>
        <translation>Typ ter bevestiging de laatste groep (%1 tekens)</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="63"/>
        <source>Last group of the recovery code</source>
        <translation>Laatste groep van de herstelcode</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="78"/>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="80"/>
        <source>Confirm the recovery code and continue</source>
        <translation>Herstelcode bevestigen en doorgaan</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="83"/>
        <source>That is not the last group of the code. Compare it with what you wrote down.</source>
        <translation>Dat is niet de laatste groep van de code. Vergelijk hem met wat je hebt opgeschreven.</translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <source>New reflection</source>
        <translation>Nieuwe reflectie</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <location filename="../qml/ReflectionEditor.qml" line="159"/>
        <source>Reflection</source>
        <translation>Reflectie</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="41"/>
        <source>Free writing</source>
        <translation>Vrij schrijven</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="61"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="77"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="80"/>
        <source>Delete this reflection</source>
        <translation>Deze reflectie verwijderen</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="111"/>
        <source>Prompt: %1</source>
        <translation>Vraag: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="142"/>
        <source>Title (optional)</source>
        <translation>Titel (optioneel)</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="146"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="156"/>
        <source>Write freely. Only you can read this unless you share it.</source>
        <translation>Schrijf vrijuit. Alleen jij kunt dit lezen, tenzij je het deelt.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="172"/>
        <source>Share with my lead</source>
        <translation>Delen met mijn teamleider</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="187"/>
        <source>Link to our team purpose</source>
        <translation>Koppelen aan het doel van ons team</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="187"/>
        <source>Link to our team purpose (none yet)</source>
        <translation>Koppelen aan het doel van ons team (nog niet geschreven)</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="214"/>
        <source>Sync: %1</source>
        <translation>Synchronisatie: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="215"/>
        <source>only on this device until you connect to your team</source>
        <translation>alleen op dit apparaat tot je met je team verbonden bent</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="230"/>
        <source>Save reflection</source>
        <translation>Reflectie opslaan</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="230"/>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
</context>
<context>
    <name>ReflectionsPage</name>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="20"/>
        <location filename="../qml/ReflectionsPage.qml" line="54"/>
        <source>Reflections</source>
        <translation>Reflecties</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="74"/>
        <source>A private journal about why your work matters. Your lead sees a reflection only if you share it.</source>
        <translation>Een persoonlijk dagboek over waarom je werk ertoe doet. Je teamleider ziet een reflectie alleen als je die deelt.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="82"/>
        <source>Start from a prompt</source>
        <translation>Begin met een vraag</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="96"/>
        <source>Write about: %1</source>
        <translation>Schrijf over: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="117"/>
        <source>Write freely</source>
        <translation>Vrij schrijven</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="120"/>
        <source>Write a reflection without a prompt</source>
        <translation>Een reflectie schrijven zonder vraag</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="127"/>
        <source>Written so far</source>
        <translation>Tot nu toe geschreven</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="139"/>
        <source>Nothing yet. A few honest lines once a week are enough.</source>
        <translation>Nog niets. Een paar eerlijke regels per week is genoeg.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="153"/>
        <source>Untitled</source>
        <translation>Zonder titel</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="155"/>
        <source>%1, not sent</source>
        <translation>%1, niet verzonden</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="179"/>
        <source>Shared</source>
        <translation>Gedeeld</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="185"/>
        <source>Not sent</source>
        <translation>Niet verzonden</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="251"/>
        <source>Choose a reflection, or start from a prompt.</source>
        <translation>Kies een reflectie of begin met een vraag.</translation>
    </message>
</context>
<context>
    <name>ScaleRow</name>
    <message>
        <location filename="../qml/ScaleRow.qml" line="57"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/ScaleRow.qml" line="88"/>
        <location filename="../qml/ScaleRow.qml" line="96"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../qml/SettingsPage.qml" line="19"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="24"/>
        <source>After 1 minute</source>
        <translation>Na 1 minuut</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>After 2 minutes</source>
        <translation>Na 2 minuten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="26"/>
        <source>After 5 minutes</source>
        <translation>Na 5 minuten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="27"/>
        <source>After 10 minutes</source>
        <translation>Na 10 minuten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="28"/>
        <source>After 15 minutes</source>
        <translation>Na 15 minuten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="29"/>
        <source>After 30 minutes</source>
        <translation>Na 30 minuten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="30"/>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="98"/>
        <source>Passphrase changed.</source>
        <translation>Wachtzin gewijzigd.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="103"/>
        <location filename="../qml/SettingsPage.qml" line="354"/>
        <source>Export my data</source>
        <translation>Mijn gegevens exporteren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="105"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="112"/>
        <source>Exported %n record(s).</source>
        <translation>
            <numerusform>%n item geëxporteerd.</numerusform>
            <numerusform>%n items geëxporteerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="141"/>
        <source>Team and sync</source>
        <translation>Team en synchronisatie</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="148"/>
        <source>Connect to your team&apos;s server to send your records, encrypted, and to receive your team&apos;s purpose. Until then everything stays on this device.</source>
        <translation>Verbind met de server van je team om je items versleuteld te verzenden en het doel van je team te ontvangen. Tot dan blijft alles op dit apparaat.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="152"/>
        <source>Connect to your team…</source>
        <translation>Verbinden met je team…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="154"/>
        <source>Connect to your team</source>
        <translation>Verbinden met je team</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="165"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="166"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="171"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="176"/>
        <source>Last sync</source>
        <translation>Laatst gesynchroniseerd</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="179"/>
        <source>Not yet sent</source>
        <translation>Nog niet verzonden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="180"/>
        <source>Nothing, all sent</source>
        <translation>Niets, alles is verzonden</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="181"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="211"/>
        <location filename="../qml/SettingsPage.qml" line="213"/>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="221"/>
        <source>Could not be synced</source>
        <translation>Kon niet worden gesynchroniseerd</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="251"/>
        <source>These records stay on this device. Editing one sends it again; if the reason is not clear, ask your administrator.</source>
        <translation>Deze items blijven op dit apparaat. Pas er een aan om het opnieuw te verzenden; is de reden niet duidelijk, vraag het dan aan je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="254"/>
        <source>Records are sent encrypted: the server counts them for your team&apos;s totals but cannot read them. Your lead reads only what you share.</source>
        <translation>Items gaan versleuteld over: de server telt ze mee voor de totalen van je team, maar kan ze niet lezen. Je teamleider leest alleen wat jij deelt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="259"/>
        <source>Your other devices</source>
        <translation>Je andere apparaten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="266"/>
        <source>Use Outward on another phone, tablet or computer with the same records: this device shows a code to type there.</source>
        <translation>Gebruik Outward op een andere telefoon, tablet of computer met dezelfde items: dit apparaat toont een code om daar te typen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="271"/>
        <source>Add a device…</source>
        <translation>Een apparaat toevoegen…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="273"/>
        <source>Add a device</source>
        <translation>Een apparaat toevoegen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="278"/>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="280"/>
        <source>Everything you write is encrypted on this device. The server can count, but it cannot read.</source>
        <translation>Alles wat je schrijft, wordt op dit apparaat versleuteld. De server kan tellen, maar niet lezen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="284"/>
        <source>Stored in %1</source>
        <translation>Opgeslagen in %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="293"/>
        <source>Change passphrase…</source>
        <translation>Wachtzin wijzigen…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="295"/>
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="299"/>
        <source>Lock</source>
        <translation>Vergrendeling</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="305"/>
        <source>Lock automatically</source>
        <translation>Automatisch vergrendelen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="317"/>
        <source>Lock automatically: %1</source>
        <translation>Automatisch vergrendelen: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="325"/>
        <source>Remember on this device</source>
        <translation>Onthouden op dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="334"/>
        <source>The key is kept in this device&apos;s key store, so you can unlock without typing. Turn off to forget it.</source>
        <translation>De sleutel wordt bewaard in de sleutelopslag van dit apparaat, zodat je kunt ontgrendelen zonder te typen. Zet dit uit om hem te vergeten.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="335"/>
        <source>To unlock without typing, choose “Remember on this device” when you next unlock.</source>
        <translation>Wil je ontgrendelen zonder te typen? Kies dan “Onthouden op dit apparaat” als je de volgende keer ontgrendelt.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="339"/>
        <source>Lock now</source>
        <translation>Nu vergrendelen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="345"/>
        <source>Your data</source>
        <translation>Je gegevens</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="347"/>
        <source>Export your own records, readable, as JSON lines. Keep the file somewhere safe: it is not encrypted.</source>
        <translation>Exporteer je eigen gegevens, leesbaar, als JSON Lines. Bewaar het bestand op een veilige plek: het is niet versleuteld.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="352"/>
        <source>Export my data…</source>
        <translation>Mijn gegevens exporteren…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="366"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="375"/>
        <source>Same as the system</source>
        <translation>Zelfde als het systeem</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="383"/>
        <source>Language: %1</source>
        <translation>Taal: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="387"/>
        <source>About</source>
        <translation>Over</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="390"/>
        <source>Outward %1</source>
        <translation>Outward %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="390"/>
        <source>Outward</source>
        <translation>Outward</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="395"/>
        <source>A journal of the difference you make for customers. Your lead sees team totals only for groups large enough to keep everyone anonymous, and your own records only when you share them. There are no rankings.</source>
        <translation>Een dagboek van het verschil dat je maakt voor klanten. Je teamleider ziet teamtotalen alleen voor groepen die groot genoeg zijn om iedereen anoniem te houden, en je eigen gegevens alleen als je ze deelt. Er zijn geen ranglijsten.</translation>
    </message>
</context>
<context>
    <name>ShareHint</name>
    <message>
        <location filename="../qml/ShareHint.qml" line="15"/>
        <source>Only you and your team&apos;s lead can read it, not the server.</source>
        <translation>Alleen jij en je teamleider kunnen het lezen, de server niet.</translation>
    </message>
    <message>
        <location filename="../qml/ShareHint.qml" line="16"/>
        <source>Your lead can read it once you connect to your team in Settings.</source>
        <translation>Je teamleider kan het lezen zodra je in Instellingen met je team verbonden bent.</translation>
    </message>
</context>
<context>
    <name>StatTile</name>
    <message>
        <location filename="../qml/StatTile.qml" line="16"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../qml/SyncIndicator.qml" line="20"/>
        <source>Sync: %1</source>
        <translation>Synchronisatie: %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncIndicator.qml" line="21"/>
        <source>Opens the sync settings</source>
        <translation>Opent de synchronisatie-instellingen</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../qml/UndoBar.qml" line="68"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../qml/UndoBar.qml" line="73"/>
        <source>Undo: %1</source>
        <translation>Ongedaan maken: %1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="12"/>
        <source>Welcome back</source>
        <translation>Welkom terug</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="13"/>
        <source>Enter your passphrase to unlock.</source>
        <translation>Voer je wachtzin in om te ontgrendelen.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="27"/>
        <source>Unlock with this device</source>
        <translation>Ontgrendelen met dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="36"/>
        <source>or with your passphrase</source>
        <translation>of met je wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="43"/>
        <source>Passphrase</source>
        <translation>Wachtzin</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="51"/>
        <source>Remember on this device</source>
        <translation>Onthouden op dit apparaat</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="54"/>
        <source>Keeps the key in this device&apos;s key store, so you can unlock without typing.</source>
        <translation>Bewaart de sleutel in de sleutelopslag van dit apparaat, zodat je kunt ontgrendelen zonder te typen.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="68"/>
        <source>Unlocking…</source>
        <translation>Ontgrendelen…</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="68"/>
        <location filename="../qml/UnlockPage.qml" line="70"/>
        <source>Unlock</source>
        <translation>Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="82"/>
        <source>Forgot your passphrase?</source>
        <translation>Wachtzin vergeten?</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="84"/>
        <source>Forgot your passphrase? Use your recovery code</source>
        <translation>Wachtzin vergeten? Gebruik je herstelcode</translation>
    </message>
</context>
<context>
    <name>outward::DeviceJoinForm</name>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="44"/>
        <source>Checking the link code…</source>
        <translation>Koppelcode controleren…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="46"/>
        <source>Opening your account’s keys…</source>
        <translation>De sleutels van je account openen…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="48"/>
        <source>Adding this device to your account…</source>
        <translation>Dit apparaat aan je account toevoegen…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="51"/>
        <source>Opening your profile…</source>
        <translation>Je profiel openen…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="100"/>
        <source>Enter the server address shown on your other device.</source>
        <translation>Vul het serveradres in dat je andere apparaat toont.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="106"/>
        <source>Enter the link code shown on your other device.</source>
        <translation>Vul de koppelcode in die je andere apparaat toont.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="111"/>
        <source>This looks like an invite code (20 characters). A link code has 24 and comes from your other device: Settings, Add a device.</source>
        <translation>Dit lijkt een uitnodigingscode (20 tekens). Een koppelcode heeft er 24 en komt van je andere apparaat: Instellingen, Een apparaat toevoegen.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="114"/>
        <source>A link code has 24 letters and digits; this one has %1. Compare it with your other device.</source>
        <translation>Een koppelcode heeft 24 letters en cijfers; deze heeft er %1. Vergelijk hem met je andere apparaat.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="120"/>
        <source>Enter a name for this device.</source>
        <translation>Vul een naam in voor dit apparaat.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="123"/>
        <source>Use at most %1 characters for the device name.</source>
        <translation>Gebruik hoogstens %1 tekens voor de naam van het apparaat.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="134"/>
        <source>This device already holds a profile; unlock it instead.</source>
        <translation>Dit apparaat heeft al een profiel; ontgrendel dat.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="147"/>
        <source>The two passphrases differ; type the same passphrase twice.</source>
        <translation>De twee wachtzinnen verschillen; typ twee keer dezelfde wachtzin.</translation>
    </message>
</context>
<context>
    <name>outward::DeviceLinkOffer</name>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="116"/>
        <source>Unlock the profile, then add a device.</source>
        <translation>Ontgrendel het profiel en voeg dan een apparaat toe.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="118"/>
        <source>Connect this profile to your team first: a new device joins through your team&apos;s server.</source>
        <translation>Verbind dit profiel eerst met je team: een nieuw apparaat komt erbij via de server van je team.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="152"/>
        <location filename="../qml/devicelinkoffer.cpp" line="230"/>
        <source>The code was cancelled because the profile was locked. Make a new one when you are ready.</source>
        <translation>De code is geannuleerd omdat het profiel vergrendeld werd. Maak een nieuwe als je klaar bent.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="204"/>
        <source>A new device was added to your account.</source>
        <translation>Er is een nieuw apparaat aan je account toegevoegd.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="205"/>
        <source>“%1” was added to your account.</source>
        <translation>‘%1’ is aan je account toegevoegd.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="212"/>
        <source>A device used the code but did not finish joining within 10 minutes. Make a new code and try again. If that device was not yours, tell your administrator.</source>
        <translation>Een apparaat heeft de code gebruikt, maar is niet binnen 10 minuten klaar met toevoegen. Maak een nieuwe code en probeer het opnieuw. Was dat apparaat niet van jou, meld het dan aan je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="215"/>
        <source>The code expired: it works for 10 minutes. Make a new one when the other device is ready.</source>
        <translation>De code is verlopen: hij werkt 10 minuten. Maak een nieuwe als het andere apparaat klaar is.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="225"/>
        <source>Cancelled on this device, but the server could not be told: the code keeps working until %1. If someone else may have it, tell your administrator.</source>
        <translation>Geannuleerd op dit apparaat, maar dat kon niet aan de server worden doorgegeven: de code blijft geldig tot %1. Als iemand anders hem kan hebben, waarschuw dan je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="233"/>
        <source>Cancelled. The device that had used the code cannot join now. If it was not yours, it has seen your keys: tell your administrator.</source>
        <translation>Geannuleerd. Het apparaat dat de code had gebruikt, kan nu niet meer toegevoegd worden. Was het niet van jou, dan heeft het je sleutels gezien: meld het aan je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="236"/>
        <source>The code was cancelled.</source>
        <translation>De code is geannuleerd.</translation>
    </message>
</context>
<context>
    <name>outward::InteractionForm</name>
    <message>
        <location filename="../qml/interactionform.cpp" line="225"/>
        <source>The last save could not be undone: %1</source>
        <translation>Het laatste opslaan kon niet ongedaan worden gemaakt: %1</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="260"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>“%1” is geen record-ID.</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="269"/>
        <source>That record is deleted or is not an interaction.</source>
        <translation>Dat record is verwijderd of is geen contactmoment.</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="273"/>
        <source>That record was written by a newer Outward; update the app to edit it.</source>
        <translation>Dat record is gemaakt met een nieuwere versie van Outward; werk de app bij om het te bewerken.</translation>
    </message>
</context>
<context>
    <name>outward::Overview</name>
    <message>
        <location filename="../qml/overview.cpp" line="164"/>
        <source>The profile is locked; unlock it to export your records.</source>
        <translation>Het profiel is vergrendeld; ontgrendel het om je gegevens te exporteren.</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="171"/>
        <source>Choose a file on this device to export to.</source>
        <translation>Kies een bestand op dit apparaat om naar te exporteren.</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="177"/>
        <source>Cannot write %1: %2</source>
        <translation>Kan %1 niet schrijven: %2</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="197"/>
        <source>The export stopped: %1</source>
        <translation>De export is gestopt: %1</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="198"/>
        <location filename="../qml/overview.cpp" line="202"/>
        <source>Writing %1 failed: %2</source>
        <translation>Schrijven naar %1 mislukt: %2</translation>
    </message>
</context>
<context>
    <name>outward::RecordListModel</name>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="161"/>
        <source>(written by a newer Outward; update the app to read it)</source>
        <translation>(gemaakt met een nieuwere versie van Outward; werk de app bij om het te lezen)</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="381"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>“%1” is geen record-ID.</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="416"/>
        <source>The record could not be brought back: %1</source>
        <translation>Het record kon niet worden teruggezet: %1</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="470"/>
        <source>&quot;%1&quot; is not a kind of record.</source>
        <translation>“%1” is geen recordtype.</translation>
    </message>
</context>
<context>
    <name>outward::ReflectionForm</name>
    <message>
        <location filename="../qml/reflectionform.cpp" line="122"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>“%1” is geen record-ID.</translation>
    </message>
    <message>
        <location filename="../qml/reflectionform.cpp" line="129"/>
        <source>That record is deleted, is not a reflection, or was written by a newer Outward.</source>
        <translation>Dat record is verwijderd, is geen reflectie of is gemaakt met een nieuwere versie van Outward.</translation>
    </message>
</context>
<context>
    <name>outward::Session</name>
    <message>
        <location filename="../qml/session.cpp" line="243"/>
        <source>A new recovery code could not be made (%1). Your passphrase still opens the profile; the next unlock tries again.</source>
        <translation>Er kon geen nieuwe herstelcode worden gemaakt (%1). Je wachtzin opent het profiel nog steeds; de volgende ontgrendeling probeert het opnieuw.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="271"/>
        <source>The device is out of resources; close other apps and try again.</source>
        <translation>Het apparaat komt capaciteit tekort; sluit andere apps en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="298"/>
        <source>Use at least %1 characters; a few unrelated words work well.</source>
        <translation>Gebruik minstens %1 tekens; een paar losse woorden werken goed.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="301"/>
        <source>Add a few more words.</source>
        <translation>Voeg nog een paar woorden toe.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="303"/>
        <source>Add another word or two.</source>
        <translation>Voeg nog een woord of twee toe.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="305"/>
        <source>Good. One more word makes it strong.</source>
        <translation>Goed. Nog één woord en hij is sterk.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="307"/>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="316"/>
        <location filename="../qml/session.cpp" line="604"/>
        <source>This device already holds a profile; unlock it instead.</source>
        <translation>Op dit apparaat staat al een profiel; ontgrendel dat.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="326"/>
        <source>The two passphrases differ; type the same passphrase twice.</source>
        <translation>De twee wachtzinnen zijn verschillend; typ twee keer dezelfde wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="366"/>
        <source>That is not the last group of your recovery code. Type the 4 characters after its last dash.</source>
        <translation>Dat is niet de laatste groep van je herstelcode. Typ de 4 tekens na het laatste streepje.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="407"/>
        <source>Unlocked, but this device could not remember your key: %1</source>
        <translation>Ontgrendeld, maar dit apparaat kon je sleutel niet onthouden: %1</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="425"/>
        <source>This device does not remember your key; unlock with your passphrase.</source>
        <translation>Dit apparaat heeft je sleutel niet onthouden; ontgrendel met je wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="441"/>
        <source>This device no longer holds your key; unlock with your passphrase.</source>
        <translation>Dit apparaat heeft je sleutel niet meer; ontgrendel met je wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="444"/>
        <source>The device&apos;s key store did not answer (%1); unlock with your passphrase.</source>
        <translation>De sleutelopslag van het apparaat reageerde niet (%1); ontgrendel met je wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="453"/>
        <source>The key on this device does not open the profile; unlock with your passphrase.</source>
        <translation>De sleutel op dit apparaat opent het profiel niet; ontgrendel met je wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="472"/>
        <source>This device could not forget your key: %1</source>
        <translation>Dit apparaat kon je sleutel niet vergeten: %1</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="491"/>
        <source>Unlock the profile before changing its passphrase.</source>
        <translation>Ontgrendel het profiel voordat je de wachtzin wijzigt.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="505"/>
        <location filename="../qml/session.cpp" line="561"/>
        <source>The two new passphrases differ; type the same passphrase twice.</source>
        <translation>De twee nieuwe wachtzinnen zijn verschillend; typ twee keer dezelfde wachtzin.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="547"/>
        <source>There is no profile on this device to recover.</source>
        <translation>Er is geen profiel op dit apparaat om te herstellen.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="548"/>
        <source>The profile is open; change its passphrase in the settings instead.</source>
        <translation>Het profiel is al open; wijzig de wachtzin via de instellingen.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="601"/>
        <source>The new profile is not open; try again.</source>
        <translation>Het nieuwe profiel is niet open; probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="607"/>
        <source>The new profile was saved in another folder than this app uses.</source>
        <translation>Het nieuwe profiel is opgeslagen in een andere map dan deze app gebruikt.</translation>
    </message>
</context>
<context>
    <name>outward::SyncStatus</name>
    <message>
        <location filename="../qml/syncstatus.cpp" line="184"/>
        <source>Connecting stopped because the profile was locked. Unlock it and try again; if the server then says the profile is already enrolled, ask your administrator.</source>
        <translation>Het verbinden is gestopt omdat het profiel vergrendeld werd. Ontgrendel het en probeer het opnieuw; zegt de server dan dat het profiel al is aangemeld, vraag het dan aan je beheerder.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="315"/>
        <source>Interaction, %1</source>
        <translation>Contactmoment, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="317"/>
        <source>Reflection, %1</source>
        <translation>Reflectie, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="319"/>
        <source>Team purpose, %1</source>
        <translation>Teamdoel, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="321"/>
        <source>Record of %1</source>
        <translation>Item van %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="325"/>
        <source>Record %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="332"/>
        <location filename="../qml/syncstatus.cpp" line="334"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="379"/>
        <source>Sending %1 of %2 records</source>
        <translation>%1 van %2 items verzenden</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="380"/>
        <source>Receiving updates: %1%</source>
        <translation>Updates ontvangen: %1%</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="469"/>
        <source>Unlock the profile, then connect it to your team.</source>
        <translation>Ontgrendel het profiel en verbind het dan met je team.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="504"/>
        <source>Connected to %1. Sending your %n record(s).</source>
        <translation>
            <numerusform>Verbonden met %1. Je item wordt verzonden.</numerusform>
            <numerusform>Verbonden met %1. Je %n items worden verzonden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="612"/>
        <source>Could not sync. %1 Trying again soon.</source>
        <translation>Synchroniseren lukte niet. %1 Straks volgt een nieuwe poging.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="613"/>
        <source>Could not sync. %1 Trying again at %2.</source>
        <translation>Synchroniseren lukte niet. %1 Nieuwe poging om %2.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="618"/>
        <source>Sync stopped. %1 It tries again after your next change, or when you tap “Sync now”.</source>
        <translation>Synchronisatie gestopt. %1 Ze probeert het opnieuw na je volgende wijziging, of als je op ‘Nu synchroniseren’ tikt.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="635"/>
        <source>Sync stopped. %1</source>
        <translation>Synchronisatie gestopt. %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="505"/>
        <source>Connected to %1.</source>
        <translation>Verbonden met %1.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="567"/>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="570"/>
        <source>just now</source>
        <translation>zojuist</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="572"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minuut geleden</numerusform>
            <numerusform>%n minuten geleden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="574"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n uur geleden</numerusform>
            <numerusform>%n uur geleden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="602"/>
        <source>Paused while the profile is locked.</source>
        <translation>Gepauzeerd zolang het profiel vergrendeld is.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="603"/>
        <source>Not connected to a team. Your records stay on this device.</source>
        <translation>Niet verbonden met een team. Je items blijven op dit apparaat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="605"/>
        <source>%n record(s) will be sent in a moment.</source>
        <translation>
            <numerusform>%n item wordt zo verzonden.</numerusform>
            <numerusform>%n items worden zo verzonden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="607"/>
        <source>Up to date.</source>
        <translation>Bijgewerkt.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="609"/>
        <location filename="../qml/syncstatus.cpp" line="633"/>
        <source>Syncing…</source>
        <translation>Synchroniseren…</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="615"/>
        <source>Offline. Your records wait on this device and are sent when the network is back.</source>
        <translation>Offline. Je items wachten op dit apparaat en gaan mee zodra er weer netwerk is.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="630"/>
        <source>%n unsent</source>
        <translation>
            <numerusform>%n niet verzonden</numerusform>
            <numerusform>%n niet verzonden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="630"/>
        <source>All sent</source>
        <translation>Alles verzonden</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="637"/>
        <source>%1 · could not sync, trying again soon</source>
        <translation>%1 · synchroniseren lukte niet, straks opnieuw</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="639"/>
        <source>%1 · offline</source>
        <translation>%1 · offline</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="645"/>
        <source>%1 · not synced yet</source>
        <translation>%1 · nog niet gesynchroniseerd</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="646"/>
        <source>%1 · synced %2</source>
        <translation>%1 · %2 gesynchroniseerd</translation>
    </message>
</context>
<context>
    <name>outward::forms</name>
    <message>
        <location filename="../qml/formsupport.cpp" line="12"/>
        <source>The profile is locked. Unlock it and try again; nothing you entered is lost.</source>
        <translation>Het profiel is vergrendeld. Ontgrendel het en probeer het opnieuw; wat je hebt ingevuld, gaat niet verloren.</translation>
    </message>
</context>
</TS>
