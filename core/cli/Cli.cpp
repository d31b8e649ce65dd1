#include "Cli.h"

#include "Command.h"
#include "Console.h"
#include "config/ConfigLoader.h"
#include "persistence/Store.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

QString Cli::helpText()
{
    return QCoreApplication::translate(
               "Cli",
               "Usage: switchboard [options] [FILE]          open the dashboard (FILE: a plan to preview and start)\n"
               "       switchboard plan FILE [--json]         show a plan's phases and goals\n"
               "       switchboard plan --objective TEXT [--profile NAME] [--out FILE]\n"
               "                                              make a plan with an LLM profile\n"
               "       switchboard run FILE [options]         run a plan headless\n"
               "       switchboard status [--db PATH] [--json]  the goals and agents of the latest run\n"
               "       switchboard resume [--db PATH] [options] continue an interrupted run headless until done\n"
               "       switchboard report [--db PATH] [--run ID] --format md|json|activity|state\n"
               "                                              a run's report, activity log or state\n"
               "       switchboard models [--json]            the model servers running on this machine\n"
               "       switchboard agents --detect [--json]   the coding-agent CLIs on PATH, with ready profiles\n"
               "       switchboard recover DB [--out NEW]     copy what can be read of a damaged database into a\n"
               "                                              new file (default DB.recovered.db next to it)\n"
               "       switchboard review [--db PATH] [--json] the goals waiting in review and their changed files\n"
               "       switchboard diff GOAL [--db PATH]      a goal's changes in its worktree\n"
               "       switchboard merge GOAL [--db PATH] [--rebase]  merge a goal in review into its base branch\n"
               "       switchboard discard GOAL [--force] [--db PATH] throw a goal's changes away\n"
               "\n"
               "Switchboard runs many AI agents in parallel: goals from forms or plan files are scheduled\n"
               "onto agents (LLM APIs, coding CLIs or any program) with dependencies, a concurrency cap and\n"
               "one place to watch them.\n"
               "\n"
               "Options (all commands):\n"
               "  --config FILE        config file (default: %1)\n"
               "  --db PATH            the database runs are recorded in (default: %2)\n"
               "  -h, --help           show this help\n"
               "  -v, --version        show the version\n"
               "\n"
               "Dashboard options:\n"
               "  --lang CODE          user interface language (e.g. de, fr, en)\n"
               "  --max-parallel N     override workflow.max_parallel\n"
               "  --db PATH            the database (the board of an unfinished run comes back; default as above)\n"
               "\n"
               "plan options:\n"
               "  --json               print the phases as JSON\n"
               "  --objective TEXT     ask an LLM profile to break TEXT into goals; the plan is checked by the\n"
               "                       plan rules (ids, dependencies, no cycles, known capabilities) and printed\n"
               "                       as a plan file (run it with `switchboard run FILE`)\n"
               "  --profile NAME       the LLM profile that plans (default: the config's only LLM profile)\n"
               "  --out FILE           write the plan to FILE instead of stdout\n"
               "  Exit codes: 0 planned; 2 invalid input; 3 the model's plan was invalid (each problem on stderr,\n"
               "  naming the goal and field) or the model call failed.\n"
               "\n"
               "run options:\n"
               "  --max-parallel N     override workflow.max_parallel\n"
               "  --workspace DIR      directory agents work in (default: workflow.workspace or the current "
               "directory)\n"
               "  --mode MODE          dependency (default), phased, sequential, parallel or pipeline\n"
               "  --auto-answer first|fail  answer agents' questions unattended: the first option, or fail the agent\n"
               "                       (otherwise answers are read from stdin: 'e-1 OPTION [note]' or\n"
               "                       {\"type\":\"answer\",\"id\":\"e-1\",\"option\":\"...\",\"text\":\"...\"} per "
               "line)\n"
               "                       stdin also takes 'resume-profile NAME': ends a rate-limit pause of that\n"
               "                       profile now (without NAME: of every paused profile)\n"
               "  --json               one JSON event per line on stdout\n"
               "\n"
               "resume options: --json, --auto-answer, --max-parallel, --workspace and --mode as for run;\n"
               "  --run ID             the run to continue (default: the latest). Agents that were running when\n"
               "                       Switchboard stopped start again as a new attempt; completed goals do not\n"
               "                       run again and answered questions are not asked again.\n"
               "  --check              check the whole database before resuming (as for status)\n"
               "\n"
               "status options:\n"
               "  --run ID             the run to show (default: the latest)\n"
               "  --check              check the whole database first (SQLite integrity_check; every open runs the\n"
               "                       quicker quick_check); a damaged database is refused with exit code 2\n"
               "  --json               {\"run\": {...}, \"goals\": "
               "[{\"id\",\"title\",\"state\",\"attempts\",\"tokens\",\n"
               "                       \"cost_usd\",\"error\"}], \"agents\": [...]}\n"
               "\n"
               "report options:\n"
               "  --run ID             the run to report (default: the latest)\n"
               "  --format md|json     Markdown or JSON: summary, per-goal outcome, cost, escalations and answers\n"
               "  --format activity    the activity log (activity_tracker.md style): every change, oldest first\n"
               "  --format state       the machine-readable state (project_state.yaml)\n"
               "\n"
               "models options:\n"
               "  --json               {\"servers\": [{\"kind\",\"base_url\",\"models\",\"profiles\"}]}\n"
               "                       Looks on 127.0.0.1 only: Ollama (11434), llama.cpp (8080), LM Studio (1234),\n"
               "                       vLLM (8000); SWITCHBOARD_DISCOVERY_PORTS=ollama=11434,vllm=8001 changes them.\n"
               "\n"
               "agents options:\n"
               "  --detect             look for claude, codex, gemini, aider, goose and opencode on PATH, run each\n"
               "                       one's --version (3 s at most) and print a ready profile for each\n"
               "  --json               {\"agents\": "
               "[{\"program\",\"label\",\"backend\",\"path\",\"version\",\"profile\"}]}\n"
               "\n"
               "recover options:\n"
               "  --out NEW            the new database (must not exist). Every table is copied row by row through\n"
               "                       a read-only connection; unreadable pages are skipped and counted; the new\n"
               "                       file is checked in full. Exit codes: 0 recovered; 2 nothing could be done.\n"
               "\n"
               "review, diff, merge, discard (goals with isolation: worktree; --run ID picks the run, default the "
               "latest):\n"
               "  merge refuses (exit 1, the files named) when the merge would conflict, the main checkout is not on\n"
               "  the base branch or has uncommitted changes in the files it touches; --rebase rebases first.\n"
               "  discard refuses without --force when commits or changes would be lost.\n"
               "\n"
               "Exit codes of run and resume: 0 all goals completed; 1 some failed, were cancelled or blocked;\n"
               "2 invalid input, the database is in use by another Switchboard or damaged (message on stderr);\n"
               "130 interrupted by SIGINT/SIGTERM (agents cancelled first).\n")
        .arg(ConfigLoader::defaultConfigPath(), Store::defaultPath());
}

bool Cli::isCommand(const QString &name)
{
    return Command::find(name) != nullptr;
}

int Cli::exec(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"-v" || arg == u"--version") {
            QTextStream(stdout) << QStringLiteral("switchboard %1\n").arg(QStringLiteral(SWITCHBOARD_VERSION));
            return Success;
        }
        if (arg == u"-h" || arg == u"--help" || arg == u"--help-all") {
            QTextStream(stdout) << helpText();
            return Success;
        }
    }
    const QString name = arguments.value(1);
    if (Command *command = Command::find(name))
        return command->execute(arguments);
    Console::printError(QStringLiteral("error: unknown command '%1'\n\n%2").arg(name, helpText()));
    return InvalidInput;
}

} // namespace switchboard
