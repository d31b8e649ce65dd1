#include "review/FollowUpDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace switchboard {

FollowUpDialog::FollowUpDialog(const QString &goalTitle, QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("followUpDialog"));
    setWindowTitle(tr("Follow-up"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_intro->setText(tr("What should the agent do next on “%1”? It continues the same session in the same "
                        "worktree, so it remembers what it did.")
                         .arg(goalTitle));
    m_text->setObjectName(QStringLiteral("followUpInstructions"));
    m_text->setPlaceholderText(tr("For example: also handle an empty list, and add a test for it."));
    m_text->setTabChangesFocus(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Start follow-up"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &FollowUpDialog::updateOk);
    updateOk();
    resize(480, 260);
}

QString FollowUpDialog::instructions() const
{
    return m_text->toPlainText().trimmed();
}

void FollowUpDialog::setInstructions(const QString &text)
{
    m_text->setPlainText(text);
}

void FollowUpDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!instructions().isEmpty());
}

} // namespace switchboard
