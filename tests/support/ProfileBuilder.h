#pragma once

#include "model/AgentProfile.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace switchboard::test {

// Builds the AgentProfiles tests run goals on, and converts to an AgentProfile wherever one is expected.
// Unlike a configured profile, failures are final (no retries) unless retries() says otherwise.
//     o.setProfiles({ProfileBuilder::demo(u"quick"_s, 300), ProfileBuilder::scripted(u"flaky"_s).retries(2, {0.2})});
class ProfileBuilder final
{
public:
    // backend: AgentProfile's default unless given.
    explicit ProfileBuilder(const QString &name, const QString &backend = QStringLiteral("demo"));
    // The demo backend, running durationMs per attempt.
    static ProfileBuilder demo(const QString &name, int durationMs);
    // The ScriptedBackend ("scripted").
    static ProfileBuilder scripted(const QString &name);

    // maxRetries retries after backoffS (seconds, the last one repeating), without jitter.
    ProfileBuilder &retries(int maxRetries, const QList<double> &backoffS);
    ProfileBuilder &maxConcurrent(int maxConcurrent);
    ProfileBuilder &capabilities(const QStringList &capabilities);
    // process: the program and its arguments.
    ProfileBuilder &command(const QStringList &argv);
    ProfileBuilder &setting(const QString &key, const QVariant &value);
    // demo: the step names it reports while it runs.
    ProfileBuilder &steps(const QStringList &steps);
    // demo: every attempt fails at its end.
    ProfileBuilder &failing();

    const AgentProfile &profile() const { return m_profile; }
    // Implicit on purpose: a builder stands in wherever an AgentProfile is expected.
    operator AgentProfile() const { return m_profile; }

private:
    AgentProfile m_profile;
};

} // namespace switchboard::test
