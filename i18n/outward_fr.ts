<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddDevicePage</name>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="17"/>
        <source>Add a device</source>
        <translation>Ajouter un appareil</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="44"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="85"/>
        <source>Making a code…</source>
        <translation>Création d’un code…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="99"/>
        <source>On the new device, open Outward, choose “I already use Outward on another device” and type:</source>
        <translation>Sur le nouvel appareil, ouvrez Outward, choisissez « J’utilise déjà Outward sur un autre appareil » et saisissez :</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="109"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="121"/>
        <source>Server address: %1</source>
        <translation>Adresse du serveur : %1</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="127"/>
        <source>Link code</source>
        <translation>Code de liaison</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="141"/>
        <source>Link code: %1</source>
        <translation>Code de liaison : %1</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="168"/>
        <source>Works once. Expires in %1.</source>
        <translation>Utilisable une seule fois. Expire dans %1.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="177"/>
        <source>Type it only on a device of your own: whoever has this code can open your records.</source>
        <translation>Ne le saisissez que sur un appareil à vous : quiconque a ce code peut ouvrir vos enregistrements.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="196"/>
        <source>Cancelling the code…</source>
        <translation>Annulation du code…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="197"/>
        <source>A device used the code. Waiting for it to finish joining…</source>
        <translation>Un appareil a utilisé le code. En attente de la fin de son ajout…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="212"/>
        <source>Waiting for the new device…</source>
        <translation>En attente du nouvel appareil…</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="255"/>
        <source>It receives your records at its first sync, encrypted as always.</source>
        <translation>Il reçoit vos enregistrements à sa première synchronisation, chiffrés comme toujours.</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="267"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="275"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="275"/>
        <source>Make a new code</source>
        <translation>Créer un nouveau code</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="284"/>
        <source>Cancel the code</source>
        <translation>Annuler le code</translation>
    </message>
    <message>
        <location filename="../qml/AddDevicePage.qml" line="292"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <location filename="../qml/AppShell.qml" line="26"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="27"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="28"/>
        <source>Reflections</source>
        <translation>Réflexions</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="29"/>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="83"/>
        <source>Interaction saved</source>
        <translation>Interaction enregistrée</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="86"/>
        <location filename="../qml/AppShell.qml" line="198"/>
        <location filename="../qml/AppShell.qml" line="272"/>
        <source>Changes saved</source>
        <translation>Modifications enregistrées</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="137"/>
        <source>Log an interaction</source>
        <translation>Noter une interaction</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="139"/>
        <source>Log an interaction (Ctrl+N)</source>
        <translation>Noter une interaction (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="190"/>
        <location filename="../qml/AppShell.qml" line="261"/>
        <source>Interaction deleted</source>
        <translation>Interaction supprimée</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="198"/>
        <location filename="../qml/AppShell.qml" line="272"/>
        <source>Reflection saved</source>
        <translation>Réflexion enregistrée</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="199"/>
        <location filename="../qml/AppShell.qml" line="274"/>
        <source>Reflection deleted</source>
        <translation>Réflexion supprimée</translation>
    </message>
    <message>
        <location filename="../qml/AppShell.qml" line="225"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="11"/>
        <source>Change passphrase</source>
        <translation>Changer de phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="34"/>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="35"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="40"/>
        <source>New passphrase again</source>
        <translation>Répétez la nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="50"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="58"/>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <location filename="../qml/ChangePassphraseDialog.qml" line="61"/>
        <source>Change the passphrase</source>
        <translation>Changer la phrase secrète</translation>
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
        <translation>Rejoindre votre équipe</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="70"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="110"/>
        <source>Your administrator gives you the server&apos;s address and a one-time invite code. What you write is sent encrypted: the server can count it, but it cannot read it.</source>
        <translation>Votre administrateur vous donne l’adresse du serveur et un code d’invitation à usage unique. Ce que vous écrivez est envoyé chiffré : le serveur peut le compter, mais pas le lire.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="120"/>
        <location filename="../qml/EnrollPage.qml" line="132"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="140"/>
        <location filename="../qml/EnrollPage.qml" line="155"/>
        <source>Invite code</source>
        <translation>Code d’invitation</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="141"/>
        <source>20 letters and digits. The dashes are added for you.</source>
        <translation>20 lettres et chiffres. Les tirets s’ajoutent tout seuls.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="163"/>
        <location filename="../qml/EnrollPage.qml" line="176"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="164"/>
        <source>Your team sees it.</source>
        <translation>Votre équipe le voit.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="174"/>
        <source>First and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="184"/>
        <location filename="../qml/EnrollPage.qml" line="197"/>
        <source>This device&apos;s name</source>
        <translation>Nom de cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="185"/>
        <source>So you can tell your devices apart later.</source>
        <translation>Pour distinguer vos appareils par la suite.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="216"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="216"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="229"/>
        <source>Connecting to the server</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="243"/>
        <source>A link code from your other device is for a device that has no profile yet: you type it on the welcome screen, under “I already use Outward on another device”. This device already has a profile of its own, so it joins your team with an invite code from your administrator.</source>
        <translation>Le code de liaison de votre autre appareil sert à un appareil qui n’a pas encore de profil : il se saisit sur l’écran d’accueil, sous « J’utilise déjà Outward sur un autre appareil ». Cet appareil a déjà son propre profil ; il rejoint donc votre équipe avec un code d’invitation de votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="263"/>
        <source>I have an invite code</source>
        <translation>J’ai un code d’invitation</translation>
    </message>
    <message>
        <location filename="../qml/EnrollPage.qml" line="263"/>
        <source>I have a link code instead</source>
        <translation>J’ai plutôt un code de liaison</translation>
    </message>
</context>
<context>
    <name>FieldLabel</name>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../qml/FieldLabel.qml" line="29"/>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="13"/>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="14"/>
        <source>Choose a passphrase. It encrypts everything you write on this device; nobody else, not even the server, can read it.</source>
        <translation>Choisissez une phrase secrète. Elle chiffre tout ce que vous écrivez sur cet appareil&#xa0;; personne d’autre, pas même le serveur, ne peut le lire.</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="20"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="31"/>
        <source>Passphrase again</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="36"/>
        <source>Tip: a few unrelated words are easy to remember and hard to guess.</source>
        <translation>Astuce&#xa0;: quelques mots sans lien entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="52"/>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="52"/>
        <location filename="../qml/FirstRunPage.qml" line="54"/>
        <source>Create my profile</source>
        <translation>Créer mon profil</translation>
    </message>
    <message>
        <location filename="../qml/FirstRunPage.qml" line="75"/>
        <source>I already use Outward on another device</source>
        <translation>J’utilise déjà Outward sur un autre appareil</translation>
    </message>
</context>
<context>
    <name>HandleTimeField</name>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="16"/>
        <source>Handle time</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="17"/>
        <source>Start the timer when the contact starts, or set the minutes.</source>
        <translation>Lancez le chrono au début du contact, ou indiquez les minutes.</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="28"/>
        <source>Stop  %1</source>
        <translation>Arrêter  %1</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="29"/>
        <source>Start timer</source>
        <translation>Lancer le chrono</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="34"/>
        <source>Stop the timer at %1</source>
        <translation>Arrêter le chrono à %1</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="35"/>
        <source>Start the handle-time timer</source>
        <translation>Lancer le chrono de la durée de traitement</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="49"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="56"/>
        <source>Handle time in minutes</source>
        <translation>Durée de traitement en minutes</translation>
    </message>
    <message>
        <location filename="../qml/HandleTimeField.qml" line="67"/>
        <source>Recorded: %1</source>
        <translation>Durée enregistrée&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../qml/HistoryPage.qml" line="19"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="49"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="50"/>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="73"/>
        <location filename="../qml/HistoryPage.qml" line="76"/>
        <source>Search notes</source>
        <translation>Rechercher dans les notes</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="94"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="96"/>
        <source>Channel filter: %1</source>
        <translation>Filtre de canal&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Any date</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="104"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="106"/>
        <source>Date filter: %1</source>
        <translation>Filtre de date&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="130"/>
        <source>Interactions</source>
        <translation>Interactions</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="174"/>
        <source>No interactions match these filters.</source>
        <translation>Aucune interaction ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../qml/HistoryPage.qml" line="175"/>
        <source>No interactions yet. The ones you log appear here.</source>
        <translation>Aucune interaction pour l’instant. Celles que vous notez apparaîtront ici.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../qml/HomePage.qml" line="18"/>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="48"/>
        <location filename="../qml/HomePage.qml" line="137"/>
        <source>Today&apos;s interactions</source>
        <translation>Interactions du jour</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="83"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="108"/>
        <source>Logged today</source>
        <translation>Notées aujourd’hui</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="117"/>
        <source>Not yet sent</source>
        <translation>Pas encore envoyées</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/HomePage.qml" line="118"/>
        <source>%n need attention</source>
        <translation>
            <numerusform>%n à vérifier</numerusform>
            <numerusform>%n à vérifier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="119"/>
        <source>Safe on this device</source>
        <translation>En sécurité sur cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="119"/>
        <source>All sent</source>
        <translation>Toutes envoyées</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="152"/>
        <source>Nothing logged yet today. After your next contact, tap “Log an interaction”: channel, how the customer felt, save.</source>
        <translation>Rien de noté aujourd’hui pour l’instant. Après votre prochain contact, touchez «&#xa0;Noter une interaction&#xa0;»&#xa0;: canal, ressenti du client, enregistrer.</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="179"/>
        <source>Continue log · %1</source>
        <translation>Reprendre la saisie · %1</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="180"/>
        <source>Continue log</source>
        <translation>Reprendre la saisie</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="181"/>
        <source>+  Log an interaction</source>
        <translation>+  Noter une interaction</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="183"/>
        <source>Continue the interaction log you started</source>
        <translation>Reprendre l’interaction commencée</translation>
    </message>
    <message>
        <location filename="../qml/HomePage.qml" line="183"/>
        <source>Log an interaction</source>
        <translation>Noter une interaction</translation>
    </message>
</context>
<context>
    <name>InteractionFields</name>
    <message>
        <location filename="../qml/InteractionFields.qml" line="25"/>
        <location filename="../qml/InteractionFields.qml" line="35"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="42"/>
        <source>Choose the channel the customer used.</source>
        <translation>Choisissez le canal utilisé par le client.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="51"/>
        <source>How did the customer feel at the end?</source>
        <translation>Comment le client se sentait-il à la fin&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="60"/>
        <source>Customer&apos;s emotion at the end</source>
        <translation>Émotion du client à la fin</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="66"/>
        <source>Choose how the customer felt at the end of the contact.</source>
        <translation>Choisissez ce que le client ressentait à la fin du contact.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="75"/>
        <source>Fewer details</source>
        <translation>Moins de détails</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="75"/>
        <source>More details (optional)</source>
        <translation>Plus de détails (facultatif)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="89"/>
        <source>Impact</source>
        <translation>Impact</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="102"/>
        <source>How did the customer feel at the start?</source>
        <translation>Comment le client se sentait-il au début&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="109"/>
        <source>Customer&apos;s emotion at the start</source>
        <translation>Émotion du client au début</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="119"/>
        <location filename="../qml/InteractionFields.qml" line="127"/>
        <source>Advocacy</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="120"/>
        <source>Did the customer show they would speak up for us?</source>
        <translation>Le client a-t-il montré qu’il parlerait en notre faveur&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="135"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="148"/>
        <source>Resolved on first contact?</source>
        <translation>Résolu dès le premier contact&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="156"/>
        <source>Resolved on first contact</source>
        <translation>Résolu dès le premier contact</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="163"/>
        <source>Effort, your view</source>
        <translation>Effort, selon vous</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="167"/>
        <location filename="../qml/InteractionFields.qml" line="238"/>
        <source>strongly disagree</source>
        <translation>pas du tout d’accord</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="168"/>
        <location filename="../qml/InteractionFields.qml" line="239"/>
        <source>strongly agree</source>
        <translation>tout à fait d’accord</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="176"/>
        <source>Output</source>
        <translation>Réalisation</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="191"/>
        <source>What the customer told you</source>
        <translation>Ce que le client vous a dit</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="201"/>
        <source>Only when the customer answered the question themselves. Kept apart from your own view.</source>
        <translation>Seulement si le client a lui-même répondu à la question. Conservé à part de votre propre avis.</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="208"/>
        <source>NPS (Net Promoter Score)</source>
        <translation>NPS (Net Promoter Score)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="212"/>
        <source>not at all likely</source>
        <translation>pas du tout probable</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="213"/>
        <source>extremely likely</source>
        <translation>extrêmement probable</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="214"/>
        <source>0–6 detractor · 7–8 passive · 9–10 promoter</source>
        <translation>0–6 détracteur · 7–8 passif · 9–10 promoteur</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="221"/>
        <source>CSAT (Customer Satisfaction)</source>
        <translation>CSAT (satisfaction client)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="225"/>
        <source>very dissatisfied</source>
        <translation>très insatisfait</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="226"/>
        <source>very satisfied</source>
        <translation>très satisfait</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="227"/>
        <source>4–5 satisfied</source>
        <translation>4–5 satisfait</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="234"/>
        <source>CES (Customer Effort Score)</source>
        <translation>CES (score d’effort client)</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="250"/>
        <location filename="../qml/InteractionFields.qml" line="261"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="258"/>
        <source>What happened, in a few words</source>
        <translation>Ce qui s’est passé, en quelques mots</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="271"/>
        <source>%1 / 4000</source>
        <translation>%1 / 4000</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="281"/>
        <source>Share with my lead</source>
        <translation>Partager avec votre responsable</translation>
    </message>
    <message>
        <location filename="../qml/InteractionFields.qml" line="285"/>
        <source>Your lead sees only the records you share.</source>
        <translation>Votre responsable ne voit que ce que vous partagez.</translation>
    </message>
</context>
<context>
    <name>JoinPage</name>
    <message>
        <location filename="../qml/JoinPage.qml" line="16"/>
        <location filename="../qml/JoinPage.qml" line="162"/>
        <location filename="../qml/JoinPage.qml" line="164"/>
        <source>Add this device</source>
        <translation>Ajouter cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="17"/>
        <source>On your other device, open Settings and choose “Add a device”. It shows the server address and a link code that works for 10 minutes.</source>
        <translation>Sur votre autre appareil, ouvrez les Réglages et choisissez « Ajouter un appareil ». Il affiche l’adresse du serveur et un code de liaison valable 10 minutes.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="54"/>
        <location filename="../qml/JoinPage.qml" line="66"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="76"/>
        <location filename="../qml/JoinPage.qml" line="91"/>
        <source>Link code</source>
        <translation>Code de liaison</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="77"/>
        <source>24 letters and digits. The dashes are added for you.</source>
        <translation>24 lettres et chiffres. Les tirets s’ajoutent d’eux-mêmes.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="101"/>
        <location filename="../qml/JoinPage.qml" line="113"/>
        <source>This device&apos;s name</source>
        <translation>Nom de cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="102"/>
        <source>So you can tell your devices apart later.</source>
        <translation>Pour distinguer vos appareils par la suite.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="123"/>
        <source>A passphrase for this device</source>
        <translation>Une phrase secrète pour cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="124"/>
        <source>It unlocks Outward here and may differ from your other device&apos;s. Your recovery code stays the same.</source>
        <translation>Elle déverrouille Outward ici et peut différer de celle de votre autre appareil. Votre code de récupération reste le même.</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="132"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="144"/>
        <source>Passphrase again</source>
        <translation>Répétez la phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="162"/>
        <source>Adding…</source>
        <translation>Ajout…</translation>
    </message>
    <message>
        <location filename="../qml/JoinPage.qml" line="198"/>
        <source>I am new to Outward: create a profile</source>
        <translation>Je découvre Outward : créer un profil</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../qml/Labels.qml" line="10"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
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
        <translation>En personne</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="14"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="15"/>
        <source>Social</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="16"/>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="17"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="20"/>
        <source>Anger</source>
        <translation>Colère</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="21"/>
        <source>Agitation</source>
        <translation>Agitation</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="22"/>
        <source>Ambivalence</source>
        <translation>Ambivalence</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="23"/>
        <source>Appreciation</source>
        <translation>Appréciation</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="24"/>
        <source>Adoration</source>
        <translation>Adoration</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="27"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="28"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="29"/>
        <source>Not sure</source>
        <translation>Je ne sais pas</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="32"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="33"/>
        <source>Thanked us</source>
        <translation>Nous a remerciés</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="34"/>
        <source>Would recommend</source>
        <translation>Nous recommanderait</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="35"/>
        <source>Referred someone</source>
        <translation>Nous a adressé quelqu’un</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="38"/>
        <source>Why do I do this work?</source>
        <translation>Pourquoi est-ce que je fais ce travail&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="39"/>
        <source>What did a customer gain from me today?</source>
        <translation>Qu’est-ce qu’un client a gagné grâce à moi aujourd’hui&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="40"/>
        <source>What would our customers miss if we were gone?</source>
        <translation>Que manquerait-il à nos clients si nous n’existions plus&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="41"/>
        <source>Which customer is better off because of me this week, and how?</source>
        <translation>Quel client se porte mieux grâce à moi cette semaine, et comment&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="42"/>
        <source>What did I do today that I am proud of?</source>
        <translation>Qu’ai-je fait aujourd’hui dont je tire de la fierté&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="45"/>
        <source>On this device</source>
        <translation>Sur cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="46"/>
        <source>Waiting to send</source>
        <translation>En attente d’envoi</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="47"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="48"/>
        <source>Not sent: needs attention</source>
        <translation>Non envoyée&#xa0;: à vérifier</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="51"/>
        <source>Staff</source>
        <translation>Collaborateur</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="52"/>
        <source>Team lead</source>
        <translation>Responsable d’équipe</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="53"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="56"/>
        <source>How likely are you to recommend us to a friend or colleague?</source>
        <translation>Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="57"/>
        <source>How satisfied were you with how we handled your request?</source>
        <translation>Quel est votre niveau de satisfaction quant au traitement de votre demande&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="58"/>
        <source>The company made it easy for me to handle my issue.</source>
        <translation>L’entreprise m’a permis de régler facilement mon problème.</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="59"/>
        <source>I made it easy for the customer to handle their issue.</source>
        <translation>J’ai permis au client de régler facilement son problème.</translation>
    </message>
    <message>
        <location filename="../qml/Labels.qml" line="78"/>
        <source>Not sent. %1</source>
        <translation>Non envoyée. %1</translation>
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
        <translation>Cet appareil a été ajouté à votre compte. Vos enregistrements arrivent.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="32"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Hide the passphrase</source>
        <translation>Masquer la phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseField.qml" line="35"/>
        <source>Show the passphrase</source>
        <translation>Afficher la phrase secrète</translation>
    </message>
</context>
<context>
    <name>PassphraseStrength</name>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Too weak</source>
        <translation>Trop faible</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Fair</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="14"/>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
    <message>
        <location filename="../qml/PassphraseStrength.qml" line="20"/>
        <source>Passphrase strength: %1. %2</source>
        <translation>Robustesse de la phrase secrète&#xa0;: %1. %2</translation>
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
        <translation>Notre raison d’être</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="52"/>
        <source>How: %1</source>
        <translation>Comment&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="60"/>
        <source>What: %1</source>
        <translation>Quoi&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="68"/>
        <source>What would our customers miss if we were gone? %1</source>
        <translation>Que manquerait-il à nos clients si nous n’existions plus&#xa0;? %1</translation>
    </message>
    <message>
        <location filename="../qml/PurposeCard.qml" line="79"/>
        <source>Your team&apos;s purpose will appear here once your lead has written it and this device has synced. Until then: who is better off because of the work you do today?</source>
        <translation>La raison d’être de votre équipe apparaîtra ici une fois que votre responsable l’aura rédigée et que cet appareil aura été synchronisé. D’ici là&#xa0;: qui se porte mieux grâce au travail que vous faites aujourd’hui&#xa0;?</translation>
    </message>
</context>
<context>
    <name>QuickLogPage</name>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Edit interaction</source>
        <translation>Modifier l’interaction</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="16"/>
        <source>Log an interaction</source>
        <translation>Noter une interaction</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="46"/>
        <source>Close (the draft is kept)</source>
        <translation>Fermer (le brouillon est conservé)</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="60"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="63"/>
        <source>Discard this draft</source>
        <translation>Abandonner ce brouillon</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="112"/>
        <source>Choose a channel and how the customer felt at the end.</source>
        <translation>Choisissez un canal et le ressenti du client à la fin.</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="125"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
    <message>
        <location filename="../qml/QuickLogPage.qml" line="125"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Edit interaction</source>
        <translation>Modifier l’interaction</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="18"/>
        <source>Interaction</source>
        <translation>Interaction</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="59"/>
        <source>Cancel editing</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="59"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="78"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="80"/>
        <source>Edit this interaction</source>
        <translation>Modifier cette interaction</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="89"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="92"/>
        <source>Delete this interaction</source>
        <translation>Supprimer cette interaction</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="104"/>
        <source>Choose an interaction to see it here.</source>
        <translation>Choisissez une interaction pour l’afficher ici.</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="135"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="138"/>
        <source>%1 at %2</source>
        <extracomment>A date, then a time of day: &quot;Tuesday, 24 November 2026 at 11:10&quot;.</extracomment>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="144"/>
        <source>Customer&apos;s emotion</source>
        <translation>Émotion du client</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="146"/>
        <source>%1 at the start, %2 at the end</source>
        <translation>Début&#xa0;: %1 · Fin&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="147"/>
        <source>%1 at the end</source>
        <translation>Fin&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="149"/>
        <source>Advocacy</source>
        <translation>Recommandation</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="150"/>
        <source>Resolved on first contact</source>
        <translation>Résolu dès le premier contact</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="151"/>
        <source>Effort, your view (1–7)</source>
        <translation>Effort, selon vous (1–7)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="152"/>
        <source>Handle time</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="153"/>
        <source>NPS, from the customer (0–10)</source>
        <translation>NPS, donné par le client (0–10)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="154"/>
        <source>CSAT, from the customer (1–5)</source>
        <translation>CSAT, donné par le client (1–5)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="155"/>
        <source>CES, from the customer (1–7)</source>
        <translation>CES, donné par le client (1–7)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="156"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="160"/>
        <source>Your lead</source>
        <translation>Votre responsable</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="162"/>
        <source>Shared with your lead</source>
        <translation>Partagée avec votre responsable</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="161"/>
        <source>Private: only you can read it</source>
        <translation>Privée&#xa0;: lisible par vous uniquement</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="163"/>
        <source>Shared with your lead once it is sent</source>
        <translation>Partagée avec votre responsable dès son envoi</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="164"/>
        <source>Shared with your lead once you connect to your team (Settings)</source>
        <translation>Partagée avec votre responsable quand vous aurez rejoint votre équipe (Réglages)</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="169"/>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="171"/>
        <source>Only on this device. Connect to your team in Settings to send it.</source>
        <translation>Uniquement sur cet appareil. Rejoignez votre équipe dans les Réglages pour l’envoyer.</translation>
    </message>
    <message>
        <location filename="../qml/RecordDetail.qml" line="192"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
</context>
<context>
    <name>RecordRow</name>
    <message>
        <location filename="../qml/RecordRow.qml" line="35"/>
        <source>%1, %2, %3, customer ended: %4</source>
        <translation>%1, %2, %3, émotion finale du client&#xa0;: %4</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="81"/>
        <source>Handle time %1</source>
        <translation>Durée de traitement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="82"/>
        <source>No note</source>
        <translation>Pas de note</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="91"/>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
    <message>
        <location filename="../qml/RecordRow.qml" line="101"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <location filename="../qml/RecoverPage.qml" line="11"/>
        <source>Use your recovery code</source>
        <translation>Utiliser votre code de récupération</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="12"/>
        <source>Type the code you wrote down when you created your profile, then choose a new passphrase.</source>
        <translation>Saisissez le code que vous avez noté lors de la création de votre profil, puis choisissez une nouvelle phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="18"/>
        <location filename="../qml/RecoverPage.qml" line="22"/>
        <source>Recovery code</source>
        <translation>Code de récupération</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="25"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="30"/>
        <source>New passphrase again</source>
        <translation>Répétez la nouvelle phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="44"/>
        <source>Recovering…</source>
        <translation>Récupération…</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="44"/>
        <location filename="../qml/RecoverPage.qml" line="46"/>
        <source>Recover and unlock</source>
        <translation>Récupérer et déverrouiller</translation>
    </message>
    <message>
        <location filename="../qml/RecoverPage.qml" line="57"/>
        <source>Back to unlock</source>
        <translation>Retour au déverrouillage</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePage</name>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="11"/>
        <source>Your recovery code</source>
        <translation>Votre code de récupération</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="12"/>
        <source>If you forget your passphrase, this code is the only way back in. Write it down on paper and keep it somewhere safe. It is shown only this once.</source>
        <translation>Si vous oubliez votre phrase secrète, ce code est le seul moyen de retrouver l’accès. Notez-le sur papier et conservez-le en lieu sûr. Il ne s’affiche qu’une seule fois.</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="43"/>
        <source>Recovery code: %1</source>
        <translation>Code de récupération&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="50"/>
        <source>I have written it down</source>
        <translation>Je l’ai noté</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="59"/>
        <source>Type the last group (%1 characters) to confirm</source>
        <translation>Saisissez le dernier groupe (%1 caractères) pour confirmer</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="63"/>
        <source>Last group of the recovery code</source>
        <translation>Dernier groupe du code de récupération</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="78"/>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="80"/>
        <source>Confirm the recovery code and continue</source>
        <translation>Confirmer le code de récupération et continuer</translation>
    </message>
    <message>
        <location filename="../qml/RecoveryCodePage.qml" line="83"/>
        <source>That is not the last group of the code. Compare it with what you wrote down.</source>
        <translation>Ce n’est pas le dernier groupe du code. Comparez avec ce que vous avez noté.</translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <source>New reflection</source>
        <translation>Nouvelle réflexion</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="19"/>
        <location filename="../qml/ReflectionEditor.qml" line="159"/>
        <source>Reflection</source>
        <translation>Réflexion</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="41"/>
        <source>Free writing</source>
        <translation>Écriture libre</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="61"/>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="77"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="80"/>
        <source>Delete this reflection</source>
        <translation>Supprimer cette réflexion</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="111"/>
        <source>Prompt: %1</source>
        <translation>Question&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="142"/>
        <source>Title (optional)</source>
        <translation>Titre (facultatif)</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="146"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="156"/>
        <source>Write freely. Only you can read this unless you share it.</source>
        <translation>Écrivez librement. Personne d’autre ne peut lire ceci, sauf si vous le partagez.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="172"/>
        <source>Share with my lead</source>
        <translation>Partager avec votre responsable</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="187"/>
        <source>Link to our team purpose</source>
        <translation>Relier à la raison d’être de l’équipe</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="187"/>
        <source>Link to our team purpose (none yet)</source>
        <translation>Relier à la raison d’être de l’équipe (pas encore rédigée)</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="214"/>
        <source>Sync: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="215"/>
        <source>only on this device until you connect to your team</source>
        <translation>uniquement sur cet appareil tant que vous n’avez pas rejoint votre équipe</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="230"/>
        <source>Save reflection</source>
        <translation>Enregistrer la réflexion</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionEditor.qml" line="230"/>
        <source>Save changes</source>
        <translation>Enregistrer les modifications</translation>
    </message>
</context>
<context>
    <name>ReflectionsPage</name>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="20"/>
        <location filename="../qml/ReflectionsPage.qml" line="54"/>
        <source>Reflections</source>
        <translation>Réflexions</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="74"/>
        <source>A private journal about why your work matters. Your lead sees a reflection only if you share it.</source>
        <translation>Un journal personnel sur ce qui donne du sens à votre travail. Votre responsable ne voit une réflexion que si vous la partagez.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="82"/>
        <source>Start from a prompt</source>
        <translation>Partir d’une question</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="96"/>
        <source>Write about: %1</source>
        <translation>Écrire sur&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="117"/>
        <source>Write freely</source>
        <translation>Écrire librement</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="120"/>
        <source>Write a reflection without a prompt</source>
        <translation>Écrire une réflexion sans question de départ</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="127"/>
        <source>Written so far</source>
        <translation>Déjà écrites</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="139"/>
        <source>Nothing yet. A few honest lines once a week are enough.</source>
        <translation>Rien pour l’instant. Quelques lignes sincères une fois par semaine suffisent.</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="153"/>
        <source>Untitled</source>
        <translation>Sans titre</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="155"/>
        <source>%1, not sent</source>
        <translation>%1, non envoyée</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="179"/>
        <source>Shared</source>
        <translation>Partagée</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="185"/>
        <source>Not sent</source>
        <translation>Non envoyée</translation>
    </message>
    <message>
        <location filename="../qml/ReflectionsPage.qml" line="251"/>
        <source>Choose a reflection, or start from a prompt.</source>
        <translation>Choisissez une réflexion, ou partez d’une question.</translation>
    </message>
</context>
<context>
    <name>ScaleRow</name>
    <message>
        <location filename="../qml/ScaleRow.qml" line="57"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
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
        <translation>Réglages</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="24"/>
        <source>After 1 minute</source>
        <translation>Après 1 minute</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="25"/>
        <source>After 2 minutes</source>
        <translation>Après 2 minutes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="26"/>
        <source>After 5 minutes</source>
        <translation>Après 5 minutes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="27"/>
        <source>After 10 minutes</source>
        <translation>Après 10 minutes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="28"/>
        <source>After 15 minutes</source>
        <translation>Après 15 minutes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="29"/>
        <source>After 30 minutes</source>
        <translation>Après 30 minutes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="30"/>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="98"/>
        <source>Passphrase changed.</source>
        <translation>Phrase secrète changée.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="103"/>
        <location filename="../qml/SettingsPage.qml" line="354"/>
        <source>Export my data</source>
        <translation>Exporter mes données</translation>
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
            <numerusform>%n enregistrement exporté.</numerusform>
            <numerusform>%n enregistrements exportés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="141"/>
        <source>Team and sync</source>
        <translation>Équipe et synchronisation</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="148"/>
        <source>Connect to your team&apos;s server to send your records, encrypted, and to receive your team&apos;s purpose. Until then everything stays on this device.</source>
        <translation>Connectez-vous au serveur de votre équipe pour envoyer vos enregistrements, chiffrés, et recevoir la raison d’être de l’équipe. D’ici là, tout reste sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="152"/>
        <source>Connect to your team…</source>
        <translation>Rejoindre votre équipe…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="154"/>
        <source>Connect to your team</source>
        <translation>Rejoindre votre équipe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="165"/>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="166"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="171"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="176"/>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="179"/>
        <source>Not yet sent</source>
        <translation>Pas encore envoyées</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="180"/>
        <source>Nothing, all sent</source>
        <translation>Rien, tout est envoyé</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="181"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="211"/>
        <location filename="../qml/SettingsPage.qml" line="213"/>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="221"/>
        <source>Could not be synced</source>
        <translation>Non synchronisés</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="251"/>
        <source>These records stay on this device. Editing one sends it again; if the reason is not clear, ask your administrator.</source>
        <translation>Ces enregistrements restent sur cet appareil. En modifier un le renvoie ; si la raison n’est pas claire, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="254"/>
        <source>Records are sent encrypted: the server counts them for your team&apos;s totals but cannot read them. Your lead reads only what you share.</source>
        <translation>Les enregistrements sont envoyés chiffrés : le serveur les compte pour les totaux de l’équipe mais ne peut pas les lire. Votre responsable ne lit que ce que vous partagez.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="259"/>
        <source>Your other devices</source>
        <translation>Vos autres appareils</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="266"/>
        <source>Use Outward on another phone, tablet or computer with the same records: this device shows a code to type there.</source>
        <translation>Utilisez Outward sur un autre téléphone, une tablette ou un ordinateur avec les mêmes enregistrements : cet appareil affiche un code à y saisir.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="271"/>
        <source>Add a device…</source>
        <translation>Ajouter un appareil…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="273"/>
        <source>Add a device</source>
        <translation>Ajouter un appareil</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="278"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="280"/>
        <source>Everything you write is encrypted on this device. The server can count, but it cannot read.</source>
        <translation>Tout ce que vous écrivez est chiffré sur cet appareil. Le serveur peut compter, mais pas lire.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="284"/>
        <source>Stored in %1</source>
        <translation>Stocké dans %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="293"/>
        <source>Change passphrase…</source>
        <translation>Changer de phrase secrète…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="295"/>
        <source>Change passphrase</source>
        <translation>Changer de phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="299"/>
        <source>Lock</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="305"/>
        <source>Lock automatically</source>
        <translation>Verrouiller automatiquement</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="317"/>
        <source>Lock automatically: %1</source>
        <translation>Verrouiller automatiquement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="325"/>
        <source>Remember on this device</source>
        <translation>Mémoriser sur cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="334"/>
        <source>The key is kept in this device&apos;s key store, so you can unlock without typing. Turn off to forget it.</source>
        <translation>La clé est conservée dans le trousseau de cet appareil&#xa0;: vous pouvez déverrouiller sans rien saisir. Désactivez l’option pour l’oublier.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="335"/>
        <source>To unlock without typing, choose “Remember on this device” when you next unlock.</source>
        <translation>Pour déverrouiller sans rien saisir, choisissez «&#xa0;Mémoriser sur cet appareil&#xa0;» lors du prochain déverrouillage.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="339"/>
        <source>Lock now</source>
        <translation>Verrouiller maintenant</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="345"/>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="347"/>
        <source>Export your own records, readable, as JSON lines. Keep the file somewhere safe: it is not encrypted.</source>
        <translation>Exportez vos propres données, en clair, au format JSON Lines. Conservez le fichier en lieu sûr&#xa0;: il n’est pas chiffré.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="352"/>
        <source>Export my data…</source>
        <translation>Exporter mes données…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="366"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="375"/>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="383"/>
        <source>Language: %1</source>
        <translation>Langue&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/SettingsPage.qml" line="387"/>
        <source>About</source>
        <translation>À propos</translation>
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
        <translation>Un journal de ce que vous changez pour les clients. Votre responsable ne voit les totaux de l’équipe que pour des groupes assez grands pour que chacun reste anonyme, et vos propres données seulement si vous les partagez. Il n’y a aucun classement.</translation>
    </message>
</context>
<context>
    <name>ShareHint</name>
    <message>
        <location filename="../qml/ShareHint.qml" line="15"/>
        <source>Only you and your team&apos;s lead can read it, not the server.</source>
        <translation>Seuls vous et le responsable de votre équipe pouvez le lire, pas le serveur.</translation>
    </message>
    <message>
        <location filename="../qml/ShareHint.qml" line="16"/>
        <source>Your lead can read it once you connect to your team in Settings.</source>
        <translation>Votre responsable pourra le lire une fois que vous aurez rejoint votre équipe dans les Réglages.</translation>
    </message>
</context>
<context>
    <name>StatTile</name>
    <message>
        <location filename="../qml/StatTile.qml" line="16"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <location filename="../qml/SyncIndicator.qml" line="20"/>
        <source>Sync: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../qml/SyncIndicator.qml" line="21"/>
        <source>Opens the sync settings</source>
        <translation>Ouvre les réglages de synchronisation</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../qml/UndoBar.qml" line="68"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../qml/UndoBar.qml" line="73"/>
        <source>Undo: %1</source>
        <translation>Annuler&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../qml/UnlockPage.qml" line="12"/>
        <source>Welcome back</source>
        <translation>Bon retour</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="13"/>
        <source>Enter your passphrase to unlock.</source>
        <translation>Saisissez votre phrase secrète pour déverrouiller.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="27"/>
        <source>Unlock with this device</source>
        <translation>Déverrouiller avec cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="36"/>
        <source>or with your passphrase</source>
        <translation>ou avec votre phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="43"/>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="51"/>
        <source>Remember on this device</source>
        <translation>Mémoriser sur cet appareil</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="54"/>
        <source>Keeps the key in this device&apos;s key store, so you can unlock without typing.</source>
        <translation>Conserve la clé dans le trousseau de cet appareil&#xa0;: vous pourrez déverrouiller sans rien saisir.</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="68"/>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="68"/>
        <location filename="../qml/UnlockPage.qml" line="70"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="82"/>
        <source>Forgot your passphrase?</source>
        <translation>Phrase secrète oubliée&#xa0;?</translation>
    </message>
    <message>
        <location filename="../qml/UnlockPage.qml" line="84"/>
        <source>Forgot your passphrase? Use your recovery code</source>
        <translation>Phrase secrète oubliée&#xa0;? Utilisez votre code de récupération</translation>
    </message>
</context>
<context>
    <name>outward::DeviceJoinForm</name>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="44"/>
        <source>Checking the link code…</source>
        <translation>Vérification du code de liaison…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="46"/>
        <source>Opening your account’s keys…</source>
        <translation>Ouverture des clés de votre compte…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="48"/>
        <source>Adding this device to your account…</source>
        <translation>Ajout de cet appareil à votre compte…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="51"/>
        <source>Opening your profile…</source>
        <translation>Ouverture de votre profil…</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="100"/>
        <source>Enter the server address shown on your other device.</source>
        <translation>Saisissez l’adresse du serveur affichée sur votre autre appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="106"/>
        <source>Enter the link code shown on your other device.</source>
        <translation>Saisissez le code de liaison affiché sur votre autre appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="111"/>
        <source>This looks like an invite code (20 characters). A link code has 24 and comes from your other device: Settings, Add a device.</source>
        <translation>Ceci ressemble à un code d’invitation (20 caractères). Un code de liaison en a 24 et vient de votre autre appareil : Réglages, Ajouter un appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="114"/>
        <source>A link code has 24 letters and digits; this one has %1. Compare it with your other device.</source>
        <translation>Un code de liaison compte 24 lettres et chiffres ; celui-ci en a %1. Comparez-le avec votre autre appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="120"/>
        <source>Enter a name for this device.</source>
        <translation>Saisissez un nom pour cet appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="123"/>
        <source>Use at most %1 characters for the device name.</source>
        <translation>Le nom de l’appareil compte au plus %1 caractères.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="134"/>
        <source>This device already holds a profile; unlock it instead.</source>
        <translation>Cet appareil contient déjà un profil ; déverrouillez-le plutôt.</translation>
    </message>
    <message>
        <location filename="../qml/devicejoinform.cpp" line="147"/>
        <source>The two passphrases differ; type the same passphrase twice.</source>
        <translation>Les deux phrases secrètes sont différentes ; saisissez deux fois la même.</translation>
    </message>
</context>
<context>
    <name>outward::DeviceLinkOffer</name>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="116"/>
        <source>Unlock the profile, then add a device.</source>
        <translation>Déverrouillez le profil, puis ajoutez un appareil.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="118"/>
        <source>Connect this profile to your team first: a new device joins through your team&apos;s server.</source>
        <translation>Rejoignez d’abord votre équipe avec ce profil : un nouvel appareil s’ajoute par le serveur de votre équipe.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="152"/>
        <location filename="../qml/devicelinkoffer.cpp" line="230"/>
        <source>The code was cancelled because the profile was locked. Make a new one when you are ready.</source>
        <translation>Le code a été annulé car le profil a été verrouillé. Créez-en un nouveau quand vous serez prêt.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="204"/>
        <source>A new device was added to your account.</source>
        <translation>Un nouvel appareil a été ajouté à votre compte.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="205"/>
        <source>“%1” was added to your account.</source>
        <translation>« %1 » a été ajouté à votre compte.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="212"/>
        <source>A device used the code but did not finish joining within 10 minutes. Make a new code and try again. If that device was not yours, tell your administrator.</source>
        <translation>Un appareil a utilisé le code sans terminer son ajout en 10 minutes. Créez un nouveau code et réessayez. Si cet appareil n’était pas le vôtre, prévenez votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="215"/>
        <source>The code expired: it works for 10 minutes. Make a new one when the other device is ready.</source>
        <translation>Le code a expiré : il est valable 10 minutes. Créez-en un nouveau quand l’autre appareil sera prêt.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="225"/>
        <source>Cancelled on this device, but the server could not be told: the code keeps working until %1. If someone else may have it, tell your administrator.</source>
        <translation>Annulé sur cet appareil, mais le serveur n’a pas pu en être informé : le code reste valable jusqu’à %1. Si quelqu’un d’autre a pu l’obtenir, prévenez votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="233"/>
        <source>Cancelled. The device that had used the code cannot join now. If it was not yours, it has seen your keys: tell your administrator.</source>
        <translation>Annulé. L’appareil qui avait utilisé le code ne peut plus s’ajouter. S’il n’était pas le vôtre, il a vu vos clés : prévenez votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/devicelinkoffer.cpp" line="236"/>
        <source>The code was cancelled.</source>
        <translation>Le code a été annulé.</translation>
    </message>
</context>
<context>
    <name>outward::InteractionForm</name>
    <message>
        <location filename="../qml/interactionform.cpp" line="225"/>
        <source>The last save could not be undone: %1</source>
        <translation>Le dernier enregistrement n’a pas pu être annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="260"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant d’enregistrement.</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="269"/>
        <source>That record is deleted or is not an interaction.</source>
        <translation>Cet enregistrement a été supprimé ou n’est pas une interaction.</translation>
    </message>
    <message>
        <location filename="../qml/interactionform.cpp" line="273"/>
        <source>That record was written by a newer Outward; update the app to edit it.</source>
        <translation>Cet enregistrement a été créé par une version plus récente d’Outward&#xa0;; mettez l’application à jour pour le modifier.</translation>
    </message>
</context>
<context>
    <name>outward::Overview</name>
    <message>
        <location filename="../qml/overview.cpp" line="164"/>
        <source>The profile is locked; unlock it to export your records.</source>
        <translation>Le profil est verrouillé&#xa0;; déverrouillez-le pour exporter vos données.</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="171"/>
        <source>Choose a file on this device to export to.</source>
        <translation>Choisissez sur cet appareil le fichier où exporter.</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="177"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="197"/>
        <source>The export stopped: %1</source>
        <translation>L’export s’est interrompu&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/overview.cpp" line="198"/>
        <location filename="../qml/overview.cpp" line="202"/>
        <source>Writing %1 failed: %2</source>
        <translation>L’écriture de %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>outward::RecordListModel</name>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="161"/>
        <source>(written by a newer Outward; update the app to read it)</source>
        <translation>(créé par une version plus récente d’Outward&#xa0;; mettez l’application à jour pour le lire)</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="381"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant d’enregistrement.</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="416"/>
        <source>The record could not be brought back: %1</source>
        <translation>L’enregistrement n’a pas pu être restauré&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/recordlistmodel.cpp" line="470"/>
        <source>&quot;%1&quot; is not a kind of record.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un type d’enregistrement.</translation>
    </message>
</context>
<context>
    <name>outward::ReflectionForm</name>
    <message>
        <location filename="../qml/reflectionform.cpp" line="122"/>
        <source>&quot;%1&quot; is not a record id.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un identifiant d’enregistrement.</translation>
    </message>
    <message>
        <location filename="../qml/reflectionform.cpp" line="129"/>
        <source>That record is deleted, is not a reflection, or was written by a newer Outward.</source>
        <translation>Cet enregistrement a été supprimé, n’est pas une réflexion ou a été créé par une version plus récente d’Outward.</translation>
    </message>
</context>
<context>
    <name>outward::Session</name>
    <message>
        <location filename="../qml/session.cpp" line="243"/>
        <source>A new recovery code could not be made (%1). Your passphrase still opens the profile; the next unlock tries again.</source>
        <translation>Impossible de créer un nouveau code de récupération (%1). Votre phrase secrète ouvre toujours le profil ; le prochain déverrouillage réessaiera.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="271"/>
        <source>The device is out of resources; close other apps and try again.</source>
        <translation>L’appareil manque de ressources&#xa0;; fermez d’autres applications et réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="298"/>
        <source>Use at least %1 characters; a few unrelated words work well.</source>
        <translation>Utilisez au moins %1 caractères&#xa0;; quelques mots sans lien entre eux conviennent bien.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="301"/>
        <source>Add a few more words.</source>
        <translation>Ajoutez encore quelques mots.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="303"/>
        <source>Add another word or two.</source>
        <translation>Ajoutez encore un ou deux mots.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="305"/>
        <source>Good. One more word makes it strong.</source>
        <translation>Bien. Un mot de plus la rendra forte.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="307"/>
        <source>Strong.</source>
        <translation>Forte.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="316"/>
        <location filename="../qml/session.cpp" line="604"/>
        <source>This device already holds a profile; unlock it instead.</source>
        <translation>Cet appareil contient déjà un profil&#xa0;; déverrouillez-le plutôt.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="326"/>
        <source>The two passphrases differ; type the same passphrase twice.</source>
        <translation>Les deux phrases secrètes sont différentes&#xa0;; saisissez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="366"/>
        <source>That is not the last group of your recovery code. Type the 4 characters after its last dash.</source>
        <translation>Ce n’est pas le dernier groupe de votre code de récupération. Saisissez les 4 caractères après le dernier tiret.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="407"/>
        <source>Unlocked, but this device could not remember your key: %1</source>
        <translation>Déverrouillé, mais cet appareil n’a pas pu mémoriser votre clé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="425"/>
        <source>This device does not remember your key; unlock with your passphrase.</source>
        <translation>Cet appareil n’a pas mémorisé votre clé&#xa0;; déverrouillez avec votre phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="441"/>
        <source>This device no longer holds your key; unlock with your passphrase.</source>
        <translation>Cet appareil ne détient plus votre clé&#xa0;; déverrouillez avec votre phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="444"/>
        <source>The device&apos;s key store did not answer (%1); unlock with your passphrase.</source>
        <translation>Le trousseau de clés de l’appareil n’a pas répondu (%1)&#xa0;; déverrouillez avec votre phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="453"/>
        <source>The key on this device does not open the profile; unlock with your passphrase.</source>
        <translation>La clé de cet appareil n’ouvre pas le profil&#xa0;; déverrouillez avec votre phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="472"/>
        <source>This device could not forget your key: %1</source>
        <translation>Cet appareil n’a pas pu oublier votre clé&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="491"/>
        <source>Unlock the profile before changing its passphrase.</source>
        <translation>Déverrouillez le profil avant de changer sa phrase secrète.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="505"/>
        <location filename="../qml/session.cpp" line="561"/>
        <source>The two new passphrases differ; type the same passphrase twice.</source>
        <translation>Les deux nouvelles phrases secrètes sont différentes&#xa0;; saisissez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="547"/>
        <source>There is no profile on this device to recover.</source>
        <translation>Il n’y a aucun profil à récupérer sur cet appareil.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="548"/>
        <source>The profile is open; change its passphrase in the settings instead.</source>
        <translation>Le profil est ouvert&#xa0;; changez plutôt sa phrase secrète dans les réglages.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="601"/>
        <source>The new profile is not open; try again.</source>
        <translation>Le nouveau profil n’est pas ouvert ; réessayez.</translation>
    </message>
    <message>
        <location filename="../qml/session.cpp" line="607"/>
        <source>The new profile was saved in another folder than this app uses.</source>
        <translation>Le nouveau profil a été enregistré dans un autre dossier que celui de l’application.</translation>
    </message>
</context>
<context>
    <name>outward::SyncStatus</name>
    <message>
        <location filename="../qml/syncstatus.cpp" line="184"/>
        <source>Connecting stopped because the profile was locked. Unlock it and try again; if the server then says the profile is already enrolled, ask your administrator.</source>
        <translation>La connexion s’est interrompue car le profil a été verrouillé. Déverrouillez-le et réessayez ; si le serveur indique alors que le profil est déjà inscrit, adressez-vous à votre administrateur.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="315"/>
        <source>Interaction, %1</source>
        <translation>Interaction, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="317"/>
        <source>Reflection, %1</source>
        <translation>Réflexion, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="319"/>
        <source>Team purpose, %1</source>
        <translation>Raison d’être de l’équipe, %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="321"/>
        <source>Record of %1</source>
        <translation>Enregistrement du %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="325"/>
        <source>Record %1</source>
        <translation>Enregistrement %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="332"/>
        <location filename="../qml/syncstatus.cpp" line="334"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="379"/>
        <source>Sending %1 of %2 records</source>
        <translation>Envoi de %1 enregistrements sur %2</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="380"/>
        <source>Receiving updates: %1%</source>
        <translation>Réception des mises à jour : %1 %</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="469"/>
        <source>Unlock the profile, then connect it to your team.</source>
        <translation>Déverrouillez le profil, puis connectez-le à votre équipe.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="504"/>
        <source>Connected to %1. Sending your %n record(s).</source>
        <translation>
            <numerusform>Connecté à %1. Envoi de votre enregistrement.</numerusform>
            <numerusform>Connecté à %1. Envoi de vos %n enregistrements.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="612"/>
        <source>Could not sync. %1 Trying again soon.</source>
        <translation>Synchronisation impossible. %1 Nouvel essai sous peu.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="613"/>
        <source>Could not sync. %1 Trying again at %2.</source>
        <translation>Synchronisation impossible. %1 Nouvel essai à %2.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="618"/>
        <source>Sync stopped. %1 It tries again after your next change, or when you tap “Sync now”.</source>
        <translation>Synchronisation arrêtée. %1 Elle reprendra après votre prochaine modification, ou quand vous toucherez « Synchroniser ».</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="635"/>
        <source>Sync stopped. %1</source>
        <translation>Synchronisation arrêtée. %1</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="505"/>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="567"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="570"/>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="572"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>il y a %n minute</numerusform>
            <numerusform>il y a %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="574"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>il y a %n heure</numerusform>
            <numerusform>il y a %n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="602"/>
        <source>Paused while the profile is locked.</source>
        <translation>En pause tant que le profil est verrouillé.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="603"/>
        <source>Not connected to a team. Your records stay on this device.</source>
        <translation>Aucune équipe rejointe. Vos enregistrements restent sur cet appareil.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="605"/>
        <source>%n record(s) will be sent in a moment.</source>
        <translation>
            <numerusform>%n enregistrement va partir dans un instant.</numerusform>
            <numerusform>%n enregistrements vont partir dans un instant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="607"/>
        <source>Up to date.</source>
        <translation>À jour.</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="609"/>
        <location filename="../qml/syncstatus.cpp" line="633"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="615"/>
        <source>Offline. Your records wait on this device and are sent when the network is back.</source>
        <translation>Hors ligne. Vos enregistrements attendent sur cet appareil et partiront au retour du réseau.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="630"/>
        <source>%n unsent</source>
        <translation>
            <numerusform>%n non envoyé</numerusform>
            <numerusform>%n non envoyés</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="630"/>
        <source>All sent</source>
        <translation>Tout est envoyé</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="637"/>
        <source>%1 · could not sync, trying again soon</source>
        <translation>%1 · synchronisation impossible, nouvel essai sous peu</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="639"/>
        <source>%1 · offline</source>
        <translation>%1 · hors ligne</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="645"/>
        <source>%1 · not synced yet</source>
        <translation>%1 · pas encore synchronisé</translation>
    </message>
    <message>
        <location filename="../qml/syncstatus.cpp" line="646"/>
        <source>%1 · synced %2</source>
        <translation>%1 · synchronisé %2</translation>
    </message>
</context>
<context>
    <name>outward::forms</name>
    <message>
        <location filename="../qml/formsupport.cpp" line="12"/>
        <source>The profile is locked. Unlock it and try again; nothing you entered is lost.</source>
        <translation>Le profil est verrouillé. Déverrouillez-le et réessayez&#xa0;; rien de ce que vous avez saisi n’est perdu.</translation>
    </message>
</context>
</TS>
