#include "dialogs/ConditionField.h"

#include "style/FormStyle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace switchboard {

namespace {
// The test combo's item data.
enum Test : int
{
    Always,
    Succeeded,
    DidNotSucceed,
    ResultContains,
};
} // namespace

ConditionField::ConditionField(QWidget *parent)
    : QWidget(parent)
    , m_test(new QComboBox(this))
    , m_goal(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_error(FormStyle::makeErrorLabel(this, QStringLiteral("conditionError")))
{
    setObjectName(QStringLiteral("conditionField"));
    m_test->setObjectName(QStringLiteral("conditionTestCombo"));
    m_goal->setObjectName(QStringLiteral("conditionGoalCombo"));
    m_text->setObjectName(QStringLiteral("conditionTextEdit"));
    for (const int test : {Always, Succeeded, DidNotSucceed, ResultContains})
        m_test->addItem(QString(), test);
    m_goal->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_goal->setMinimumContentsLength(8);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_test);
    row->addWidget(m_goal, 1);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addLayout(row);
    column->addWidget(m_text);
    column->addWidget(m_error);

    const auto changed = [this] {
        clearProblem();
        updateFields();
        Q_EMIT conditionChanged();
    };
    connect(m_test, &QComboBox::currentIndexChanged, this, changed);
    connect(m_goal, &QComboBox::currentIndexChanged, this, changed);
    connect(m_text, &QLineEdit::textChanged, this, changed);
    retranslate();
    updateFields();
}

void ConditionField::setDependencies(const QList<QPair<QString, QString>> &dependencies)
{
    const QString current = m_goal->currentData().toString();
    const QSignalBlocker block(m_goal);
    m_goal->clear();
    for (const auto &[id, text] : dependencies)
        m_goal->addItem(text, id);
    m_goal->setCurrentIndex(qMax(0, m_goal->findData(current)));
    updateFields();
}

std::optional<GoalCondition> ConditionField::condition() const
{
    const int test = m_test->currentData().toInt();
    if (test == Always)
        return std::nullopt;
    GoalCondition condition;
    condition.goal = m_goal->currentData().toString();
    if (test == ResultContains) {
        condition.test = GoalCondition::Test::ResultContains;
        condition.text = m_text->text(); // matched as written: spaces may matter
    } else {
        condition.test = GoalCondition::Test::Succeeded;
        condition.succeeded = test == Succeeded;
    }
    return condition;
}

bool ConditionField::validate()
{
    const std::optional<GoalCondition> wanted = condition();
    QString problem;
    if (wanted && wanted->goal.isEmpty())
        problem = tr("Runs when: check the goal to test under Depends on first");
    else if (wanted && wanted->test == GoalCondition::Test::ResultContains && wanted->text.isEmpty())
        problem = tr("Runs when: enter the text the result must contain");
    FormStyle::setFieldError(wanted && wanted->goal.isEmpty() ? static_cast<QWidget *>(m_goal) : m_text, m_error,
                             problem);
    return problem.isEmpty();
}

void ConditionField::clearProblem()
{
    FormStyle::setFieldError(m_text, m_error, QString());
}

bool ConditionField::hasProblem() const
{
    return !m_error->isHidden();
}

void ConditionField::updateFields()
{
    const int test = m_test->currentData().toInt();
    m_goal->setVisible(test != Always);
    m_goal->setEnabled(m_goal->count() > 0);
    m_text->setVisible(test == ResultContains);
}

void ConditionField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        FormStyle::updateErrorColor(m_error);
    QWidget::changeEvent(event);
}

void ConditionField::retranslate()
{
    m_test->setItemText(Always, tr("Always"));
    m_test->setItemText(Succeeded, tr("Only if this succeeded:"));
    m_test->setItemText(DidNotSucceed, tr("Only if this did not succeed:"));
    m_test->setItemText(ResultContains, tr("Only if the result of this contains:"));
    m_test->setToolTip(tr("A goal whose condition is false is skipped, and so are the goals that depend on it"));
    m_goal->setPlaceholderText(tr("check a goal under Depends on"));
    m_text->setPlaceholderText(tr("Text the result must contain (case-sensitive), e.g. APPROVED"));
}

} // namespace switchboard
