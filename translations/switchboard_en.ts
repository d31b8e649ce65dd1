<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgentStateStyle</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for its dependencies or a free slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal it depends on failed or was cancelled; it will not run on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on its goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a resource another agent holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked a question and waits for your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was running when Switchboard stopped; resume it to start a new attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished in its own worktree; review the changes, then merge or discard them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished its goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped with an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before it finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its condition was false (or a goal it depends on was skipped); it did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hung (no output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loop detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no improvement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lock lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question unanswered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentStatusText</name>
    <message>
        <source>attempt %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · resumed after an interruption</source>
        <extracomment>Card of an agent whose attempt started over after Switchboard stopped: &quot;attempt 2/5 · resumed after an interruption&quot; (the interrupted attempt spent no retry)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next try in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited · resumes in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for lock: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A failure&apos;s kind, then its message: &quot;timed out: no result after 30 s&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1M tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;$%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamStyle</name>
    <message>
        <source>Parallel</source>
        <extracomment>A team pattern: several agents answer the same goal</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <extracomment>A team pattern: a planner hands steps to workers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debate</source>
        <extracomment>A team pattern: agents debate in rounds, a judge concludes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no members yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <extracomment>A team&apos;s members: how many of them finished, e.g. &quot;3/4 done&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 failed</source>
        <extracomment>After &quot;3/4 done&quot;: how many members did not succeed</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is in use by another Switchboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can watch its runs in a read-only history window, or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be opened read-only:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be used:

%1

Switchboard starts without recording this session.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::AgentBoardModel</name>
    <message>
        <source>%1 — %2 (%3, %4%)</source>
        <extracomment>Card text for screen readers and copy: agent name, goal title, state, progress</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on profile %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs human: it keeps asking about this goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Card tooltip of a team goal: its pattern and where it is, e.g. &quot;Team: debate · round 2 of 3&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of %1: %2</source>
        <extracomment>Card tooltip of a team member: the team&apos;s title and what the member is there</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::AgentBoardView</name>
    <message>
        <source>Agent board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::AgentCardDelegate</name>
    <message>
        <source>Needs human</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · 1 member</source>
        <extracomment>Card subtitle of a team goal: its stage and its members, &quot;round 2 of 3 · 6 members&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Card subtitle: agent name · profile name
----------
Card of an agent backing off: &quot;attempt 2/4 · next try in 4:12&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Card subtitle of a goal working in a git repository, after agent · profile; %1 is the repository name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a free slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <extracomment>Card of an agent waiting for an answer; %1 is its question</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped with Switchboard; resume it (▶) to start a new attempt</source>
        <extracomment>Card of an agent a crash or quit interrupted, held until the person resumes it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this team&apos;s members (−)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this team&apos;s members (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume: start this agent again with a new attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>No selected agent waits out a rate limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed dispatch for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the agents to cancel on the board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel agent %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n selected agent(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running agent is told to stop at once; a queued one will not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent is queued or running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running agents are told to stop at once; queued agents will not start. Finished agents stay on the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the interrupted agents to resume on the board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent is waiting to be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finished agents to remove.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>1 file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · +%2 −%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · agent %2 · goal %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (needs %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Detail pane of a team goal: its pattern, &quot;Team: debate · optimist, pessimist · 2 rounds · judge lead&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs when: %1</source>
        <extracomment>Detail pane of a goal with a condition: &quot;Runs when: result of &apos;post&apos; contains &quot;APPROVED&quot;&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the team&apos;s members)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of %1</source>
        <extracomment>Detail pane of a team member: &quot;Member of &lt;team title&gt; · round 2 · optimist&quot;; the title links to the team</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member of %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the team&apos;s card on the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed without a summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not finished yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript yet: the model has not been asked anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript: this agent&apos;s backend does not talk to a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agent on the board to see its goal, progress and log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer in the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the diff, then merge, discard or ask for a follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens / cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output yet</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>AI plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for a plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not be asked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 input + %2 output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s plan cannot be used as it is: fix the problems below, or Retry to ask again · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be saved to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the agents achieve? For example: Build a REST API for a todo list with tests and docs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Planner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The LLM profile that breaks the objective into goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model again, telling it what was wrong with its plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop asking the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No LLM profile to plan with&lt;/h3&gt;&lt;p&gt;Planning asks a language model to break your objective into goals. Add a profile with a model to your config, &lt;code&gt;%1&lt;/code&gt;, for example:&lt;/p&gt;&lt;pre&gt;agents:
  definitions:
    - name: planner
      model: gpt-4o             # OpenAI: set OPENAI_API_KEY
    - name: claude
      model: claude-sonnet-4-5  # Anthropic: set ANTHROPIC_API_KEY
    - name: local               # Ollama on this machine
      backend: openai
      base_url: http://127.0.0.1:11434/v1
      model: llama3.1&lt;/pre&gt;&lt;p&gt;Then start Switchboard again and choose &lt;b&gt;Plan with AI…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the objective above and press Generate plan. The goals the model proposes appear here to check and edit before you save or run them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the goals as a plan file, to run later with Run plan or `switchboard run`</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the goals now, as Run plan would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Search agents, goals, steps, profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the board by agent name, goal title, current step or profile (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished in a git worktree; the changes wait to be merged or discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running, waiting for a lock or for you, or paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued, blocked, waiting for a lock or for you, paused or interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed, failed or cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawn order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse the sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsDialog</name>
    <message>
        <source>Adds profile &apos;%1&apos; (backend %2) to this session, so New goal can pick it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for coding agents on PATH…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No coding agent found on PATH (claude, codex, gemini, aider, goose, opencode). Install one and search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These coding agents are installed here. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard agents --detect` prints it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsOffer</name>
    <message>
        <source>Found %1: add it from Agents ▸ Coding agents…</source>
        <extracomment>Status bar, briefly; %1 names coding-agent CLIs (&quot;Claude Code, Aider&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Coding agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coding-agent programs installed here (Claude Code, Codex, Gemini, Aider, ACP agents)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ConditionField</name>
    <message>
        <source>Runs when: check the goal to test under Depends on first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs when: enter the text the result must contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if this succeeded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if this did not succeed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only if the result of this contains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal whose condition is false is skipped, and so are the goals that depend on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check a goal under Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text the result must contain (case-sensitive), e.g. APPROVED</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ConfigBanner</name>
    <message>
        <source>Hide the configuration notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your configuration did not load: Switchboard started with a replacement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotificationSink</name>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotifier</name>
    <message>
        <source>An agent needs &amp;input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An agent &amp;failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes ready for &amp;review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run &amp;finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications make no sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is ready for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::DiffView</name>
    <message>
        <source>… folded, double-click to show</source>
        <extracomment>After a folded file&apos;s header line in the diff</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::EmptyBoardOverlay</name>
    <message>
        <source>No agents yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give an agent a goal with New goal (Ctrl+N), or start a whole plan from a template with Run plan (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the search text or the state filter to see more agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::EscalationListModel</name>
    <message>
        <source>Asked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question from %1, %2 priority: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clarification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the agent do next on “%1”? It continues the same session in the same worktree, so it remembers what it did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: also handle an empty list, and add a test for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryEmptyPage</name>
    <message>
        <source>No runs recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other Switchboard has not started a goal or a plan yet. This window looks again every few seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every goal you start and every plan you run is kept here, with its attempts, log, answers and result, so you can search it, run it again or export a report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryExport</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export run report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export activity log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export project state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalList</name>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalModel</name>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>goal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No summary was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any with the capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in, %2 out · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent asked no questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · asked %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(took “%1”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No full log file was written for this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent wrote nothing to its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a goal to see its result, attempts, log and the questions it asked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transcript: this agent did not talk to a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open full log</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Re-run goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” could not be queued again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued “%1” on the board as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run had no plan file: its goals are queued as they were recorded, with the dependencies between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its plan file “%1” is gone: the goals are queued as they were recorded, with the dependencies between them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goals of this run could not be queued again.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>No goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every goal of every run, to search them all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running: goals are being added and worked on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run did not finish: the app was closed or stopped while it ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan file</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search runs and goals: title, id, description, error, state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every word must match. Searches the runs&apos; names and the shown goals (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run &amp;goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run &amp;plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: the database is in use by another Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-running needs the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue a copy of the selected goal on the board, without its dependencies (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected run&apos;s plan again: its plan file, or the goals as recorded (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run report (&amp;Markdown)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run report (&amp;JSON)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &amp;state (YAML)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected run&apos;s report, activity log or state to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy goal id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open, so there is no history to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the run list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1 goals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runs recorded yet.

Every goal you start, every plan you run, is kept here with its attempts, log, answers and result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This run has no goals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No goal matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;All runs&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History (read-only) — Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History — Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only: the database is in use by another Switchboard.&lt;/b&gt; This window follows its progress and refreshes every few seconds; re-running goals is turned off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::InboxDock</name>
    <message>
        <source>%1 · %2 · “%3” · %4 priority</source>
        <extracomment>Question header: trigger · agent · goal · priority</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your answer and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional note for the agent (sent with the option)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
by %2, %3</source>
        <extracomment>Closed question: outcome, who closed it, when</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one of the options above; the text goes with it as a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a question on the left to answer it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent is waiting for you. Questions agents ask show up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the question and cancel the agent that asked it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show agent on the board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::IsolationSection</name>
    <message>
        <source>The repository folder does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository folder is not a git repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own git worktree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the profile&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the agent makes its changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Isolatio&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wor&amp;k in</source>
        <extracomment>Label of the choice: its own git worktree, the repository itself, or what the profile says</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in its own git worktree: the agent&apos;s changes wait for your review and merge. Shared: it changes the repository itself, with its resources locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: own git worktree)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its own git worktree, reviewed before merging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repository itself (shared)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repositor&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the current branch (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set&amp;up command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. npm ci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs in the fresh worktree before the agent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::LeftoverWorktreesDialog</name>
    <message>
        <source>Looking for worktrees left behind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal %1 of run %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No worktrees are left behind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n worktree(s) whose goals no longer exist.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removing %n worktree(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n worktree(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (branch %2 in %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove unmerged work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These worktrees hold work that was never merged. Removing them deletes it for good:
%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove with the unmerged work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worktrees left behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These git worktrees belong to goals that no longer exist (an earlier run, or a crash). Tick the ones to remove; nothing is removed otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsDialog</name>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds profile &apos;%1&apos; to this session, so New goal can pick it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for model servers on 127.0.0.1 (ports %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No local model server found on 127.0.0.1 ports %1. Start Ollama, llama.cpp&apos;s llama-server, LM Studio or vLLM and search again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These models run on this computer. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard models` prints it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>&amp;Local models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models served on this computer (Ollama, llama.cpp, LM Studio, vLLM)</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other agents wait for this resource; they start when the holder releases it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fencing token: grows with every grant, so a stale holder can be told apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiters</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>No locks held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take “%1” away from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is told it lost the lock. Unless it takes the lock again, its attempt fails; other agents waiting for the resource may start at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not release “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Force release…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected lock away from the agent holding it</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>&amp;Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage failed: dispatch is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A control panel for running many AI agents in parallel: hand them goals, watch them work, step in when they need you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the team&apos;s members	−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the team&apos;s members	+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the unfinished run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading “%1” from the database. New goals can be added once it is on the board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New goal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give one agent a goal (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spawn parallel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawn parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start several agents at once (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a plan file or a template (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan with &amp;AI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let an LLM profile break an objective into goals to check and run (Ctrl+Shift+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past runs and their goals: search, re-run, export (Ctrl+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open, so nothing is recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once the unfinished run is back on the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected agents (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &amp;all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every queued and running agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected interrupted agents again: a new attempt from the beginning (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;all interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every interrupted agent again, each with a new attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume &amp;now (rate limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the rate-limit pause of the selected agents&apos; profiles now: their agents may start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lean up finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove completed, failed, cancelled and blocked agents from the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let queued agents start again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start no new agents; running agents go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y agent id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compact cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller cards showing state, goal and progress, so more agents fit (Ctrl+Shift+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nswer question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected agent&apos;s question in the inbox, ready to answer (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action that has a shortcut (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max parallel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many agents may run at the same time; takes effect at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scratchpad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::MetricTile</name>
    <message>
        <source>Missed target</source>
        <extracomment>Marker on a metric that is worse than its target (a warning)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <extracomment>Marker on a metric past its alert threshold</extracomment>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target below %1, alert above %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target below %1 min, alert above %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target above %1, alert below %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing finished yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>busy %1</source>
        <extracomment>Context of the utilisation tile: total time agents were busy</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs %1 · p95 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing completed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lock requested yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All measured metrics on target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough data for the targets yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The run in the metrics dock: name (id)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 · updated %2</source>
        <extracomment>The metrics dock&apos;s source and time: &quot;Run session (r-3) · updated 14:02:11&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics need the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard is running without its database, so nothing is recorded to measure. Start it with a database it can write to (--db PATH) to see how the agents are doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a goal or a plan: how its agents are doing — progress, success rate, utilisation, cost — shows here while they work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading metrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the run from the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metrics cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents running, waiting for a lock or for an answer, or paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals completed in this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed goals out of completed and failed ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent utilisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time agents spent running, out of the run slots (max parallel) times the run&apos;s wall time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included; below it the average and p95 run time of a successful attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock requests that were refused or had to wait, out of all lock requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What every attempt cost, in total and per goal assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to measure yet (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::NewGoalDialog</name>
    <message>
        <source>Can: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deadline is in the past</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal could not be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What should the agent achieve? (default: the description&apos;s first line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other goals refer to this goal by its ID. Leave empty to have one made up. An ID has at most %1 characters: letters, digits and - _ . : @ +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context, constraints, pointers to files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Success criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How will you know the goal is met? One criterion per entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required &amp;capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With any matching profile, the goal goes to a profile that has all the checked capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends &amp;on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter existing goals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No existing goals yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal starts only after the checked goals have completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;esources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs w&amp;hen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files or other resources it needs exclusively, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spawn agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::PlanGoalsModel</name>
    <message>
        <source>New goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ids of the goals that must finish first, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the goal needs from its agent, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile the goal must run on; empty: any profile with the capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the goal is done: one criterion per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ProfileMetricsModel</name>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage in the metrics table and tiles</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1k</source>
        <extracomment>Thousands, e.g. &quot;12.3k&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1M</source>
        <extracomment>Millions, e.g. &quot;1.2M&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 per goal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip of a table cell with a threshold: &quot;Alert: Escalation rate: 45 % (target &lt; 20 %, ...)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every agent of the run, whatever its profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost/goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals assigned to an agent of this profile (started at least once)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals that failed for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed out of completed and failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts in total (retries and resumes count), and per goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average run time of a successful attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95 % of successful attempts ran at most this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input and output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost of every attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost divided by the goals assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewHub</name>
    <message>
        <source>Review (%1)</source>
        <extracomment>Toolbar button; %1 is the number of goals waiting for review</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) wait for review of their changes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No goal works in a git worktree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up &amp;worktrees…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove git worktrees left behind by goals that no longer exist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewPane</name>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untracked (new, not committed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the changes of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This goal has no worktree to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <extracomment>Review pane, under the title: repository · branch → base branch · worktree folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• %1 (%2, %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Other goals changed the same files. Merging this one first may make theirs conflict:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent left no summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in · %2 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) ahead of %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No commits yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; uncommitted changes in the worktree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; nothing uncommitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this file&apos;s changes; unchecked, the diff folds it to its header line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed · +%1 −%2</source>
        <extracomment>Above the changed files: how many, lines added, lines removed</extracomment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Conflicting files:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not rebased: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Conflicting files (resolve them in the worktree, or ask the agent with Follow-up):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebased.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes of “%1”? The goal is cancelled and this is lost for good:

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up goal %1 started in the same worktree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1 in the file manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a goal that is ready for review to see its changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the goal&apos;s branch into its base branch and complete the goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebase the goal&apos;s branch onto the base branch&apos;s newest commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw the changes away and cancel the goal (asks first when work would be lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the same agent session to do more in the same worktree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open $TERMINAL (or x-terminal-emulator) in the worktree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebase and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the diff (untick to fold the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: A added, M modified, D deleted, R renamed, ? untracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewWindow</name>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal %1 · agent %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review — Switchboard</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Warning: in parallel mode dependencies are ignored. Every goal may start at once (up to the max parallel cap), before the goals it depends on have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: in parallel mode dependencies are ignored; every goal may start at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a template on the left or open a plan file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up to %1 agents at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan has no goals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open plan file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xecution mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By dependencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase by phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All in parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline (hand-offs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal starts as soon as the goals it depends on are done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phase starts only when every goal of the phase before it is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One goal at a time, in plan order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependencies are ignored: everything starts, up to the max parallel cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A goal may start once each goal it depends on has handed its output over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates are built in</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>%1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents that asked a question and wait for your answer; click to open the inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts waiting out their backoff before the next try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new agents start on these profiles until their rate limit resets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting for locks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals that finished in their own worktree and wait for you to merge or discard them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals whose condition was false, and their dependents: they did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents waiting for a resource another agent holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool: %1 busy · %2 free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent slots in use and still free under the current max parallel (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new agents start until you resume dispatch; running agents go on</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Select a note to read all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — written by %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes yet. Agents share what they learn here ({&quot;type&quot;:&quot;note&quot;}); you can add a note below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scratchpad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. api-decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What every agent of this run should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the note (replacing one with the same key); agents read it with read_notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadModel</name>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ShortcutOverviewDialog</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the board: the arrow keys move between cards, Enter opens the selected card.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::ShutdownController</name>
    <message>
        <source>Quit Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) still at work.</source>
        <translation type="unfinished">
            <numerusform>%n agent still at work.</numerusform>
            <numerusform>%n agents still at work.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled agents are recorded: the next time Switchboard starts, they start again as a new attempt and queued goals go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a database nothing of this session is kept: cancelled agents and queued goals are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray to keep Switchboard in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: %n agent(s) still winding down…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n agent(s) still at work…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <message>
        <source>The clipboard holds no text to paste: copy one goal per line first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one goal: type a title or a description in the table or paste one goal per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check at least one profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goals could not be queued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spawn agents in parallel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Different goals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same goal, &amp;several agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One goal per row; all of them start together, or none does if one is invalid. Paste lines (Ctrl+V) to add one goal per line; columns may be separated by tabs: title, priority, profile, description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The goal every agent gets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to this many &amp;agents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to one agent on each checked profile, side by side:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::StartupRestorer</name>
    <message>
        <source>The unfinished run&apos;s own settings no longer load:

%1

It continues with the current configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the run “%1” from the database failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the run “%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unfinished run could not be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Switchboard goes on without it: the board starts empty, and the run stays in the database as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::StorageBanner</name>
    <message>
        <source>Storage failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged: this session is not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard did not open it and changed nothing in it. Agents run, but nothing survives a restart. Recover what can be read (switchboard recover), then restart with the new file (--db).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switchboard cannot write to its database: dispatch is paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agents will not start; agents already running go on. Nothing already recorded is lost. Free some disk space or fix the error below, then restart Switchboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry and type it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::TeamDetailSection</name>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debate transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <extracomment>Debate transcript heading: &quot;Round 2 of 3&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>speaking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No statements yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusion · judge %1</source>
        <extracomment>Debate: the judge&apos;s part, &quot;Conclusion · judge lead&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>judging…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor&apos;s plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synthesis · %1</source>
        <extracomment>Supervisor: one planning call, &quot;Plan 1 of 2 · lead&quot;; the last one writes the synthesis</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1.%2 · %3</source>
        <extracomment>Supervisor: one step of a plan, &quot;Step 1.2 · writer&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no result)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not counted</source>
        <extracomment>Parallel team: a member&apos;s answer that does not count, &quot;writer · Failed · not counted&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::TeamSection</name>
    <message>
        <source>Members: check at least one profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min successful: at most %1, the number of members checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants: check at least two profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge: pick the profile that concludes the debate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner: pick the profile that plans and writes the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers: check at least one profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown profiles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;am</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: one agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel: several agents answer, answers collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor: a planner hands steps to workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debate: rounds of statements, a judge concludes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each checked profile gets the same goal; the team completes when enough of them succeed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planner splits the goal into steps for the workers, sees their results, may plan again, and writes the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every participant speaks each round, seeing all earlier statements; the judge then concludes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They speak in this order, every round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One member per checked profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selective: each step to the worker the planner names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All: every step to every worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequential: steps one after another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times the planner may plan (and see results) before it writes the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max workers per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min successful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least, per iteration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked: every member must succeed (a supervisor: one worker per iteration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the collected answers are written for the goals that depend on this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No profiles configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchboard::TerminalLauncher</name>
    <message>
        <source>No terminal found: set $TERMINAL to your terminal program, or install one that provides x-terminal-emulator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation type="unfinished"></translation>
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
    <message>
        <source>Attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · started %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▴ Show less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed tool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in · %2 out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
