#pragma once

#include "persistence/RunHistory.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringView>

#include <optional>

namespace switchboard {

// Turns one run's history (Store::history(runId)) into the exports of `switchboard report` and the History
// view: a run report as Markdown and JSON (summary, per-goal outcome, cost, escalations with answers), an
// activity log in the style of activity_tracker.md, and the machine-readable state as project_state.yaml.
// Pure functions of the history: times are printed in UTC, nothing reads the clock.
//
// JSON report: {"run": {"id","name","plan_file","started_at","finished_at","summary"} | null,
//   "totals": {"goals","completed","failed","cancelled","blocked","interrupted","in_progress","queued",
//              "attempts","input_tokens","output_tokens","tokens","cost_usd"},
//   "goals": [{"id","title","agent","profile","priority","state","attempts","input_tokens","output_tokens",
//              "tokens","cost_usd","duration_ms","summary","error","exit_code"}],
//   "escalations": [{"id","goal","agent","trigger","question","options","state","answer_option",
//                    "answer_label","answer_text","answered_by","created_at","answered_at"}]}
// A goal's state is its latest agent's (Queued or Blocked when it never ran); times are ISO 8601 UTC or null.
class ReportWriter final
{
public:
    // The exports by name, as `switchboard report --format` and the History window's Export menu offer them.
    enum class Format
    {
        Markdown, // "md"
        Json,     // "json"
        Activity, // "activity"
        State,    // "state"
    };
    static std::optional<Format> formatFromName(QStringView name);
    // One export of the run as the bytes written to a file or stdout (UTF-8).
    static QByteArray render(const RunHistory &history, Format format);

    static QJsonObject runReportJson(const RunHistory &history);
    static QString runReportMarkdown(const RunHistory &history);
    static QString activityLog(const RunHistory &history);
    static QString projectStateYaml(const RunHistory &history);
};

} // namespace switchboard
