#pragma once

#include "history/HistorySnapshot.h"
#include "persistence/ReportWriter.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

class QWidget;

namespace switchboard {

// Saving a run from the History window: its report (Markdown or JSON), activity log or project state, written
// whole or not at all on a worker thread from the immutable snapshot; the save dialog remembers its folder.
class HistoryExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryExport)

public:
    using Kind = ReportWriter::Format;

    // The save dialog opens on dialogParent.
    explicit HistoryExport(QWidget *dialogParent);
    ~HistoryExport() override; // waits for a write in flight

    // "report-r-3.md", "activity_tracker-r-3.md", ... ("runs" for every run).
    static QString defaultFileName(const QString &runId, Kind kind);
    // Asks where to save (fileName in the folder used last), then writes; nothing when the dialog is cancelled.
    void showDialog(std::shared_ptr<const HistorySnapshot> snapshot, Kind kind, const QString &fileName);
    // Starts writing the snapshot's run to path; false when the snapshot holds no single run.
    bool start(std::shared_ptr<const HistorySnapshot> snapshot, Kind kind, const QString &path);

Q_SIGNALS:
    void started(const QString &path);
    // error is empty when the whole file was written; it names the file otherwise.
    void finished(const QString &path, const QString &error);

private:
    QWidget *m_dialogParent;
    QThreadPool m_pool;
};

} // namespace switchboard
