#include "widgets/StringListEditor.h"

#include "style/ThemedIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace switchboard {

StringListEditor::StringListEditor(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
{
    setObjectName(objectName);
    m_list->setObjectName(objectName + QStringLiteral("List"));
    m_add->setObjectName(objectName + QStringLiteral("AddButton"));
    m_remove->setObjectName(objectName + QStringLiteral("RemoveButton"));

    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_list->setMinimumHeight(70);
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setAutoRaise(true);
    m_remove->setAutoRaise(true);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_add, &QToolButton::clicked, this, [this] { addItem(); });
    connect(m_remove, &QToolButton::clicked, this, &StringListEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &StringListEditor::updateButtons);
    connect(m_list, &QListWidget::itemChanged, this, &StringListEditor::changed);
    m_list->viewport()->installEventFilter(this);

    retranslate();
    updateButtons();
}

QStringList StringListEditor::items() const
{
    QStringList result;
    for (int row = 0; row < m_list->count(); ++row) {
        const QString text = m_list->item(row)->text().trimmed();
        if (!text.isEmpty())
            result << text;
    }
    return result;
}

void StringListEditor::setItems(const QStringList &items)
{
    m_list->clear();
    for (const QString &text : items) {
        auto *item = new QListWidgetItem(text, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    updateButtons();
    Q_EMIT changed();
}

void StringListEditor::addItem(const QString &text)
{
    auto *item = new QListWidgetItem(text, m_list);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    m_list->setCurrentItem(item);
    m_list->setFocus(Qt::OtherFocusReason);
    if (text.isEmpty())
        m_list->editItem(item);
    updateButtons();
    Q_EMIT changed();
}

void StringListEditor::commitPendingEdit()
{
    // Moving the current index away commits and closes an open editor (QAbstractItemView::currentChanged).
    const QModelIndex current = m_list->currentIndex();
    m_list->setCurrentIndex(QModelIndex());
    m_list->setCurrentIndex(current);
}

void StringListEditor::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    m_list->setToolTip(text);
    m_list->viewport()->update();
}

bool StringListEditor::eventFilter(QObject *watched, QEvent *event)
{
    // An empty list says what belongs in it, like a line edit's placeholder.
    if (watched == m_list->viewport() && event->type() == QEvent::Paint && m_list->count() == 0 &&
        !m_placeholder.isEmpty()) {
        QPainter painter(m_list->viewport());
        painter.setPen(m_list->palette().color(QPalette::PlaceholderText));
        painter.drawText(m_list->viewport()->rect().adjusted(6, 4, -6, -4),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_placeholder);
    }
    return QWidget::eventFilter(watched, event);
}

void StringListEditor::removeSelected()
{
    QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty() && m_list->currentItem())
        selected << m_list->currentItem();
    for (QListWidgetItem *item : std::as_const(selected))
        delete m_list->takeItem(m_list->row(item));
    updateButtons();
    Q_EMIT changed();
}

void StringListEditor::updateButtons()
{
    m_remove->setEnabled(!m_list->selectedItems().isEmpty() || m_list->currentItem());
}

void StringListEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StringListEditor::retranslate()
{
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add an entry and type it"));
    m_remove->setText(tr("Remove"));
    m_remove->setToolTip(tr("Remove the selected entries"));
    m_add->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), palette()));
    m_remove->setIcon(ThemedIcons::icon(QStringLiteral("cancel"), palette()));
}

} // namespace switchboard
