<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>switchboard::AgentDetailPane</name>
    <message numerus="yes">
        <source>%n older line(s) dropped; the newest %1 are kept.</source>
        <translation><numerusform>%n older line dropped; the newest %1 are kept.</numerusform><numerusform>%n older lines dropped; the newest %1 are kept.</numerusform></translation>
    </message>
</context>
<context>
    <name>switchboard::BoardFilterBar</name>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation><numerusform>%n agent</numerusform><numerusform>%n agents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n agent(s)</source>
        <translation><numerusform>%1 of %n agent</numerusform><numerusform>%1 of %n agents</numerusform></translation>
    </message>
</context>
<context>
    <name>switchboard::MainWindow</name>
    <message numerus="yes">
        <source>Queued %n agent(s)</source>
        <translation><numerusform>Queued %n agent</numerusform><numerusform>Queued %n agents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1”: %n agent(s) queued</source>
        <translation><numerusform>Started plan “%1”: %n agent queued</numerusform><numerusform>Started plan “%1”: %n agents queued</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancelling %n agent(s)</source>
        <translation><numerusform>Cancelling %n agent</numerusform><numerusform>Cancelling %n agents</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n unfinished agent(s)?</source>
        <translation><numerusform>Cancel the unfinished agent?</numerusform><numerusform>Cancel all %n unfinished agents?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished agent(s) from the board</source>
        <translation><numerusform>Removed %n finished agent from the board</numerusform><numerusform>Removed %n finished agents from the board</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n agent id(s)</source>
        <translation><numerusform>Copied %n agent id</numerusform><numerusform>Copied %n agent ids</numerusform></translation>
    </message>
</context>
<context>
    <name>switchboard::RunPlanDialog</name>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation><numerusform>%n goal</numerusform><numerusform>%n goals</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation><numerusform>%n phase</numerusform><numerusform>%n phases</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Phase %1 — %n goal(s) in parallel</source>
        <translation><numerusform>Phase %1 — %n goal</numerusform><numerusform>Phase %1 — %n goals in parallel</numerusform></translation>
    </message>
</context>
<context>
    <name>switchboard::SpawnParallelDialog</name>
    <message numerus="yes">
        <source>&amp;Spawn %n agent(s)</source>
        <translation><numerusform>&amp;Spawn %n agent</numerusform><numerusform>&amp;Spawn %n agents</numerusform></translation>
    </message>
</context>
</TS>
