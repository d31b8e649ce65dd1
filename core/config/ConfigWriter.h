#pragma once

#include "Config.h"
#include "model/AgentProfile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard {

// Saves what the Settings dialog changed (the workflow section, agent profiles) back into the user's YAML config.
// The file is edited, not regenerated: only the keys that changed are rewritten, every other line (comments, key
// order, quoting, unknown keys, other sections) stays byte-for-byte. Where a rewritten key or profile held comments,
// they are lost and a note says so. The result must read back with ConfigLoader to what was asked, or nothing is
// written; it is written atomically (QSaveFile) with the previous content kept as "<file>.bak".
class ConfigWriter final
{
public:
    ConfigWriter() = delete;

    // A profile as the dialog holds it, and where it came from.
    struct Profile
    {
        AgentProfile profile;
        QString sourceName; // its name in the baseline config; empty for a new profile
        bool copy = false;  // a duplicate of sourceName: a new entry that keeps the source's unknown keys
    };

    struct Result
    {
        bool ok = false;
        QString error;     // why nothing was written, naming the file
        QStringList notes; // what could not be kept (comments inside a rewritten key), for the person to read
        QByteArray text;   // the new content
        Config config;     // the new content as ConfigLoader reads it
    };

    // The profiles of a config as unedited dialog entries (each its own source).
    static QList<Profile> profilesOf(const Config &config);

    // current (the file's bytes now; empty for no file) with what changed between baseline (the config the edits
    // were made on) and workflow/profiles applied. Changes are found key by key, so an edit made to the file by
    // hand meanwhile survives unless the same key was changed here too. Profiles missing from the list are removed.
    static Result render(const QByteArray &current, const QString &fileName, const Config &baseline,
                         const WorkflowSettings &workflow, const QList<Profile> &profiles);
    // render() of the file at path, then written as described above. The last-good copy ConfigRecovery keeps is
    // updated too.
    static Result save(const QString &path, const Config &baseline, const WorkflowSettings &workflow,
                       const QList<Profile> &profiles);
    // "<path>.bak"
    static QString backupPath(const QString &path);
};

} // namespace switchboard
