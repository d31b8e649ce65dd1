#include "RunReporter.h"
#include "llm/Secrets.h"

#include "model/RunSummary.h"
#include "orchestration/Orchestrator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace switchboard {

namespace {
QString bar(int progress, int width)
{
    const int filled = qBound(0, progress, 100) * width / 100;
    return QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
}
} // namespace

RunReporter::RunReporter(Orchestrator *orchestrator, Format format, FILE *out, bool interactive, QObject *parent)
    : QObject(parent)
    , m_orchestrator(orchestrator)
    , m_format(format)
    , m_out(out)
    , m_interactive(interactive && format == Format::Text)
{
    Orchestrator *o = orchestrator;
    connect(o, &Orchestrator::agentSpawned, this, [this](const QString &agent) {
        const auto s = m_orchestrator->status(agent);
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("spawned"), {{u"agent"_s, agent},
                                                  {u"goal"_s, s ? s->goalId : QString()},
                                                  {u"profile"_s, s ? s->profile : QString()}});
    });
    connect(o, &Orchestrator::agentStarted, this, [this](const QString &agent) {
        const auto s = m_orchestrator->status(agent);
        if (!s)
            return;
        if (m_format == Format::Json)
            emitEvent(
                QStringLiteral("started"),
                {{u"agent"_s, agent}, {u"goal"_s, s->goalId}, {u"profile"_s, s->profile}, {u"attempt"_s, s->attempt}});
        else
            printLine(QStringLiteral("  started    %1  %2  (%3, %4)").arg(agent, s->goalId, s->goalTitle, s->profile));
    });
    connect(o, &Orchestrator::agentProgress, this, [this](const QString &agent, int progress, const QString &step) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("progress"),
                      {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}, {u"progress"_s, progress}, {u"step"_s, step}});
    });
    connect(o, &Orchestrator::agentCompleted, this, [this](const QString &agent, const QString &summary) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("completed"),
                      {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}, {u"summary"_s, summary}});
        else
            printLine(QStringLiteral("  completed  %1  %2  %3").arg(agent, goalOf(agent), summary));
    });
    connect(o, &Orchestrator::agentInReview, this, [this, o](const QString &agent) {
        const QString goal = goalOf(agent);
        const std::optional<WorktreeRecord> worktree = o->worktree(goal);
        const QString path = worktree ? worktree->path : QString();
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("review"), {{u"agent"_s, agent}, {u"goal"_s, goal}, {u"worktree"_s, path}});
        else
            printLine(QStringLiteral("  review     %1  %2  %3").arg(agent, goal, path));
    });
    connect(o, &Orchestrator::agentFailed, this, [this](const QString &agent, const QString &error) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("failed"), {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}, {u"error"_s, error}});
        else
            printLine(QStringLiteral("  FAILED     %1  %2  %3").arg(agent, goalOf(agent), error));
    });
    connect(o, &Orchestrator::agentCancelled, this, [this](const QString &agent) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("cancelled"), {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}});
        else
            printLine(QStringLiteral("  cancelled  %1  %2").arg(agent, goalOf(agent)));
    });
    connect(o, &Orchestrator::agentBlocked, this, [this](const QString &agent, const QString &reason) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("blocked"),
                      {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}, {u"reason"_s, reason}});
        else
            printLine(QStringLiteral("  blocked    %1  %2  %3").arg(agent, goalOf(agent), reason));
    });
    connect(o, &Orchestrator::agentSkipped, this, [this](const QString &agent, const QString &reason) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("skipped"),
                      {{u"agent"_s, agent}, {u"goal"_s, goalOf(agent)}, {u"reason"_s, reason}});
        else
            printLine(QStringLiteral("  skipped    %1  %2  %3").arg(agent, goalOf(agent), reason));
    });
    connect(&o->inbox(), &EscalationInbox::escalationRaised, this, [this](const Escalation &e) {
        if (!e.isOpen())
            return;
        QJsonArray options;
        for (const Escalation::Option &option : e.options)
            options.append(option.key);
        if (m_format == Format::Json) {
            emitEvent(QStringLiteral("escalation"), {{u"id"_s, e.id},
                                                     {u"agent"_s, e.agentId},
                                                     {u"goal"_s, e.goalId},
                                                     {u"trigger"_s, escalationTriggerToString(e.trigger)},
                                                     {u"question"_s, e.question},
                                                     {u"context"_s, e.context},
                                                     {u"options"_s, options}});
            return;
        }
        QStringList keys;
        for (const Escalation::Option &option : e.options)
            keys << option.key;
        printLine(QStringLiteral("  QUESTION   %1  %2 (%3) asks: %4%5\n             answer with: %1 %6")
                      .arg(e.id, e.agentId, e.goalId, e.question,
                           e.context.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.context),
                           keys.isEmpty() ? QStringLiteral("<your answer>") : keys.join(u'|')));
    });
    connect(&o->inbox(), &EscalationInbox::escalationAnswered, this, [this](const Escalation &e) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("answered"),
                      {{u"id"_s, e.id}, {u"option"_s, e.answerOption}, {u"text"_s, e.answerText}});
        else
            printLine(QStringLiteral("  answered   %1  %2 %3").arg(e.id, e.answerOption, e.answerText));
    });
    connect(&o->locks(), &LockManager::lockEvent, this, [this](const LockEvent &event) {
        if (m_format == Format::Json) {
            QJsonObject fields = event.toJson();
            fields.remove(u"action"_s);
            fields.insert(u"action"_s, event.toJson().value(u"action"_s));
            emitEvent(QStringLiteral("lock"), fields);
        }
    });
    connect(o, &Orchestrator::agentRetryScheduled, this,
            [this](const QString &agent, int attempt, qint64 delayMs, const QString &error) {
                if (m_format == Format::Json)
                    emitEvent(QStringLiteral("retry"), {{u"agent"_s, agent},
                                                        {u"goal"_s, goalOf(agent)},
                                                        {u"attempt"_s, attempt},
                                                        {u"delay_ms"_s, delayMs},
                                                        {u"error"_s, error}});
                else
                    printLine(QStringLiteral("  retry      %1  %2  attempt %3 in %4 s: %5")
                                  .arg(agent, goalOf(agent))
                                  .arg(attempt)
                                  .arg(double(delayMs) / 1000.0, 0, 'f', 1)
                                  .arg(error));
            });
    // Said once per pause, with the way out: a long pause must not look like a hung run.
    connect(o, &Orchestrator::profileRateLimited, this, [this](const QString &profile, const QDateTime &until) {
        if (m_format == Format::Json)
            emitEvent(QStringLiteral("rate_limited"),
                      {{u"profile"_s, profile}, {u"until"_s, until.toString(Qt::ISODateWithMs)}});
        else
            printLine(QStringLiteral("  paused     profile %1 is rate limited until %2 (stdin 'resume-profile %1' "
                                     "resumes it now)")
                          .arg(profile, until.toLocalTime().time().toString(u"HH:mm:ss")));
    });
    if (m_interactive) {
        m_statusTimer.setInterval(200);
        connect(&m_statusTimer, &QTimer::timeout, this, &RunReporter::redrawStatus);
        m_statusTimer.start();
    }
}

RunReporter::~RunReporter()
{
    clearStatus();
    m_out.flush();
}

QString RunReporter::goalOf(const QString &agentId) const
{
    const auto s = m_orchestrator->status(agentId);
    return s ? s->goalId : QString();
}

void RunReporter::emitEvent(const QString &event, QJsonObject fields)
{
    fields.insert(u"event", event);
    fields.insert(u"t", QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // Teams (issue 16): a member's events name its team; a team's name its pattern.
    if (const QJsonValue agent = fields.value(u"agent"); agent.isString()) {
        if (const std::optional<AgentStatus> s = m_orchestrator->status(agent.toString())) {
            if (!s->memberOf.isEmpty()) {
                fields.insert(u"member_of", s->memberOf);
                fields.insert(u"member", s->memberLabel);
            }
            if (!s->teamKind.isEmpty())
                fields.insert(u"pattern", s->teamKind);
        }
    }
    // API keys are plain tokens, so redacting the serialised line catches them in any field.
    m_out << Secrets::redact(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact))) << '\n';
    m_out.flush();
}

void RunReporter::printLine(const QString &line)
{
    clearStatus();
    m_out << QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")) << Secrets::redact(line) << '\n';
    m_out.flush();
    if (m_interactive)
        redrawStatus();
}

void RunReporter::printNote(const QString &text)
{
    if (m_format == Format::Json)
        emitEvent(QStringLiteral("note"), {{u"text"_s, text}});
    else
        printLine(QStringLiteral("  %1").arg(text));
}

void RunReporter::clearStatus()
{
    if (!m_statusShown)
        return;
    m_out << "\r\x1b[2K";
    m_out.flush();
    m_statusShown = false;
}

void RunReporter::redrawStatus()
{
    const Orchestrator::Progress p = m_orchestrator->progress();
    QString line = QStringLiteral("[%1 running, %2 queued, %3 done, %4 failed] ")
                       .arg(p.inProgress)
                       .arg(p.pending)
                       .arg(p.completed + p.skipped)
                       .arg(p.failed + p.cancelled + p.blocked);
    int shown = 0;
    for (const AgentStatus &s : m_orchestrator->agents()) {
        if (!isActiveState(s.state))
            continue;
        if (shown++ == 4) {
            line += QStringLiteral(" ...");
            break;
        }
        line += QStringLiteral(" %1 [%2] %3%").arg(s.goalId, bar(s.progress, 10)).arg(s.progress);
    }
    if (line.size() > 160)
        line = line.left(157) + QStringLiteral("...");
    m_out << "\r\x1b[2K" << line;
    m_out.flush();
    m_statusShown = true;
}

void RunReporter::printSummary(const RunSummary &summary)
{
    m_statusTimer.stop();
    clearStatus();
    if (m_format == Format::Json) {
        emitEvent(QStringLiteral("summary"), summary.toJson());
        return;
    }
    m_out << '\n' << tr("Summary") << '\n' << summary.toText();
    m_out.flush();
}

} // namespace switchboard
