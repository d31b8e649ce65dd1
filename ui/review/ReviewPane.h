#pragma once

#include "review/ReviewTypes.h"

#include <QPointer>
#include <QThreadPool>
#include <QWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QFrame;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTreeWidget;
class QTreeWidgetItem;

namespace switchboard {

class DiffView;
class FollowUpDialog;
class ReviewController;

// One goal in Review: what its agent changed (files with +/- counts, the coloured diff, foldable per file),
// what it said and cost, where the worktree is, which other goals touched the same files, and what to do
// with it (merge, rebase, discard, follow up, open the folder or a terminal there). Every ReviewController
// call runs on the pane's worker thread with a busy bar, so git never blocks the window.
class ReviewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPane)

public:
    explicit ReviewPane(QWidget *parent = nullptr);
    ~ReviewPane() override;

    void setController(ReviewController *controller);
    ReviewController *controller() const { return m_controller; }
    // Shows the goal, reading its review on the worker thread.
    void setGoal(const QString &goalId);
    QString goalId() const { return m_goalId; }
    void reload();
    // A controller call is under way (the actions are disabled meanwhile).
    bool isBusy() const { return m_busy > 0; }
    const std::optional<ReviewInfo> &info() const { return m_info; }

    DiffView *diffView() const { return m_diff; }
    QTreeWidget *fileList() const { return m_files; }
    // The last outcome or error shown above the diff (empty when none).
    QString messageText() const;

Q_SIGNALS:
    // The review was read (or failed to: messageText() says why).
    void loaded();
    // A controller call finished and its answer is shown.
    void callFinished();
    // Merged or discarded: the goal left Review.
    void goalResolved(const QString &goalId);
    void followUpStarted(const QString &goalId, const QString &followUpGoalId);

protected:
    void changeEvent(QEvent *event) override;

private:
    template<typename Result>
    void runCall(std::function<Result(ReviewController *)> work, std::function<void(const Result &)> done);
    void setBusy(bool busy);
    void updateActions();
    void showInfo();
    void showMessage(const QString &text, bool problem);
    void hideMessage();
    void merge();
    void rebase(bool thenMerge);
    void discard();
    void confirmDiscard(const QString &loss);
    void followUp();
    void openFolder();
    void openTerminal();
    void handleFileActivated(QTreeWidgetItem *item, int column);
    void handleFileChanged(QTreeWidgetItem *item, int column);
    void retranslate();
    QLabel *addRow(QFormLayout *form, const QString &objectName);

    ReviewController *m_controller = nullptr;
    QThreadPool m_calls;
    QString m_goalId;
    quint64 m_loadSerial = 0;
    int m_busy = 0;
    bool m_resolved = false;
    std::optional<ReviewInfo> m_info;
    bool m_updatingFiles = false;

    QLabel *m_placeholder;
    QWidget *m_content;
    QLabel *m_title;
    QLabel *m_where;
    QFrame *m_overlapBanner;
    QLabel *m_overlapText;
    QFormLayout *m_form;
    QLabel *m_summary;
    QLabel *m_usage;
    QLabel *m_commits;
    QLabel *m_disk;
    QPushButton *m_merge;
    QPushButton *m_rebase;
    QPushButton *m_discard;
    QPushButton *m_followUp;
    QPushButton *m_openFolder;
    QPushButton *m_openTerminal;
    QProgressBar *m_busyBar;
    QFrame *m_messageBanner;
    QLabel *m_message;
    QPushButton *m_rebaseAndMerge;
    QSplitter *m_splitter;
    QLabel *m_filesHeading;
    QPushButton *m_expandAll;
    QPushButton *m_collapseAll;
    QTreeWidget *m_files;
    DiffView *m_diff;
    QPointer<QMessageBox> m_discardConfirm;
    QPointer<FollowUpDialog> m_followUpDialog;
};

} // namespace switchboard
