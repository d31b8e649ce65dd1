#include "history/HistoryActions.h"

#include "history/HistoryWindow.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace switchboard {

HistoryActions::HistoryActions(HistoryWindow *window)
{
    const auto make = [window](const QString &objectName) {
        auto *action = new QAction(window);
        action->setObjectName(objectName);
        return action;
    };
    using ExportKind = HistoryWindow::ExportKind;
    m_refresh = make(QStringLiteral("actionHistoryRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    QObject::connect(m_refresh, &QAction::triggered, window, &HistoryWindow::refresh);
    m_find = make(QStringLiteral("actionHistoryFind"));
    m_find->setShortcut(QKeySequence::Find);
    m_rerunGoal = make(QStringLiteral("actionRerunGoal"));
    m_rerunGoal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QObject::connect(m_rerunGoal, &QAction::triggered, window, &HistoryWindow::rerunGoal);
    m_rerunPlan = make(QStringLiteral("actionRerunPlan"));
    m_rerunPlan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QObject::connect(m_rerunPlan, &QAction::triggered, window, &HistoryWindow::rerunPlan);
    m_exportMarkdown = make(QStringLiteral("actionExportMarkdown"));
    QObject::connect(m_exportMarkdown, &QAction::triggered, window,
                     [window] { window->showExportDialog(ExportKind::Markdown); });
    m_exportJson = make(QStringLiteral("actionExportJson"));
    QObject::connect(m_exportJson, &QAction::triggered, window,
                     [window] { window->showExportDialog(ExportKind::Json); });
    m_exportActivity = make(QStringLiteral("actionExportActivity"));
    QObject::connect(m_exportActivity, &QAction::triggered, window,
                     [window] { window->showExportDialog(ExportKind::Activity); });
    m_exportState = make(QStringLiteral("actionExportState"));
    QObject::connect(m_exportState, &QAction::triggered, window,
                     [window] { window->showExportDialog(ExportKind::State); });
    m_close = make(QStringLiteral("actionHistoryClose"));
    m_close->setShortcut(QKeySequence::Close);
    QObject::connect(m_close, &QAction::triggered, window, &QWidget::close);
    m_copyGoalId = make(QStringLiteral("actionCopyGoalId"));
    m_copyGoalId->setShortcut(QKeySequence::Copy);
    m_copyGoalId->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_fileMenu = window->menuBar()->addMenu(QString());
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("historyExportMenu"));
    m_exportMenu->addAction(m_exportMarkdown);
    m_exportMenu->addAction(m_exportJson);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportActivity);
    m_exportMenu->addAction(m_exportState);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_close);
    m_viewMenu = window->menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_find);
    m_viewMenu->addAction(m_refresh);
    m_runMenu = window->menuBar()->addMenu(QString());
    m_runMenu->addAction(m_rerunGoal);
    m_runMenu->addAction(m_rerunPlan);

    m_toolBar = window->addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("historyToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_search->setMaximumWidth(520);
    m_searchIcon = m_search->addAction(QIcon(), QLineEdit::LeadingPosition);
    m_toolBar->addWidget(m_search);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refresh);
    m_toolBar->addAction(m_rerunGoal);
    m_toolBar->addAction(m_rerunPlan);
    m_exportButton = new QToolButton(m_toolBar);
    m_exportButton->setObjectName(QStringLiteral("historyExportButton"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setMenu(m_exportMenu);
    m_toolBar->addWidget(m_exportButton);

    QLineEdit *search = m_search;
    QObject::connect(m_find, &QAction::triggered, search, [search] {
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });
}

void HistoryActions::setExportEnabled(bool enabled)
{
    for (QAction *action : {m_exportMarkdown, m_exportJson, m_exportActivity, m_exportState})
        action->setEnabled(enabled);
    m_exportButton->setEnabled(enabled);
}

void HistoryActions::retranslate(bool readOnly, bool storeReadOnly)
{
    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    m_viewMenu->setTitle(tr("&View"));
    m_runMenu->setTitle(tr("&Run"));
    m_toolBar->setWindowTitle(tr("History toolbar"));
    m_search->setPlaceholderText(tr("Search runs and goals: title, id, description, error, state…"));
    m_search->setToolTip(tr("Every word must match. Searches the runs' names and the shown goals (Ctrl+F)"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the history again (F5)"));
    m_find->setText(tr("&Find"));
    m_rerunGoal->setText(tr("Re-run &goal"));
    m_rerunPlan->setText(tr("Re-run &plan…"));
    if (readOnly) {
        const QString why = storeReadOnly ? tr("Read-only: the database is in use by another Switchboard")
                                          : tr("Re-running needs the dashboard");
        m_rerunGoal->setToolTip(why);
        m_rerunPlan->setToolTip(why);
    } else {
        m_rerunGoal->setToolTip(
            tr("Queue a copy of the selected goal on the board, without its dependencies (Ctrl+R)"));
        m_rerunPlan->setToolTip(tr("Run the selected run's plan again: its plan file, or the goals as recorded "
                                   "(Ctrl+Shift+R)"));
    }
    m_exportMarkdown->setText(tr("Run report (&Markdown)…"));
    m_exportJson->setText(tr("Run report (&JSON)…"));
    m_exportActivity->setText(tr("&Activity log…"));
    m_exportState->setText(tr("Project &state (YAML)…"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save the selected run's report, activity log or state to a file"));
    m_close->setText(tr("&Close"));
    m_copyGoalId->setText(tr("&Copy goal id"));
}

void HistoryActions::updateIcons(const QPalette &palette, const QStyle *style)
{
    m_refresh->setIcon(style->standardIcon(QStyle::SP_BrowserReload));
    m_rerunGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), palette));
    m_rerunPlan->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), palette));
    m_exportButton->setIcon(style->standardIcon(QStyle::SP_DialogSaveButton));
    m_find->setIcon(ThemedIcons::icon(QStringLiteral("search"), palette));
    m_close->setIcon(ThemedIcons::icon(QStringLiteral("quit"), palette));
    m_searchIcon->setIcon(ThemedIcons::icon(QStringLiteral("search"), palette));
}

} // namespace switchboard
