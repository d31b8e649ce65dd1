#include "scratchpad/ScratchpadDock.h"

#include "coordination/Scratchpad.h"
#include "orchestration/Orchestrator.h"
#include "scratchpad/ScratchpadModel.h"
#include "style/FormStyle.h"

#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace switchboard {

ScratchpadDock::ScratchpadDock(Orchestrator *orchestrator, QWidget *parent)
    : QDockWidget(parent)
    , m_orchestrator(orchestrator)
    , m_model(new ScratchpadModel(orchestrator ? &orchestrator->scratchpad() : nullptr, this))
{
    setObjectName(QStringLiteral("scratchpadDock"));
    setAllowedAreas(Qt::AllDockWidgetAreas);
    auto *body = new QWidget(this);
    body->setObjectName(QStringLiteral("scratchpadBody"));

    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("scratchpadSummary"));
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);

    m_view = new QTreeView(body);
    m_view->setObjectName(QStringLiteral("scratchpadTable"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ScratchpadModel::KeyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ScratchpadModel::TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ScratchpadModel::AuthorColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ScratchpadModel::TimeColumn, QHeaderView::ResizeToContents);
    header->resizeSection(ScratchpadModel::KeyColumn, 160);

    m_detail = new QPlainTextEdit(body);
    m_detail->setObjectName(QStringLiteral("scratchpadDetail"));
    m_detail->setReadOnly(true);
    m_detail->setMinimumHeight(QFontMetrics(font()).lineSpacing() * 3);

    auto *split = new QSplitter(Qt::Horizontal, body);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_keyLabel = new QLabel(body);
    m_key = new QLineEdit(body);
    m_key->setObjectName(QStringLiteral("noteKeyEdit"));
    m_key->setMaxLength(Scratchpad::kMaxKeyLength);
    m_keyLabel->setBuddy(m_key);
    m_textLabel = new QLabel(body);
    m_text = new QPlainTextEdit(body);
    m_text->setObjectName(QStringLiteral("noteTextEdit"));
    m_text->setTabChangesFocus(true);
    m_text->setFixedHeight(QFontMetrics(font()).lineSpacing() * 3 + 12);
    m_textLabel->setBuddy(m_text);
    m_save = new QPushButton(body);
    m_save->setObjectName(QStringLiteral("saveNoteButton"));
    m_error = FormStyle::makeErrorLabel(body, QStringLiteral("noteError"));

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(6);
    form->setVerticalSpacing(4);
    form->addWidget(m_keyLabel, 0, 0);
    form->addWidget(m_key, 0, 1);
    form->addWidget(m_save, 0, 2);
    form->addWidget(m_textLabel, 1, 0, Qt::AlignTop);
    form->addWidget(m_text, 1, 1, 1, 2);
    form->addWidget(m_error, 2, 1, 1, 2);
    form->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addLayout(form);
    setWidget(body);

    connect(m_save, &QPushButton::clicked, this, &ScratchpadDock::saveNote);
    connect(m_key, &QLineEdit::returnPressed, m_text, qOverload<>(&QWidget::setFocus));
    connect(m_key, &QLineEdit::textChanged, this, &ScratchpadDock::updateSaveButton);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        showCurrent();
        editCurrent();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ScratchpadDock::updateSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ScratchpadDock::updateSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ScratchpadDock::showCurrent);

    retranslate();
    updateSummary();
    updateSaveButton();
    showCurrent();
}

QString ScratchpadDock::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ScratchpadDock::saveNote()
{
    if (!m_orchestrator)
        return;
    const QString key = m_key->text().trimmed();
    QString error;
    if (!m_orchestrator->scratchpad().write(key, m_text->toPlainText(), QString(), &error)) {
        FormStyle::setFieldError(key.isEmpty() ? static_cast<QWidget *>(m_key) : m_text, m_error, error);
        return;
    }
    FormStyle::setFieldError(m_key, m_error, QString());
    m_model->refresh();
    const int row = m_model->rowForKey(key);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
}

void ScratchpadDock::showCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detail->setPlainText(QString());
        m_detail->setPlaceholderText(tr("Select a note to read all of it."));
        return;
    }
    const NoteRecord &note = m_model->noteAt(current.row());
    const QString author = note.authorAgentId.isEmpty() ? tr("you") : note.authorAgentId;
    const QString header = tr("%1 — written by %2, %3")
                               .arg(note.key, author, QLocale().toString(note.at.toLocalTime(), QLocale::ShortFormat));
    if (m_detail->toPlainText() != header + QStringLiteral("\n\n") + note.text)
        m_detail->setPlainText(header + QStringLiteral("\n\n") + note.text);
}

void ScratchpadDock::editCurrent()
{
    // Only when the selection changes: a note arriving while the human types must not overwrite the form.
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const NoteRecord &note = m_model->noteAt(current.row());
    m_key->setText(note.key);
    m_text->setPlainText(note.text);
    FormStyle::setFieldError(m_key, m_error, QString());
}

void ScratchpadDock::updateSummary()
{
    const int count = m_model->rowCount();
    m_summary->setText(count == 0 ? tr("No notes yet. Agents share what they learn here ({\"type\":\"note\"}); you can "
                                       "add a note below.")
                                  : tr("%n note(s) shared by this run's agents", nullptr, count));
}

void ScratchpadDock::updateSaveButton()
{
    m_save->setEnabled(!m_key->text().trimmed().isEmpty());
}

void ScratchpadDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateSummary();
        showCurrent();
    } else if (event->type() == QEvent::PaletteChange) {
        FormStyle::updateErrorColor(m_error);
    }
    QDockWidget::changeEvent(event);
}

void ScratchpadDock::retranslate()
{
    setWindowTitle(tr("Scratchpad"));
    m_keyLabel->setText(tr("&Key:"));
    m_textLabel->setText(tr("&Note:"));
    m_key->setPlaceholderText(tr("e.g. api-decision"));
    m_text->setPlaceholderText(tr("What every agent of this run should know"));
    m_save->setText(tr("&Save note"));
    m_save->setToolTip(tr("Write the note (replacing one with the same key); agents read it with read_notes"));
}

} // namespace switchboard
