#include "style/AgentStateStyle.h"

#include "model/ErrorKind.h"
#include "style/ThemedIcons.h"

#include <array>

namespace switchboard {

namespace {
struct StateColors
{
    QRgb lightForeground;
    QRgb lightAccent;
    QRgb darkForeground;
    QRgb darkAccent;
};

// One hue per state; darker shades on light palettes, lighter ones on dark palettes (WCAG AA for text).
constexpr std::array<StateColors, 12> kColors{{
    {0xff475569, 0xff64748b, 0xffcbd5e1, 0xff94a3b8}, // Queued: slate
    {0xff9a3412, 0xffea580c, 0xfffdba74, 0xfffb923c}, // Blocked: orange (text orange-800: 4.5:1 on its badge)
    {0xff1d4ed8, 0xff2563eb, 0xff93c5fd, 0xff60a5fa}, // Running: blue
    {0xff6d28d9, 0xff7c3aed, 0xffc4b5fd, 0xffa78bfa}, // WaitingForLock: violet
    {0xff92400e, 0xffd97706, 0xfffcd34d, 0xfffbbf24}, // Escalated: amber (text amber-800: 4.5:1 on its badge)
    {0xff0e7490, 0xff0891b2, 0xff67e8f9, 0xff22d3ee}, // Paused: cyan
    {0xffbe185d, 0xffdb2777, 0xfff9a8d4, 0xfff472b6}, // Interrupted: pink
    {0xff0f766e, 0xff0d9488, 0xff5eead4, 0xff2dd4bf}, // Review: teal
    {0xff166534, 0xff16a34a, 0xff86efac, 0xff4ade80}, // Completed: green (text green-800: 4.5:1 on its badge)
    {0xffb91c1c, 0xffdc2626, 0xfffca5a5, 0xfff87171}, // Failed: red
    {0xff57534e, 0xff78716c, 0xffd6d3d1, 0xffa8a29e}, // Cancelled: stone
    // Neutral like Cancelled (a false condition is no failure) but a cooler grey; its icon and word tell them apart.
    {0xff52525b, 0xff71717a, 0xffd4d4d8, 0xffa1a1aa}, // Skipped: zinc
}};

const StateColors &colorsFor(AgentState state)
{
    const auto index = static_cast<std::size_t>(state);
    return kColors[index < kColors.size() ? index : 0];
}
} // namespace

QString AgentStateStyle::label(AgentState state)
{
    switch (state) {
    case AgentState::Queued:
        return tr("Queued");
    case AgentState::Blocked:
        return tr("Blocked");
    case AgentState::Running:
        return tr("Running");
    case AgentState::WaitingForLock:
        return tr("Waiting for lock");
    case AgentState::Escalated:
        return tr("Needs input");
    case AgentState::Paused:
        return tr("Paused");
    case AgentState::Interrupted:
        return tr("Interrupted");
    case AgentState::Review:
        return tr("Ready for review");
    case AgentState::Completed:
        return tr("Completed");
    case AgentState::Failed:
        return tr("Failed");
    case AgentState::Cancelled:
        return tr("Cancelled");
    case AgentState::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString AgentStateStyle::description(AgentState state)
{
    switch (state) {
    case AgentState::Queued:
        return tr("Waiting for its dependencies or a free slot");
    case AgentState::Blocked:
        return tr("A goal it depends on failed or was cancelled; it will not run on its own");
    case AgentState::Running:
        return tr("Working on its goal");
    case AgentState::WaitingForLock:
        return tr("Waiting for a resource another agent holds");
    case AgentState::Escalated:
        return tr("Asked a question and waits for your answer");
    case AgentState::Paused:
        return tr("Paused");
    case AgentState::Interrupted:
        return tr("Was running when Switchboard stopped; resume it to start a new attempt");
    case AgentState::Review:
        return tr("Finished in its own worktree; review the changes, then merge or discard them");
    case AgentState::Completed:
        return tr("Finished its goal");
    case AgentState::Failed:
        return tr("Stopped with an error");
    case AgentState::Cancelled:
        return tr("Cancelled before it finished");
    case AgentState::Skipped:
        return tr("Its condition was false (or a goal it depends on was skipped); it did not run");
    }
    return {};
}

QString AgentStateStyle::iconName(AgentState state)
{
    switch (state) {
    case AgentState::Queued:
        return QStringLiteral("state-queued");
    case AgentState::Blocked:
        return QStringLiteral("state-blocked");
    case AgentState::Running:
        return QStringLiteral("state-running");
    case AgentState::WaitingForLock:
        return QStringLiteral("state-waiting-lock");
    case AgentState::Escalated:
        return QStringLiteral("state-escalated");
    case AgentState::Paused:
        return QStringLiteral("state-paused");
    case AgentState::Interrupted:
        return QStringLiteral("state-interrupted");
    case AgentState::Review:
        return QStringLiteral("state-review");
    case AgentState::Completed:
        return QStringLiteral("state-completed");
    case AgentState::Failed:
        return QStringLiteral("state-failed");
    case AgentState::Cancelled:
        return QStringLiteral("state-cancelled");
    case AgentState::Skipped:
        return QStringLiteral("state-skipped");
    }
    return QStringLiteral("state-queued");
}

QIcon AgentStateStyle::icon(AgentState state, const QPalette &palette)
{
    return ThemedIcons::icon(iconName(state), foreground(state, palette));
}

bool AgentStateStyle::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor AgentStateStyle::foreground(AgentState state, const QPalette &palette)
{
    const StateColors &colors = colorsFor(state);
    return QColor::fromRgba(isDarkPalette(palette) ? colors.darkForeground : colors.lightForeground);
}

QColor AgentStateStyle::accent(AgentState state, const QPalette &palette)
{
    const StateColors &colors = colorsFor(state);
    return QColor::fromRgba(isDarkPalette(palette) ? colors.darkAccent : colors.lightAccent);
}

QColor AgentStateStyle::badgeBackground(AgentState state, const QPalette &palette)
{
    QColor color = accent(state, palette);
    color.setAlphaF(isDarkPalette(palette) ? 0.20F : 0.12F);
    return color;
}

bool AgentStateStyle::isCancellable(AgentState state)
{
    // A goal in review has finished its work: it ends by a merge or a discard in the review window, not a cancel.
    return !isFinalState(state) && state != AgentState::Blocked && state != AgentState::Review;
}

QString AgentStateStyle::priorityLabel(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Medium:
        return tr("Medium");
    case Priority::High:
        return tr("High");
    case Priority::Critical:
        return tr("Critical");
    }
    return {};
}

QString AgentStateStyle::errorKindLabel(const QString &kind)
{
    // Kinds an agent makes up have no label: the detail pane shows their name as it is.
    if (kind == u"lock_denied")
        return tr("lock denied");
    if (kind == u"rate_limit")
        return tr("rate limited");
    const std::optional<ErrorKind> known = errorKindFromName(kind);
    if (!known)
        return {};
    switch (*known) {
    case ErrorKind::Timeout:
        return tr("timed out");
    case ErrorKind::IdleTimeout:
        return tr("hung (no output)");
    case ErrorKind::Deadline:
        return tr("deadline passed");
    case ErrorKind::Budget:
        return tr("over budget");
    case ErrorKind::Loop:
        return tr("loop detected");
    case ErrorKind::NoImprovement:
        return tr("no improvement");
    case ErrorKind::LockLost:
        return tr("lock lost");
    case ErrorKind::Crash:
        return tr("crashed");
    case ErrorKind::EscalationTimeout:
        return tr("question unanswered");
    case ErrorKind::RateLimited:
        return tr("rate limited");
    case ErrorKind::Exit:
    case ErrorKind::Spawn:
    case ErrorKind::Invalid:
    case ErrorKind::Internal:
    case ErrorKind::Workspace:
        return {};
    }
    return {};
}

} // namespace switchboard
