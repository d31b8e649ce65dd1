#include "widgets/MultiLineItemDelegate.h"

#include <QPlainTextEdit>

namespace switchboard {

namespace {
constexpr int EditorLines = 5;
}

MultiLineItemDelegate::MultiLineItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

QWidget *MultiLineItemDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    Q_UNUSED(option)
    Q_UNUSED(index)
    auto *editor = new QPlainTextEdit(parent);
    editor->setObjectName(QStringLiteral("multiLineEditor"));
    editor->setTabChangesFocus(true);
    editor->setFrameShape(QFrame::Box);
    return editor;
}

void MultiLineItemDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        text->setPlainText(index.data(Qt::EditRole).toString());
}

void MultiLineItemDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor))
        model->setData(index, text->toPlainText(), Qt::EditRole);
}

void MultiLineItemDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                                 const QModelIndex &index) const
{
    Q_UNUSED(index)
    // Taller than the row, so a few lines show while typing; kept inside the view.
    QRect rect = option.rect;
    const int height = editor->fontMetrics().lineSpacing() * EditorLines + 12;
    rect.setHeight(std::max(rect.height(), height));
    if (const QWidget *view = editor->parentWidget(); view && rect.bottom() > view->height())
        rect.moveBottom(std::max(view->height() - 1, rect.height() - 1));
    editor->setGeometry(rect);
}

} // namespace switchboard
