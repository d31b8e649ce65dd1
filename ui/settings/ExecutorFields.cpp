#include "ExecutorFields.h"

#include "style/FormStyle.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace switchboard {

namespace {

const QString kProfile = QStringLiteral("profile");

// The keys of each kind's rows, in the order of the form.
const QStringList &slurmKeys()
{
    static const QStringList keys{QStringLiteral("partition"),  QStringLiteral("account"),   QStringLiteral("qos"),
                                  QStringLiteral("time_limit"), QStringLiteral("cpus"),      QStringLiteral("mem"),
                                  QStringLiteral("gres"),       QStringLiteral("extra_args")};
    return keys;
}

const QStringList &sshKeys()
{
    static const QStringList keys{QStringLiteral("host"),    QStringLiteral("user"),
                                  QStringLiteral("port"),    QStringLiteral("identity_file"),
                                  QStringLiteral("workdir"), QStringLiteral("extra_options")};
    return keys;
}

// An argument as QProcess::splitCommand() reads it back: quoted when it has spaces or quotes, a quote as """.
QString joinArguments(const QStringList &arguments)
{
    QStringList parts;
    for (const QString &argument : arguments) {
        const bool plain = !argument.isEmpty() && std::none_of(argument.cbegin(), argument.cend(),
                                                               [](QChar c) { return c.isSpace() || c == u'"'; });
        if (plain) {
            parts << argument;
        } else {
            QString text = argument;
            text.replace(QStringLiteral("\""), QStringLiteral("\"\"\""));
            parts << u'"' + text + u'"';
        }
    }
    return parts.join(u' ');
}

QLineEdit *lineEdit(const QString &objectName)
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    return edit;
}

} // namespace

ExecutorFields::ExecutorFields(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_form(new QFormLayout(this))
    , m_kind(new QComboBox)
    , m_partition(lineEdit(QStringLiteral("executorPartition")))
    , m_account(lineEdit(QStringLiteral("executorAccount")))
    , m_qos(lineEdit(QStringLiteral("executorQos")))
    , m_timeLimit(lineEdit(QStringLiteral("executorTimeLimit")))
    , m_cpus(new QSpinBox)
    , m_mem(lineEdit(QStringLiteral("executorMem")))
    , m_gres(lineEdit(QStringLiteral("executorGres")))
    , m_extraArgs(lineEdit(QStringLiteral("executorExtraArgs")))
    , m_host(lineEdit(QStringLiteral("executorHost")))
    , m_user(lineEdit(QStringLiteral("executorUser")))
    , m_port(lineEdit(QStringLiteral("executorPort")))
    , m_identityFile(lineEdit(QStringLiteral("executorIdentityFile")))
    , m_browse(new QPushButton)
    , m_workdir(lineEdit(QStringLiteral("executorWorkdir")))
    , m_extraOptions(lineEdit(QStringLiteral("executorExtraOptions")))
{
    setObjectName(QStringLiteral("executorFields"));
    m_kind->setObjectName(QStringLiteral("executorKind"));
    if (m_mode == Mode::GoalOverride)
        m_kind->addItem(QString(), kProfile);
    for (const ExecutorSpec::Kind kind :
         {ExecutorSpec::Kind::Local, ExecutorSpec::Kind::Slurm, ExecutorSpec::Kind::Ssh})
        m_kind->addItem(QString(), ExecutorSpec::kindName(kind));
    m_cpus->setObjectName(QStringLiteral("executorCpus"));
    m_cpus->setRange(0, 4096);
    m_cpus->setMinimumWidth(160);
    // A port is typed, not spun: what was typed is shown back in the message when it is not one.
    m_port->setMaxLength(12);
    m_port->setMaximumWidth(160);
    m_browse->setObjectName(QStringLiteral("executorBrowseIdentity"));

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    addRow(QStringLiteral("kind"), m_kind);
    addRow(QStringLiteral("partition"), m_partition);
    addRow(QStringLiteral("account"), m_account);
    addRow(QStringLiteral("qos"), m_qos);
    addRow(QStringLiteral("time_limit"), m_timeLimit);
    addRow(QStringLiteral("cpus"), m_cpus);
    addRow(QStringLiteral("mem"), m_mem);
    addRow(QStringLiteral("gres"), m_gres);
    addRow(QStringLiteral("extra_args"), m_extraArgs);
    addRow(QStringLiteral("host"), m_host);
    addRow(QStringLiteral("user"), m_user);
    addRow(QStringLiteral("port"), m_port);
    addRow(QStringLiteral("identity_file"), m_identityFile, m_browse);
    addRow(QStringLiteral("workdir"), m_workdir);
    addRow(QStringLiteral("extra_options"), m_extraOptions);

    const auto edited = [this] {
        if (m_loading)
            return;
        // A message already shown follows the edits, so it goes as soon as the value is right.
        if (std::any_of(m_fields.cbegin(), m_fields.cend(),
                        [](const Field &field) { return !field.error->isHidden(); }))
            showProblems();
        Q_EMIT changed();
    };
    for (QLineEdit *edit : {m_partition, m_account, m_qos, m_timeLimit, m_mem, m_gres, m_extraArgs, m_host, m_user,
                            m_port, m_identityFile, m_workdir, m_extraOptions})
        connect(edit, &QLineEdit::textChanged, this, edited);
    connect(m_cpus, &QSpinBox::valueChanged, this, edited);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this, edited] {
        updateVisibility();
        edited();
    });
    connect(m_browse, &QPushButton::clicked, this, &ExecutorFields::browseIdentity);
    retranslate();
    updateVisibility();
}

ExecutorFields::~ExecutorFields() = default;

void ExecutorFields::addRow(const QString &key, QWidget *input, QWidget *extra)
{
    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    const bool narrow = input == m_cpus || input == m_port;
    if (extra) {
        auto *line = new QHBoxLayout;
        line->setContentsMargins(0, 0, 0, 0);
        line->addWidget(input, 1);
        line->addWidget(extra);
        column->addLayout(line);
    } else {
        column->addWidget(input, 0, narrow ? Qt::AlignLeft : Qt::Alignment());
    }
    QLabel *error = FormStyle::makeErrorLabel(cell, key + QStringLiteral("Error"));
    column->addWidget(error);
    auto *label = new QLabel;
    label->setBuddy(input);
    m_form->addRow(label, cell);
    m_fields.insert(key, Field{input, error, label, cell});
    m_order << key;
}

void ExecutorFields::setExecutor(const std::optional<ExecutorSpec> &spec)
{
    m_loading = true;
    const ExecutorSpec shown = spec.value_or(ExecutorSpec{});
    const QString kind = spec || m_mode == Mode::Profile ? ExecutorSpec::kindName(shown.kind) : kProfile;
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind)));
    m_partition->setText(shown.slurm.partition);
    m_account->setText(shown.slurm.account);
    m_qos->setText(shown.slurm.qos);
    m_timeLimit->setText(shown.slurm.timeLimit);
    m_cpus->setValue(shown.slurm.cpus);
    m_mem->setText(shown.slurm.mem);
    m_gres->setText(shown.slurm.gres);
    m_extraArgs->setText(joinArguments(shown.slurm.extraArgs));
    m_host->setText(shown.ssh.host);
    m_user->setText(shown.ssh.user);
    m_port->setText(shown.ssh.port > 0 ? QString::number(shown.ssh.port) : QString());
    m_identityFile->setText(shown.ssh.identityFile);
    m_workdir->setText(shown.ssh.workdir);
    m_extraOptions->setText(joinArguments(shown.ssh.extraOptions));
    updateVisibility();
    m_loading = false;
    showProblems();
}

std::optional<ExecutorSpec> ExecutorFields::executor() const
{
    const QString kind = m_kind->currentData().toString();
    if (kind == kProfile)
        return std::nullopt;
    ExecutorSpec spec;
    if (kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Slurm)) {
        spec.kind = ExecutorSpec::Kind::Slurm;
        spec.slurm.partition = m_partition->text().trimmed();
        spec.slurm.account = m_account->text().trimmed();
        spec.slurm.qos = m_qos->text().trimmed();
        spec.slurm.timeLimit = m_timeLimit->text().trimmed();
        spec.slurm.cpus = m_cpus->value();
        spec.slurm.mem = m_mem->text().trimmed();
        spec.slurm.gres = m_gres->text().trimmed();
        spec.slurm.extraArgs = QProcess::splitCommand(m_extraArgs->text());
    } else if (kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Ssh)) {
        spec.kind = ExecutorSpec::Kind::Ssh;
        spec.ssh.host = m_host->text().trimmed();
        spec.ssh.user = m_user->text().trimmed();
        spec.ssh.port = m_port->text().trimmed().toInt(); // not a number: 0, and problems() names it
        spec.ssh.identityFile = m_identityFile->text().trimmed();
        spec.ssh.workdir = m_workdir->text().trimmed();
        spec.ssh.extraOptions = QProcess::splitCommand(m_extraOptions->text());
    }
    return spec;
}

QList<ExecutorRules::Problem> ExecutorFields::problems() const
{
    const std::optional<ExecutorSpec> spec = executor();
    if (!spec)
        return {};
    QList<ExecutorRules::Problem> found;
    for (const ExecutorRules::Problem &problem : ExecutorRules::problems(*spec)) {
        if (problem.field != u"port")
            found.append({problem.field, problem.field + QStringLiteral(": ") + problem.message});
    }
    // The file has a number or no port; the form has text, so "0" and "22a" are refused here as the file would.
    const QString port = m_port->text().trimmed();
    if (spec->kind == ExecutorSpec::Kind::Ssh && !port.isEmpty()) {
        bool number = false;
        const int value = port.toInt(&number);
        const QString problem =
            number ? ExecutorRules::portProblem(value) : tr("expected a port between 1 and 65535, got “%1”").arg(port);
        if (!problem.isEmpty())
            found.append({QStringLiteral("port"), QStringLiteral("port: ") + problem});
    }
    return found;
}

void ExecutorFields::clearProblems()
{
    for (const Field &field : std::as_const(m_fields))
        FormStyle::setFieldError(field.input, field.error, QString());
}

bool ExecutorFields::showProblems()
{
    const QList<ExecutorRules::Problem> found = problems();
    clearProblems();
    for (const ExecutorRules::Problem &problem : found) {
        const auto field = m_fields.constFind(problem.field);
        if (field == m_fields.cend())
            continue;
        const QString shown = field->error->text();
        FormStyle::setFieldError(field->input, field->error,
                                 field->error->isHidden() || shown.isEmpty() ? problem.message
                                                                             : shown + u'\n' + problem.message);
    }
    return !found.isEmpty();
}

QWidget *ExecutorFields::fieldWidget(const QString &key) const
{
    return m_fields.value(key).input;
}

QList<QLabel *> ExecutorFields::labels() const
{
    QList<QLabel *> labels;
    for (const QString &key : m_order)
        labels << m_fields.value(key).label;
    return labels;
}

void ExecutorFields::updateVisibility()
{
    const QString kind = m_kind->currentData().toString();
    const bool slurm = kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Slurm);
    const bool ssh = kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Ssh);
    for (const QString &key : slurmKeys())
        m_form->setRowVisible(m_fields.value(key).cell, slurm);
    for (const QString &key : sshKeys())
        m_form->setRowVisible(m_fields.value(key).cell, ssh);
}

void ExecutorFields::browseIdentity()
{
    QString start = m_identityFile->text().trimmed();
    if (start.isEmpty())
        start = QDir::homePath() + QStringLiteral("/.ssh");
    const QString chosen = QFileDialog::getOpenFileName(this, tr("SSH identity file"), start);
    if (!chosen.isEmpty())
        m_identityFile->setText(chosen);
}

void ExecutorFields::retranslate()
{
    for (int i = 0; i < m_kind->count(); ++i) {
        const QString kind = m_kind->itemData(i).toString();
        if (kind == kProfile)
            m_kind->setItemText(i, tr("As its profile"));
        else if (kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Local))
            m_kind->setItemText(i, tr("This computer (local)"));
        else if (kind == ExecutorSpec::kindName(ExecutorSpec::Kind::Slurm))
            m_kind->setItemText(i, tr("Slurm cluster"));
        else
            m_kind->setItemText(i, tr("SSH host"));
    }
    m_kind->setToolTip(m_mode == Mode::GoalOverride
                           ? tr("Where this goal's agent runs its program; “As its profile” keeps the profile's choice")
                           : tr("Where this profile's agents run their program"));
    const auto label = [this](const char *key, QString text) {
        // The New goal form's labels have no colon.
        if (m_mode == Mode::GoalOverride && text.endsWith(u':'))
            text.chop(1);
        if (QLabel *l = m_fields.value(QString::fromLatin1(key)).label)
            l->setText(text);
    };
    label("kind", m_mode == Mode::Profile ? tr("E&xecutor:") : tr("R&uns on"));
    label("partition", tr("Pa&rtition:"));
    label("account", tr("Acco&unt:"));
    label("qos", tr("&QoS:"));
    label("time_limit", tr("Time &limit:"));
    label("cpus", tr("&CPUs per task:"));
    label("mem", tr("M&emory:"));
    label("gres", tr("&GRES:"));
    label("extra_args", tr("Extra s&run options:"));
    label("host", tr("&Host:"));
    label("user", tr("&User:"));
    label("port", tr("Po&rt:"));
    label("identity_file", tr("&Identity file:"));
    label("workdir", tr("Remote &folder:"));
    label("extra_options", tr("Extra ssh o&ptions:"));

    m_partition->setPlaceholderText(tr("default: the cluster's"));
    m_account->setPlaceholderText(tr("default: yours"));
    m_qos->setPlaceholderText(tr("default: the account's"));
    m_timeLimit->setPlaceholderText(tr("e.g. 30 or 2:00:00 (default: the partition's)"));
    m_timeLimit->setToolTip(tr("Minutes, or Slurm's [days-]hours:minutes:seconds"));
    m_cpus->setSpecialValueText(tr("default"));
    m_mem->setPlaceholderText(tr("e.g. 4G or 512M (default: the partition's)"));
    m_gres->setPlaceholderText(tr("e.g. gpu:1"));
    m_extraArgs->setPlaceholderText(tr("e.g. --constraint=avx2 --exclusive"));
    m_extraArgs->setToolTip(tr("More srun options, separated by spaces"));
    m_host->setPlaceholderText(tr("e.g. build-7 or a Host of ~/.ssh/config"));
    m_user->setPlaceholderText(tr("default: ssh's"));
    m_port->setPlaceholderText(tr("22"));
    m_identityFile->setPlaceholderText(tr("default: the ssh agent's keys"));
    m_browse->setText(tr("&Browse…"));
    m_workdir->setPlaceholderText(tr("default: the same path as here (a shared filesystem)"));
    m_workdir->setToolTip(tr("The agent runs in this folder's subfolder named like its local workspace; without "
                             "it, in the workspace's own path, which must exist on the host"));
    m_extraOptions->setPlaceholderText(tr("e.g. StrictHostKeyChecking=accept-new"));
    m_extraOptions->setToolTip(tr("More ssh -o Key=Value options, separated by spaces"));
}

void ExecutorFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        for (const Field &field : std::as_const(m_fields))
            FormStyle::updateErrorColor(field.error);
    QWidget::changeEvent(event);
}

} // namespace switchboard
