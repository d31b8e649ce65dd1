// IndicatorContrastStyle: an unchecked check box in an item view stays visible on a dark palette (Fusion drew
// its outline and fill in nearly the Base colour, so the review pane's file list showed no boxes at all).
#include "style/IndicatorContrastStyle.h"

#include <QApplication>
#include <QImage>
#include <QListWidget>
#include <QPalette>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Base, QColor(0x1d, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Button, QColor(0x32, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

// The largest difference, in any channel, between a pixel of the rect and the Base colour.
int contrastWithBase(QAbstractItemView *view, const QRect &rect)
{
    const QImage image = view->viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    const QColor base = view->palette().color(QPalette::Base);
    int most = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            most = qMax(most, qMax(qAbs(c.red() - base.red()),
                                   qMax(qAbs(c.green() - base.green()), qAbs(c.blue() - base.blue()))));
        }
    }
    return most;
}

// A list whose one row is an unchecked box without text: all the row shows is the box.
int uncheckedBoxContrast(QStyle *style, bool tree)
{
    std::unique_ptr<QAbstractItemView> view;
    QRect row;
    if (tree) {
        auto *widget = new QTreeWidget;
        view.reset(widget);
        widget->setStyle(style);
        widget->setHeaderHidden(true);
        auto *item = new QTreeWidgetItem(widget);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
        widget->resize(200, 100);
        widget->show();
        row = widget->visualItemRect(item);
    } else {
        auto *widget = new QListWidget;
        view.reset(widget);
        widget->setStyle(style);
        auto *item = new QListWidgetItem(widget);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        widget->resize(200, 100);
        widget->show();
        row = widget->visualItemRect(item);
    }
    view->setPalette(darkPalette());
    // Nothing current or selected: the row then shows the box alone.
    view->setFocusPolicy(Qt::NoFocus);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setCurrentIndex({});
    if (!QTest::qWaitForWindowExposed(view.get()))
        return -1;
    return contrastWithBase(view.get(), row.adjusted(1, 1, -1, -1));
}
} // namespace

class TestIndicatorContrast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        IndicatorContrastStyle::install();
        QApplication::setPalette(darkPalette());
    }

    void installWrapsTheCurrentStyle()
    {
        auto *installed = qobject_cast<IndicatorContrastStyle *>(QApplication::style());
        QVERIFY(installed);
        QCOMPARE(installed->baseStyle()->name().toLower(), u"fusion"_s);
    }

    void uncheckedBoxIsVisibleOnDark_data()
    {
        QTest::addColumn<bool>("tree");
        QTest::newRow("list") << false;
        QTest::newRow("tree") << true;
    }

    void uncheckedBoxIsVisibleOnDark()
    {
        QFETCH(bool, tree);
        std::unique_ptr<QStyle> plain(QStyleFactory::create(u"Fusion"_s));
        const int before = uncheckedBoxContrast(plain.get(), tree);
        const int after = uncheckedBoxContrast(QApplication::style(), tree);
        QVERIFY(before >= 0 && after >= 0);
        // 60 of 255 in a channel reads as a clear outline on #1d1f22; plain Fusion's outline is within a few steps.
        QVERIFY2(after >= 60, qPrintable(u"outline contrast %1 (plain Fusion: %2)"_s.arg(after).arg(before)));
        QVERIFY2(after > before + 30, qPrintable(u"outline contrast %1 (plain Fusion: %2)"_s.arg(after).arg(before)));
    }
};

QTEST_MAIN(TestIndicatorContrast)
#include "tst_indicatorcontrast.moc"
