#include "style/FormStyle.h"

#include "style/AgentStateStyle.h"

#include <QLabel>
#include <QWidget>

namespace switchboard {

QLabel *FormStyle::makeErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    updateErrorColor(label);
    return label;
}

void FormStyle::setFieldError(QWidget *field, QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (field)
        field->setAccessibleDescription(text);
}

void FormStyle::updateErrorColor(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     AgentStateStyle::foreground(AgentState::Failed,
                                                 label->parentWidget() ? label->parentWidget()->palette() : palette));
    label->setPalette(palette);
}

} // namespace switchboard
