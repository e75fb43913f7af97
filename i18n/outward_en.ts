<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <location filename="../qml/HomePage.qml" line="118"/>
        <source>%n need attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="112"/>
        <source>Exported %n record(s).</source>
        <translation>
            <numerusform>Exported %n record.</numerusform>
            <numerusform>Exported %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/SettingsPage.qml" line="181"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>outward::SyncStatus</name>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="504"/>
        <source>Connected to %1. Sending your %n record(s).</source>
        <translation>
            <numerusform>Connected to %1. Sending your %n record.</numerusform>
            <numerusform>Connected to %1. Sending your %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="572"/>
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="574"/>
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="605"/>
        <source>%n record(s) will be sent in a moment.</source>
        <translation>
            <numerusform>%n record will be sent in a moment.</numerusform>
            <numerusform>%n records will be sent in a moment.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/syncstatus.cpp" line="630"/>
        <source>%n unsent</source>
        <translation>
            <numerusform>%n unsent</numerusform>
            <numerusform>%n unsent</numerusform>
        </translation>
    </message>
</context>
</TS>
