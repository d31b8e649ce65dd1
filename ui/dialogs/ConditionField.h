#pragma once

#include "model/GoalCondition.h"

#include <QList>
#include <QPair>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace switchboard {

// The New goal form's "Runs when" field (issue 16): always, or only if one of the goal's dependencies succeeded,
// did not succeed, or has a result containing a text. A goal whose condition is false is skipped, never run.
class ConditionField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionField)

public:
    explicit ConditionField(QWidget *parent = nullptr);

    // The goals the condition may test: the new goal's checked dependencies (id, shown text).
    void setDependencies(const QList<QPair<QString, QString>> &dependencies);
    // nullopt: it always runs.
    std::optional<GoalCondition> condition() const;
    // Shows what is wrong under the field; true when nothing is.
    bool validate();
    void clearProblem();
    bool hasProblem() const;

    QComboBox *testCombo() const { return m_test; }
    QComboBox *goalCombo() const { return m_goal; }
    QLineEdit *textEdit() const { return m_text; }
    QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    void conditionChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFields();
    void retranslate();

    QComboBox *m_test;
    QComboBox *m_goal;
    QLineEdit *m_text;
    QLabel *m_error;
};

} // namespace switchboard
