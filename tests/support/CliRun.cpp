#include "CliRun.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QProcess>

namespace switchboard::test {

using namespace Qt::StringLiterals;

QProcessEnvironment cliEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    return env;
}

CliRun runCli(const QProcessEnvironment &env, const QStringList &args, int timeoutMs)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(switchboardBinary(), args);
    if (!process.waitForStarted())
        return run;
    QByteArray buffer;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs) {
        process.waitForReadyRead(100);
        buffer += process.readAllStandardOutput();
        for (qsizetype newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
            const QJsonObject event = QJsonDocument::fromJson(buffer.left(newline)).object();
            buffer.remove(0, newline + 1);
            if (event.isEmpty())
                continue;
            run.events << event;
            if (event.value(u"event"_s).toString() == u"escalation")
                process.write(
                    QJsonDocument(
                        QJsonObject{{u"type"_s, u"answer"_s}, {u"id"_s, event.value(u"id"_s)}, {u"option"_s, u"B"_s}})
                        .toJson(QJsonDocument::Compact) +
                    '\n');
        }
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        run.err = u"timed out after %1 ms; "_s.arg(timeoutMs);
    }
    run.err += QString::fromUtf8(process.readAllStandardError());
    if (process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    return run;
}

QJsonArray statusAgents(const QProcessEnvironment &env, const QString &db)
{
    QProcess status;
    status.setProcessEnvironment(env);
    status.start(switchboardBinary(), {u"status"_s, u"--db"_s, db, u"--json"_s});
    status.waitForFinished(30000);
    return QJsonDocument::fromJson(status.readAllStandardOutput()).object().value(u"agents"_s).toArray();
}

QList<AgentLogLine> readAgentLog(const QString &path)
{
    QList<AgentLogLine> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QStringList words = QString::fromUtf8(raw).split(u' ', Qt::SkipEmptyParts);
        if (words.size() >= 2)
            lines.append(AgentLogLine{words.at(0), words.at(1), words.mid(2)});
    }
    return lines;
}

QString answerAndLockProblem(const QList<AgentLogLine> &lines)
{
    QString answer;
    QHash<QString, std::pair<qint64, qint64>> held;
    for (const AgentLogLine &line : lines) {
        if (line.kind == u"answer") {
            answer = line.rest.join(u' ');
        } else if (line.kind == u"held") {
            held[line.goal].first = line.rest.value(0).toLongLong();
            if (!line.rest.value(1).contains(u"lock_granted"_s))
                return u"%1 held the lock without lock_granted: %2"_s.arg(line.goal, line.rest.join(u' '));
        } else if (line.kind == u"released") {
            held[line.goal].second = line.rest.value(0).toLongLong();
        }
    }
    const QJsonObject reply = QJsonDocument::fromJson(answer.toUtf8()).object();
    if (reply.value(u"type"_s).toString() != u"answer" || reply.value(u"option"_s).toString() != u"B")
        return u"the answer that arrived is not option B: '%1'"_s.arg(answer);
    if (held.size() != 2)
        return u"%1 goals held the lock, not 2"_s.arg(held.size());
    const auto one = held.value(u"l1"_s);
    const auto two = held.value(u"l2"_s);
    if (!(one.first > 0 && one.second > one.first && two.first > 0 && two.second > two.first))
        return u"held spans not logged whole: l1 %1-%2, l2 %3-%4"_s.arg(one.first)
            .arg(one.second)
            .arg(two.first)
            .arg(two.second);
    if (!(one.second < two.first || two.second < one.first))
        return u"both held the lock at once: l1 %1-%2, l2 %3-%4"_s.arg(one.first)
            .arg(one.second)
            .arg(two.first)
            .arg(two.second);
    return {};
}

QString writeWorkerPlan(const QString &dir, const QString &log, const QString &name, int maxParallel,
                        const QString &executor, const QString &script, const QString &goals,
                        const QStringList &arguments)
{
    const QString path = writeScript(dir, name + u".sh"_s, u"#!/bin/sh\nLOG='%1'\n"_s.arg(log) + script);
    QString command = u"[sh, \"%1\""_s.arg(path);
    for (const QString &argument : arguments)
        command += u", \"%1\""_s.arg(argument);
    command += u']';
    return writeFile(dir, name + u".yaml"_s,
                     uR"YAML(name: %1
workflow:
  max_parallel: %2
agents:
  definitions:
    - name: worker
      backend: process
      retry: {max_retries: 0}
      settings: {kill_grace_ms: 500}
      executor: %3
      command: %4
goals:
%5)YAML"_s.arg(name)
                         .arg(maxParallel)
                         .arg(executor, command, goals)
                         .toUtf8());
}

} // namespace switchboard::test
