#pragma once

#include "model/AgentState.h"
#include "model/Priority.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QPalette>
#include <QString>

namespace switchboard {

// How each agent state looks and reads: a translated label, an icon and a colour that stays readable on
// light and dark palettes. A state is never told by colour alone: the icon and the text always go with it.
class AgentStateStyle final
{
    Q_DECLARE_TR_FUNCTIONS(AgentStateStyle)

public:
    AgentStateStyle() = delete;

    static QString label(AgentState state);
    // One sentence for tooltips and the detail pane.
    static QString description(AgentState state);
    static QString iconName(AgentState state);
    static QIcon icon(AgentState state, const QPalette &palette);

    static bool isDarkPalette(const QPalette &palette);
    // Text and icon colour on the palette's base (badges, reasons): high contrast.
    static QColor foreground(AgentState state, const QPalette &palette);
    // Fills: the card's stripe and progress bar.
    static QColor accent(AgentState state, const QPalette &palette);
    // The badge's background: a light wash of the accent.
    static QColor badgeBackground(AgentState state, const QPalette &palette);

    // Whether the user can still cancel an agent in this state.
    static bool isCancellable(AgentState state);

    static QString priorityLabel(Priority priority);
    // A short reason for error kinds a person should notice ("timed out", "over budget"); empty for the
    // generic ones (a plain exit or error says nothing the message does not).
    static QString errorKindLabel(const QString &kind);
};

} // namespace switchboard
