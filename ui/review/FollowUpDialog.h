#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace switchboard {

// Asks what the agent should do next on a goal in review; the follow-up resumes the same agent session in
// the same worktree, so the instructions can refer to what it did ("also handle the empty list").
class FollowUpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpDialog)

public:
    explicit FollowUpDialog(const QString &goalTitle, QWidget *parent = nullptr);

    QString instructions() const;
    void setInstructions(const QString &text);

private:
    void updateOk();

    QLabel *m_intro;
    QPlainTextEdit *m_text;
    QDialogButtonBox *m_buttons;
};

} // namespace switchboard
