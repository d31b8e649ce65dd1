<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>switchboard::AgentCommands</name>
    <message numerus="yes">
        <source>Cancelling %n agent(s)</source>
        <translation>
            <numerusform>Cancelling %n agent</numerusform>
            <numerusform>Cancelling %n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n unfinished agent(s)?</source>
        <translation>
            <numerusform>Cancel the unfinished agent?</numerusform>
            <numerusform>Cancel all %n unfinished agents?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n agent(s), each with a new attempt</source>
        <translation>
            <numerusform>Resuming %n agent with a new attempt</numerusform>
            <numerusform>Resuming %n agents, each with a new attempt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished agent(s) from the board</source>
        <translation>
            <numerusform>Removed %n finished agent from the board</numerusform>
            <numerusform>Removed %n finished agents from the board</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n agent id(s)</source>
        <translation>
            <numerusform>Copied %n agent id</numerusform>
            <numerusform>Copied %n agent ids</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n selected agent(s)?</source>
        <translation>
            <numerusform>Cancel the %n selected agent?</numerusform>
            <numerusform>Cancel the %n selected agents?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::AgentDetailPane</name>
    <message numerus="yes">
        <source>%n older line(s) not shown; the newest %1 are kept.</source>
        <translation>
            <numerusform>%n older line not shown; the newest %1 are kept.</numerusform>
            <numerusform>%n older lines not shown; the newest %1 are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown — full log: %1</source>
        <translation>
            <numerusform>%n older line not shown — full log: %1</numerusform>
            <numerusform>%n older lines not shown — full log: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::AiPlanDialog</name>
    <message numerus="yes">
        <source>%n goal(s) planned by %1 · %2</source>
        <translation>
            <numerusform>%n goal planned by %1 · %2</numerusform>
            <numerusform>%n goals planned by %1 · %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::BoardFilterBar</name>
    <message numerus="yes">
        <source>%Ln agent(s)</source>
        <translation>
            <numerusform>%Ln agent</numerusform>
            <numerusform>%Ln agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln agent(s)</source>
        <translation>
            <numerusform>%1 of %Ln agent</numerusform>
            <numerusform>%1 of %Ln agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalPane</name>
    <message numerus="yes">
        <source>The last %n line(s); the full log is in the log file.</source>
        <translation>
            <numerusform>The last %n line; the full log is in the log file.</numerusform>
            <numerusform>The last %n lines; the full log is in the log file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRerun</name>
    <message numerus="yes">
        <source>Started plan “%1” again: %n goal(s) queued</source>
        <translation>
            <numerusform>Started plan “%1” again: %n goal queued</numerusform>
            <numerusform>Started plan “%1” again: %n goals queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n goal(s) of “%1” again?</source>
        <translation>
            <numerusform>Queue the %n goal of “%1” again?</numerusform>
            <numerusform>Queue the %n goals of “%1” again?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queue %n goal(s)</source>
        <translation>
            <numerusform>Queue %n goal</numerusform>
            <numerusform>Queue %n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n goal(s) on the board</source>
        <translation>
            <numerusform>Queued %n goal on the board</numerusform>
            <numerusform>Queued %n goals on the board</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRunModel</name>
    <message numerus="yes">
        <source>All %n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>All %n completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blocked</numerusform>
            <numerusform>%n blocked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n interrupted</numerusform>
            <numerusform>%n interrupted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n in progress</numerusform>
            <numerusform>%n in progress</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n attempt(s)</source>
        <translation>
            <numerusform>%1 over %n attempt</numerusform>
            <numerusform>%1 over %n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All runs (%n)</source>
        <translation>
            <numerusform>All runs (%n)</numerusform>
            <numerusform>All runs (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryWindow</name>
    <message numerus="yes">
        <source>%1 of %n goal(s) match</source>
        <translation>
            <numerusform>%1 of %n goal matches</numerusform>
            <numerusform>%1 of %n goals match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::LeftoverWorktreesDialog</name>
    <message numerus="yes">
        <source>%n worktree(s) whose goals no longer exist.</source>
        <translation>
            <numerusform>%n worktree whose goal no longer exists.</numerusform>
            <numerusform>%n worktrees whose goals no longer exist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removing %n worktree(s)…</source>
        <translation>
            <numerusform>Removing %n worktree…</numerusform>
            <numerusform>Removing %n worktrees…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n worktree(s).</source>
        <translation>
            <numerusform>Removed %n worktree.</numerusform>
            <numerusform>Removed %n worktrees.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsOffer</name>
    <message numerus="yes">
        <source>Found %n local model(s): Agents ▸ Local models… makes them profiles</source>
        <translation>
            <numerusform>Found %n local model: Agents ▸ Local models… makes it a profile</numerusform>
            <numerusform>Found %n local models: Agents ▸ Local models… makes them profiles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::LockTableModel</name>
    <message numerus="yes">
        <source>%n waiting: %1</source>
        <extracomment>Locks table: &quot;2 waiting: coder #3, tester #1&quot;</extracomment>
        <translation>
            <numerusform>%n waiting: %1</numerusform>
            <numerusform>%n waiting: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::LocksDock</name>
    <message numerus="yes">
        <source>%n lock(s) held</source>
        <translation>
            <numerusform>%n lock held</numerusform>
            <numerusform>%n locks held</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contended</source>
        <translation>
            <numerusform>%n contended</numerusform>
            <numerusform>%n contended</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::MainWindow</name>
    <message numerus="yes">
        <source>Queued %n agent(s)</source>
        <translation>
            <numerusform>Queued %n agent</numerusform>
            <numerusform>Queued %n agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1”: %n agent(s) queued</source>
        <translation>
            <numerusform>Started plan “%1”: %n agent queued</numerusform>
            <numerusform>Started plan “%1”: %n agents queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switchboard (%n waiting)</source>
        <extracomment>Window title while agents wait for answers; %1 is the plan</extracomment>
        <translation>
            <numerusform>Switchboard (%n waiting)</numerusform>
            <numerusform>Switchboard (%n waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switchboard — %1 (%n waiting)</source>
        <translation>
            <numerusform>Switchboard — %1 (%n waiting)</numerusform>
            <numerusform>Switchboard — %1 (%n waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n agent(s) from the history</source>
        <translation>
            <numerusform>Queued %n agent from the history</numerusform>
            <numerusform>Queued %n agents from the history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln goal(s) of the unfinished run</source>
        <translation>
            <numerusform>Restored %Ln goal of the unfinished run</numerusform>
            <numerusform>Restored %Ln goals of the unfinished run</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln goal(s) of “%1” from the database. New goals can be added once they are on the board.</source>
        <translation>
            <numerusform>Reading %Ln goal of “%1” from the database. New goals can be added once it is on the board.</numerusform>
            <numerusform>Reading %Ln goals of “%1” from the database. New goals can be added once they are on the board.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) waiting</source>
        <translation>
            <numerusform>%n question waiting</numerusform>
            <numerusform>%n questions waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) running</source>
        <translation>
            <numerusform>%n agent running</numerusform>
            <numerusform>%n agents running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) of the last session may still run on a cluster or an SSH host. “%1” comes back once they are ended, so none of its goals runs twice.</source>
        <translation>
            <numerusform>%Ln job of the last session may still run on a cluster or an SSH host. “%1” comes back once it is ended, so none of its goals runs twice.</numerusform>
            <numerusform>%Ln jobs of the last session may still run on a cluster or an SSH host. “%1” comes back once they are ended, so none of its goals runs twice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Putting %Ln goal(s) of “%1” on the board.</source>
        <translation>
            <numerusform>Putting %Ln goal of “%1” on the board.</numerusform>
            <numerusform>Putting %Ln goals of “%1” on the board.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::MetricsDock</name>
    <message numerus="yes">
        <source>of %n goal(s)</source>
        <translation>
            <numerusform>of %n goal</numerusform>
            <numerusform>of %n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n slot</numerusform>
            <numerusform>%n slots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n finished</source>
        <translation>
            <numerusform>%1 of %n finished</numerusform>
            <numerusform>%1 of %n finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n request(s)</source>
        <translation>
            <numerusform>%1 in %n request</numerusform>
            <numerusform>%1 in %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed target(s)</source>
        <translation>
            <numerusform>%n missed target</numerusform>
            <numerusform>%n missed targets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewHub</name>
    <message numerus="yes">
        <source>%n goal(s) wait for review of their changes</source>
        <translation>
            <numerusform>%n goal waits for review of its changes</numerusform>
            <numerusform>%n goals wait for review of their changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewPane</name>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) ahead of %1</source>
        <translation>
            <numerusform>%n commit ahead of %1</numerusform>
            <numerusform>%n commits ahead of %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed · +%1 −%2</source>
        <extracomment>Above the changed files: how many, lines added, lines removed</extracomment>
        <translation>
            <numerusform>%n file changed · +%1 −%2</numerusform>
            <numerusform>%n files changed · +%1 −%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::RunPlanDialog</name>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n goal</numerusform>
            <numerusform>%n goals</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Phase %1 — %n goal(s) in parallel</source>
        <translation>
            <numerusform>Phase %1 — %n goal</numerusform>
            <numerusform>Phase %1 — %n goals in parallel</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::RunStatusWidget</name>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n waiting for you</numerusform>
            <numerusform>%n waiting for you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadDock</name>
    <message numerus="yes">
        <source>%n note(s) shared by this run&apos;s agents</source>
        <translation>
            <numerusform>%n note shared by this run&apos;s agents</numerusform>
            <numerusform>%n notes shared by this run&apos;s agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::ShutdownController</name>
    <message numerus="yes">
        <source>%n agent(s) still at work.</source>
        <translation>
            <numerusform>%n agent still at work.</numerusform>
            <numerusform>%n agents still at work.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: %n agent(s) still winding down…</source>
        <translation>
            <numerusform>Cancelling: %n agent still winding down…</numerusform>
            <numerusform>Cancelling: %n agents still winding down…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n agent(s) still at work…</source>
        <translation>
            <numerusform>Waiting: %n agent still at work…</numerusform>
            <numerusform>Waiting: %n agents still at work…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::SpawnParallelDialog</name>
    <message numerus="yes">
        <source>&amp;Spawn %n agent(s)</source>
        <translation>
            <numerusform>&amp;Spawn %n agent</numerusform>
            <numerusform>&amp;Spawn %n agents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::TranscriptView</name>
    <message numerus="yes">
        <source>▸ Show all %n line(s)</source>
        <translation>
            <numerusform>▸ Show all %n line</numerusform>
            <numerusform>▸ Show all %n lines</numerusform>
        </translation>
    </message>
</context>
</TS>
