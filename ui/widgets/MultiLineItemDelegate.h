#pragma once

#include <QStyledItemDelegate>

namespace switchboard {

// Edits a table cell whose text has several lines (a description, one criterion per line) in a plain-text
// editor taller than the row, so Enter starts a new line; the edit is committed when the editor loses focus.
class MultiLineItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MultiLineItemDelegate)

public:
    explicit MultiLineItemDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
};

} // namespace switchboard
