#include "dialogs/ShortcutOverviewDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace switchboard {

namespace {
// "&Cancel selected…" → "Cancel selected…" ("&&" is a literal ampersand).
QString plainText(const QString &text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size()) {
            ++i;
        }
        plain += text.at(i);
    }
    return plain;
}

void collect(QMenu *menu, const QString &prefix, QTreeWidgetItem *group)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (QMenu *sub = action->menu()) {
            collect(sub, prefix + plainText(action->text()) + QStringLiteral(" ▸ "), group);
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence &key : keys)
            texts << key.toString(QKeySequence::NativeText);
        auto *item = new QTreeWidgetItem(group, {prefix + plainText(action->text()), texts.join(QStringLiteral(", "))});
        item->setToolTip(0, action->toolTip());
        // Screen readers read the row as one sentence.
        item->setData(0, Qt::AccessibleTextRole,
                      ShortcutOverviewDialog::tr("%1: %2").arg(item->text(0), item->text(1)));
    }
}
} // namespace

ShortcutOverviewDialog::ShortcutOverviewDialog(QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_menus(menus)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutOverview"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setPlaceholderText(tr("Filter by action or key"));
    m_filter->setAccessibleName(tr("Filter shortcuts"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("shortcutTree"));
    m_tree->setAccessibleName(tr("Shortcuts"));
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto *hint =
        new QLabel(tr("On the board: the arrow keys move between cards, Enter opens the selected card."), this);
    hint->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(520, 560);

    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutOverviewDialog::applyFilter);
    m_filter->setFocus();
}

void ShortcutOverviewDialog::showEvent(QShowEvent *event)
{
    // Read again at every showing: a shortcut changed since (or a menu added) is what the keys do now.
    populate();
    m_filter->clear();
    m_filter->setFocus();
    QDialog::showEvent(event);
}

void ShortcutOverviewDialog::populate()
{
    m_tree->clear();
    if (!m_menus)
        return;
    for (QAction *top : m_menus->actions()) {
        QMenu *menu = top->menu();
        if (!menu)
            continue;
        auto *group = new QTreeWidgetItem(m_tree, {plainText(top->text())});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        collect(menu, QString(), group);
        if (group->childCount() == 0)
            delete group;
    }
    m_tree->expandAll();
}

void ShortcutOverviewDialog::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = needle.isEmpty() || item->text(0).contains(needle, Qt::CaseInsensitive) ||
                               item->text(1).contains(needle, Qt::CaseInsensitive) ||
                               group->text(0).contains(needle, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

QStringList ShortcutOverviewDialog::visibleEntries() const
{
    QStringList entries;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        if (group->isHidden())
            continue;
        for (int i = 0; i < group->childCount(); ++i) {
            const QTreeWidgetItem *item = group->child(i);
            if (!item->isHidden())
                entries << group->text(0) + QStringLiteral(" ▸ ") + item->text(0) + QLatin1Char('\t') + item->text(1);
        }
    }
    return entries;
}

} // namespace switchboard
