#pragma once

#include "board/AgentFilterProxyModel.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace switchboard {

// The row above the board: search text, a state group and a sort key with its direction. It drives an
// AgentFilterProxyModel and says how many of the agents are shown.
class BoardFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardFilterBar)

public:
    explicit BoardFilterBar(AgentFilterProxyModel *proxy, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    void clearFilters();
    void focusSearch();
    // Adds a tool button for a view action (card density) at the bar's end.
    void addViewAction(QAction *action);
    void saveState(QVariantMap &state) const;
    void restoreState(const QVariantMap &state);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateIcons();
    void applySort();
    void updateCount();

    AgentFilterProxyModel *m_proxy;
    QLineEdit *m_search;
    QComboBox *m_stateFilter;
    QComboBox *m_sortKey;
    QToolButton *m_sortOrder;
    QLabel *m_count;
    QLabel *m_stateLabel;
    QLabel *m_sortLabel;
    QTimer *m_searchDelay;
    QTimer *m_countDelay;
};

} // namespace switchboard
