#include "HeadlessRun.h"

#include "Cli.h"
#include "Console.h"
#include "RunOptions.h"
#include "RunReporter.h"
#include "SignalWatcher.h"
#include "StdinAnswerReader.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace switchboard {

int HeadlessRun::exec(Orchestrator &orchestrator, Store &store, const RunOptions &options, const QString &note,
                      const std::function<bool()> &start)
{
    // Unattended: a goal out of retries fails instead of waiting for a human who is not there.
    orchestrator.setEscalateExhaustedRetries(options.autoAnswer.isEmpty());
    RunReporter reporter(&orchestrator, options.json ? RunReporter::Format::Json : RunReporter::Format::Text, stdout,
                         ::isatty(STDOUT_FILENO) == 1);
    if (!options.json)
        reporter.printNote(note);

    // Questions: answered automatically, from stdin, or (stdin closed) impossible to answer. Every answer goes
    // through the orchestrator, which records it before the agent gets it.
    StdinAnswerReader answers(&orchestrator, STDIN_FILENO);
    QObject::connect(&answers, &StdinAnswerReader::lineRejected, &orchestrator, [](int line, const QString &message) {
        Console::printError(QStringLiteral("error: stdin line %1: %2").arg(line).arg(message));
    });
    const auto unanswerable = [&orchestrator](const Escalation &e) {
        orchestrator.stopAgent(e.agentId,
                               QStringLiteral("question %1 cannot be answered: stdin is closed and --auto-answer "
                                              "is not set")
                                   .arg(e.id),
                               QStringLiteral("unanswered"));
    };
    QObject::connect(&orchestrator.inbox(), &EscalationInbox::escalationRaised, &orchestrator,
                     [&orchestrator, &answers, autoAnswer = options.autoAnswer, unanswerable](const Escalation &e) {
                         if (!e.isOpen())
                             return;
                         if (autoAnswer == u"first") {
                             orchestrator.answer(e.id, e.options.isEmpty() ? QString() : e.options.first().key,
                                                 e.options.isEmpty() ? QStringLiteral("(auto-answered)") : QString(),
                                                 nullptr, QStringLiteral("auto-answer"));
                         } else if (autoAnswer == u"fail") {
                             orchestrator.stopAgent(
                                 e.agentId,
                                 QStringLiteral("question %1 failed the agent (--auto-answer fail)").arg(e.id),
                                 QStringLiteral("unanswered"));
                         } else if (answers.atEnd()) {
                             unanswerable(e);
                         }
                     });
    QObject::connect(&answers, &StdinAnswerReader::endOfInput, &orchestrator, [&orchestrator, unanswerable]() {
        for (const Escalation &e : orchestrator.inbox().open())
            unanswerable(e);
    });

    int interruptedBy = 0;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &orchestrator,
                     [&orchestrator, &interruptedBy](int signalNumber) {
                         if (interruptedBy != 0)
                             return;
                         interruptedBy = signalNumber;
                         orchestrator.pauseDispatch();
                         orchestrator.cancelAll();
                     });
    // Nothing can be recorded any more: stop instead of running unrecorded work.
    QObject::connect(
        &orchestrator, &Orchestrator::storageFailed, &orchestrator, [&orchestrator](const QString &message) {
            Console::printError(QStringLiteral("error: the database cannot be written: %1; stopping").arg(message));
            orchestrator.cancelAll();
        });

    if (!start())
        return Cli::InvalidInput;
    orchestrator.waitAll();
    // Deliver what is still queued (the last lock releases, answers) before the summary.
    QCoreApplication::processEvents();
    store.flush();
    QCoreApplication::processEvents();
    const RunSummary summary = orchestrator.summary();
    reporter.printSummary(summary);
    if (summary.inReview > 0 && !options.json) {
        // The run waits for a human: say which goals and how to go on.
        QTextStream(stdout) << QStringLiteral(
                                   "Waiting for review: %1\n  see them with `switchboard review --db %2`, "
                                   "then `switchboard merge GOAL --db %2` or `switchboard discard GOAL --db %2`\n")
                                   .arg(orchestrator.goalsInReview().join(QStringLiteral(", ")), store.path());
    }
    if (interruptedBy != 0)
        return Cli::Interrupted;
    return summary.allCompleted() ? Cli::Success : Cli::SomeGoalsDidNotComplete;
}

} // namespace switchboard
