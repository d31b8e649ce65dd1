<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>switchboard::AgentDetailPane</name>
    <message numerus="yes">
        <source>%n older line(s) not shown; the newest %1 are kept.</source>
        <translation><numerusform>%n older line not shown; the newest %1 are kept.</numerusform><numerusform>%n older lines not shown; the newest %1 are kept.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown — full log: %1</source>
        <translation><numerusform>%n older line not shown — full log: %1</numerusform><numerusform>%n older lines not shown — full log: %1</numerusform></translation>
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
    <name>switchboard::LockTableModel</name>
    <message numerus="yes">
        <source>%n waiting: %1</source>
        <extracomment>Locks table: "2 waiting: coder #3, tester #1"</extracomment>
        <translation><numerusform>%n waiting: %1</numerusform><numerusform>%n waiting: %1</numerusform></translation>
    </message>
</context>
<context>
    <name>switchboard::LocksDock</name>
    <message numerus="yes">
        <source>%n lock(s) held</source>
        <translation><numerusform>%n lock held</numerusform><numerusform>%n locks held</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contended</source>
        <translation><numerusform>%n contended</numerusform><numerusform>%n contended</numerusform></translation>
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
    <message numerus="yes">
        <source>Switchboard: %n question(s) waiting for you</source>
        <translation><numerusform>Switchboard: %n question waiting for you</numerusform><numerusform>Switchboard: %n questions waiting for you</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Switchboard (%n waiting)</source>
        <extracomment>Window title while agents wait for answers; %1 is the plan</extracomment>
        <translation><numerusform>Switchboard (%n waiting)</numerusform><numerusform>Switchboard (%n waiting)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Switchboard — %1 (%n waiting)</source>
        <translation><numerusform>Switchboard — %1 (%n waiting)</numerusform><numerusform>Switchboard — %1 (%n waiting)</numerusform></translation>
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
    <name>switchboard::RunStatusWidget</name>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation><numerusform>%n waiting for you</numerusform><numerusform>%n waiting for you</numerusform></translation>
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
