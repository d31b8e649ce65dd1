#pragma once

#include <QStringList>
#include <QWidget>

class QListWidget;
class QToolButton;

namespace switchboard {

// An editable list of short texts with add and remove buttons (success criteria, resources).
// Child object names derive from the editor's: <name>List, <name>AddButton, <name>RemoveButton.
class StringListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StringListEditor)

public:
    explicit StringListEditor(const QString &objectName, QWidget *parent = nullptr);

    // Non-empty entries, trimmed, in order.
    QStringList items() const;
    void setItems(const QStringList &items);
    // Appends an entry and opens it for editing.
    void addItem(const QString &text = QString());
    void setPlaceholderText(const QString &text);
    // Commits an entry that is still being typed, so items() includes it.
    void commitPendingEdit();
    QListWidget *listWidget() const { return m_list; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void removeSelected();
    void retranslate();
    void updateButtons();

    QListWidget *m_list;
    QToolButton *m_add;
    QToolButton *m_remove;
    QString m_placeholder;
};

} // namespace switchboard
