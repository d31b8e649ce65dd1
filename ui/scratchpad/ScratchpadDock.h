#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;

namespace switchboard {

class Orchestrator;
class ScratchpadModel;

// The Scratchpad dock: the run's shared notes (what agents told each other, and the human), live. Selecting a
// note shows its whole text and puts it in the form below, where the human can change it or write a new one.
class ScratchpadDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScratchpadDock)

public:
    explicit ScratchpadDock(Orchestrator *orchestrator, QWidget *parent = nullptr);

    ScratchpadModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QLineEdit *keyEdit() const { return m_key; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QPushButton *saveButton() const { return m_save; }
    // The last refusal shown under the form (empty when the last save worked).
    QString errorText() const;

public Q_SLOTS:
    // Writes the form's note as the human; shows why when it is refused.
    void saveNote();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCurrent();
    void editCurrent();
    void updateSummary();
    void updateSaveButton();
    void retranslate();

    QPointer<Orchestrator> m_orchestrator;
    ScratchpadModel *m_model;
    QTreeView *m_view;
    QLabel *m_summary;
    QPlainTextEdit *m_detail;
    QLabel *m_keyLabel;
    QLineEdit *m_key;
    QLabel *m_textLabel;
    QPlainTextEdit *m_text;
    QPushButton *m_save;
    QLabel *m_error;
};

} // namespace switchboard
