#include "WorkspaceTools.h"

#include "ToolSchema.h"
#include "agents/AgentContext.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace switchboard {

namespace {

// The version control's own files: never listed or searched (noise, and huge).
bool isVcsDirectory(const QString &name)
{
    return name == u".git" || name == u".hg" || name == u".svn";
}

bool looksBinary(QFile &file)
{
    const QByteArray probe = file.peek(WorkspaceTools::BinaryProbeBytes);
    return probe.contains('\0');
}

QString cutLine(const QString &line, qsizetype maxChars)
{
    if (line.size() <= maxChars)
        return line;
    return line.left(maxChars) + QStringLiteral(" … [%1 more characters]").arg(line.size() - maxChars);
}

QString lineText(const QByteArray &raw)
{
    QByteArray bytes = raw;
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

// A whole number argument (the model may send 12 or 12.0); nullopt when absent. False when present but
// not a whole number >= minimum.
bool readInteger(const QJsonObject &arguments, QStringView key, qint64 minimum, std::optional<qint64> *out,
                 QString *error)
{
    const QJsonValue value = arguments.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || std::floor(number) != number || number < double(minimum) || number > 1e15) {
        *error = QStringLiteral("%1 must be a whole number of at least %2").arg(key.toString()).arg(minimum);
        return false;
    }
    *out = static_cast<qint64>(number);
    return true;
}

QString lockRefusal(const LockManager::Result &result, const QString &path, std::chrono::milliseconds waited)
{
    switch (result.status) {
    case LockManager::Status::Busy:
    case LockManager::Status::TimedOut:
        return QStringLiteral("\"%1\" is locked by another agent (waited %2 s): nothing was written; try again later "
                              "or work on something else first")
            .arg(path)
            .arg(double(waited.count()) / 1000.0, 0, 'f', 1);
    case LockManager::Status::Cancelled:
        return QStringLiteral("cancelled while waiting for the lock on \"%1\": nothing was written").arg(path);
    case LockManager::Status::Deadlock:
        return QStringLiteral("cannot lock \"%1\": waiting would deadlock with other agents (%2): nothing was written")
            .arg(path, result.error);
    case LockManager::Status::Invalid:
    case LockManager::Status::Granted:
        break;
    }
    return QStringLiteral("cannot lock \"%1\": %2: nothing was written").arg(path, result.error);
}

} // namespace

WorkspaceTools::WorkspaceTools(AgentContext &context, const ModelSettings &settings)
    : m_context(context)
    , m_command(context, settings)
{}

QList<llm::ToolSpec> WorkspaceTools::specs() const
{
    // The file tools are the same for every agent: built once (their JSON schemas cost ~245 k instructions per
    // attempt, which in w3 against the peers' server is one model call), shared by all.
    static const QList<llm::ToolSpec> fileTools = [] {
        const auto path = [](const char *description) {
            return ToolSchema::property(QStringLiteral("string"), QString::fromLatin1(description));
        };
        return QList<llm::ToolSpec>{
            {QStringLiteral("list_files"),
             QStringLiteral(
                 "List the files and directories under a directory of the workspace, recursively (directories "
                 "end with '/', files show their size). Paths are relative to the workspace."),
             ToolSchema::object(
                 {{QStringLiteral("path"), path("directory to list, relative to the workspace; \".\" for "
                                                "the workspace itself")}},
                 {QStringLiteral("path")})},
            {QStringLiteral("read_file"),
             QStringLiteral(
                 "Read a text file of the workspace, %1 lines at a time unless limit says otherwise; a note at "
                 "the end says when there is more and which offset to read on from.")
                 .arg(DefaultReadLines),
             ToolSchema::object({{QStringLiteral("path"), path("file to read, relative to the workspace")},
                                 {QStringLiteral("offset"),
                                  ToolSchema::property(QStringLiteral("integer"),
                                                       QStringLiteral("first line to read, 1-based (default 1)"))},
                                 {QStringLiteral("limit"),
                                  ToolSchema::property(QStringLiteral("integer"),
                                                       QStringLiteral("how many lines to read (default %1, at most %2)")
                                                           .arg(DefaultReadLines)
                                                           .arg(MaxReadLines))}},
                                {QStringLiteral("path")})},
            {QStringLiteral("search_files"),
             QStringLiteral(
                 "Search the text files under a path for a regular expression (or plain text when it is not a "
                 "valid one); returns up to %1 matching lines as path:line: text.")
                 .arg(MaxSearchHits),
             ToolSchema::object(
                 {{QStringLiteral("pattern"),
                   ToolSchema::property(QStringLiteral("string"),
                                        QStringLiteral("regular expression or text to look for"))},
                  {QStringLiteral("path"), path("file or directory to search (default: the workspace)")}},
                 {QStringLiteral("pattern")})},
            {QStringLiteral("write_file"),
             QStringLiteral("Create or replace a file of the workspace with this content (directories are created as "
                            "needed). The file is locked while it is written, so other agents cannot write it at the "
                            "same time."),
             ToolSchema::object(
                 {{QStringLiteral("path"), path("file to write, relative to the workspace")},
                  {QStringLiteral("content"),
                   ToolSchema::property(QStringLiteral("string"), QStringLiteral("the file's complete new content"))}},
                 {QStringLiteral("path"), QStringLiteral("content")})},
            {QStringLiteral("edit_file"),
             QStringLiteral("Replace one exact piece of text in a file of the workspace: old_text must occur exactly "
                            "once (include enough surrounding lines to make it unique)."),
             ToolSchema::object(
                 {{QStringLiteral("path"), path("file to edit, relative to the workspace")},
                  {QStringLiteral("old_text"),
                   ToolSchema::property(QStringLiteral("string"), QStringLiteral("the exact text to replace"))},
                  {QStringLiteral("new_text"),
                   ToolSchema::property(QStringLiteral("string"), QStringLiteral("the text to put in its place"))}},
                 {QStringLiteral("path"), QStringLiteral("old_text"), QStringLiteral("new_text")})},
        };
    }();
    QList<llm::ToolSpec> specs = fileTools;
    if (m_command.isEnabled())
        specs << m_command.spec();
    return specs;
}

bool WorkspaceTools::handles(const QString &name) const
{
    static const QStringList fileTools{QStringLiteral("list_files"), QStringLiteral("read_file"),
                                       QStringLiteral("search_files"), QStringLiteral("write_file"),
                                       QStringLiteral("edit_file")};
    return fileTools.contains(name) || (name == u"run_command" && m_command.isEnabled());
}

ToolResult WorkspaceTools::call(const QString &name, const QJsonObject &arguments)
{
    if (name == u"list_files")
        return listFiles(arguments);
    if (name == u"read_file")
        return readFile(arguments);
    if (name == u"search_files")
        return searchFiles(arguments);
    if (name == u"write_file")
        return writeFile(arguments);
    if (name == u"edit_file")
        return editFile(arguments);
    if (name == u"run_command")
        return m_command.run(arguments);
    return ToolResult::error(QStringLiteral("unknown tool \"%1\"").arg(name));
}

QString WorkspaceTools::describeCall(const QString &name, const QJsonObject &arguments)
{
    if (name == u"run_command") {
        QStringList argv;
        for (const QJsonValue &item : arguments.value(u"argv").toArray())
            argv << item.toString();
        return cutLine(name + u' ' + argv.join(u' '), 120);
    }
    if (name == u"search_files")
        return cutLine(name + u' ' + arguments.value(u"pattern").toString(), 120);
    const QString path = arguments.value(u"path").toString();
    return path.isEmpty() ? name : cutLine(name + u' ' + path, 120);
}

std::optional<WorkspacePath::Resolved> WorkspaceTools::resolve(const QJsonValue &path, QString *error) const
{
    if (!path.isString()) {
        *error = QStringLiteral("\"path\" must be a string");
        return std::nullopt;
    }
    return WorkspacePath::resolve(m_context.workspace(), path.toString(), error);
}

ToolResult WorkspaceTools::listFiles(const QJsonObject &arguments)
{
    QString error;
    const QJsonValue pathValue = arguments.value(u"path");
    const auto dir =
        resolve(pathValue.isUndefined() || pathValue.isNull() ? QJsonValue(QStringLiteral(".")) : pathValue, &error);
    if (!dir)
        return ToolResult::error(QStringLiteral("list_files: ") + error);
    const QFileInfo info(dir->absolute);
    if (!info.exists())
        return ToolResult::error(QStringLiteral("list_files: \"%1\" does not exist").arg(dir->relative));
    if (!info.isDir())
        return ToolResult::error(QStringLiteral("list_files: \"%1\" is a file, not a directory").arg(dir->relative));

    const QDir root(QFileInfo(m_context.workspace()).canonicalFilePath());
    QStringList entries;
    int more = 0;
    // Breadth first, so a cut listing still shows the top of the tree.
    QStringList pending{dir->absolute};
    while (!pending.isEmpty()) {
        const QString current = pending.takeFirst();
        const QFileInfoList children = QDir(current).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsFirst);
        for (const QFileInfo &child : children) {
            const QString relative = root.relativeFilePath(child.absoluteFilePath());
            if (child.isDir() && isVcsDirectory(child.fileName()))
                continue;
            if (entries.size() >= MaxListEntries) {
                ++more;
                continue;
            }
            if (child.isSymLink()) {
                const QString target = child.symLinkTarget();
                const bool inside = WorkspacePath::resolve(m_context.workspace(), relative, nullptr).has_value();
                entries << QStringLiteral("%1 -> %2%3")
                               .arg(relative, target,
                                    inside ? QString() : QStringLiteral(" (outside the workspace: not usable)"));
                continue; // a linked directory is not walked: it may lead anywhere
            }
            if (child.isDir()) {
                entries << relative + u'/';
                pending << child.absoluteFilePath();
            } else {
                entries << QStringLiteral("%1 (%2 bytes)").arg(relative).arg(child.size());
            }
        }
    }
    if (entries.isEmpty())
        return ToolResult::ok(QStringLiteral("\"%1\" is empty").arg(dir->relative));
    if (more > 0)
        entries << QStringLiteral("… [%1 more entries not shown: list a subdirectory]").arg(more);
    return ToolResult::ok(entries.join(u'\n'));
}

ToolResult WorkspaceTools::readFile(const QJsonObject &arguments)
{
    QString error;
    const auto file = resolve(arguments.value(u"path"), &error);
    if (!file)
        return ToolResult::error(QStringLiteral("read_file: ") + error);
    std::optional<qint64> offset;
    std::optional<qint64> limit;
    if (!readInteger(arguments, u"offset", 1, &offset, &error) || !readInteger(arguments, u"limit", 1, &limit, &error))
        return ToolResult::error(QStringLiteral("read_file: ") + error);
    const qint64 first = offset.value_or(1);
    const qint64 count = qMin<qint64>(limit.value_or(DefaultReadLines), MaxReadLines);

    const QFileInfo info(file->absolute);
    if (!info.exists())
        return ToolResult::error(QStringLiteral("read_file: \"%1\" does not exist").arg(file->relative));
    if (info.isDir())
        return ToolResult::error(
            QStringLiteral("read_file: \"%1\" is a directory (use list_files)").arg(file->relative));
    QFile in(file->absolute);
    if (!in.open(QIODevice::ReadOnly))
        return ToolResult::error(
            QStringLiteral("read_file: cannot open \"%1\": %2").arg(file->relative, in.errorString()));
    if (looksBinary(in))
        return ToolResult::error(QStringLiteral("read_file: \"%1\" is a binary file (%2 bytes): not shown")
                                     .arg(file->relative)
                                     .arg(in.size()));

    QStringList lines;
    qsizetype bytes = 0;
    qint64 lineNo = 0;
    qint64 lastShown = 0;
    bool cutByBytes = false;
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine();
        ++lineNo;
        if (lineNo < first)
            continue;
        if (lineNo >= first + count || cutByBytes)
            break;
        const QString text = cutLine(lineText(raw), MaxLineChars);
        if (bytes + text.size() + 1 > MaxReadBytes && !lines.isEmpty()) {
            cutByBytes = true;
            break;
        }
        lines << text;
        bytes += text.size() + 1;
        lastShown = lineNo;
    }
    const bool more = !in.atEnd() || (lastShown > 0 && lineNo > lastShown);
    if (lineNo == 0)
        return ToolResult::ok(QStringLiteral("(\"%1\" is empty)").arg(file->relative));
    if (lines.isEmpty())
        return ToolResult::error(QStringLiteral("read_file: \"%1\" has only %2 lines; offset %3 is past its end")
                                     .arg(file->relative)
                                     .arg(lineNo)
                                     .arg(first));
    QString text = lines.join(u'\n');
    if (more || first > 1) {
        text += QStringLiteral("\n[lines %1-%2 of \"%3\"").arg(first).arg(lastShown).arg(file->relative);
        text += more ? QStringLiteral("; more follows: read on with offset=%1]").arg(lastShown + 1)
                     : QStringLiteral("; end of file]");
    }
    return ToolResult::ok(text);
}

ToolResult WorkspaceTools::searchFiles(const QJsonObject &arguments)
{
    const QJsonValue patternValue = arguments.value(u"pattern");
    if (!patternValue.isString() || patternValue.toString().isEmpty())
        return ToolResult::error(QStringLiteral("search_files needs \"pattern\" (a non-empty string)"));
    const QString pattern = patternValue.toString();
    QString error;
    const QJsonValue pathValue = arguments.value(u"path");
    const auto where =
        resolve(pathValue.isUndefined() || pathValue.isNull() ? QJsonValue(QStringLiteral(".")) : pathValue, &error);
    if (!where)
        return ToolResult::error(QStringLiteral("search_files: ") + error);
    if (!QFileInfo::exists(where->absolute))
        return ToolResult::error(QStringLiteral("search_files: \"%1\" does not exist").arg(where->relative));

    QRegularExpression expression(pattern);
    QString note;
    if (!expression.isValid()) {
        expression = QRegularExpression(QRegularExpression::escape(pattern));
        note = QStringLiteral("(not a valid regular expression (%1): searched as plain text)\n")
                   .arg(QRegularExpression(pattern).errorString());
    }

    QStringList files;
    if (QFileInfo(where->absolute).isFile()) {
        files << where->absolute;
    } else {
        QStringList pending{where->absolute};
        while (!pending.isEmpty() && files.size() < MaxSearchFiles) {
            const QString current = pending.takeFirst();
            const QFileInfoList children = QDir(current).entryInfoList(
                QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsFirst);
            for (const QFileInfo &child : children) {
                if (child.isSymLink())
                    continue; // may lead outside; the target is searched where it lives
                if (child.isDir()) {
                    if (!isVcsDirectory(child.fileName()))
                        pending << child.absoluteFilePath();
                } else if (child.isFile()) {
                    files << child.absoluteFilePath();
                }
            }
        }
    }

    const QDir root(QFileInfo(m_context.workspace()).canonicalFilePath());
    QStringList hits;
    int moreHits = 0;
    int skippedLarge = 0;
    int skippedBinary = 0;
    for (const QString &path : std::as_const(files)) {
        if (m_context.isCancelled())
            return ToolResult::error(QStringLiteral("cancelled"));
        QFile in(path);
        if (in.size() > MaxSearchFileBytes) {
            ++skippedLarge;
            continue;
        }
        if (!in.open(QIODevice::ReadOnly))
            continue;
        if (looksBinary(in)) {
            ++skippedBinary;
            continue;
        }
        const QString relative = root.relativeFilePath(path);
        qint64 lineNo = 0;
        while (!in.atEnd()) {
            const QString line = lineText(in.readLine());
            ++lineNo;
            if (!expression.match(line).hasMatch())
                continue;
            if (hits.size() >= MaxSearchHits) {
                ++moreHits;
                continue;
            }
            hits << QStringLiteral("%1:%2: %3").arg(relative).arg(lineNo).arg(cutLine(line.trimmed(), SearchLineChars));
        }
    }

    QString text = note;
    if (hits.isEmpty())
        text += QStringLiteral("no matches for \"%1\" under \"%2\"").arg(pattern, where->relative);
    else
        text += hits.join(u'\n');
    QStringList notes;
    if (moreHits > 0)
        notes << QStringLiteral("%1 more matches not shown: narrow the pattern or the path").arg(moreHits);
    if (files.size() >= MaxSearchFiles)
        notes << QStringLiteral("stopped after %1 files: search a subdirectory").arg(MaxSearchFiles);
    if (skippedLarge > 0)
        notes << QStringLiteral("%1 files over %2 bytes skipped").arg(skippedLarge).arg(MaxSearchFileBytes);
    if (skippedBinary > 0)
        notes << QStringLiteral("%1 binary files skipped").arg(skippedBinary);
    if (!notes.isEmpty())
        text += QStringLiteral("\n[") + notes.join(QStringLiteral("; ")) + u']';
    return ToolResult::ok(text);
}

ToolResult WorkspaceTools::writeFile(const QJsonObject &arguments)
{
    QString error;
    const auto file = resolve(arguments.value(u"path"), &error);
    if (!file)
        return ToolResult::error(QStringLiteral("write_file: ") + error);
    const QJsonValue content = arguments.value(u"content");
    if (!content.isString())
        return ToolResult::error(QStringLiteral("write_file needs \"content\" (a string)"));
    if (file->relative == u"." || QFileInfo(file->absolute).isDir())
        return ToolResult::error(QStringLiteral("write_file: \"%1\" is a directory").arg(file->relative));

    return writeLocked(*file, [&file, &content](QByteArray *bytes) {
        const bool existed = QFileInfo::exists(file->absolute);
        *bytes = content.toString().toUtf8();
        return ToolResult::ok(QStringLiteral("%1 \"%2\" (%3 bytes)")
                                  .arg(existed ? QStringLiteral("replaced") : QStringLiteral("created"), file->relative)
                                  .arg(bytes->size()));
    });
}

ToolResult WorkspaceTools::editFile(const QJsonObject &arguments)
{
    QString error;
    const auto file = resolve(arguments.value(u"path"), &error);
    if (!file)
        return ToolResult::error(QStringLiteral("edit_file: ") + error);
    const QJsonValue oldValue = arguments.value(u"old_text");
    const QJsonValue newValue = arguments.value(u"new_text");
    if (!oldValue.isString() || oldValue.toString().isEmpty())
        return ToolResult::error(QStringLiteral("edit_file needs \"old_text\" (a non-empty string)"));
    if (!newValue.isString())
        return ToolResult::error(QStringLiteral("edit_file needs \"new_text\" (a string)"));
    if (!QFileInfo(file->absolute).isFile())
        return ToolResult::error(
            QStringLiteral("edit_file: \"%1\" does not exist (use write_file to create it)").arg(file->relative));

    const QString oldText = oldValue.toString();
    const QString newText = newValue.toString();
    // Read under the lock, so nobody changes the file between reading and writing it back.
    return writeLocked(*file, [&](QByteArray *bytes) {
        QFile in(file->absolute);
        if (!in.open(QIODevice::ReadOnly))
            return ToolResult::error(
                QStringLiteral("edit_file: cannot open \"%1\": %2").arg(file->relative, in.errorString()));
        if (looksBinary(in))
            return ToolResult::error(QStringLiteral("edit_file: \"%1\" is a binary file").arg(file->relative));
        QString text = QString::fromUtf8(in.readAll());
        const qsizetype at = text.indexOf(oldText);
        if (at < 0)
            return ToolResult::error(QStringLiteral("edit_file: old_text was not found in \"%1\" (it must match "
                                                    "exactly, whitespace included): nothing was changed")
                                         .arg(file->relative));
        const qsizetype occurrences = text.count(oldText);
        if (occurrences > 1)
            return ToolResult::error(QStringLiteral("edit_file: old_text occurs %1 times in \"%2\"; it must occur "
                                                    "exactly once (include more surrounding text): nothing was "
                                                    "changed")
                                         .arg(occurrences)
                                         .arg(file->relative));
        const qsizetype line = QStringView(text).first(at).count(u'\n') + 1;
        text.replace(at, oldText.size(), newText);
        *bytes = text.toUtf8();
        return ToolResult::ok(QStringLiteral("edited \"%1\" at line %2").arg(file->relative).arg(line));
    });
}

ToolResult WorkspaceTools::writeLocked(const WorkspacePath::Resolved &file, const Change &change)
{
    const LockManager::Result lock = m_context.acquireLocks({file.relative}, m_lockTimeout);
    if (!lock.ok())
        return ToolResult::error(lockRefusal(lock, file.relative, m_lockTimeout));
    // Only what this call newly locked goes back: a lock the agent held before (its goal's resources, a
    // directory covering the file) stays held.
    const auto release = [this, &lock] {
        if (!lock.resources.isEmpty())
            m_context.releaseLocks(lock.resources);
    };

    QByteArray content;
    const ToolResult prepared = change(&content);
    if (prepared.isError) {
        release();
        return prepared;
    }
    const QString lost = QStringLiteral("the lock on \"%1\" was lost before the write (it expired or a human took "
                                        "it away): nothing was written")
                             .arg(file.relative);
    if (m_beforeWrite)
        m_beforeWrite(file.relative);
    // Fencing: a lock that expired or was taken away meanwhile means someone else may be writing this file
    // now. A lock held from before this call (a covering directory) comes back with that lock's own token.
    if (!m_context.holdsLock(file.relative, lock.token)) {
        release();
        return ToolResult::error(lost);
    }
    const QString parent = QFileInfo(file.absolute).path();
    if (!QDir().mkpath(parent)) {
        release();
        return ToolResult::error(QStringLiteral("cannot create the directory of \"%1\"").arg(file.relative));
    }
    QSaveFile out(file.absolute);
    if (!out.open(QIODevice::WriteOnly)) {
        release();
        return ToolResult::error(QStringLiteral("cannot write \"%1\": %2").arg(file.relative, out.errorString()));
    }
    out.write(content);
    // And again as late as possible: the new content replaces the file only under a lock still ours.
    if (!m_context.holdsLock(file.relative, lock.token)) {
        out.cancelWriting();
        release();
        return ToolResult::error(lost);
    }
    if (!out.commit()) {
        release();
        return ToolResult::error(QStringLiteral("writing \"%1\" failed: %2").arg(file.relative, out.errorString()));
    }
    release();
    return prepared;
}

} // namespace switchboard
