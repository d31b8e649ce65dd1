// The install layout: `cmake --install` of this build into a temporary prefix, then every file a desktop
// needs checked where it lands, validated by the freedesktop tools, and the installed binary run.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct ToolRun
{
    int exitCode = -1;
    QString output; // stdout and stderr together, as a person would see them
};

ToolRun runTool(const QString &program, const QStringList &args, const QProcessEnvironment &environment = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, args);
    ToolRun run;
    if (!process.waitForStarted(10000)) {
        run.output = u"cannot start %1: %2"_s.arg(program, process.errorString());
        return run;
    }
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        run.output = u"%1 did not finish"_s.arg(program);
        return run;
    }
    run.output = QString::fromUtf8(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

// A program the test needs from a Debian package (scripts/setup installs it); its path, or a failure message.
QString requiredProgram(const QString &name, const QString &package)
{
    const QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty())
        qWarning("%s not found: install the Debian package %s (scripts/setup does)", qPrintable(name),
                 qPrintable(package));
    return path;
}

// A name as Qt's resource compiler stores it in the binary's resource tree (UTF-16, big-endian).
QByteArray resourceName(const QString &name)
{
    QByteArray bytes;
    for (const QChar c : name) {
        bytes.append(static_cast<char>(c.unicode() >> 8));
        bytes.append(static_cast<char>(c.unicode() & 0xff));
    }
    return bytes;
}
} // namespace

class TestInstall final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filesAreLaidOut_data();
    void filesAreLaidOut();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void pngIconsHaveTheirSize_data();
    void pngIconsHaveTheirSize();
    void manPageListsTheCommands();
    void installedBinaryRuns();
    void installedBinaryCarriesItsTranslations();

private:
    QString installed(const QString &relativePath) const { return m_prefix.filePath(relativePath); }

    QTemporaryDir m_prefix;
    QTemporaryDir m_home;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    QVERIFY(m_home.isValid());
    const ToolRun install =
        runTool(QStringLiteral(SWITCHBOARD_CMAKE_COMMAND),
                {u"--install"_s, QStringLiteral(SWITCHBOARD_BUILD_DIR), u"--prefix"_s, m_prefix.path()});
    QVERIFY2(install.exitCode == 0, qPrintable(install.output));
}

void TestInstall::filesAreLaidOut_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("binary") << u"bin/switchboard"_s;
    QTest::newRow("desktop entry") << u"share/applications/switchboard.desktop"_s;
    QTest::newRow("metainfo") << u"share/metainfo/io.github.switchboard.metainfo.xml"_s;
    QTest::newRow("scalable icon") << u"share/icons/hicolor/scalable/apps/switchboard.svg"_s;
    QTest::newRow("man page") << u"share/man/man1/switchboard.1"_s;
}

void TestInstall::filesAreLaidOut()
{
    QFETCH(QString, path);
    const QFileInfo info(installed(path));
    QVERIFY2(info.isFile(), qPrintable(path));
    QVERIFY2(info.size() > 0, qPrintable(path));
    if (path.startsWith(u"bin/"))
        QVERIFY(info.isExecutable());
}

void TestInstall::desktopEntryIsValid()
{
    const QString validator = requiredProgram(u"desktop-file-validate"_s, u"desktop-file-utils"_s);
    QVERIFY(!validator.isEmpty());
    const QString entry = installed(u"share/applications/switchboard.desktop"_s);
    const ToolRun run = runTool(validator, {entry});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));
    // Not even a hint: the validator's hints (such as two main categories) are things a menu gets wrong.
    QVERIFY2(run.output.trimmed().isEmpty(), qPrintable(run.output));

    // The entry starts what is installed, with the icon that is installed.
    QSettings desktop(entry, QSettings::IniFormat);
    desktop.beginGroup(u"Desktop Entry"_s);
    const QString exec = desktop.value(u"Exec"_s).toString();
    QCOMPARE(exec.section(u' ', 0, 0), u"switchboard"_s);
    QVERIFY(QFileInfo(installed(u"bin/"_s + exec.section(u' ', 0, 0))).isExecutable());
    const QString icon = desktop.value(u"Icon"_s).toString();
    QVERIFY(QFile::exists(installed(u"share/icons/hicolor/scalable/apps/%1.svg"_s.arg(icon))));
    QVERIFY(QFile::exists(installed(u"share/icons/hicolor/48x48/apps/%1.png"_s.arg(icon))));
}

void TestInstall::metainfoIsValid()
{
    const QString appstreamcli = requiredProgram(u"appstreamcli"_s, u"appstream"_s);
    QVERIFY(!appstreamcli.isEmpty());
    const QString metainfo = installed(u"share/metainfo/io.github.switchboard.metainfo.xml"_s);
    const ToolRun run = runTool(appstreamcli, {u"validate"_s, u"--no-net"_s, metainfo});
    QVERIFY2(run.exitCode == 0, qPrintable(run.output));

    // It launches the desktop entry that is installed, and names the binary that is installed.
    QFile file(metainfo);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QRegularExpression launchable(u"<launchable type=\"desktop-id\">([^<]+)</launchable>"_s);
    const QRegularExpressionMatch match = launchable.match(text);
    QVERIFY(match.hasMatch());
    QVERIFY(QFile::exists(installed(u"share/applications/"_s + match.captured(1))));
    QVERIFY(text.contains(u"<binary>switchboard</binary>"));
}

void TestInstall::pngIconsHaveTheirSize_data()
{
    QTest::addColumn<int>("size");
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        QTest::addRow("%dpx", size) << size;
}

void TestInstall::pngIconsHaveTheirSize()
{
    QFETCH(int, size);
    const QString path = installed(u"share/icons/hicolor/%1x%1/apps/switchboard.png"_s.arg(size));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.size(), QSize(size, size));
    const QImage image = reader.read();
    QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
    // Rendered from the SVG, not an empty canvas: the middle is the icon's opaque blue, the corners (outside
    // its rounded square) are transparent.
    const QColor middle = image.pixelColor(size / 2, size / 2 - size / 8);
    QCOMPARE(middle.alpha(), 255);
    QVERIFY2(middle.blue() > middle.red() + 60, qPrintable(middle.name()));
    QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
}

void TestInstall::manPageListsTheCommands()
{
    QFile file(installed(u"share/man/man1/switchboard.1"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(file.readAll());
    QVERIFY2(page.contains(u".TH SWITCHBOARD 1 "), qPrintable(page.left(400)));
    for (const QString &command : {u"run"_s, u"plan"_s, u"resume"_s, u"status"_s, u"report"_s}) {
        const QRegularExpression usage(u"switchboard %1 "_s.arg(command));
        QVERIFY2(page.contains(usage), qPrintable(command));
    }
    // The version is the one built, and the default paths are the user's, not the build machine's home.
    QVERIFY(page.contains(QStringLiteral(SWITCHBOARD_VERSION)));
    QVERIFY2(page.contains(u"~/.config/switchboard/switchboard.yaml"), qPrintable(page));
    QVERIFY(!page.contains(QDir::homePath() + u'/'));
}

void TestInstall::installedBinaryRuns()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_home.path());
    environment.remove(u"XDG_CONFIG_HOME"_s);
    environment.remove(u"XDG_DATA_HOME"_s);
    const ToolRun version = runTool(installed(u"bin/switchboard"_s), {u"--version"_s}, environment);
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.output, u"switchboard %1\n"_s.arg(QStringLiteral(SWITCHBOARD_VERSION)));

    const ToolRun help = runTool(installed(u"bin/switchboard"_s), {u"--help"_s}, environment);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.output.contains(u"switchboard resume"));
}

void TestInstall::installedBinaryCarriesItsTranslations()
{
    // The .qm files are compiled into the binary (ui/CMakeLists.txt: qt_add_translations, :/i18n), so the
    // installed binary needs no translation files beside it. Checked on the installed file itself: its
    // resource tree holds the i18n folder and a catalogue for every language.
    QFile binary(installed(u"bin/switchboard"_s));
    QVERIFY(binary.open(QIODevice::ReadOnly));
    const QByteArray bytes = binary.readAll();
    QVERIFY(bytes.contains(resourceName(u"i18n"_s)));
    for (const QString &language : {u"de"_s, u"fr"_s, u"en"_s})
        QVERIFY2(bytes.contains(resourceName(u"switchboard_%1.qm"_s.arg(language))), qPrintable(language));
    QVERIFY(!bytes.contains(resourceName(u"switchboard_xx.qm"_s))); // the check can tell a missing one
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
