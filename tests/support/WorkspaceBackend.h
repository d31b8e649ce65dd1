#pragma once

#include "agents/AgentBackend.h"
#include "agents/BackendRegistry.h"

namespace switchboard::test {

// A backend that changes files in its attempt's workspace as its goal's description says, one command per line,
// so worktree tests can see what each agent saw and wrote (profiles: WorkspaceBackend::profile()).
//   write PATH TEXT      writes TEXT and a newline to PATH (relative to the workspace)
//   append PATH TEXT     appends TEXT and a newline
//   read PATH            adds "PATH=<content>" (or "PATH=missing") to the summary
//   commit MESSAGE       git add --all and commit in the workspace
//   touch ABS            creates the file ABS (outside the workspace: a signal to another agent)
//   wait-file ABS        waits (cancellable) until ABS exists
//   session ID           records the agent program's session ID (AgentContext::recordAgentSession)
//   resumed              adds "resume=<resumeSessionId()>" to the summary
//   workspace            adds "workspace=<the workspace>" to the summary
//   fail-first ERROR     fails attempt 1 with ERROR (retryable error kind "exit")
// The summary is the "; "-joined notes, or "done".
class WorkspaceBackend final : public AgentBackend
{
    Q_DISABLE_COPY_MOVE(WorkspaceBackend)

public:
    WorkspaceBackend() = default;
    AgentResult run(AgentContext &context) override;

    // The built-in backends and this one, as "workspace".
    static BackendRegistry registry();
    // A "workspace" profile named name.
    static AgentProfile profile(const QString &name, int maxRetries = 0);
};

} // namespace switchboard::test
