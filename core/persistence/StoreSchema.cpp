#include "StoreSchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace switchboard {

namespace {
// Times are INTEGER milliseconds since the epoch (UTC); lists are JSON text. Goal ids are unique per run,
// agent ids ("a-N") and escalation ids ("e-N") across the database.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE meta ("
                       " key TEXT PRIMARY KEY,"
                       " value INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE runs ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " plan_file TEXT NOT NULL DEFAULT '',"
                       " max_parallel INTEGER NOT NULL DEFAULT 0,"
                       " started_at INTEGER NOT NULL,"
                       " finished_at INTEGER,"
                       " summary_json TEXT)"),
        QStringLiteral("CREATE TABLE goals ("
                       " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " id TEXT NOT NULL,"
                       " title TEXT NOT NULL DEFAULT '',"
                       " description TEXT NOT NULL DEFAULT '',"
                       " priority TEXT NOT NULL DEFAULT 'medium',"
                       " deadline INTEGER,"
                       " success_criteria TEXT NOT NULL DEFAULT '[]',"
                       " depends_on TEXT NOT NULL DEFAULT '[]',"
                       " capabilities TEXT NOT NULL DEFAULT '[]',"
                       " resources TEXT NOT NULL DEFAULT '[]',"
                       " profile TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (run_id, id))"),
        // The latest status of each agent (one per goal); the history is in transitions and attempts.
        QStringLiteral("CREATE TABLE agents ("
                       " id TEXT PRIMARY KEY,"
                       " run_id TEXT NOT NULL,"
                       " goal_id TEXT NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '',"
                       " profile TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL,"
                       " attempt INTEGER NOT NULL DEFAULT 0,"
                       " progress INTEGER NOT NULL DEFAULT 0,"
                       " current_step TEXT NOT NULL DEFAULT '',"
                       " created_at INTEGER NOT NULL,"
                       " started_at INTEGER,"
                       " completed_at INTEGER,"
                       " error TEXT NOT NULL DEFAULT '',"
                       " summary TEXT NOT NULL DEFAULT '',"
                       " FOREIGN KEY (run_id, goal_id) REFERENCES goals(run_id, id) ON DELETE CASCADE)"),
        QStringLiteral("CREATE INDEX agents_run ON agents(run_id)"),
        QStringLiteral("CREATE TABLE transitions ("
                       " id INTEGER PRIMARY KEY,"
                       " agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                       " goal_id TEXT NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " state TEXT NOT NULL,"
                       " at INTEGER NOT NULL,"
                       " error TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX transitions_agent ON transitions(agent_id, id)"),
        QStringLiteral("CREATE TABLE attempts ("
                       " agent_id TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,"
                       " attempt INTEGER NOT NULL,"
                       " profile TEXT NOT NULL DEFAULT '',"
                       " started_at INTEGER,"
                       " finished_at INTEGER,"
                       " outcome TEXT,"
                       " summary TEXT NOT NULL DEFAULT '',"
                       " error TEXT NOT NULL DEFAULT '',"
                       " exit_code INTEGER,"
                       " input_tokens INTEGER NOT NULL DEFAULT 0,"
                       " output_tokens INTEGER NOT NULL DEFAULT 0,"
                       " cost_usd REAL NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (agent_id, attempt))"),
        // No foreign keys on the audit trails below: an event about an agent the store does not know
        // (a human forcing a lock, a late log line) is still worth keeping.
        QStringLiteral("CREATE TABLE escalations ("
                       " id TEXT PRIMARY KEY,"
                       " run_id TEXT NOT NULL DEFAULT '',"
                       " goal_id TEXT NOT NULL DEFAULT '',"
                       " agent_id TEXT NOT NULL DEFAULT '',"
                       " trigger TEXT NOT NULL,"
                       " question TEXT NOT NULL,"
                       " context TEXT NOT NULL DEFAULT '',"
                       " options_json TEXT NOT NULL DEFAULT '[]',"
                       " priority TEXT NOT NULL DEFAULT 'medium',"
                       " created_at INTEGER NOT NULL,"
                       " timeout_ms INTEGER NOT NULL DEFAULT 0,"
                       " timeout_policy TEXT NOT NULL DEFAULT 'fail',"
                       " default_option TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL,"
                       " answer_option TEXT NOT NULL DEFAULT '',"
                       " answer_text TEXT NOT NULL DEFAULT '',"
                       " answered_at INTEGER,"
                       " answered_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX escalations_agent ON escalations(agent_id)"),
        QStringLiteral("CREATE TABLE lock_events ("
                       " id INTEGER PRIMARY KEY,"
                       " resource TEXT NOT NULL,"
                       " agent_id TEXT NOT NULL DEFAULT '',"
                       " action TEXT NOT NULL,"
                       " token INTEGER NOT NULL DEFAULT 0,"
                       " reason TEXT NOT NULL DEFAULT '',"
                       " at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX lock_events_agent ON lock_events(agent_id)"),
        // The last Store::kLogLinesKept lines per agent; the full log is in logs/<agent>.log.
        QStringLiteral("CREATE TABLE agent_log ("
                       " id INTEGER PRIMARY KEY,"
                       " agent_id TEXT NOT NULL,"
                       " line TEXT NOT NULL,"
                       " at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX agent_log_agent ON agent_log(agent_id, id)"),
    };
}

QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE notes ("
                       " run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                       " key TEXT NOT NULL,"
                       " text TEXT NOT NULL,"
                       " author_agent TEXT NOT NULL DEFAULT '',"
                       " at INTEGER NOT NULL,"
                       " PRIMARY KEY (run_id, key))"),
    };
}

// The settings a run was started with (the config and plan text, workspace, mode): what `resume` and a
// restarted GUI need to continue the run on the same profiles and limits.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE runs ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}'"),
        // A goal's latest agent (StoreReader::goals) without scanning the run for each goal: 20,000 goals
        // took ~66 s to read without it.
        QStringLiteral("CREATE INDEX agents_goal ON agents(run_id, goal_id)"),
    };
}

// What model agents said and did, one row per step (TranscriptEntry): kind is transcriptKindName(); text is
// bounded by TranscriptLimits. No foreign key, like the other audit trails.
QStringList version4()
{
    return {
        QStringLiteral("CREATE TABLE transcript ("
                       " agent_id TEXT NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " seq INTEGER NOT NULL,"
                       " kind TEXT NOT NULL,"
                       " text TEXT NOT NULL DEFAULT '',"
                       " tool_name TEXT NOT NULL DEFAULT '',"
                       " tool_call_id TEXT NOT NULL DEFAULT '',"
                       " is_error INTEGER NOT NULL DEFAULT 0,"
                       " input_tokens INTEGER NOT NULL DEFAULT 0,"
                       " output_tokens INTEGER NOT NULL DEFAULT 0,"
                       " cost_usd REAL NOT NULL DEFAULT 0,"
                       " at INTEGER NOT NULL,"
                       " PRIMARY KEY (agent_id, attempt, seq))"),
    };
}

// The process groups attempts started (ProcessGroupRecord), so that the next Switchboard that takes the database
// can end what a crashed one left running. ended = 1 once that was done (or nothing was left).
QStringList version5()
{
    return {
        QStringLiteral("CREATE TABLE process_groups ("
                       " agent_id TEXT NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " pgid INTEGER NOT NULL,"
                       " leader_start INTEGER NOT NULL,"
                       " boot_id TEXT NOT NULL,"
                       " mark TEXT NOT NULL,"
                       " started_at INTEGER NOT NULL,"
                       " ended INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (agent_id, attempt, pgid))"),
        QStringLiteral("CREATE INDEX process_groups_open ON process_groups(ended)"),
    };
}

// Issue 15: goals keep their isolation and follow-up keys (a goal restored after a crash still works in a worktree),
// each goal's git worktree, and the agent program's session id per agent and per attempt.
QStringList version6()
{
    return {
        QStringLiteral("ALTER TABLE goals ADD COLUMN isolation_json TEXT NOT NULL DEFAULT '{}'"),
        QStringLiteral("ALTER TABLE goals ADD COLUMN follow_up_of TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE agents ADD COLUMN agent_session TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN agent_session TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE TABLE worktrees ("
                       " run_id TEXT NOT NULL,"
                       " goal_id TEXT NOT NULL,"
                       " repo TEXT NOT NULL,"
                       " path TEXT NOT NULL,"
                       " branch TEXT NOT NULL,"
                       " base_branch TEXT NOT NULL,"
                       " base_commit TEXT NOT NULL DEFAULT '',"
                       " state TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " PRIMARY KEY (run_id, goal_id))"),
    };
}

// Issue 16: a goal's `when` condition (GoalCondition::toJson, '{}' for none), so a restored run still skips it.
QStringList version7()
{
    return {
        QStringLiteral("ALTER TABLE goals ADD COLUMN when_json TEXT NOT NULL DEFAULT '{}'"),
    };
}

// The agent program's turns per attempt (coding agents), shown in the review after a restart too.
QStringList version8()
{
    return {
        QStringLiteral("ALTER TABLE attempts ADD COLUMN turns INTEGER NOT NULL DEFAULT 0"),
    };
}

// Issue 16: a team goal's pattern and a member's place in its team ({"pattern": ...} or {"member": ...}, '{}' for
// neither), so a restored team goes on where it was and its members stay its members.
QStringList version9()
{
    return {
        QStringLiteral("ALTER TABLE goals ADD COLUMN team_json TEXT NOT NULL DEFAULT '{}'"),
    };
}

// Issue 19: where an attempt's program ran when not on this machine (ExecutorSpec::toJson, '' = local), the job name it
// was submitted under and the executor's id for it, so a restart ends what a crashed Switchboard left on a cluster.
QStringList version10()
{
    return {
        QStringLiteral("ALTER TABLE attempts ADD COLUMN executor TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN job_name TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN external_id TEXT NOT NULL DEFAULT ''"),
        // A goal's own executor over its profile's (ExecutorSpec::toJson; '' = none, '{}' = local).
        QStringLiteral("ALTER TABLE goals ADD COLUMN executor_json TEXT NOT NULL DEFAULT ''"),
    };
}

// Issue 18: fewer rows per goal. The transitions a goal's other rows already say are not written as rows of their own:
// an agent's Queued at spawn is its agents row (created_at, attempt 0); an attempt's Running and its end (a final
// state, Interrupted or Review) are its attempts row (started_at or running_at, finished_at, outcome, error). Each
// such row keeps the sequence number its transition would have had (queued_seq, start_seq, end_seq), taken from the
// counter transitions.id takes its ids from, so readers merge the real and the implied transitions in the order they
// happened (StoreReader::transitions). NULL: no implied transition (every row written before this version).
// running_at is the time of an attempt's latest Running when it is not its first (started_at keeps the first).
// The triggers keep an implied transition that a later write would overwrite (a second Running of an attempt, an end
// after Review) as a row of its own, under its own sequence number: no write path has to know what is implied.
QStringList version11()
{
    return {
        QStringLiteral("ALTER TABLE agents ADD COLUMN queued_seq INTEGER"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN start_seq INTEGER"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN running_at INTEGER"),
        QStringLiteral("ALTER TABLE attempts ADD COLUMN end_seq INTEGER"),
        QStringLiteral("CREATE TRIGGER attempts_keep_start AFTER UPDATE OF start_seq ON attempts "
                       "WHEN OLD.start_seq IS NOT NULL AND NEW.start_seq IS NOT OLD.start_seq BEGIN "
                       "INSERT INTO transitions (id, agent_id, goal_id, attempt, state, at, error) "
                       "SELECT OLD.start_seq, OLD.agent_id, goal_id, OLD.attempt, 'Running', "
                       "COALESCE(OLD.running_at, OLD.started_at), '' FROM agents WHERE id = OLD.agent_id; END"),
        QStringLiteral("CREATE TRIGGER attempts_keep_end AFTER UPDATE OF end_seq ON attempts "
                       "WHEN OLD.end_seq IS NOT NULL AND NEW.end_seq IS NOT OLD.end_seq BEGIN "
                       "INSERT INTO transitions (id, agent_id, goal_id, attempt, state, at, error) "
                       "SELECT OLD.end_seq, OLD.agent_id, goal_id, OLD.attempt, OLD.outcome, OLD.finished_at, "
                       "OLD.error FROM agents WHERE id = OLD.agent_id; END"),
        // Every transition, real and implied, for people and tools reading the file (sqlite3, scripts): what
        // StoreReader::transitions returns, ORDER BY seq.
        QStringLiteral("CREATE VIEW transition_log (seq, agent_id, goal_id, attempt, state, at, error) AS "
                       "SELECT id, agent_id, goal_id, attempt, state, at, error FROM transitions "
                       "UNION ALL SELECT queued_seq, id, goal_id, 0, 'Queued', created_at, '' FROM agents "
                       "WHERE queued_seq IS NOT NULL "
                       "UNION ALL SELECT t.start_seq, t.agent_id, a.goal_id, t.attempt, 'Running', "
                       "COALESCE(t.running_at, t.started_at), '' FROM attempts t JOIN agents a ON a.id = t.agent_id "
                       "WHERE t.start_seq IS NOT NULL "
                       "UNION ALL SELECT t.end_seq, t.agent_id, a.goal_id, t.attempt, t.outcome, t.finished_at, "
                       "t.error FROM attempts t JOIN agents a ON a.id = t.agent_id WHERE t.end_seq IS NOT NULL"),
    };
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

int StoreSchema::version(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QStringList StoreSchema::stepStatements(int fromVersion)
{
    switch (fromVersion) {
    case 0:
        return version1();
    case 1:
        return version2();
    case 2:
        return version3();
    case 3:
        return version4();
    case 4:
        return version5();
    case 5:
        return version6();
    case 6:
        return version7();
    case 7:
        return version8();
    case 8:
        return version9();
    case 9:
        return version10();
    case 10:
        return version11();
    default:
        return {};
    }
}

bool StoreSchema::migrate(QSqlDatabase &db, int targetVersion, QString *error)
{
    int current = version(db);
    if (current < 0) {
        setError(error, QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text()));
        return false;
    }
    if (current > targetVersion) {
        setError(error, QStringLiteral("the database has schema version %1, newer than this Switchboard knows (%2); "
                                       "use a newer Switchboard")
                            .arg(current)
                            .arg(targetVersion));
        return false;
    }
    while (current < targetVersion) {
        const QStringList statements = stepStatements(current);
        if (statements.isEmpty()) {
            setError(error, QStringLiteral("no migration from schema version %1").arg(current));
            return false;
        }
        if (!db.transaction()) {
            setError(error, QStringLiteral("cannot start the migration to schema version %1: %2")
                                .arg(current + 1)
                                .arg(db.lastError().text()));
            return false;
        }
        QSqlQuery query(db);
        QStringList all = statements;
        all << QStringLiteral("PRAGMA user_version = %1").arg(current + 1);
        for (const QString &statement : std::as_const(all)) {
            if (!query.exec(statement)) {
                const QString why = query.lastError().text();
                query.finish();
                db.rollback();
                setError(error, QStringLiteral("migration to schema version %1 failed: %2 (in: %3)")
                                    .arg(current + 1)
                                    .arg(why, statement.left(80)));
                return false;
            }
        }
        query.finish();
        if (!db.commit()) {
            const QString why = db.lastError().text();
            db.rollback();
            setError(error, QStringLiteral("migration to schema version %1 failed: %2").arg(current + 1).arg(why));
            return false;
        }
        ++current;
    }
    return true;
}

} // namespace switchboard
