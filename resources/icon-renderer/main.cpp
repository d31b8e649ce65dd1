// switchboard-render-icon: renders the app's SVG icon into the PNG sizes of the hicolor theme at build time,
// with the same QtSvg renderer the app draws its icon with. Usage: switchboard-render-icon SVG SIZE PNG [SIZE PNG]...
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    if (args.size() < 4 || args.size() % 2 != 0) {
        err << "usage: switchboard-render-icon SVG SIZE PNG [SIZE PNG]...\n";
        return 2;
    }

    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        err << "switchboard-render-icon: cannot read " << args.at(1) << '\n';
        return 1;
    }
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0 || size > 4096) {
            err << "switchboard-render-icon: not a size: " << args.at(i) << '\n';
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        if (!image.save(args.at(i + 1), "PNG")) {
            err << "switchboard-render-icon: cannot write " << args.at(i + 1) << '\n';
            return 1;
        }
    }
    return 0;
}
