#pragma once

#include <QWidget>

class QLabel;

namespace switchboard {

// The bar across the top of the main window when the database stopped accepting writes (disk full, I/O
// error): an icon, what happened (the store's message) and what it means — dispatch is paused, nothing
// already recorded is lost. It stays until the app restarts: the condition does not clear on its own.
class StorageBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageBanner)

public:
    explicit StorageBanner(QWidget *parent = nullptr);

    // Shows the banner with the store's message.
    void showFailure(const QString &message);
    // The database was refused at start (damaged): the session runs without recording, until a restart with a
    // good (or recovered) database.
    void showDamaged(const QString &message);
    bool isDamaged() const { return m_damaged; }
    QString message() const { return m_message; }
    // Everything the banner says, for tests and accessibility.
    QString text() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateColors();

    QString m_message;
    bool m_damaged = false;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
    QLabel *m_consequence;
};

} // namespace switchboard
