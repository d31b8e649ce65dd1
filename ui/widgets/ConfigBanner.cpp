#include "widgets/ConfigBanner.h"

#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int kIconSize = 22;
constexpr int kStripeWidth = 4;
// A warning, not a failure: the session works, on another config.
constexpr AgentState kTone = AgentState::Escalated;
} // namespace

ConfigBanner::ConfigBanner(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("configBanner"));
    m_title->setObjectName(QStringLiteral("configBannerTitle"));
    m_detail->setObjectName(QStringLiteral("configBannerMessage"));

    QFont titleFont = font();
    titleFont.setWeight(QFont::Bold);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_icon->setFixedSize(kIconSize, kIconSize);
    // The error names the file, line and column: people open it in an editor or copy it.
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_detail->setWordWrap(true);

    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("configBannerClose"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("×"));
    close->setAccessibleName(tr("Hide the configuration notice"));
    close->setToolTip(close->accessibleName());
    connect(close, &QToolButton::clicked, this, &QWidget::hide);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_detail);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(kStripeWidth + 12, 8, 12, 8);
    row->setSpacing(10);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    row->addWidget(close, 0, Qt::AlignTop);

    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    retranslate();
    updateColors();
    hide();
}

void ConfigBanner::showRecovery(const QString &summary)
{
    m_message = summary.trimmed();
    m_detail->setText(m_message);
    setAccessibleDescription(m_message);
    show();
}

QString ConfigBanner::text() const
{
    return QStringList{m_title->text(), m_message}.join(QLatin1Char('\n'));
}

void ConfigBanner::paintEvent(QPaintEvent *)
{
    // The same wash and stripe as the storage banner, in the warning tone; the icon and words carry the meaning.
    QPainter painter(this);
    const QColor accent = AgentStateStyle::accent(kTone, palette());
    painter.fillRect(rect(), palette().color(QPalette::Window));
    painter.fillRect(rect(), AgentStateStyle::badgeBackground(kTone, palette()));
    painter.fillRect(QRect(0, 0, kStripeWidth, height()), accent);
    painter.setPen(accent);
    painter.drawLine(rect().bottomLeft(), rect().bottomRight());
}

void ConfigBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

void ConfigBanner::retranslate()
{
    setAccessibleName(tr("Configuration problem"));
    m_title->setText(tr("Your configuration did not load: Switchboard started with a replacement"));
}

void ConfigBanner::updateColors()
{
    const QColor foreground = AgentStateStyle::foreground(kTone, palette());
    m_icon->setPixmap(
        ThemedIcons::pixmap(QStringLiteral("metric-warning"), foreground, kIconSize, devicePixelRatioF()));
    QPalette titlePalette = m_title->palette();
    titlePalette.setColor(QPalette::WindowText, foreground);
    m_title->setPalette(titlePalette);
    update();
}

} // namespace switchboard
