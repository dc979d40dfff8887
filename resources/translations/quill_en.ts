<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>quill::Review</name>
    <message numerus="yes">
        <source>%n Lit node(s)</source>
        <translation>
            <numerusform>%n Lit node</numerusform>
            <numerusform>%n Lit nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quill::ui::MainWindow</name>
    <message numerus="yes">
        <source>Quill — %n request(s) waiting</source>
        <translation>
            <numerusform>Quill — %n request waiting</numerusform>
            <numerusform>Quill — %n requests waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quill::ui::PairedAppsModel</name>
    <message numerus="yes">
        <source>%n remembered session(s)</source>
        <translation>
            <numerusform>%n remembered session</numerusform>
            <numerusform>%n remembered sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session key(s)</source>
        <translation>
            <numerusform>%n session key</numerusform>
            <numerusform>%n session keys</numerusform>
        </translation>
    </message>
</context>
</TS>
