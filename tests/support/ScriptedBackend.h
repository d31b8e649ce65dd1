#pragma once

#include "agents/AgentBackend.h"
#include "agents/BackendRegistry.h"

namespace switchboard::test {

class AgentJournal;

// A backend that plays the script in its goal's description, one command per line, so a test says what each
// agent does next to the goal (profiles: ProfileBuilder::scripted()). Words are split on single spaces.
//   log TEXT                  a log line
//   progress N [STEP]         N % done (at STEP)
//   usage IN OUT COST         adds tokens in and out and a cost in USD to the attempt
//   sleep MS                  a cancellable sleep
//   hang                      sleeps until cancelled
//   heartbeat MS              a heartbeat every 100 ms for MS
//   iterate OUTPUT            records an iteration's output (loop detection)
//   score X                   records a quality score
//   ratelimit S               reports a rate limit for S seconds (any number: 1e12, -5)
//   handoff DATA              hands DATA on to the dependents (pipeline mode)
//   lock RESOURCE [MS]        takes the lock, waiting up to MS (default: until granted), and logs
//                             "locked RESOURCE token N"; fails with "lock denied: ..." when refused
//   ask TRIGGER QUESTION      asks QUESTION (trigger by name, context "The goal does not say.", options pg
//                             "PostgreSQL" and sqlite "SQLite") and waits for the answer; the summary becomes
//                             "chose OPTION TEXT"; fails with the reason when the question ends unanswered
//   ask-free TRIGGER QUESTION the same, answered in free text
//   spam N                    N log lines "line 0" .. "line N-1"
//   say KIND TEXT             a transcript step: KIND system, user, assistant or error ("\n" in the TEXT of
//                             say, reply, tool-result and tool-error is a line break)
//   reply IN OUT COST TEXT    an assistant step with the usage of the call that produced it
//   tool ID NAME ARGS         a tool call with id ID and its arguments (JSON text, the rest of the line)
//   tool-result ID TEXT       the result of tool call ID; tool-error ID TEXT: it failed with TEXT
//   big-result ID BYTES       a result of BYTES bytes: "<" then "x"s then ">", so a cut shows where it fell
//   steps N                   N assistant steps "step 0" .. "step N-1"
//   summary TEXT              the summary to complete with
//   fail ERROR                fails with ERROR
//   fail-first ERROR          fails with ERROR on attempt 1
//   fail-until N [KIND]       fails attempts before N with "attempt K failed" (exit code 1, error kind KIND,
//                             default "exit")
// The first failure ends the script; a cancel ends it after the current command. A script that runs through
// completes with its summary: "done: <goal title>" unless ask or summary set another.
class ScriptedBackend final : public AgentBackend
{
    Q_DISABLE_COPY_MOVE(ScriptedBackend)

public:
    // journal, when given, records every attempt's start, inputs and end (it must outlive the runs).
    explicit ScriptedBackend(AgentJournal *journal = nullptr);

    AgentResult run(AgentContext &context) override;

    // The built-in backends and this one, as "scripted".
    static BackendRegistry registry(AgentJournal *journal = nullptr);

private:
    AgentJournal *m_journal;
};

} // namespace switchboard::test
