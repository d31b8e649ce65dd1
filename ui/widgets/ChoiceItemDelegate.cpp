#include "widgets/ChoiceItemDelegate.h"

#include <QComboBox>

namespace switchboard {

ChoiceItemDelegate::ChoiceItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

void ChoiceItemDelegate::setChoices(const QList<Choice> &choices)
{
    m_choices = choices;
}

QString ChoiceItemDelegate::labelFor(const QVariant &value) const
{
    for (const Choice &choice : m_choices) {
        if (choice.second == value)
            return choice.first;
    }
    return {};
}

QWidget *ChoiceItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    Q_UNUSED(option)
    Q_UNUSED(index)
    auto *combo = new QComboBox(parent);
    combo->setFrame(false);
    for (const Choice &choice : m_choices)
        combo->addItem(choice.first, choice.second);
    // Commit as soon as a choice is picked, like a native combo cell.
    // (createEditor is const by signature; emitting commitData does not change the delegate.)
    auto *self = const_cast<ChoiceItemDelegate *>(this);
    connect(combo, &QComboBox::activated, self, [self, combo] { Q_EMIT self->commitData(combo); });
    return combo;
}

void ChoiceItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(Qt::UserRole));
    combo->setCurrentIndex(qMax(0, found));
}

void ChoiceItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::UserRole);
    model->setData(index, combo->currentText(), Qt::EditRole);
}

} // namespace switchboard
