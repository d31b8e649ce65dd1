#include "history/HistoryExport.h"

#include "UiSettings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent>

namespace switchboard {

namespace {
// Writes the whole file or nothing; the error names the file.
QString writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return HistoryExport::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    if (file.write(content) != content.size() || !file.commit())
        return HistoryExport::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}
} // namespace

HistoryExport::HistoryExport(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    m_pool.setMaxThreadCount(1);
}

HistoryExport::~HistoryExport()
{
    m_pool.waitForDone();
}

QString HistoryExport::defaultFileName(const QString &runId, Kind kind)
{
    const QString run = runId.isEmpty() ? QStringLiteral("runs") : runId;
    switch (kind) {
    case Kind::Markdown:
        return QStringLiteral("report-%1.md").arg(run);
    case Kind::Json:
        return QStringLiteral("report-%1.json").arg(run);
    case Kind::Activity:
        return QStringLiteral("activity_tracker-%1.md").arg(run);
    case Kind::State:
        return QStringLiteral("project_state-%1.yaml").arg(run);
    }
    return {};
}

void HistoryExport::showDialog(std::shared_ptr<const HistorySnapshot> snapshot, Kind kind, const QString &fileName)
{
    if (!snapshot || !snapshot->run())
        return;
    QString filter;
    QString title;
    switch (kind) {
    case Kind::Markdown:
        title = tr("Export run report");
        filter = tr("Markdown (*.md)");
        break;
    case Kind::Json:
        title = tr("Export run report");
        filter = tr("JSON (*.json)");
        break;
    case Kind::Activity:
        title = tr("Export activity log");
        filter = tr("Markdown (*.md)");
        break;
    case Kind::State:
        title = tr("Export project state");
        filter = tr("YAML (*.yaml *.yml)");
        break;
    }
    QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    QString directory = settings.value(QStringLiteral("HistoryWindow/exportDirectory")).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(m_dialogParent, title, QDir(directory).filePath(fileName), filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("HistoryWindow/exportDirectory"), QFileInfo(path).absolutePath());
    start(std::move(snapshot), kind, path);
}

bool HistoryExport::start(std::shared_ptr<const HistorySnapshot> snapshot, Kind kind, const QString &path)
{
    if (!snapshot || !snapshot->run())
        return false;
    Q_EMIT started(path);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        Q_EMIT finished(path, error);
    });
    // The writers walk every goal: off the GUI thread for big runs. The snapshot is immutable and shared.
    watcher->setFuture(QtConcurrent::run(&m_pool, [snapshot = std::move(snapshot), kind, path] {
        return writeFile(path, ReportWriter::render(snapshot->history, kind));
    }));
    return true;
}

} // namespace switchboard
