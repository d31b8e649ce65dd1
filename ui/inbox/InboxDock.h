#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QHBoxLayout;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace switchboard {

class EscalationListModel;
class Orchestrator;

// The escalation inbox: the questions agents wait on (most urgent first, with how long they have waited)
// and, picked one, its context, a button per option, a free-text answer (Enter sends) and "cancel agent".
// Closed questions move to the History tab. The title carries the open count, so a tabbed dock shows it.
class InboxDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxDock)

public:
    explicit InboxDock(Orchestrator *orchestrator, QWidget *parent = nullptr);

    // Shows the dock and selects this question (open or closed); false if the inbox does not know it.
    bool showEscalation(const QString &id);
    QString currentEscalationId() const { return m_currentId; }
    // Puts the keyboard in the answer field of the shown open question (else in the list of open questions).
    void focusAnswer();
    int openCount() const;
    EscalationListModel *openModel() const { return m_openModel; }
    EscalationListModel *historyModel() const { return m_historyModel; }

Q_SIGNALS:
    void openCountChanged(int count);
    // The person asked to see the agent behind the question on the board.
    void agentRequested(const QString &agentId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void handleOpenRowsChanged();
    void handleSelectionChanged();
    void showQuestion(const QString &id);
    void sendAnswer(const QString &option);
    void cancelAgent();
    void showError(const QString &text);
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    EscalationListModel *m_openModel;
    EscalationListModel *m_historyModel;
    QString m_currentId;
    int m_lastOpenCount = -1;

    QTabWidget *m_tabs;
    QTreeView *m_openView;
    QTreeView *m_historyView;
    QStackedWidget *m_detailStack;
    QLabel *m_placeholder;
    QLabel *m_meta;
    QLabel *m_question;
    QLabel *m_contextHeading;
    QPlainTextEdit *m_context;
    QWidget *m_options;
    QHBoxLayout *m_optionsLayout;
    QLineEdit *m_answer;
    QPushButton *m_send;
    QPushButton *m_cancelAgent;
    QPushButton *m_showAgent;
    QLabel *m_outcome;
    QLabel *m_error;
};

} // namespace switchboard
