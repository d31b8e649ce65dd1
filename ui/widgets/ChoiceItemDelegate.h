#pragma once

#include <QList>
#include <QPair>
#include <QStyledItemDelegate>
#include <QVariant>

namespace switchboard {

// Edits a table cell by picking from a fixed list (priority, profile): the cell shows the choice's label
// and keeps its value under Qt::UserRole.
class ChoiceItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChoiceItemDelegate)

public:
    using Choice = QPair<QString, QVariant>; // label, value

    explicit ChoiceItemDelegate(QObject *parent = nullptr);

    void setChoices(const QList<Choice> &choices);
    const QList<Choice> &choices() const { return m_choices; }
    // The label for a value, or an empty string.
    QString labelFor(const QVariant &value) const;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QList<Choice> m_choices;
};

} // namespace switchboard
