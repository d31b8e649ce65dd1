#pragma once

#include "style/AppTheme.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;

namespace switchboard {

// The Appearance page of the Settings dialog: the language (saved next to the theme, used from the next start;
// --lang wins), the theme (AppTheme: system, light or dark, applied at once) and whether Del asks before it cancels.
class AppearancePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppearancePage)

public:
    explicit AppearancePage(QWidget *parent = nullptr);

    void load();
    // Saves both; applies the theme when it changed. Returns a note for the person ("… at the next start"), or "".
    QString apply();
    bool isModified() const;
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QCheckBox *askBeforeCancelBox() const { return m_askBeforeCancel; }

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QFormLayout *m_form;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QComboBox *m_theme;
    QLabel *m_themeNote;
    QCheckBox *m_askBeforeCancel;
    QString m_savedLanguage;
    AppTheme::Choice m_savedTheme = AppTheme::Choice::System;
};

} // namespace switchboard
