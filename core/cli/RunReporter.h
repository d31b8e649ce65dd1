#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTextStream>
#include <QTimer>

namespace switchboard {

class Orchestrator;
struct RunSummary;

// Prints a headless run as it happens: one JSON object per line (--json), or readable event lines
// plus, on a terminal, a live status line redrawn a few times a second.
class RunReporter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunReporter)

public:
    enum class Format
    {
        Json,
        Text,
    };

    RunReporter(Orchestrator *orchestrator, Format format, FILE *out, bool interactive, QObject *parent = nullptr);
    ~RunReporter() override;

    void printSummary(const RunSummary &summary);
    void printNote(const QString &text);

private:
    void emitEvent(const QString &event, QJsonObject fields);
    void printLine(const QString &line);
    void redrawStatus();
    void clearStatus();
    QString goalOf(const QString &agentId) const;

    Orchestrator *m_orchestrator;
    const Format m_format;
    QTextStream m_out;
    const bool m_interactive;
    QTimer m_statusTimer;
    bool m_statusShown = false;
};

} // namespace switchboard
