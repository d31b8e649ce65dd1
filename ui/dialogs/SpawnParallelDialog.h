#pragma once

#include "model/Goal.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace switchboard {

class ChoiceItemDelegate;
class IsolationSection;
class Orchestrator;

// Starts several agents at once, all or nothing. Either a table of different goals (add and remove rows,
// or paste one goal per line, tab-separated columns allowed), or one goal sent to N agents — on one
// profile, or side by side on several chosen profiles to compare them.
class SpawnParallelDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpawnParallelDialog)

public:
    enum class Mode
    {
        DifferentGoals,
        SameGoal,
    };

    explicit SpawnParallelDialog(Orchestrator *orchestrator, QWidget *parent = nullptr);

    void setMode(Mode mode);
    Mode mode() const;
    // Appends a row to the goal table; returns its index.
    int addRow(const QString &title = QString(), Priority priority = Priority::Medium,
               const QString &profile = QString(), const QString &description = QString());
    // One goal per non-empty line: title[<TAB>priority[<TAB>profile[<TAB>description]]]. Fills empty rows
    // at the end of the table first. Returns how many goals were added.
    int pasteLines(const QString &text);
    // The goals the dialog describes now; problems (named by row or field) go to problems.
    QList<Goal> goals(QStringList *problems = nullptr) const;
    QStringList spawnedAgentIds() const { return m_spawnedAgentIds; }
    // Where every goal of the batch works (its own git worktree, the repository, or each profile's default).
    IsolationSection *isolationSection() const { return m_isolation; }

public Q_SLOTS:
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildTablePage();
    QWidget *buildSamePage();
    void removeSelectedRows();
    void pasteFromClipboard();
    void updateSubmitText();
    void showProblems(const QStringList &problems);
    // "The title is too long: N characters, at most M" (one text for the field and the problem list).
    QString titleTooLong(qsizetype length) const;
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    QStringList m_spawnedAgentIds;
    QList<QString> m_profileNames;

    QTabWidget *m_tabs = nullptr;
    // Different goals
    QTableWidget *m_table = nullptr;
    ChoiceItemDelegate *m_priorityDelegate = nullptr;
    ChoiceItemDelegate *m_profileDelegate = nullptr;
    QPushButton *m_addRow = nullptr;
    QPushButton *m_removeRows = nullptr;
    QPushButton *m_paste = nullptr;
    QLabel *m_tableHint = nullptr;
    // Same goal
    QLabel *m_sameTitleLabel = nullptr;
    QLineEdit *m_sameTitle = nullptr;
    QLabel *m_sameTitleError = nullptr;
    QLabel *m_sameDescriptionLabel = nullptr;
    QPlainTextEdit *m_sameDescription = nullptr;
    QLabel *m_samePriorityLabel = nullptr;
    QComboBox *m_samePriority = nullptr;
    QButtonGroup *m_sameMode = nullptr;
    QRadioButton *m_countMode = nullptr;
    QSpinBox *m_count = nullptr;
    QLabel *m_countProfileLabel = nullptr;
    QComboBox *m_countProfile = nullptr;
    QRadioButton *m_perProfileMode = nullptr;
    QListWidget *m_profiles = nullptr;
    QLabel *m_profilesError = nullptr;

    QLabel *m_problems = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    IsolationSection *m_isolation = nullptr; // applies to every goal of the batch
    bool m_submitWhenChecked = false;        // submit pressed while the repository was being checked
};

} // namespace switchboard
