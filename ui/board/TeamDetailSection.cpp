#include "board/TeamDetailSection.h"

#include "board/AgentBoardModel.h"
#include "orchestration/Orchestrator.h"
#include "style/AgentStateStyle.h"
#include "style/TeamStyle.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace switchboard {

namespace {
// A statement or an answer longer than this is cut in the pane (the member's own card has all of it).
constexpr qsizetype kMaxText = 4000;

QString html(const QString &text)
{
    QString shown = text.trimmed();
    if (shown.size() > kMaxText)
        shown = shown.left(kMaxText) + QStringLiteral("…");
    return shown.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}
} // namespace

TeamDetailSection::TeamDetailSection(Orchestrator *orchestrator, AgentBoardModel *board, QWidget *parent)
    : QWidget(parent)
    , m_orchestrator(orchestrator)
    , m_board(board)
    , m_heading(new QLabel(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("teamDetailSection"));
    m_heading->setObjectName(QStringLiteral("teamDetailHeading"));
    m_body->setObjectName(QStringLiteral("teamDetailBody"));
    QFont font = m_heading->font();
    font.setWeight(QFont::DemiBold);
    m_heading->setFont(font);
    m_heading->setContentsMargins(0, 8, 0, 2);
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(m_heading);
    column->addWidget(m_body);
    hide();
}

void TeamDetailSection::setTeam(const QString &teamGoalId)
{
    m_team = teamGoalId;
    refresh();
}

bool TeamDetailSection::concerns(const QStringList &agentIds) const
{
    if (m_team.isEmpty() || !m_board)
        return false;
    for (const QString &agentId : agentIds) {
        const int row = m_board->rowForAgent(agentId);
        if (row < 0)
            continue;
        const AgentStatus &status = m_board->statusAt(row);
        if (status.goalId == m_team || status.memberOf == m_team)
            return true;
    }
    return false;
}

QString TeamDetailSection::plainText() const
{
    return isHidden() ? QString() : m_heading->text() + QLatin1Char('\n') + m_plain;
}

QString TeamDetailSection::stateWord(const Entry &entry) const
{
    const auto state = static_cast<AgentState>(entry.state);
    return AgentStateStyle::label(state);
}

void TeamDetailSection::refresh()
{
    const std::optional<Goal> goal = m_orchestrator && !m_team.isEmpty() ? m_orchestrator->goal(m_team) : std::nullopt;
    if (!goal || !goal->team) {
        m_plain.clear();
        hide();
        return;
    }
    const TeamPattern &pattern = *goal->team;

    QList<Entry> entries;
    quint64 order = 0;
    // The orchestrator's list, not the board's: members cleaned off the board still belong to the debate.
    for (const QString &memberGoalId : m_orchestrator->teamMembers(m_team)) {
        const QString agentId = m_orchestrator->agentForGoal(memberGoalId);
        const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
        if (!status)
            continue;
        Entry entry;
        entry.order = order++;
        entry.agentId = agentId;
        entry.state = static_cast<int>(status->state);
        entry.label = status->memberLabel;
        entry.profile = status->profile;
        const std::optional<Goal> memberGoal = m_orchestrator->goal(status->goalId);
        if (memberGoal && memberGoal->member) {
            const TeamMember &member = *memberGoal->member;
            entry.round = member.round;
            entry.step = member.step;
            entry.role = static_cast<int>(member.role);
            entry.synthesis = member.synthesis;
            entry.worker = member.worker;
            entry.task = member.task;
            if (!member.profile.isEmpty())
                entry.profile = member.profile;
        }
        switch (status->state) {
        case AgentState::Failed:
        case AgentState::Blocked:
            entry.text = status->error.isEmpty() ? status->summary : status->error;
            break;
        default:
            entry.text = status->summary;
            break;
        }
        entries << entry;
    }

    const QPalette &pal = palette();
    const QString secondary = pal.color(QPalette::PlaceholderText).name();
    const auto stateSpan = [&pal](const Entry &entry) {
        const auto state = static_cast<AgentState>(entry.state);
        return QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(AgentStateStyle::foreground(state, pal).name(), AgentStateStyle::label(state).toHtmlEscaped());
    };
    const auto textBlock = [&secondary](const Entry &entry, const QString &waiting) {
        const auto state = static_cast<AgentState>(entry.state);
        if (!entry.text.trimmed().isEmpty())
            return QStringLiteral("<div style=\"margin-left:14px; margin-bottom:6px\">%1</div>").arg(html(entry.text));
        return QStringLiteral("<div style=\"margin-left:14px; margin-bottom:6px; color:%1\"><i>%2</i></div>")
            .arg(secondary, (isFinalState(state) ? tr("(no text)") : waiting).toHtmlEscaped());
    };
    const auto byRole = [&entries](TeamMember::Role role) {
        QList<Entry> found;
        for (const Entry &entry : entries) {
            if (entry.role == static_cast<int>(role))
                found << entry;
        }
        return found;
    };

    QString body;
    QStringList plain;
    const QString dot = QStringLiteral(" · ");
    switch (pattern.kind) {
    case TeamKind::Debate: {
        m_heading->setText(tr("Debate transcript"));
        QList<Entry> statements = byRole(TeamMember::Role::Participant);
        std::stable_sort(statements.begin(), statements.end(), [](const Entry &a, const Entry &b) {
            if (a.round != b.round)
                return a.round < b.round;
            if (a.step != b.step)
                return a.step < b.step;
            return a.order < b.order;
        });
        int round = -1;
        for (const Entry &entry : std::as_const(statements)) {
            if (entry.round != round) {
                round = entry.round;
                //: Debate transcript heading: "Round 2 of 3"
                const QString heading = tr("Round %1 of %2").arg(round).arg(pattern.rounds);
                body += QStringLiteral("<p style=\"margin-top:8px; margin-bottom:2px\"><b>%1</b></p>")
                            .arg(heading.toHtmlEscaped());
                plain << heading;
            }
            body += QStringLiteral("<p style=\"margin:0\">%1%2%3</p>")
                        .arg(entry.profile.toHtmlEscaped(), dot, stateSpan(entry));
            body += textBlock(entry, tr("speaking…"));
            plain << QStringLiteral("  ") + entry.profile + dot + stateWord(entry) + QStringLiteral(": ") +
                         entry.text.simplified();
        }
        if (statements.isEmpty()) {
            body += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>")
                        .arg(secondary, tr("No statements yet.").toHtmlEscaped());
            plain << tr("No statements yet.");
        }
        for (const Entry &entry : byRole(TeamMember::Role::Judge)) {
            //: Debate: the judge's part, "Conclusion · judge lead"
            const QString heading = tr("Conclusion · judge %1").arg(entry.profile);
            body += QStringLiteral("<p style=\"margin-top:10px; margin-bottom:2px\"><b>%1</b>%2%3</p>")
                        .arg(heading.toHtmlEscaped(), dot, stateSpan(entry));
            body += textBlock(entry, tr("judging…"));
            plain << heading + dot + stateWord(entry) + QStringLiteral(": ") + entry.text.simplified();
        }
        break;
    }
    case TeamKind::Supervisor: {
        m_heading->setText(tr("Supervisor's plan"));
        QList<Entry> planners = byRole(TeamMember::Role::Planner);
        const QList<Entry> workers = byRole(TeamMember::Role::Worker);
        std::stable_sort(planners.begin(), planners.end(), [](const Entry &a, const Entry &b) {
            if (a.synthesis != b.synthesis)
                return !a.synthesis;
            return a.round != b.round ? a.round < b.round : a.order < b.order;
        });
        for (const Entry &planner : std::as_const(planners)) {
            //: Supervisor: one planning call, "Plan 1 of 2 · lead"; the last one writes the synthesis
            const QString heading =
                planner.synthesis
                    ? tr("Synthesis · %1").arg(planner.profile)
                    : tr("Plan %1 of %2 · %3").arg(planner.round).arg(pattern.maxIterations).arg(planner.profile);
            body += QStringLiteral("<p style=\"margin-top:8px; margin-bottom:2px\"><b>%1</b>%2%3</p>")
                        .arg(heading.toHtmlEscaped(), dot, stateSpan(planner));
            body += textBlock(planner, tr("planning…"));
            plain << heading + dot + stateWord(planner) + QStringLiteral(": ") + planner.text.simplified();
            if (planner.synthesis)
                continue;
            QList<Entry> steps;
            for (const Entry &worker : workers) {
                if (worker.round == planner.round)
                    steps << worker;
            }
            std::stable_sort(steps.begin(), steps.end(), [](const Entry &a, const Entry &b) {
                return a.step != b.step ? a.step < b.step : a.order < b.order;
            });
            for (const Entry &step : std::as_const(steps)) {
                const QString worker = step.worker.isEmpty() ? step.profile : step.worker;
                //: Supervisor: one step of a plan, "Step 1.2 · writer"
                const QString stepHeading = tr("Step %1.%2 · %3").arg(step.round).arg(step.step).arg(worker);
                body += QStringLiteral("<p style=\"margin:4px 0 0 14px\">%1%2%3</p>")
                            .arg(stepHeading.toHtmlEscaped(), dot, stateSpan(step));
                if (!step.task.isEmpty()) {
                    body += QStringLiteral("<div style=\"margin-left:28px; color:%1\">%2</div>")
                                .arg(secondary, tr("Task: %1").arg(html(step.task)));
                }
                const auto state = static_cast<AgentState>(step.state);
                body +=
                    QStringLiteral("<div style=\"margin-left:28px\">%1</div>")
                        .arg(step.text.trimmed().isEmpty()
                                 ? QStringLiteral("<i style=\"color:%1\">%2</i>")
                                       .arg(secondary,
                                            (isFinalState(state) ? tr("(no result)") : tr("working…")).toHtmlEscaped())
                                 : html(step.text));
                plain << QStringLiteral("  ") + stepHeading + dot + stateWord(step) + QStringLiteral(" — ") +
                             step.task + QStringLiteral(": ") + step.text.simplified();
            }
        }
        if (planners.isEmpty()) {
            body += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>")
                        .arg(secondary, tr("No plan yet.").toHtmlEscaped());
            plain << tr("No plan yet.");
        }
        break;
    }
    case TeamKind::Parallel: {
        m_heading->setText(tr("Answers"));
        for (const Entry &entry : std::as_const(entries)) {
            const auto state = static_cast<AgentState>(entry.state);
            const bool failed = TeamStyle::isUnsuccessful(state);
            //: Parallel team: a member's answer that does not count, "writer · Failed · not counted"
            const QString marker = failed ? dot + tr("not counted") : QString();
            body += QStringLiteral("<p style=\"margin-top:8px; margin-bottom:2px\"><b>%1</b>%2%3%4</p>")
                        .arg(entry.profile.toHtmlEscaped(), dot, stateSpan(entry), marker.toHtmlEscaped());
            if (failed && !entry.text.trimmed().isEmpty()) {
                body += QStringLiteral("<div style=\"margin-left:14px; color:%1\">%2</div>")
                            .arg(AgentStateStyle::foreground(state, pal).name(), html(entry.text));
            } else {
                body += textBlock(entry, tr("answering…"));
            }
            plain << entry.profile + dot + stateWord(entry) + marker + QStringLiteral(": ") + entry.text.simplified();
        }
        if (entries.isEmpty()) {
            body += QStringLiteral("<p style=\"color:%1\"><i>%2</i></p>")
                        .arg(secondary, tr("No answers yet.").toHtmlEscaped());
            plain << tr("No answers yet.");
        }
        break;
    }
    }
    m_body->setText(body);
    m_plain = plain.join(QLatin1Char('\n'));
    show();
}

void TeamDetailSection::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace switchboard
