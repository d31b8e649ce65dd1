#pragma once

#include "history/HistorySnapshot.h"
#include "model/TranscriptEntry.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedLayout;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace switchboard {

class TranscriptView;

// The History window's view of one past goal: its result and definition, every attempt (profile, times,
// outcome, error, usage), the agent's log with a way to the full log file, the questions it asked with their
// answers, its state changes and a model agent's transcript. Shows what it is given; the window loads the
// log and the transcript off the GUI thread.
class HistoryGoalPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryGoalPane)

public:
    enum Tab
    {
        ResultTab,
        AttemptsTab,
        LogTab,
        QuestionsTab,
        TimelineTab,
        TranscriptTab,
    };

    explicit HistoryGoalPane(QWidget *parent = nullptr);

    // Shows the goal of a snapshot row; row < 0 shows the placeholder.
    void setGoal(std::shared_ptr<const HistorySnapshot> snapshot, int row);
    QString agentId() const { return m_agentId; }
    // "Loading…" in the log tab until setLog() brings the lines.
    void setLogLoading();
    // The stored lines (the last Store::kLogLinesKept) and the full log file, empty when there is none.
    void setLog(const QStringList &lines, const QString &logFile);
    // The agent's stored transcript (loaded with the log). A refresh of the same agent adds the new steps and
    // keeps what the reader opened.
    void setTranscript(const QList<TranscriptEntry> &entries);
    void showTab(Tab tab);

    QTreeWidget *attemptsView() const { return m_attempts; }
    QTreeWidget *timelineView() const { return m_timeline; }
    QPlainTextEdit *logView() const { return m_log; }
    QTextBrowser *questionsView() const { return m_questions; }
    QTextBrowser *resultView() const { return m_result; }
    TranscriptView *transcriptView() const { return m_transcript; }
    QString logFile() const { return m_logFile; }

Q_SIGNALS:
    void openLogFileRequested(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void renderResult(int row);
    void renderAttempts(const QList<AttemptRecord> &attempts);
    void renderQuestions(const QList<Escalation> &escalations);
    void renderTimeline(const QList<TransitionRecord> &transitions);
    void setHtml(QTextBrowser *browser, QString html) const;
    void updateLogHeader();
    void retranslate();

    std::shared_ptr<const HistorySnapshot> m_snapshot;
    int m_row = -1;
    QString m_agentId;
    QString m_logFile;
    int m_logLines = -1; // -1 while loading

    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_meta;
    QTabWidget *m_tabs;
    QTextBrowser *m_result;
    QTreeWidget *m_attempts;
    QLabel *m_logInfo;
    QPushButton *m_openLog;
    QPlainTextEdit *m_log;
    QTextBrowser *m_questions;
    QTreeWidget *m_timeline;
    TranscriptView *m_transcript;
};

} // namespace switchboard
