#include "widgets/StorageBanner.h"

#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int kIconSize = 22;
constexpr int kStripeWidth = 4;
} // namespace

StorageBanner::StorageBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_consequence(new QLabel(this))
{
    setObjectName(QStringLiteral("storageBanner"));
    m_title->setObjectName(QStringLiteral("storageBannerTitle"));
    m_detail->setObjectName(QStringLiteral("storageBannerMessage"));
    m_consequence->setObjectName(QStringLiteral("storageBannerConsequence"));
    setAccessibleName(tr("Storage failure"));

    QFont titleFont = font();
    titleFont.setWeight(QFont::Bold);
    m_title->setFont(titleFont);
    m_icon->setFixedSize(kIconSize, kIconSize);
    m_icon->setAlignment(Qt::AlignTop);
    // The message names the file and the error: people copy it into a bug report or a search.
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setWordWrap(true);
    m_consequence->setWordWrap(true);
    m_title->setWordWrap(true);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_consequence);
    text->addWidget(m_detail);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(kStripeWidth + 12, 8, 12, 8);
    row->setSpacing(10);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    retranslate();
    updateColors();
    hide();
}

void StorageBanner::showFailure(const QString &message)
{
    m_message = message.trimmed();
    m_detail->setText(m_message);
    m_detail->setVisible(!m_message.isEmpty());
    show();
}

void StorageBanner::showDamaged(const QString &message)
{
    m_damaged = true;
    retranslate();
    showFailure(message);
}

QString StorageBanner::text() const
{
    QStringList parts{m_title->text(), m_consequence->text()};
    if (!m_message.isEmpty())
        parts << m_message;
    return parts.join(QLatin1Char('\n'));
}

void StorageBanner::paintEvent(QPaintEvent *)
{
    // A wash of the failure colour with a solid stripe: visible in light and dark themes; the icon and the
    // words carry the meaning for anyone who cannot tell the colour.
    QPainter painter(this);
    const QColor accent = AgentStateStyle::accent(AgentState::Failed, palette());
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.fillRect(rect(), AgentStateStyle::badgeBackground(AgentState::Failed, palette()));
    painter.fillRect(QRect(0, 0, kStripeWidth, height()), accent);
    painter.setPen(accent);
    painter.drawLine(rect().bottomLeft(), rect().bottomRight());
}

void StorageBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

void StorageBanner::retranslate()
{
    if (m_damaged) {
        m_title->setText(tr("The database is damaged: this session is not recorded"));
        m_consequence->setText(tr("Switchboard did not open it and changed nothing in it. Agents run, but nothing "
                                  "survives a restart. Recover what can be read (switchboard recover), then "
                                  "restart with the new file (--db)."));
        return;
    }
    m_title->setText(tr("Switchboard cannot write to its database: dispatch is paused"));
    m_consequence->setText(tr("New agents will not start; agents already running go on. Nothing already recorded "
                              "is lost. Free some disk space or fix the error below, then restart Switchboard."));
}

void StorageBanner::updateColors()
{
    const QColor foreground = AgentStateStyle::foreground(AgentState::Failed, palette());
    m_icon->setPixmap(
        ThemedIcons::pixmap(QStringLiteral("storage-failed"), foreground, kIconSize, devicePixelRatioF()));
    QPalette titlePalette = m_title->palette();
    titlePalette.setColor(QPalette::WindowText, foreground);
    m_title->setPalette(titlePalette);
    update();
}

} // namespace switchboard
