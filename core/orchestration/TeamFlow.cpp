#include "TeamFlow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace switchboard {

namespace {

using Member = TeamFlow::Member;
using Step = TeamFlow::Step;
using Role = TeamMember::Role;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

bool succeeded(const Member &m)
{
    return m.state == AgentState::Completed;
}

bool ended(const Member &m)
{
    return isFinalState(m.state);
}

// The topic every member starts from: the team goal's own words.
QString topicOf(const Goal &team)
{
    const QString description = team.description.trimmed();
    if (description.isEmpty() || description == team.title.trimmed())
        return team.title.trimmed();
    return team.title.trimmed() + QStringLiteral("\n\n") + description;
}

// A member goal: the team's priority, deadline, locks, retry policy and isolation; its inputs are the team's.
Goal memberGoal(const Goal &team, const QStringList &inputs, const TeamMember &member, const QString &idSuffix,
                const QString &description)
{
    Goal g;
    g.id = team.id + u'.' + idSuffix;
    g.title = team.title + QStringLiteral(" \u2014 ") + member.label();
    g.description = description;
    g.priority = team.priority;
    g.deadline = team.deadline;
    g.dependsOn = inputs;
    g.resources = team.resources;
    g.profile = member.profile;
    g.retry = team.retry;
    g.isolation = team.isolation;
    g.member = member;
    return g;
}

// Slot names for a list of profiles where one may repeat: "optimist", "optimist-2".
QStringList seatNames(const QStringList &profiles)
{
    QStringList names;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const qsizetype seen = std::count(profiles.cbegin(), profiles.cbegin() + i, profiles.at(i));
        names << (seen == 0 ? profiles.at(i) : QStringLiteral("%1-%2").arg(profiles.at(i)).arg(seen + 1));
    }
    return names;
}

const Member *findMember(const QList<Member> &members, const QString &id)
{
    for (const Member &m : members) {
        if (m.goal.id == id)
            return &m;
    }
    return nullptr;
}

int percent(int done, int total)
{
    return total <= 0 ? 0 : qBound(0, done * 100 / total, 99);
}

Step waitStep(const QString &stage, int progress)
{
    Step step;
    step.stage = stage;
    step.progress = progress;
    return step;
}

Step failStep(const QString &error, const QString &stage)
{
    Step step;
    step.action = Step::Action::Fail;
    step.error = error;
    step.stage = stage;
    return step;
}

QString failureOf(const Member &m)
{
    if (m.state == AgentState::Completed)
        return {};
    const QString state = agentStateToString(m.state).toLower();
    return m.error.isEmpty() ? state : state + QStringLiteral(": ") + m.error;
}

// --- parallel ---

Step parallelNext(const Goal &team, const QList<Member> &members, const QStringList &inputs)
{
    const TeamPattern &p = *team.team;
    const QStringList seats = seatNames(p.profiles);
    Step step;
    for (qsizetype i = 0; i < seats.size(); ++i) {
        const QString id = team.id + u'.' + seats.at(i);
        if (findMember(members, id))
            continue;
        TeamMember m;
        m.team = team.id;
        m.role = Role::Member;
        m.profile = p.profiles.at(i);
        m.step = static_cast<int>(i) + 1;
        Goal g = memberGoal(team, inputs, m, seats.at(i), team.description.isEmpty() ? team.title : team.description);
        g.title = team.title;
        g.successCriteria = team.successCriteria;
        step.spawn << g;
    }
    const int total = static_cast<int>(seats.size());
    const int done = static_cast<int>(std::count_if(members.cbegin(), members.cend(), ended));
    step.stage = QStringLiteral("%1 of %2 done").arg(done).arg(total);
    step.progress = percent(done, total);
    if (!step.spawn.isEmpty()) {
        step.action = Step::Action::Spawn;
        return step;
    }
    if (done < members.size())
        return step;

    QJsonArray results;
    QJsonArray failed;
    QStringList markdown;
    QStringList xml{QStringLiteral("<answers>")};
    int successes = 0;
    QStringList failures;
    for (const Member &m : members) {
        const QString profile = m.goal.member->profile;
        const QString state = agentStateToString(m.state);
        results.append(QJsonObject{{QStringLiteral("goal"), m.goal.id},
                                   {QStringLiteral("profile"), profile},
                                   {QStringLiteral("state"), state},
                                   {QStringLiteral("summary"), m.summary}});
        if (succeeded(m)) {
            ++successes;
            markdown << QStringLiteral("## %1\n\n%2").arg(profile, m.summary.trimmed());
            xml << QStringLiteral("  <answer profile=\"%1\" goal=\"%2\">\n%3\n  </answer>")
                       .arg(profile.toHtmlEscaped(), m.goal.id.toHtmlEscaped(), m.summary.trimmed().toHtmlEscaped());
        } else {
            failed.append(m.goal.id);
            failures << QStringLiteral("%1 (%2)").arg(m.goal.id, failureOf(m));
            markdown << QStringLiteral("## %1 (no answer)\n\n_%2_").arg(profile, failureOf(m));
            xml << QStringLiteral("  <answer profile=\"%1\" goal=\"%2\" state=\"%3\"/>")
                       .arg(profile.toHtmlEscaped(), m.goal.id.toHtmlEscaped(), state);
        }
    }
    xml << QStringLiteral("</answers>");
    const int required = qMin(p.requiredSuccesses(), total);
    if (successes < required)
        return failStep(QStringLiteral("only %1 of %2 members succeeded (%3 needed); failed: %4")
                            .arg(successes)
                            .arg(total)
                            .arg(required)
                            .arg(failures.join(QStringLiteral(", "))),
                        step.stage);
    const QString text = p.format == TeamFormat::Xml ? xml.join(u'\n') : markdown.join(QStringLiteral("\n\n"));
    step.action = Step::Action::Complete;
    step.summary = text;
    step.output = compact({{QStringLiteral("pattern"), QStringLiteral("parallel")},
                           {QStringLiteral("results"), results},
                           {QStringLiteral("failed"), failed},
                           {QStringLiteral("text"), text}});
    step.progress = 100;
    return step;
}

// --- debate ---

struct Statement
{
    int round;
    QString profile;
    const Member *member;
};

QString transcriptText(const QList<Statement> &statements)
{
    QStringList parts;
    for (const Statement &s : statements)
        parts << QStringLiteral("### Round %1 \u2014 %2\n%3").arg(s.round).arg(s.profile, s.member->summary.trimmed());
    return parts.join(QStringLiteral("\n\n"));
}

Step debateNext(const Goal &team, const QList<Member> &members, const QStringList &inputs)
{
    const TeamPattern &p = *team.team;
    const QStringList seats = seatNames(p.profiles);
    const int participants = static_cast<int>(seats.size());
    const int totalSlots = p.rounds * participants + 1;
    QList<Statement> statements; // the completed ones of the rounds before, in speaking order
    int done = 0;
    for (int round = 1; round <= p.rounds; ++round) {
        const QString stage = QStringLiteral("round %1 of %2").arg(round).arg(p.rounds);
        Step step;
        QList<const Member *> roundMembers;
        for (int slot = 0; slot < participants; ++slot) {
            const QString suffix = QStringLiteral("r%1.%2").arg(round).arg(seats.at(slot));
            if (const Member *m = findMember(members, team.id + u'.' + suffix)) {
                roundMembers << m;
                continue;
            }
            TeamMember tm;
            tm.team = team.id;
            tm.role = Role::Participant;
            tm.profile = p.profiles.at(slot);
            tm.round = round;
            tm.step = slot + 1;
            QString text =
                topicOf(team) + QStringLiteral("\n\nThis is a debate. You are \"%1\", one of %2 participants (%3). "
                                               "This is round %4 of %5.")
                                    .arg(p.profiles.at(slot))
                                    .arg(participants)
                                    .arg(p.profiles.join(QStringLiteral(", ")))
                                    .arg(round)
                                    .arg(p.rounds);
            if (!statements.isEmpty())
                text += QStringLiteral("\n\nStatements so far, oldest first:\n\n") + transcriptText(statements);
            text += QStringLiteral("\n\nGive your statement for round %1: state your position, answer the strongest "
                                   "points made so far, and be concise.")
                        .arg(round);
            step.spawn << memberGoal(team, inputs, tm, suffix, text);
        }
        for (const Member *m : std::as_const(roundMembers))
            done += ended(*m) ? 1 : 0;
        if (!step.spawn.isEmpty()) {
            step.action = Step::Action::Spawn;
            step.stage = stage;
            step.progress = percent(done, totalSlots);
            return step;
        }
        if (std::any_of(roundMembers.cbegin(), roundMembers.cend(), [](const Member *m) { return !ended(*m); }))
            return waitStep(stage, percent(done, totalSlots));
        QStringList failures;
        int spoke = 0;
        for (const Member *m : std::as_const(roundMembers)) {
            if (succeeded(*m)) {
                statements << Statement{round, m->goal.member->profile, m};
                ++spoke;
            } else {
                failures << QStringLiteral("%1: %2").arg(m->goal.member->profile, failureOf(*m));
            }
        }
        if (spoke == 0)
            return failStep(QStringLiteral("round %1: no participant made a statement (%2)")
                                .arg(round)
                                .arg(failures.join(QStringLiteral("; "))),
                            stage);
    }

    const QString judgeId = team.id + QStringLiteral(".judge");
    const Member *judge = findMember(members, judgeId);
    if (!judge) {
        TeamMember tm;
        tm.team = team.id;
        tm.role = Role::Judge;
        tm.profile = p.judge;
        const QString text =
            topicOf(team) +
            QStringLiteral("\n\nYou are the judge of a debate on this topic between %1 over %2 round(s). The "
                           "transcript, oldest statement first:\n\n%3\n\nWeigh the arguments and give your "
                           "conclusion. End with one line that says `CONSENSUS: yes` if the participants reached "
                           "consensus, or `CONSENSUS: no` if they did not.")
                .arg(p.profiles.join(QStringLiteral(", ")))
                .arg(p.rounds)
                .arg(transcriptText(statements));
        Step step;
        step.action = Step::Action::Spawn;
        step.spawn << memberGoal(team, inputs, tm, QStringLiteral("judge"), text);
        step.stage = QStringLiteral("judge");
        step.progress = percent(done, totalSlots);
        return step;
    }
    if (!ended(*judge))
        return waitStep(QStringLiteral("judge"), percent(done, totalSlots));
    if (!succeeded(*judge))
        return failStep(QStringLiteral("the judge (%1) gave no conclusion: %2").arg(p.judge, failureOf(*judge)),
                        QStringLiteral("judge"));

    const auto [conclusion, consensus] = TeamFlow::verdict(*judge);
    QJsonArray transcript;
    for (const Statement &s : std::as_const(statements))
        transcript.append(QJsonObject{{QStringLiteral("round"), s.round},
                                      {QStringLiteral("profile"), s.profile},
                                      {QStringLiteral("goal"), s.member->goal.id},
                                      {QStringLiteral("statement"), s.member->summary}});
    Step step;
    step.action = Step::Action::Complete;
    step.summary = conclusion;
    step.output = compact({{QStringLiteral("pattern"), QStringLiteral("debate")},
                           {QStringLiteral("conclusion"), conclusion},
                           {QStringLiteral("consensus_reached"), consensus},
                           {QStringLiteral("judge"), judge->goal.id},
                           {QStringLiteral("transcript"), transcript}});
    step.stage = consensus ? QStringLiteral("consensus") : QStringLiteral("no consensus");
    step.progress = 100;
    return step;
}

// --- supervisor ---

struct WorkStep
{
    QString worker;
    QString task;
};

QString workersText(const TeamPattern &p, const QList<AgentProfile> &profiles)
{
    QStringList lines;
    for (const QString &w : p.workers) {
        QString line = QStringLiteral("- ") + w;
        for (const AgentProfile &profile : profiles) {
            if (profile.name == w && !profile.capabilities.isEmpty())
                line += QStringLiteral(" (capabilities: %1)").arg(profile.capabilities.join(QStringLiteral(", ")));
        }
        lines << line;
    }
    return lines.join(u'\n');
}

QString stepResultText(int iteration, int index, const WorkStep &work, const Member *m)
{
    QString text =
        QStringLiteral("### Step %1.%2 \u2014 %3\nTask: %4\n").arg(iteration).arg(index).arg(work.worker, work.task);
    if (!m)
        return text + QStringLiteral("(not run)");
    return text + (succeeded(*m) ? QStringLiteral("Result: ") + m->summary.trimmed()
                                 : QStringLiteral("No result: ") + failureOf(*m));
}

Step supervisorNext(const Goal &team, const QList<Member> &members, const QStringList &inputs,
                    const QList<AgentProfile> &profiles)
{
    const TeamPattern &p = *team.team;
    const int iterations = p.maxIterations;
    QStringList history; // results of the iterations before, for the planner's next prompt
    QJsonArray plan;
    const QString modeText = p.mode == SupervisorMode::All ? QStringLiteral("Every step goes to every worker.")
                             : p.mode == SupervisorMode::Sequential
                                 ? QStringLiteral("The steps run one after another, each seeing the results of the "
                                                  "steps before it.")
                                 : QStringLiteral("Each step goes to the worker you name.");
    const auto plannerGoal = [&](int iteration, bool synthesis) {
        TeamMember tm;
        tm.team = team.id;
        tm.role = Role::Planner;
        tm.profile = p.planner;
        tm.round = iteration;
        tm.synthesis = synthesis;
        QString text = topicOf(team) + QStringLiteral("\n\nYou lead a team as its planner. Your workers:\n") +
                       workersText(p, profiles);
        if (!history.isEmpty())
            text += QStringLiteral("\n\nResults so far:\n\n") + history.join(QStringLiteral("\n\n"));
        if (synthesis) {
            text += QStringLiteral("\n\nAll %1 planning iteration(s) are done. Write the final answer from the "
                                   "results above; do not delegate any more.")
                        .arg(iterations);
        } else {
            tm.workers = p.workers;
            text += QStringLiteral("\n\nThis is planning iteration %1 of at most %2. To hand a step to a worker, "
                                   "use the delegate verb once per step: a line "
                                   "{\"type\":\"delegate\",\"worker\":\"<name>\",\"task\":\"<what to do>\"} "
                                   "(model agents: the delegate tool). %3 Up to %4 steps run at once. They run when "
                                   "you end this turn, and you see their results in the next iteration. If the goal "
                                   "needs no more work from the workers, do not delegate: write the final answer as "
                                   "your result.")
                        .arg(iteration)
                        .arg(iterations)
                        .arg(modeText)
                        .arg(p.maxWorkersPerStep);
        }
        return memberGoal(team, inputs, tm,
                          synthesis ? QStringLiteral("synthesis") : QStringLiteral("plan%1").arg(iteration), text);
    };
    const auto completeWith = [&](const Member &planner) {
        Step step;
        step.action = Step::Action::Complete;
        step.summary = planner.summary;
        step.output = compact({{QStringLiteral("pattern"), QStringLiteral("supervisor")},
                               {QStringLiteral("synthesis"), planner.summary},
                               {QStringLiteral("planner"), planner.goal.id},
                               {QStringLiteral("iterations"), plan}});
        step.stage = QStringLiteral("done");
        step.progress = 100;
        return step;
    };

    for (int iteration = 1; iteration <= iterations; ++iteration) {
        const QString planStage = QStringLiteral("plan %1 of %2").arg(iteration).arg(iterations);
        const int baseProgress = percent(iteration - 1, iterations + 1);
        const Member *planner = findMember(members, team.id + QStringLiteral(".plan%1").arg(iteration));
        if (!planner) {
            Step step;
            step.action = Step::Action::Spawn;
            step.spawn << plannerGoal(iteration, false);
            step.stage = planStage;
            step.progress = baseProgress;
            return step;
        }
        if (!ended(*planner))
            return waitStep(planStage, baseProgress);
        if (!succeeded(*planner))
            return failStep(QStringLiteral("the planner (%1) failed in iteration %2: %3")
                                .arg(p.planner)
                                .arg(iteration)
                                .arg(failureOf(*planner)),
                            planStage);

        QList<WorkStep> work;
        QStringList ignored;
        for (const auto &[worker, task] : TeamFlow::delegations(*planner)) {
            if (p.mode == SupervisorMode::All) {
                for (const QString &w : p.workers)
                    work << WorkStep{w, task};
            } else if (p.workers.contains(worker)) {
                work << WorkStep{worker, task};
            } else {
                ignored << worker;
            }
        }
        if (work.isEmpty()) // the planner answered itself: that is the synthesis
            return completeWith(*planner);

        const int limit = p.mode == SupervisorMode::Sequential ? 1 : qMax(1, p.maxWorkersPerStep);
        Step step;
        int running = 0;
        int done = 0;
        QStringList earlier; // sequential: results of the steps before
        QJsonArray steps;
        bool blockedBehind = false;
        for (qsizetype i = 0; i < work.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            const QString suffix = QStringLiteral("s%1.%2.%3").arg(iteration).arg(index).arg(work.at(i).worker);
            const Member *m = findMember(members, team.id + u'.' + suffix);
            if (m) {
                running += ended(*m) ? 0 : 1;
                done += ended(*m) ? 1 : 0;
            } else if (!blockedBehind && running + step.spawn.size() < limit &&
                       (p.mode != SupervisorMode::Sequential || done == index - 1)) {
                TeamMember tm;
                tm.team = team.id;
                tm.role = Role::Worker;
                tm.profile = work.at(i).worker;
                tm.worker = work.at(i).worker;
                tm.task = work.at(i).task;
                tm.round = iteration;
                tm.step = index;
                QString text =
                    QStringLiteral("You are \"%1\", a worker in a team led by \"%2\". The team's goal:\n\n")
                        .arg(tm.worker, p.planner) +
                    topicOf(team) +
                    QStringLiteral("\n\nYour step (iteration %1, step %2): %3").arg(iteration).arg(index).arg(tm.task);
                if (!earlier.isEmpty())
                    text += QStringLiteral("\n\nResults of the steps before yours:\n\n") +
                            earlier.join(QStringLiteral("\n\n"));
                text += QStringLiteral("\n\nDo this step and give its result.");
                step.spawn << memberGoal(team, inputs, tm, suffix, text);
            } else {
                blockedBehind = blockedBehind || p.mode == SupervisorMode::Sequential;
            }
            earlier << stepResultText(iteration, index, work.at(i), m);
            steps.append(QJsonObject{{QStringLiteral("worker"), work.at(i).worker},
                                     {QStringLiteral("task"), work.at(i).task},
                                     {QStringLiteral("goal"), QString(team.id + u'.' + suffix)},
                                     {QStringLiteral("state"), m ? agentStateToString(m->state) : QString()},
                                     {QStringLiteral("result"), m && succeeded(*m) ? m->summary : QString()}});
        }
        const int total = static_cast<int>(work.size());
        const QString workStage = QStringLiteral("step %1: %2 of %3 done").arg(iteration).arg(done).arg(total);
        const int progress = baseProgress + percent(done, total) / (iterations + 1);
        if (!step.spawn.isEmpty()) {
            step.action = Step::Action::Spawn;
            step.stage = workStage;
            step.progress = progress;
            return step;
        }
        if (done < total)
            return waitStep(workStage, progress);
        int successes = 0;
        for (qsizetype i = 0; i < work.size(); ++i) {
            const Member *m = findMember(
                members, team.id + QStringLiteral(".s%1.%2.%3").arg(iteration).arg(i + 1).arg(work.at(i).worker));
            successes += m && succeeded(*m) ? 1 : 0;
        }
        const int required = qMin(p.requiredSuccesses(), total);
        if (successes < required)
            return failStep(QStringLiteral("iteration %1: only %2 of %3 steps succeeded (%4 needed)")
                                .arg(iteration)
                                .arg(successes)
                                .arg(total)
                                .arg(required),
                            workStage);
        QJsonObject entry{{QStringLiteral("iteration"), iteration},
                          {QStringLiteral("plan"), planner->summary},
                          {QStringLiteral("planner"), planner->goal.id},
                          {QStringLiteral("steps"), steps}};
        if (!ignored.isEmpty())
            entry.insert(u"ignored_workers", QJsonArray::fromStringList(ignored));
        plan.append(entry);
        history << QStringLiteral("## Iteration %1\nYour plan: %2\n\n").arg(iteration).arg(planner->summary.trimmed()) +
                       earlier.join(QStringLiteral("\n\n"));
    }

    const Member *synthesis = findMember(members, team.id + QStringLiteral(".synthesis"));
    if (!synthesis) {
        Step step;
        step.action = Step::Action::Spawn;
        step.spawn << plannerGoal(iterations + 1, true);
        step.stage = QStringLiteral("synthesis");
        step.progress = percent(iterations, iterations + 1);
        return step;
    }
    if (!ended(*synthesis))
        return waitStep(QStringLiteral("synthesis"), percent(iterations, iterations + 1));
    if (!succeeded(*synthesis))
        return failStep(QStringLiteral("the planner (%1) wrote no synthesis: %2").arg(p.planner, failureOf(*synthesis)),
                        QStringLiteral("synthesis"));
    return completeWith(*synthesis);
}

} // namespace

TeamFlow::Step TeamFlow::next(const Goal &team, const QList<Member> &members, const QStringList &inputs,
                              const QList<AgentProfile> &profiles)
{
    if (!team.team)
        return failStep(QStringLiteral("'%1' is not a team goal").arg(team.id), {});
    switch (team.team->kind) {
    case TeamKind::Parallel:
        return parallelNext(team, members, inputs);
    case TeamKind::Debate:
        return debateNext(team, members, inputs);
    case TeamKind::Supervisor:
        return supervisorNext(team, members, inputs, profiles);
    }
    return {};
}

QList<std::pair<QString, QString>> TeamFlow::delegations(const Member &planner)
{
    QList<std::pair<QString, QString>> out;
    const QJsonObject output = QJsonDocument::fromJson(planner.output.toUtf8()).object();
    for (const QJsonValue &v : output.value(u"delegations").toArray()) {
        const QJsonObject d = v.toObject();
        out.append({d.value(u"worker").toString(), d.value(u"task").toString()});
    }
    if (!out.isEmpty())
        return out;
    for (QStringView line : QStringView(planner.summary).split(u'\n')) {
        line = line.trimmed();
        if (!line.startsWith(u'{'))
            continue;
        const QJsonObject d = QJsonDocument::fromJson(line.toUtf8()).object();
        if (d.value(u"type").toString() == u"delegate" && !d.value(u"task").toString().trimmed().isEmpty())
            out.append({d.value(u"worker").toString().trimmed(), d.value(u"task").toString().trimmed()});
    }
    return out;
}

QString TeamFlow::plannerOutput(const QList<std::pair<QString, QString>> &delegations, const QString &ownOutput)
{
    QJsonArray list;
    for (const auto &[worker, task] : delegations)
        list.append(QJsonObject{{QStringLiteral("worker"), worker}, {QStringLiteral("task"), task}});
    QJsonObject o{{QStringLiteral("delegations"), list}};
    if (!ownOutput.isEmpty())
        o.insert(u"output", ownOutput);
    return compact(o);
}

std::pair<QString, bool> TeamFlow::verdict(const Member &judge)
{
    static const QRegularExpression line(QStringLiteral("^[\\s*_`>#-]*consensus[\\s*_`]*:[\\s*_`]*(yes|no|true|false)"
                                                        "\\b.*$"),
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::MultilineOption);
    QString text = judge.summary;
    bool consensus = false;
    bool found = false;
    QRegularExpressionMatchIterator it = line.globalMatch(text);
    QRegularExpressionMatch last;
    while (it.hasNext())
        last = it.next();
    if (last.hasMatch()) {
        const QString word = last.captured(1).toLower();
        consensus = word == u"yes" || word == u"true";
        found = true;
        text.remove(last.capturedStart(), last.capturedLength());
    }
    const QJsonObject output = QJsonDocument::fromJson(judge.output.toUtf8()).object();
    if (!found && output.value(u"consensus_reached").isBool())
        consensus = output.value(u"consensus_reached").toBool();
    return {text.trimmed(), consensus};
}

} // namespace switchboard
