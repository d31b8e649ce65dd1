#include "review/LeftoverWorktreesDialog.h"
#include "review/ReviewCalls.h"

#include "review/ReviewController.h"
#include "style/DisplayFormat.h"

#include <QDialogButtonBox>
#include <QDirIterator>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace switchboard {

namespace {
enum Column
{
    PathColumn,
    RepoColumn,
    BranchColumn,
    SizeColumn,
    CreatedColumn,
};

QStringList pathsOf(const QList<WorktreeRecord> &records)
{
    QStringList paths;
    for (const WorktreeRecord &r : records)
        paths << r.path;
    return paths;
}
} // namespace

LeftoverWorktreesDialog::LeftoverWorktreesDialog(ReviewController *controller, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_intro(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_busyBar(new QProgressBar(this))
    , m_remove(new QPushButton(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("leftoverWorktreesDialog"));
    m_calls.setMaxThreadCount(1);
    m_intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("leftoverList"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(5);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_status->setObjectName(QStringLiteral("leftoverStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumHeight(12);
    m_busyBar->hide();
    m_remove->setObjectName(QStringLiteral("leftoverRemove"));
    m_buttons->addButton(m_remove, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &LeftoverWorktreesDialog::removeSelected);
    connect(m_list, &QTreeWidget::itemChanged, this, &LeftoverWorktreesDialog::updateButtons);
    retranslate();
    updateButtons();
    resize(760, 380);
}

LeftoverWorktreesDialog::~LeftoverWorktreesDialog()
{
    ReviewCalls::drain(m_calls, this);
}

qint64 LeftoverWorktreesDialog::directorySize(const QString &path)
{
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

void LeftoverWorktreesDialog::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    m_busyBar->setVisible(m_busy > 0);
    updateButtons();
}

void LeftoverWorktreesDialog::load()
{
    if (!m_controller)
        return;
    setBusy(true);
    m_status->setText(tr("Looking for worktrees left behind…"));
    auto *watcher = new QFutureWatcher<QList<WorktreeRecord>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        setLeftovers(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_calls, [c = m_controller] { return c->leftovers(); }));
}

void LeftoverWorktreesDialog::setLeftovers(const QList<WorktreeRecord> &leftovers)
{
    m_leftovers = leftovers;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const WorktreeRecord &r : leftovers) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            item->setCheckState(PathColumn, Qt::Unchecked); // nothing is ticked for the person
            item->setText(PathColumn, r.path);
            item->setToolTip(PathColumn, tr("Goal %1 of run %2").arg(r.goalId, r.runId));
            item->setText(RepoColumn, r.repoName());
            item->setToolTip(RepoColumn, r.repo);
            item->setText(BranchColumn, r.branch);
            item->setText(SizeColumn, tr("measuring…"));
            item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
            item->setText(CreatedColumn, DisplayFormat::dateTime(r.createdAt));
        }
    }
    m_status->setText(leftovers.isEmpty() ? tr("No worktrees are left behind.")
                                          : tr("%n worktree(s) whose goals no longer exist.", nullptr,
                                               static_cast<int>(leftovers.size())));
    updateButtons();
    Q_EMIT loaded();
    if (leftovers.isEmpty())
        return;
    // Sizes walk whole directory trees: on the worker thread, filled in when known.
    auto *watcher = new QFutureWatcher<QList<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, paths = pathsOf(leftovers)] {
        watcher->deleteLater();
        if (pathsOf(m_leftovers) != paths)
            return;
        const QList<qint64> sizes = watcher->result();
        const QLocale locale;
        const QSignalBlocker blocker(m_list);
        for (int i = 0; i < m_list->topLevelItemCount() && i < sizes.size(); ++i)
            m_list->topLevelItem(i)->setText(SizeColumn,
                                             sizes.at(i) < 0 ? tr("missing") : locale.formattedDataSize(sizes.at(i)));
    });
    watcher->setFuture(QtConcurrent::run(&m_calls, [paths = pathsOf(leftovers)] {
        QList<qint64> sizes;
        for (const QString &path : paths)
            sizes << (QFileInfo(path).isDir() ? directorySize(path) : -1);
        return sizes;
    }));
}

QString LeftoverWorktreesDialog::statusText() const
{
    return m_status->text();
}

void LeftoverWorktreesDialog::updateButtons()
{
    bool anyChecked = false;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        anyChecked = anyChecked || m_list->topLevelItem(i)->checkState(PathColumn) == Qt::Checked;
    m_remove->setEnabled(anyChecked && m_busy == 0 && m_controller);
}

void LeftoverWorktreesDialog::removeSelected()
{
    QList<WorktreeRecord> chosen;
    for (int i = 0; i < m_list->topLevelItemCount() && i < m_leftovers.size(); ++i) {
        if (m_list->topLevelItem(i)->checkState(PathColumn) == Qt::Checked)
            chosen << m_leftovers.at(i);
    }
    if (!chosen.isEmpty())
        remove(chosen, false);
}

void LeftoverWorktreesDialog::remove(const QList<WorktreeRecord> &records, bool force)
{
    setBusy(true);
    m_status->setText(tr("Removing %n worktree(s)…", nullptr, static_cast<int>(records.size())));
    using Answer = std::pair<QList<WorktreeRecord>, QStringList>;
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, records, force] {
        watcher->deleteLater();
        setBusy(false);
        const auto &[removed, refused] = watcher->result();
        const QStringList removedPaths = pathsOf(removed);
        QList<WorktreeRecord> kept;
        QList<WorktreeRecord> refusedRecords;
        for (const WorktreeRecord &r : std::as_const(m_leftovers)) {
            if (removedPaths.contains(r.path))
                continue;
            kept << r;
            if (pathsOf(records).contains(r.path))
                refusedRecords << r;
        }
        setLeftovers(kept);
        QString status = tr("Removed %n worktree(s).", nullptr, static_cast<int>(removed.size()));
        if (!refused.isEmpty())
            status += QLatin1Char(' ') + tr("Kept: %1").arg(refused.join(QStringLiteral("; ")));
        m_status->setText(status);
        Q_EMIT removalFinished(removed, refused);
        // Unmerged work is never removed on the first click: the person is told what it is and decides.
        if (!force && !refusedRecords.isEmpty())
            confirmForce(refusedRecords, refused);
    });
    watcher->setFuture(QtConcurrent::run(&m_calls, [c = m_controller, records, force] {
        QStringList refused;
        QList<WorktreeRecord> removed = c->cleanUp(records, force, &refused);
        return Answer{removed, refused};
    }));
}

void LeftoverWorktreesDialog::confirmForce(const QList<WorktreeRecord> &records, const QStringList &reasons)
{
    QStringList names;
    for (const WorktreeRecord &r : records)
        names << tr("• %1 (branch %2 in %3)").arg(r.path, r.branch, r.repoName());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove unmerged work?"),
                                tr("These worktrees hold work that was never merged. Removing them deletes it for "
                                   "good:\n%1\n\n%2")
                                    .arg(names.join(QLatin1Char('\n')), reasons.join(QLatin1Char('\n'))),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("leftoverForceConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *removeButton = box->addButton(tr("Remove with the unmerged work"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("leftoverForceButton"));
    box->addButton(tr("Keep them"), QMessageBox::RejectRole);
    m_forceConfirm = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, removeButton, records](QAbstractButton *b) {
        if (b == removeButton)
            remove(records, true);
    });
    box->open();
}

void LeftoverWorktreesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LeftoverWorktreesDialog::retranslate()
{
    setWindowTitle(tr("Worktrees left behind"));
    m_intro->setText(tr("These git worktrees belong to goals that no longer exist (an earlier run, or a crash). "
                        "Tick the ones to remove; nothing is removed otherwise."));
    m_list->setHeaderLabels({tr("Folder"), tr("Repository"), tr("Branch"), tr("Size"), tr("Created")});
    m_remove->setText(tr("&Remove selected"));
}

} // namespace switchboard
