#pragma once

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace switchboard {

class HistoryTable;

// The goals side of the History window: a line on the shown run above its goals table, or in the table's
// place a message (loading, nothing recorded, no match) with a Clear search button when that helps.
class HistoryGoalList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryGoalList)

public:
    // goals: HistoryGoalModel's columns (behind a proxy).
    explicit HistoryGoalList(QAbstractItemModel *goals, QWidget *parent = nullptr);

    HistoryTable *view() const { return m_view; }
    void setSummary(const QString &richText);
    void showMessage(const QString &text, bool offerClearSearch = false);
    void showTable();

Q_SIGNALS:
    void clearSearchRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_summary;
    QStackedWidget *m_stack;
    HistoryTable *m_view;
    QLabel *m_message;
    QPushButton *m_clearSearch;
};

} // namespace switchboard
