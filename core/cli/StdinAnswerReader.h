#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace switchboard {

class Orchestrator;

// Reads a headless run's answers from stdin, one per line, and hands them to the orchestrator (which makes
// them durable before the agent gets them):
//   {"type":"answer","id":"e-1","option":"A","text":"..."}   (or {"answer":"e-1",...})
//   e-1 A optional note text
// and the human's "resume now" for a profile paused by a rate limit (every paused profile without a name):
//   resume-profile NAME          {"type":"resume_profile","profile":"NAME"}
// A bad line is reported on stderr with its line number and skipped. At end of input it says so,
// so questions nobody can answer any more do not wait forever.
class StdinAnswerReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdinAnswerReader)

public:
    StdinAnswerReader(Orchestrator *orchestrator, int fd, QObject *parent = nullptr);

    bool atEnd() const { return m_atEnd; }
    // Parses and applies one line; returns an error message (empty when it was applied).
    static QString applyLine(Orchestrator &orchestrator, const QString &line);

Q_SIGNALS:
    void endOfInput();
    void lineRejected(int lineNumber, const QString &message);

private:
    void handleReadable();
    // An empty profile: every rate-limited one.
    static QString resumeProfile(Orchestrator &orchestrator, const QString &profile);

    Orchestrator *m_orchestrator;
    int m_fd;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    int m_lineNumber = 0;
    bool m_atEnd = false;
};

} // namespace switchboard
