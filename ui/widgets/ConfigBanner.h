#pragma once

#include <QWidget>

class QLabel;

namespace switchboard {

// The bar across the top of the main window when the config did not load at start-up (ConfigRecovery): what
// happened, the file:line:column error, where the broken file went and what is used instead. Like the storage
// banner it stays for the session: the cure is to fix the file and restart. A Close button hides it.
class ConfigBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigBanner)

public:
    explicit ConfigBanner(QWidget *parent = nullptr);

    // Shows the banner with the recovery's summary (ConfigRecovery::Result::summary()).
    void showRecovery(const QString &summary);
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
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
};

} // namespace switchboard
