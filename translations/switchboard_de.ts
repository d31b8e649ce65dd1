<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgentStateStyle</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Waiting for lock</source>
        <translation>Wartet auf Sperre</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Waiting for its dependencies or a free slot</source>
        <translation>Wartet auf seine Abhängigkeiten oder einen freien Platz</translation>
    </message>
    <message>
        <source>A goal it depends on failed or was cancelled; it will not run on its own</source>
        <translation>Ein Ziel, von dem es abhängt, ist fehlgeschlagen oder wurde abgebrochen; es startet nicht von selbst</translation>
    </message>
    <message>
        <source>Working on its goal</source>
        <translation>Arbeitet an seinem Ziel</translation>
    </message>
    <message>
        <source>Waiting for a resource another agent holds</source>
        <translation>Wartet auf eine Ressource, die ein anderer Agent hält</translation>
    </message>
    <message>
        <source>Asked a question and waits for your answer</source>
        <translation>Hat eine Frage gestellt und wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>Finished its goal</source>
        <translation>Hat sein Ziel erreicht</translation>
    </message>
    <message>
        <source>Stopped with an error</source>
        <translation>Mit einem Fehler beendet</translation>
    </message>
    <message>
        <source>Cancelled before it finished</source>
        <translation>Vor dem Ende abgebrochen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeit überschritten</translation>
    </message>
    <message>
        <source>hung (no output)</source>
        <translation>hängt (keine Ausgabe)</translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation>Frist verstrichen</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>Budget überschritten</translation>
    </message>
    <message>
        <source>loop detected</source>
        <translation>Schleife erkannt</translation>
    </message>
    <message>
        <source>no improvement</source>
        <translation>keine Verbesserung</translation>
    </message>
    <message>
        <source>lock lost</source>
        <translation>Sperre verloren</translation>
    </message>
    <message>
        <source>lock denied</source>
        <translation>Sperre verweigert</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>question unanswered</source>
        <translation>Frage unbeantwortet</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>Ratenlimit erreicht</translation>
    </message>
    <message>
        <source>Was running when Switchboard stopped; resume it to start a new attempt</source>
        <translation>Lief, als Switchboard beendet wurde; setzen Sie es fort, um einen neuen Versuch zu starten</translation>
    </message>
    <message>
        <source>Needs input</source>
        <translation>Braucht Eingabe</translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation>Bereit zur Prüfung</translation>
    </message>
    <message>
        <source>Finished in its own worktree; review the changes, then merge or discard them</source>
        <translation>In seinem eigenen Worktree fertig; prüfen Sie die Änderungen und führen Sie sie dann zusammen oder verwerfen Sie sie</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Its condition was false (or a goal it depends on was skipped); it did not run</source>
        <translation>Seine Bedingung war falsch (oder ein Ziel, von dem es abhängt, wurde übersprungen); es lief nicht</translation>
    </message>
</context>
<context>
    <name>AgentStatusText</name>
    <message>
        <source>attempt %1/%2</source>
        <translation>Versuch %1/%2</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>next try in %1</source>
        <translation>nächster Versuch in %1</translation>
    </message>
    <message>
        <source>rate limited · resumes in %1</source>
        <translation>Ratenlimit · weiter in %1</translation>
    </message>
    <message>
        <source>Waiting for lock: %1</source>
        <translation>Wartet auf Sperre: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A failure&apos;s kind, then its message: &quot;timed out: no result after 30 s&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · resumed after an interruption</source>
        <extracomment>Card of an agent whose attempt started over after Switchboard stopped: &quot;attempt 2/5 · resumed after an interruption&quot; (the interrupted attempt spent no retry)</extracomment>
        <translation>%1 · nach einer Unterbrechung fortgesetzt</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Card subtitle of a goal working in a git repository, after agent · profile; %1 is the repository name</extracomment>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1 · job %2</source>
        <extracomment>Card subtitle of an agent running as a cluster job: &quot;slurm (debug) · job 123&quot;</extracomment>
        <translation>%1 · Job %2</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>%1k tokens</source>
        <translation>%1 Tsd. Tokens</translation>
    </message>
    <message>
        <source>%1M tokens</source>
        <translation>%1 Mio. Tokens</translation>
    </message>
    <message>
        <source>$%1</source>
        <translation>%1 $</translation>
    </message>
    <message>
        <source>&lt;$%1</source>
        <translation>&lt;%1 $</translation>
    </message>
</context>
<context>
    <name>TeamStyle</name>
    <message>
        <source>Parallel</source>
        <extracomment>A team pattern: several agents answer the same goal</extracomment>
        <translation>Parallel</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <extracomment>A team pattern: a planner hands steps to workers</extracomment>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Debate</source>
        <extracomment>A team pattern: agents debate in rounds, a judge concludes</extracomment>
        <translation>Debatte</translation>
    </message>
    <message>
        <source>no members yet</source>
        <translation>noch keine Mitglieder</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <extracomment>A team&apos;s members: how many of them finished, e.g. &quot;3/4 done&quot;</extracomment>
        <translation>%1/%2 fertig</translation>
    </message>
    <message>
        <source>%1 · %2 failed</source>
        <extracomment>After &quot;3/4 done&quot;: how many members did not succeed</extracomment>
        <translation>%1 · %2 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>The database is in use by another Switchboard.</source>
        <translation>Die Datenbank wird von einem anderen Switchboard verwendet.</translation>
    </message>
    <message>
        <source>You can watch its runs in a read-only history window, or quit.</source>
        <translation>Sie können seine Läufe schreibgeschützt in einem Verlaufsfenster verfolgen oder Switchboard beenden.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>The database cannot be opened read-only:

%1</source>
        <translation>Die Datenbank kann nicht schreibgeschützt geöffnet werden:

%1</translation>
    </message>
    <message>
        <source>The database cannot be used:

%1

Switchboard starts without recording this session.</source>
        <translation>Die Datenbank kann nicht verwendet werden:

%1

Switchboard startet, ohne diese Sitzung aufzuzeichnen.</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentBoardModel</name>
    <message>
        <source>%1 — %2 (%3, %4%)</source>
        <extracomment>Card text for screen readers and copy: agent name, goal title, state, progress</extracomment>
        <translation>%1 — %2 (%3, %4 %)</translation>
    </message>
    <message>
        <source>%1 on profile %2</source>
        <translation>%1 auf Profil %2</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>Schritt: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <translation>Fragt: %1</translation>
    </message>
    <message>
        <source>Needs human: it keeps asking about this goal</source>
        <translation>Braucht einen Menschen: es fragt immer wieder zu diesem Ziel</translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation>Repository: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Card tooltip of a team goal: its pattern and where it is, e.g. &quot;Team: debate · round 2 of 3&quot;</extracomment>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Member of %1: %2</source>
        <extracomment>Card tooltip of a team member: the team&apos;s title and what the member is there</extracomment>
        <translation>Mitglied von %1: %2</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <extracomment>Card tooltip of an agent on a cluster or SSH host: &quot;Runs on: slurm (debug), job 123&quot;</extracomment>
        <translation>Läuft auf: %1</translation>
    </message>
    <message>
        <source>Runs on: %1, job %2</source>
        <translation>Läuft auf: %1, Job %2</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentBoardView</name>
    <message>
        <source>Agent board</source>
        <translation>Agententafel</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentCardDelegate</name>
    <message>
        <source>%1 · %2</source>
        <extracomment>Card subtitle: agent name · profile name
----------
Card of an agent backing off: &quot;attempt 2/4 · next try in 4:12&quot;</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>any profile</source>
        <translation>beliebiges Profil</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet …</translation>
    </message>
    <message>
        <source>Queued at %1</source>
        <translation>Eingereiht um %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>Waiting for a free slot</source>
        <translation>Wartet auf einen freien Platz</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message>
        <source>Needs human</source>
        <translation>Braucht einen Menschen</translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <extracomment>Card of an agent waiting for an answer; %1 is its question</extracomment>
        <translation>Fragt: %1</translation>
    </message>
    <message>
        <source>Stopped with Switchboard; resume it (▶) to start a new attempt</source>
        <extracomment>Card of an agent a crash or quit interrupted, held until the person resumes it</extracomment>
        <translation>Mit Switchboard beendet; fortsetzen (▶) startet einen neuen Versuch</translation>
    </message>
    <message>
        <source>Resume: start this agent again with a new attempt</source>
        <translation>Fortsetzen: diesen Agenten mit einem neuen Versuch erneut starten</translation>
    </message>
    <message>
        <source>Cancel this agent</source>
        <translation>Diesen Agenten abbrechen</translation>
    </message>
    <message>
        <source>%1 · 1 member</source>
        <extracomment>Card subtitle of a team goal: its stage and its members, &quot;round 2 of 3 · 6 members&quot;</extracomment>
        <translation>%1 · 1 Mitglied</translation>
    </message>
    <message>
        <source>%1 · %2 members</source>
        <translation>%1 · %2 Mitglieder</translation>
    </message>
    <message>
        <source>Members working</source>
        <translation>Mitglieder arbeiten</translation>
    </message>
    <message>
        <source>Hide this team&apos;s members (−)</source>
        <translation>Mitglieder dieses Teams ausblenden (−)</translation>
    </message>
    <message>
        <source>Show this team&apos;s members (+)</source>
        <translation>Mitglieder dieses Teams einblenden (+)</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentCommands</name>
    <message numerus="yes">
        <source>Cancelling %n agent(s)</source>
        <translation>
            <numerusform>%n Agent wird abgebrochen</numerusform>
            <numerusform>%n Agenten werden abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the agents to cancel on the board first.</source>
        <translation>Wählen Sie zuerst die abzubrechenden Agenten auf der Tafel aus.</translation>
    </message>
    <message>
        <source>No agent is queued or running.</source>
        <translation>Kein Agent wartet oder läuft.</translation>
    </message>
    <message>
        <source>Cancel all agents</source>
        <translation>Alle Agenten abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n unfinished agent(s)?</source>
        <translation>
            <numerusform>Den unfertigen Agenten abbrechen?</numerusform>
            <numerusform>Alle %n unfertigen Agenten abbrechen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Running agents are told to stop at once; queued agents will not start. Finished agents stay on the board.</source>
        <translation>Laufende Agenten werden sofort angewiesen anzuhalten; wartende Agenten starten nicht mehr. Beendete Agenten bleiben auf der Tafel.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n agent(s), each with a new attempt</source>
        <translation>
            <numerusform>%n Agent wird mit einem neuen Versuch fortgesetzt</numerusform>
            <numerusform>%n Agenten werden fortgesetzt, jeder mit einem neuen Versuch</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the interrupted agents to resume on the board first.</source>
        <translation>Wählen Sie zuerst die fortzusetzenden unterbrochenen Agenten auf der Tafel aus.</translation>
    </message>
    <message>
        <source>No agent is waiting to be resumed.</source>
        <translation>Kein Agent wartet darauf, fortgesetzt zu werden.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished agent(s) from the board</source>
        <translation>
            <numerusform>%n beendeten Agenten von der Tafel entfernt</numerusform>
            <numerusform>%n beendete Agenten von der Tafel entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>No finished agents to remove.</source>
        <translation>Keine beendeten Agenten zu entfernen.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n agent id(s)</source>
        <translation>
            <numerusform>%n Agenten-ID kopiert</numerusform>
            <numerusform>%n Agenten-IDs kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>No selected agent waits out a rate limit.</source>
        <translation>Kein ausgewählter Agent wartet ein Ratenlimit ab.</translation>
    </message>
    <message>
        <source>Resumed dispatch for %1</source>
        <translation>Starts für %1 fortgesetzt</translation>
    </message>
    <message>
        <source>Cancel agent %1?</source>
        <translation>Agent %1 abbrechen?</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n selected agent(s)?</source>
        <translation>
            <numerusform>Den %n ausgewählten Agenten abbrechen?</numerusform>
            <numerusform>Die %n ausgewählten Agenten abbrechen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel agents</source>
        <translation>Agenten abbrechen</translation>
    </message>
    <message>
        <source>A running agent is told to stop at once; a queued one will not start.</source>
        <translation>Ein laufender Agent wird sofort angewiesen anzuhalten; ein wartender startet nicht mehr.</translation>
    </message>
    <message>
        <source>Do not ask again when I press Del</source>
        <translation>Nicht mehr fragen, wenn ich Entf drücke</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentDetailPane</name>
    <message>
        <source>%1 · %2%</source>
        <translation>%1 · %2 %</translation>
    </message>
    <message>
        <source>%1 · agent %2 · goal %3</source>
        <translation>%1 · Agent %2 · Ziel %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Jedes passende Profil</translation>
    </message>
    <message>
        <source>%1 (needs %2)</source>
        <translation>%1 (braucht %2)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3</source>
        <translation>%1 ein · %2 aus · %3</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message>
        <source>Completed without a summary</source>
        <translation>Ohne Zusammenfassung abgeschlossen</translation>
    </message>
    <message>
        <source>Not finished yet</source>
        <translation>Noch nicht fertig</translation>
    </message>
    <message>
        <source>Select an agent on the board to see its goal, progress and log.</source>
        <translation>Wählen Sie einen Agenten auf der Tafel, um sein Ziel, seinen Fortschritt und sein Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Erfolgskriterien</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Aktueller Schritt</translation>
    </message>
    <message>
        <source>Steps so far</source>
        <translation>Bisherige Schritte</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>Tokens / cost</source>
        <translation>Tokens / Kosten</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>No output yet</source>
        <translation>Noch keine Ausgabe</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (um %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown; the newest %1 are kept.</source>
        <translation>
            <numerusform>%n ältere Zeile nicht angezeigt; die neuesten %1 bleiben erhalten.</numerusform>
            <numerusform>%n ältere Zeilen nicht angezeigt; die neuesten %1 bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown — full log: %1</source>
        <translation>
            <numerusform>%n ältere Zeile nicht angezeigt — vollständiges Protokoll: %1</numerusform>
            <numerusform>%n ältere Zeilen nicht angezeigt — vollständiges Protokoll: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Wartet auf Ihre Antwort</translation>
    </message>
    <message>
        <source>&amp;Answer in the inbox</source>
        <translation>Im Posteingang &amp;beantworten</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Wartet auf</translation>
    </message>
    <message>
        <source>No transcript yet.</source>
        <translation>Noch kein Transkript.</translation>
    </message>
    <message>
        <source>No transcript yet: the model has not been asked anything.</source>
        <translation>Noch kein Transkript: Das Modell wurde noch nichts gefragt.</translation>
    </message>
    <message>
        <source>No transcript: this agent&apos;s backend does not talk to a model.</source>
        <translation>Kein Transkript: Das Backend dieses Agenten spricht mit keinem Modell.</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>1 file changed</source>
        <translation>1 Datei geändert</translation>
    </message>
    <message>
        <source>%1 files changed</source>
        <translation>%1 Dateien geändert</translation>
    </message>
    <message>
        <source>%1 · +%2 −%3</source>
        <translation>%1 · +%2 −%3</translation>
    </message>
    <message>
        <source>&amp;Review changes…</source>
        <translation>Änderungen &amp;prüfen …</translation>
    </message>
    <message>
        <source>See the diff, then merge, discard or ask for a follow-up</source>
        <translation>Den Diff ansehen, dann zusammenführen, verwerfen oder ein Folgeziel stellen</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Agent session</source>
        <translation>Agentensitzung</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Detail pane of a team goal: its pattern, &quot;Team: debate · optimist, pessimist · 2 rounds · judge lead&quot;</extracomment>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>Runs when: %1</source>
        <extracomment>Detail pane of a goal with a condition: &quot;Runs when: result of &apos;post&apos; contains &quot;APPROVED&quot;&quot;</extracomment>
        <translation>Ausführen, wenn: %1</translation>
    </message>
    <message>
        <source>%1 (the team&apos;s members)</source>
        <translation>%1 (die Mitglieder des Teams)</translation>
    </message>
    <message>
        <source>Member of %1</source>
        <extracomment>Detail pane of a team member: &quot;Member of &lt;team title&gt; · round 2 · optimist&quot;; the title links to the team</extracomment>
        <translation>Mitglied von %1</translation>
    </message>
    <message>
        <source>Member of %1 · %2</source>
        <translation>Mitglied von %1 · %2</translation>
    </message>
    <message>
        <source>Show the team&apos;s card on the board</source>
        <translation>Die Karte des Teams auf der Tafel zeigen</translation>
    </message>
    <message>
        <source>%1, job %2</source>
        <extracomment>Detail pane row of an agent on a cluster or SSH host: &quot;slurm (debug), job 123&quot;</extracomment>
        <translation>%1, Job %2</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
    <message>
        <source>%1 running, %2 in the queue</source>
        <translation>%1 gelaufen, %2 in der Warteschlange</translation>
    </message>
</context>
<context>
    <name>switchboard::AiPlanDialog</name>
    <message>
        <source>AI plan</source>
        <translation>KI-Plan</translation>
    </message>
    <message>
        <source>Asking %1 for a plan…</source>
        <translation>%1 wird nach einem Plan gefragt …</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The model could not be asked: %1</source>
        <translation>Das Modell konnte nicht gefragt werden: %1</translation>
    </message>
    <message>
        <source>%1 input + %2 output tokens</source>
        <translation>%1 Eingabe- + %2 Ausgabe-Tokens</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) planned by %1 · %2</source>
        <translation>
            <numerusform>%n Ziel von %1 geplant · %2</numerusform>
            <numerusform>%n Ziele von %1 geplant · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s plan cannot be used as it is: fix the problems below, or Retry to ask again · %1</source>
        <translation>Der Plan des Modells ist so nicht verwendbar: Beheben Sie die Probleme unten oder fragen Sie mit „Erneut versuchen“ noch einmal · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>No goals</source>
        <translation>Keine Ziele</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n Ziel</numerusform>
            <numerusform>%n Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n Phase</numerusform>
            <numerusform>%n Phasen</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan could not be saved to %1: %2</source>
        <translation>Der Plan konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Plan speichern</translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation>Plandateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation>Der Plan konnte nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation>Mit KI planen</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>&amp;Vorhaben</translation>
    </message>
    <message>
        <source>What should the agents achieve? For example: Build a REST API for a todo list with tests and docs.</source>
        <translation>Was sollen die Agenten erreichen? Zum Beispiel: Eine REST-API für eine Aufgabenliste mit Tests und Dokumentation bauen.</translation>
    </message>
    <message>
        <source>&amp;Planner:</source>
        <translation>&amp;Planer:</translation>
    </message>
    <message>
        <source>The LLM profile that breaks the objective into goals</source>
        <translation>Das LLM-Profil, das das Vorhaben in Ziele zerlegt</translation>
    </message>
    <message>
        <source>&amp;Generate plan</source>
        <translation>Plan &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Ask the model again, telling it what was wrong with its plan</source>
        <translation>Das Modell erneut fragen und ihm sagen, was an seinem Plan falsch war</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop asking the model</source>
        <translation>Die Anfrage an das Modell beenden</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No LLM profile to plan with&lt;/h3&gt;&lt;p&gt;Planning asks a language model to break your objective into goals. Add a profile with a model to your config, &lt;code&gt;%1&lt;/code&gt;, for example:&lt;/p&gt;&lt;pre&gt;agents:
  definitions:
    - name: planner
      model: gpt-4o             # OpenAI: set OPENAI_API_KEY
    - name: claude
      model: claude-sonnet-4-5  # Anthropic: set ANTHROPIC_API_KEY
    - name: local               # Ollama on this machine
      backend: openai
      base_url: http://127.0.0.1:11434/v1
      model: llama3.1&lt;/pre&gt;&lt;p&gt;Then start Switchboard again and choose &lt;b&gt;Plan with AI…&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein LLM-Profil zum Planen&lt;/h3&gt;&lt;p&gt;Beim Planen zerlegt ein Sprachmodell Ihr Vorhaben in Ziele. Fügen Sie Ihrer Konfiguration &lt;code&gt;%1&lt;/code&gt; ein Profil mit einem Modell hinzu, zum Beispiel:&lt;/p&gt;&lt;pre&gt;agents:
  definitions:
    - name: planner
      model: gpt-4o             # OpenAI: OPENAI_API_KEY setzen
    - name: claude
      model: claude-sonnet-4-5  # Anthropic: ANTHROPIC_API_KEY setzen
    - name: local               # Ollama auf diesem Rechner
      backend: openai
      base_url: http://127.0.0.1:11434/v1
      model: llama3.1&lt;/pre&gt;&lt;p&gt;Starten Sie Switchboard dann neu und wählen Sie &lt;b&gt;Mit KI planen …&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Describe the objective above and press Generate plan. The goals the model proposes appear here to check and edit before you save or run them.</source>
        <translation>Beschreiben Sie oben Ihr Vorhaben und klicken Sie auf „Plan erzeugen“. Die Ziele, die das Modell vorschlägt, erscheinen hier; prüfen und bearbeiten Sie sie, bevor Sie sie speichern oder ausführen.</translation>
    </message>
    <message>
        <source>&amp;Add goal</source>
        <translation>Ziel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move goal</source>
        <translation>Ziel ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Save plan…</source>
        <translation>Plan &amp;speichern …</translation>
    </message>
    <message>
        <source>Write the goals as a plan file, to run later with Run plan or `switchboard run`</source>
        <translation>Die Ziele als Plandatei schreiben, um sie später mit „Plan ausführen“ oder `switchboard run` auszuführen</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>Start the goals now, as Run plan would</source>
        <translation>Die Ziele jetzt starten, wie „Plan ausführen“ es täte</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>switchboard::ApiKeyField</name>
    <message>
        <source>Paste the API key to keep it in the keychain</source>
        <translation>API-Schlüssel einfügen, um ihn im Schlüsselbund zu speichern</translation>
    </message>
    <message>
        <source>No keychain here</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain; it is never written to the config file</source>
        <translation>Den Schlüssel im Schlüsselbund des Systems ablegen; er wird nie in die Konfigurationsdatei geschrieben</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Delete this profile&apos;s key from the keychain</source>
        <translation>Den Schlüssel dieses Profils aus dem Schlüsselbund löschen</translation>
    </message>
    <message>
        <source>Use an environment variable instead</source>
        <translation>Stattdessen eine Umgebungsvariable verwenden</translation>
    </message>
    <message>
        <source>Looking for the system keychain…</source>
        <translation>Schlüsselbund des Systems wird gesucht …</translation>
    </message>
    <message>
        <source>No keychain service is running here, so the key cannot be stored. Set it in an environment variable and name that variable under API key variable.</source>
        <translation>Hier läuft kein Schlüsselbund-Dienst, daher kann der Schlüssel nicht gespeichert werden. Legen Sie ihn in einer Umgebungsvariablen ab und tragen Sie deren Namen unter „API-Schlüsselvariable“ ein.</translation>
    </message>
    <message>
        <source>The keychain is switched off here (SWITCHBOARD_NO_KEYCHAIN). Set the key in an environment variable and name that variable under API key variable.</source>
        <translation>Der Schlüsselbund ist hier abgeschaltet (SWITCHBOARD_NO_KEYCHAIN). Legen Sie den Schlüssel in einer Umgebungsvariablen ab und tragen Sie deren Namen unter „API-Schlüsselvariable“ ein.</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>Schlüsselbund wird gelesen …</translation>
    </message>
    <message>
        <source>A key is stored in the keychain.</source>
        <translation>Im Schlüsselbund ist ein Schlüssel gespeichert.</translation>
    </message>
    <message>
        <source>A key is stored in the keychain (ending in …%1).</source>
        <translation>Im Schlüsselbund ist ein Schlüssel gespeichert (endet auf …%1).</translation>
    </message>
    <message>
        <source>Name the profile first: its key is stored under its name.</source>
        <translation>Geben Sie dem Profil zuerst einen Namen: Sein Schlüssel wird unter diesem Namen gespeichert.</translation>
    </message>
    <message>
        <source>No key is stored in the keychain for this profile.</source>
        <translation>Für dieses Profil ist kein Schlüssel im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Updating the keychain…</source>
        <translation>Schlüsselbund wird aktualisiert …</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>Der Schlüsselbund hat nicht geantwortet: %1</translation>
    </message>
</context>
<context>
    <name>switchboard::AppearancePage</name>
    <message>
        <source>The language changes at the next start of Switchboard.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Switchboard.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Design:</translation>
    </message>
    <message>
        <source>Confirmations:</source>
        <translation>Bestätigungen:</translation>
    </message>
    <message>
        <source>&amp;Ask before Del cancels the selected agents</source>
        <translation>&amp;Nachfragen, bevor Entf die ausgewählten Agenten abbricht</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Starting with --lang overrides it.</source>
        <translation>Wirkt ab dem nächsten Start. Ein Start mit --lang hat Vorrang.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie im System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>SWITCHBOARD_THEME is set, and it wins over this choice.</source>
        <translation>SWITCHBOARD_THEME ist gesetzt und hat Vorrang vor dieser Auswahl.</translation>
    </message>
    <message>
        <source>Applied at once.</source>
        <translation>Wird sofort angewendet.</translation>
    </message>
</context>
<context>
    <name>switchboard::BoardFilterBar</name>
    <message numerus="yes">
        <source>%Ln agent(s)</source>
        <translation>
            <numerusform>%Ln Agent</numerusform>
            <numerusform>%Ln Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln agent(s)</source>
        <translation>
            <numerusform>%1 von %Ln Agent</numerusform>
            <numerusform>%1 von %Ln Agenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Search agents, goals, steps, profiles…</source>
        <translation>Agenten, Ziele, Schritte, Profile suchen …</translation>
    </message>
    <message>
        <source>Filter the board by agent name, goal title, current step or profile (Ctrl+F)</source>
        <translation>Die Tafel nach Agentenname, Zieltitel, aktuellem Schritt oder Profil filtern (Strg+F)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Failed or blocked</source>
        <translation>Fehlgeschlagen oder blockiert</translation>
    </message>
    <message>
        <source>Running, waiting for a lock or for you, or paused</source>
        <translation>Laufend, wartend auf eine Sperre oder auf Sie, oder pausiert</translation>
    </message>
    <message>
        <source>Queued, blocked, waiting for a lock or for you, paused or interrupted</source>
        <translation>In Warteschlange, blockiert, wartend auf eine Sperre oder auf Sie, pausiert oder unterbrochen</translation>
    </message>
    <message>
        <source>Completed, failed or cancelled</source>
        <translation>Abgeschlossen, fehlgeschlagen oder abgebrochen</translation>
    </message>
    <message>
        <source>Spawn order</source>
        <translation>Startreihenfolge</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Reverse the sort order</source>
        <translation>Sortierreihenfolge umkehren</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>S&amp;ortieren:</translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation>Bereit zur Prüfung</translation>
    </message>
    <message>
        <source>Finished in a git worktree; the changes wait to be merged or discarded</source>
        <translation>In einem Git-Worktree fertig; die Änderungen warten darauf, zusammengeführt oder verworfen zu werden</translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsDialog</name>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>&amp;Use this agent</source>
        <translation>Diesen Agenten &amp;verwenden</translation>
    </message>
    <message>
        <source>Adds profile &apos;%1&apos; (backend %2) to this session, so New goal can pick it</source>
        <translation>Fügt das Profil „%1“ (Backend %2) dieser Sitzung hinzu, damit „Neues Ziel“ es anbieten kann</translation>
    </message>
    <message>
        <source>Looking for coding agents on PATH…</source>
        <translation>Coding-Agenten im PATH werden gesucht …</translation>
    </message>
    <message>
        <source>No coding agent found on PATH (claude, codex, gemini, aider, goose, opencode). Install one and search again.</source>
        <translation>Kein Coding-Agent im PATH gefunden (claude, codex, gemini, aider, goose, opencode). Installieren Sie einen und suchen Sie erneut.</translation>
    </message>
    <message>
        <source>These coding agents are installed here. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard agents --detect` prints it).</source>
        <translation>Diese Coding-Agenten sind hier installiert. Ein hinzugefügtes Profil gilt für diese Sitzung; um es zu behalten, tragen Sie es in switchboard.yaml ein (`switchboard agents --detect` gibt es aus).</translation>
    </message>
    <message>
        <source>Coding agents</source>
        <translation>Coding-Agenten</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsOffer</name>
    <message>
        <source>Found %1: add it from Agents ▸ Coding agents…</source>
        <extracomment>Status bar, briefly; %1 names coding-agent CLIs (&quot;Claude Code, Aider&quot;)</extracomment>
        <translation>%1 gefunden: über Agenten ▸ Coding-Agenten … hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Coding agents…</source>
        <translation>&amp;Coding-Agenten …</translation>
    </message>
    <message>
        <source>Coding-agent programs installed here (Claude Code, Codex, Gemini, Aider, ACP agents)</source>
        <translation>Hier installierte Coding-Agent-Programme (Claude Code, Codex, Gemini, Aider, ACP-Agenten)</translation>
    </message>
</context>
<context>
    <name>switchboard::ConditionField</name>
    <message>
        <source>Runs when: check the goal to test under Depends on first</source>
        <translation>Ausführen, wenn: Haken Sie zuerst unter „Hängt ab von“ das zu prüfende Ziel an</translation>
    </message>
    <message>
        <source>Runs when: enter the text the result must contain</source>
        <translation>Ausführen, wenn: Geben Sie den Text ein, den das Ergebnis enthalten muss</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Only if this succeeded:</source>
        <translation>Nur wenn dieses Ziel erfolgreich war:</translation>
    </message>
    <message>
        <source>Only if this did not succeed:</source>
        <translation>Nur wenn dieses Ziel nicht erfolgreich war:</translation>
    </message>
    <message>
        <source>Only if the result of this contains:</source>
        <translation>Nur wenn das Ergebnis dieses Ziels enthält:</translation>
    </message>
    <message>
        <source>A goal whose condition is false is skipped, and so are the goals that depend on it</source>
        <translation>Ein Ziel, dessen Bedingung nicht erfüllt ist, wird übersprungen, ebenso die Ziele, die davon abhängen</translation>
    </message>
    <message>
        <source>check a goal under Depends on</source>
        <translation>unter „Hängt ab von“ ein Ziel anhaken</translation>
    </message>
    <message>
        <source>Text the result must contain (case-sensitive), e.g. APPROVED</source>
        <translation>Text, den das Ergebnis enthalten muss (Groß-/Kleinschreibung beachten), z. B. APPROVED</translation>
    </message>
</context>
<context>
    <name>switchboard::ConfigBanner</name>
    <message>
        <source>Hide the configuration notice</source>
        <translation>Konfigurationshinweis ausblenden</translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation>Konfigurationsproblem</translation>
    </message>
    <message>
        <source>Your configuration did not load: Switchboard started with a replacement</source>
        <translation>Ihre Konfiguration wurde nicht geladen: Switchboard wurde mit einem Ersatz gestartet</translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotificationSink</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotifier</name>
    <message>
        <source>An agent needs &amp;input</source>
        <translation>Ein Agent braucht &amp;Eingabe</translation>
    </message>
    <message>
        <source>An agent &amp;failed</source>
        <translation>Ein Agent ist &amp;fehlgeschlagen</translation>
    </message>
    <message>
        <source>Changes ready for &amp;review</source>
        <translation>Änderungen bereit zur &amp;Prüfung</translation>
    </message>
    <message>
        <source>The run &amp;finished</source>
        <translation>Der Lauf ist &amp;beendet</translation>
    </message>
    <message>
        <source>Notifications make no sound</source>
        <translation>Benachrichtigungen ohne Ton</translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation>%1 braucht Ihre Eingabe</translation>
    </message>
    <message>
        <source>Goal: %1
%2</source>
        <translation>Ziel: %1
%2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 is ready for review</source>
        <translation>%1 ist bereit zur Prüfung</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>All agents have finished.</source>
        <translation>Alle Agenten sind fertig.</translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation>Alle Agenten sind fertig; 1 Ziel wartet auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation>Alle Agenten sind fertig; %1 Ziele warten auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Lauf beendet</translation>
    </message>
</context>
<context>
    <name>switchboard::DiffView</name>
    <message>
        <source>… folded, double-click to show</source>
        <extracomment>After a folded file&apos;s header line in the diff</extracomment>
        <translation>… eingeklappt, zum Anzeigen doppelklicken</translation>
    </message>
</context>
<context>
    <name>switchboard::EmptyBoardOverlay</name>
    <message>
        <source>No agents yet</source>
        <translation>Noch keine Agenten</translation>
    </message>
    <message>
        <source>Give an agent a goal with New goal (Ctrl+N), or start a whole plan from a template with Run plan (Ctrl+O).</source>
        <translation>Geben Sie einem Agenten ein Ziel mit „Neues Ziel“ (Strg+N), oder starten Sie einen ganzen Plan aus einer Vorlage mit „Plan ausführen“ (Strg+O).</translation>
    </message>
    <message>
        <source>No agents match the filter</source>
        <translation>Kein Agent passt zum Filter</translation>
    </message>
    <message>
        <source>Change the search text or the state filter to see more agents.</source>
        <translation>Ändern Sie den Suchtext oder den Zustandsfilter, um mehr Agenten zu sehen.</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>Neues Ziel …</translation>
    </message>
    <message>
        <source>Run plan…</source>
        <translation>Plan ausführen …</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Filter zurücksetzen</translation>
    </message>
</context>
<context>
    <name>switchboard::EscalationListModel</name>
    <message>
        <source>Asked %1</source>
        <translation>Gefragt %1</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Anlass</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Clarification</source>
        <translation>Klärung</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Berechtigung</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>Beantwortet: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Zeit abgelaufen</translation>
    </message>
    <message>
        <source>Question from %1, %2 priority: %3</source>
        <translation>Frage von %1, Priorität %2: %3</translation>
    </message>
</context>
<context>
    <name>switchboard::ExecutorFields</name>
    <message>
        <source>expected a port between 1 and 65535, got “%1”</source>
        <translation>Port zwischen 1 und 65535 erwartet, erhalten: „%1“</translation>
    </message>
    <message>
        <source>SSH identity file</source>
        <translation>SSH-Schlüsseldatei</translation>
    </message>
    <message>
        <source>As its profile</source>
        <translation>Wie sein Profil</translation>
    </message>
    <message>
        <source>This computer (local)</source>
        <translation>Dieser Computer (lokal)</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Slurm-Cluster</translation>
    </message>
    <message>
        <source>SSH host</source>
        <translation>SSH-Host</translation>
    </message>
    <message>
        <source>Where this goal&apos;s agent runs its program; “As its profile” keeps the profile&apos;s choice</source>
        <translation>Wo der Agent dieses Ziels sein Programm ausführt; „Wie sein Profil“ behält die Wahl des Profils</translation>
    </message>
    <message>
        <source>Where this profile&apos;s agents run their program</source>
        <translation>Wo die Agenten dieses Profils ihr Programm ausführen</translation>
    </message>
    <message>
        <source>E&amp;xecutor:</source>
        <translation>Aus&amp;führung:</translation>
    </message>
    <message>
        <source>R&amp;uns on</source>
        <translation>Läuft a&amp;uf</translation>
    </message>
    <message>
        <source>Pa&amp;rtition:</source>
        <translation>Pa&amp;rtition:</translation>
    </message>
    <message>
        <source>Acco&amp;unt:</source>
        <translation>Ko&amp;nto:</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>&amp;QoS:</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>Zeit&amp;limit:</translation>
    </message>
    <message>
        <source>&amp;CPUs per task:</source>
        <translation>&amp;CPUs pro Task:</translation>
    </message>
    <message>
        <source>M&amp;emory:</source>
        <translation>&amp;Speicher:</translation>
    </message>
    <message>
        <source>&amp;GRES:</source>
        <translation>&amp;GRES:</translation>
    </message>
    <message>
        <source>Extra s&amp;run options:</source>
        <translation>Weitere s&amp;run-Optionen:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Identity file:</source>
        <translation>Schlüssel&amp;datei:</translation>
    </message>
    <message>
        <source>Remote &amp;folder:</source>
        <translation>Entfernter &amp;Ordner:</translation>
    </message>
    <message>
        <source>Extra ssh o&amp;ptions:</source>
        <translation>Weitere ssh-O&amp;ptionen:</translation>
    </message>
    <message>
        <source>default: the cluster&apos;s</source>
        <translation>Standard: der des Clusters</translation>
    </message>
    <message>
        <source>default: yours</source>
        <translation>Standard: Ihres</translation>
    </message>
    <message>
        <source>default: the account&apos;s</source>
        <translation>Standard: die des Kontos</translation>
    </message>
    <message>
        <source>e.g. 30 or 2:00:00 (default: the partition&apos;s)</source>
        <translation>z. B. 30 oder 2:00:00 (Standard: das der Partition)</translation>
    </message>
    <message>
        <source>Minutes, or Slurm&apos;s [days-]hours:minutes:seconds</source>
        <translation>Minuten oder Slurms [Tage-]Stunden:Minuten:Sekunden</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>e.g. 4G or 512M (default: the partition&apos;s)</source>
        <translation>z. B. 4G oder 512M (Standard: der der Partition)</translation>
    </message>
    <message>
        <source>e.g. gpu:1</source>
        <translation>z. B. gpu:1</translation>
    </message>
    <message>
        <source>e.g. --constraint=avx2 --exclusive</source>
        <translation>z. B. --constraint=avx2 --exclusive</translation>
    </message>
    <message>
        <source>More srun options, separated by spaces</source>
        <translation>Weitere srun-Optionen, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>e.g. build-7 or a Host of ~/.ssh/config</source>
        <translation>z. B. build-7 oder ein Host aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>default: ssh&apos;s</source>
        <translation>Standard: der von ssh</translation>
    </message>
    <message>
        <source>22</source>
        <translation>22</translation>
    </message>
    <message>
        <source>default: the ssh agent&apos;s keys</source>
        <translation>Standard: die Schlüssel des ssh-Agenten</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>e.g. StrictHostKeyChecking=accept-new</source>
        <translation>z. B. StrictHostKeyChecking=accept-new</translation>
    </message>
    <message>
        <source>More ssh -o Key=Value options, separated by spaces</source>
        <translation>Weitere ssh-Optionen -o Schlüssel=Wert, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <source>default: the same path as here (a shared filesystem)</source>
        <translation>Standard: derselbe Pfad wie hier (ein gemeinsames Dateisystem)</translation>
    </message>
    <message>
        <source>The agent runs in this folder&apos;s subfolder named like its local workspace; without it, in the workspace&apos;s own path, which must exist on the host</source>
        <translation>Der Agent arbeitet im Unterordner dieses Ordners, der wie sein lokaler Arbeitsbereich heißt; ohne ihn im Pfad des Arbeitsbereichs selbst, der auf dem Host vorhanden sein muss</translation>
    </message>
</context>
<context>
    <name>switchboard::FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>Folgeziel</translation>
    </message>
    <message>
        <source>What should the agent do next on “%1”? It continues the same session in the same worktree, so it remembers what it did.</source>
        <translation>Was soll der Agent als Nächstes an „%1“ tun? Er setzt dieselbe Sitzung im selben Worktree fort und weiß daher noch, was er getan hat.</translation>
    </message>
    <message>
        <source>For example: also handle an empty list, and add a test for it.</source>
        <translation>Zum Beispiel: auch eine leere Liste behandeln und einen Test dafür hinzufügen.</translation>
    </message>
    <message>
        <source>Start follow-up</source>
        <translation>Folgeziel starten</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryEmptyPage</name>
    <message>
        <source>No runs recorded yet</source>
        <translation>Noch keine Läufe aufgezeichnet</translation>
    </message>
    <message>
        <source>The other Switchboard has not started a goal or a plan yet. This window looks again every few seconds.</source>
        <translation>Das andere Switchboard hat noch kein Ziel und keinen Plan gestartet. Dieses Fenster sieht alle paar Sekunden erneut nach.</translation>
    </message>
    <message>
        <source>Every goal you start and every plan you run is kept here, with its attempts, log, answers and result, so you can search it, run it again or export a report.</source>
        <translation>Jedes Ziel, das Sie starten, und jeder Plan, den Sie ausführen, wird hier mit Versuchen, Protokoll, Antworten und Ergebnis aufbewahrt, damit Sie darin suchen, es erneut ausführen oder einen Bericht exportieren können.</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryExport</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>„%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export run report</source>
        <translation>Laufbericht exportieren</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export activity log</source>
        <translation>Aktivitätsprotokoll exportieren</translation>
    </message>
    <message>
        <source>Export project state</source>
        <translation>Projektzustand exportieren</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml)</source>
        <translation>YAML (*.yaml *.yml)</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalList</name>
    <message>
        <source>Clear search</source>
        <translation>Suche zurücksetzen</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalModel</name>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalPane</name>
    <message>
        <source>goal %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>Attempts (%1)</source>
        <translation>Versuche (%1)</translation>
    </message>
    <message>
        <source>Questions (%1)</source>
        <translation>Fragen (%1)</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>No summary was recorded.</source>
        <translation>Es wurde keine Zusammenfassung aufgezeichnet.</translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation>Noch kein Ergebnis.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Erfolgskriterien</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>any with the capabilities</source>
        <translation>jedes mit den Fähigkeiten</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Verbrauch</translation>
    </message>
    <message>
        <source>%1 in, %2 out · %3</source>
        <translation>%1 ein, %2 aus · %3</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>nicht beendet</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (Exit-Code %2)</translation>
    </message>
    <message>
        <source>The agent asked no questions.</source>
        <translation>Der Agent hat keine Fragen gestellt.</translation>
    </message>
    <message>
        <source>%1 · %2 · asked %3</source>
        <translation>%1 · %2 · gefragt %3</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Optionen:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Antwort:</translation>
    </message>
    <message>
        <source>(took “%1”)</source>
        <translation>(„%1“ übernommen)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>No full log file was written for this agent</source>
        <translation>Für diesen Agenten wurde keine vollständige Protokolldatei geschrieben</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>The agent wrote nothing to its log.</source>
        <translation>Der Agent hat nichts in sein Protokoll geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>The last %n line(s); the full log is in the log file.</source>
        <translation>
            <numerusform>Die letzte %n Zeile; das vollständige Protokoll steht in der Protokolldatei.</numerusform>
            <numerusform>Die letzten %n Zeilen; das vollständige Protokoll steht in der Protokolldatei.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a goal to see its result, attempts, log and the questions it asked.</source>
        <translation>Wählen Sie ein Ziel, um sein Ergebnis, seine Versuche, sein Protokoll und seine Fragen zu sehen.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitverlauf</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Open full log</source>
        <translation>Vollständiges Protokoll öffnen</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Transcript (%1)</source>
        <translation>Transkript (%1)</translation>
    </message>
    <message>
        <source>No transcript: this agent did not talk to a model.</source>
        <translation>Kein Transkript: Dieser Agent hat mit keinem Modell gesprochen.</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRerun</name>
    <message>
        <source>Re-run goal</source>
        <translation>Ziel erneut ausführen</translation>
    </message>
    <message>
        <source>“%1” could not be queued again.</source>
        <translation>„%1“ konnte nicht erneut eingereiht werden.</translation>
    </message>
    <message>
        <source>Queued “%1” on the board as %2</source>
        <translation>„%1“ als %2 auf der Tafel eingereiht</translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1” again: %n goal(s) queued</source>
        <translation>
            <numerusform>Plan „%1“ erneut gestartet: %n Ziel eingereiht</numerusform>
            <numerusform>Plan „%1“ erneut gestartet: %n Ziele eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run plan</source>
        <translation>Plan erneut ausführen</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n goal(s) of “%1” again?</source>
        <translation>
            <numerusform>%n Ziel von „%1“ erneut einreihen?</numerusform>
            <numerusform>Die %n Ziele von „%1“ erneut einreihen?</numerusform>
        </translation>
    </message>
    <message>
        <source>The run had no plan file: its goals are queued as they were recorded, with the dependencies between them.</source>
        <translation>Der Lauf hatte keine Plandatei: Seine Ziele werden so eingereiht, wie sie aufgezeichnet wurden, mit den Abhängigkeiten zwischen ihnen.</translation>
    </message>
    <message>
        <source>Its plan file “%1” is gone: the goals are queued as they were recorded, with the dependencies between them.</source>
        <translation>Seine Plandatei „%1“ ist nicht mehr vorhanden: Die Ziele werden so eingereiht, wie sie aufgezeichnet wurden, mit den Abhängigkeiten zwischen ihnen.</translation>
    </message>
    <message numerus="yes">
        <source>Queue %n goal(s)</source>
        <translation>
            <numerusform>%n Ziel einreihen</numerusform>
            <numerusform>%n Ziele einreihen</numerusform>
        </translation>
    </message>
    <message>
        <source>The goals of this run could not be queued again.</source>
        <translation>Die Ziele dieses Laufs konnten nicht erneut eingereiht werden.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n goal(s) on the board</source>
        <translation>
            <numerusform>%n Ziel auf der Tafel eingereiht</numerusform>
            <numerusform>%n Ziele auf der Tafel eingereiht</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRunModel</name>
    <message>
        <source>No goals</source>
        <translation>Keine Ziele</translation>
    </message>
    <message numerus="yes">
        <source>All %n completed</source>
        <translation>
            <numerusform>%n abgeschlossen</numerusform>
            <numerusform>Alle %n abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n abgeschlossen</numerusform>
            <numerusform>%n abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n blockiert</numerusform>
            <numerusform>%n blockiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n unterbrochen</numerusform>
            <numerusform>%n unterbrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n in Arbeit</numerusform>
            <numerusform>%n in Arbeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Nicht beendet</translation>
    </message>
    <message>
        <source>Every goal of every run, to search them all</source>
        <translation>Jedes Ziel jedes Laufs, um alle zu durchsuchen</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n attempt(s)</source>
        <translation>
            <numerusform>%1 in %n Versuch</numerusform>
            <numerusform>%1 in %n Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>Still running: goals are being added and worked on</source>
        <translation>Läuft noch: Ziele werden hinzugefügt und bearbeitet</translation>
    </message>
    <message>
        <source>The run did not finish: the app was closed or stopped while it ran</source>
        <translation>Der Lauf wurde nicht beendet: Die App wurde während des Laufs geschlossen oder angehalten</translation>
    </message>
    <message numerus="yes">
        <source>All runs (%n)</source>
        <translation>
            <numerusform>Alle Läufe (%n)</numerusform>
            <numerusform>Alle Läufe (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Plan file</source>
        <translation>Plandatei</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryWindow</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No database is open, so there is no history to show.</source>
        <translation>Es ist keine Datenbank geöffnet, daher gibt es keinen Verlauf.</translation>
    </message>
    <message>
        <source>Could not read the run list: %1</source>
        <translation>Die Liste der Läufe konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Loading %1 goals…</source>
        <translation>%1 Ziele werden geladen …</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Wird aktualisiert …</translation>
    </message>
    <message>
        <source>The history could not be read:
%1</source>
        <translation>Der Verlauf konnte nicht gelesen werden:
%1</translation>
    </message>
    <message>
        <source>No runs recorded yet.

Every goal you start, every plan you run, is kept here with its attempts, log, answers and result.</source>
        <translation>Noch keine Läufe aufgezeichnet.

Jedes Ziel, das Sie starten, und jeder Plan, den Sie ausführen, wird hier mit Versuchen, Protokoll, Antworten und Ergebnis aufbewahrt.</translation>
    </message>
    <message>
        <source>This run has no goals.</source>
        <translation>Dieser Lauf hat keine Ziele.</translation>
    </message>
    <message>
        <source>No goal matches “%1”.</source>
        <translation>Kein Ziel passt zu „%1“.</translation>
    </message>
    <message>
        <source>&lt;b&gt;All runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Alle Läufe&lt;/b&gt;</translation>
    </message>
    <message>
        <source>plan %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>Dauer %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n goal(s) match</source>
        <translation>
            <numerusform>%1 von %n Ziel gefunden</numerusform>
            <numerusform>%1 von %n Zielen gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n Ziel</numerusform>
            <numerusform>%n Ziele</numerusform>
        </translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Protokoll öffnen</translation>
    </message>
    <message>
        <source>The log file could not be opened.</source>
        <translation>Die Protokolldatei konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1 …</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation>Der Export konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>History (read-only) — Switchboard</source>
        <translation>Verlauf (schreibgeschützt) — Switchboard</translation>
    </message>
    <message>
        <source>History — Switchboard</source>
        <translation>Verlauf — Switchboard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>History toolbar</source>
        <translation>Werkzeugleiste des Verlaufs</translation>
    </message>
    <message>
        <source>Search runs and goals: title, id, description, error, state…</source>
        <translation>Läufe und Ziele suchen: Titel, ID, Beschreibung, Fehler, Zustand …</translation>
    </message>
    <message>
        <source>Every word must match. Searches the runs&apos; names and the shown goals (Ctrl+F)</source>
        <translation>Jedes Wort muss passen. Durchsucht die Namen der Läufe und die angezeigten Ziele (Strg+F)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>Den Verlauf neu einlesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Re-run &amp;goal</source>
        <translation>&amp;Ziel erneut ausführen</translation>
    </message>
    <message>
        <source>Re-run &amp;plan…</source>
        <translation>&amp;Plan erneut ausführen …</translation>
    </message>
    <message>
        <source>Read-only: the database is in use by another Switchboard</source>
        <translation>Schreibgeschützt: Die Datenbank wird von einem anderen Switchboard verwendet</translation>
    </message>
    <message>
        <source>Re-running needs the dashboard</source>
        <translation>Erneutes Ausführen ist nur im Dashboard möglich</translation>
    </message>
    <message>
        <source>Queue a copy of the selected goal on the board, without its dependencies (Ctrl+R)</source>
        <translation>Eine Kopie des ausgewählten Ziels ohne seine Abhängigkeiten auf der Tafel einreihen (Strg+R)</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s plan again: its plan file, or the goals as recorded (Ctrl+Shift+R)</source>
        <translation>Den Plan des ausgewählten Laufs erneut ausführen: seine Plandatei oder die Ziele wie aufgezeichnet (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Run report (&amp;Markdown)…</source>
        <translation>Laufbericht (&amp;Markdown) …</translation>
    </message>
    <message>
        <source>Run report (&amp;JSON)…</source>
        <translation>Laufbericht (&amp;JSON) …</translation>
    </message>
    <message>
        <source>&amp;Activity log…</source>
        <translation>&amp;Aktivitätsprotokoll …</translation>
    </message>
    <message>
        <source>Project &amp;state (YAML)…</source>
        <translation>Projekt&amp;zustand (YAML) …</translation>
    </message>
    <message>
        <source>Save the selected run&apos;s report, activity log or state to a file</source>
        <translation>Bericht, Aktivitätsprotokoll oder Zustand des ausgewählten Laufs in einer Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Copy goal id</source>
        <translation>Ziel-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only: the database is in use by another Switchboard.&lt;/b&gt; This window follows its progress and refreshes every few seconds; re-running goals is turned off.</source>
        <translation>&lt;b&gt;Schreibgeschützt: Die Datenbank wird von einem anderen Switchboard verwendet.&lt;/b&gt; Dieses Fenster verfolgt dessen Fortschritt und aktualisiert sich alle paar Sekunden; erneutes Ausführen von Zielen ist abgeschaltet.</translation>
    </message>
</context>
<context>
    <name>switchboard::InboxDock</name>
    <message>
        <source>%1 · %2 · “%3” · %4 priority</source>
        <extracomment>Question header: trigger · agent · goal · priority</extracomment>
        <translation>%1 · %2 · „%3“ · Priorität %4</translation>
    </message>
    <message>
        <source>Answer “%1”</source>
        <translation>„%1“ antworten</translation>
    </message>
    <message>
        <source>Type your answer and press Enter</source>
        <translation>Antwort eingeben und die Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Optional note for the agent (sent with the option)</source>
        <translation>Optionale Notiz für den Agenten (wird mit der Option gesendet)</translation>
    </message>
    <message>
        <source>%1
by %2, %3</source>
        <extracomment>Closed question: outcome, who closed it, when</extracomment>
        <translation>%1
von %2, %3</translation>
    </message>
    <message>
        <source>Pick one of the options above; the text goes with it as a note.</source>
        <translation>Wählen Sie eine der Optionen oben; der Text geht als Notiz mit.</translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation>Geben Sie zuerst eine Antwort ein.</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Posteingang (%1)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>Wartend (%1)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Pick a question on the left to answer it.</source>
        <translation>Wählen Sie links eine Frage, um sie zu beantworten.</translation>
    </message>
    <message>
        <source>No agent is waiting for you. Questions agents ask show up here.</source>
        <translation>Kein Agent wartet auf Sie. Fragen der Agenten erscheinen hier.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Cancel agent</source>
        <translation>Agent abbrechen</translation>
    </message>
    <message>
        <source>Withdraw the question and cancel the agent that asked it</source>
        <translation>Die Frage zurückziehen und den fragenden Agenten abbrechen</translation>
    </message>
    <message>
        <source>Show agent on the board</source>
        <translation>Agent auf der Tafel zeigen</translation>
    </message>
</context>
<context>
    <name>switchboard::IsolationSection</name>
    <message>
        <source>The repository folder does not exist</source>
        <translation>Der Repository-Ordner existiert nicht</translation>
    </message>
    <message>
        <source>The repository folder is not a git repository</source>
        <translation>Der Repository-Ordner ist kein Git-Repository</translation>
    </message>
    <message>
        <source>Choose the repository</source>
        <translation>Repository auswählen</translation>
    </message>
    <message>
        <source>own git worktree</source>
        <translation>eigener Git-Worktree</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>the profile&apos;s default</source>
        <translation>Standard des Profils</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Where the agent makes its changes: %1</source>
        <translation>Wo der Agent seine Änderungen vornimmt: %1</translation>
    </message>
    <message>
        <source>Isolatio&amp;n</source>
        <translation>Iso&amp;lation</translation>
    </message>
    <message>
        <source>Wor&amp;k in</source>
        <extracomment>Label of the choice: its own git worktree, the repository itself, or what the profile says</extracomment>
        <translation>&amp;Wo arbeiten</translation>
    </message>
    <message>
        <source>Work in its own git worktree: the agent&apos;s changes wait for your review and merge. Shared: it changes the repository itself, with its resources locked.</source>
        <translation>In einem eigenen Git-Worktree arbeiten: Die Änderungen des Agenten warten auf Ihre Prüfung und Zusammenführung. Geteilt: Er ändert das Repository selbst, seine Ressourcen gesperrt.</translation>
    </message>
    <message>
        <source>The profile&apos;s default</source>
        <translation>Standard des Profils</translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: own git worktree)</source>
        <translation>Standard des Profils (%1: eigener Git-Worktree)</translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: shared)</source>
        <translation>Standard des Profils (%1: geteilt)</translation>
    </message>
    <message>
        <source>Its own git worktree, reviewed before merging</source>
        <translation>Eigener Git-Worktree, vor dem Zusammenführen geprüft</translation>
    </message>
    <message>
        <source>The repository itself (shared)</source>
        <translation>Das Repository selbst (geteilt)</translation>
    </message>
    <message>
        <source>Repositor&amp;y</source>
        <translation>Repositor&amp;y</translation>
    </message>
    <message>
        <source>the run&apos;s workspace</source>
        <translation>Arbeitsbereich des Laufs</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Base branch</source>
        <translation>Basis-Bran&amp;ch</translation>
    </message>
    <message>
        <source>the current branch</source>
        <translation>aktueller Branch</translation>
    </message>
    <message>
        <source>the current branch (%1)</source>
        <translation>aktueller Branch (%1)</translation>
    </message>
    <message>
        <source>Set&amp;up command</source>
        <translation>Set&amp;up-Befehl</translation>
    </message>
    <message>
        <source>e.g. npm ci</source>
        <translation>z. B. npm ci</translation>
    </message>
    <message>
        <source>Runs in the fresh worktree before the agent.</source>
        <translation>Läuft vor dem Agenten im frischen Worktree.</translation>
    </message>
</context>
<context>
    <name>switchboard::LeftoverWorktreesDialog</name>
    <message>
        <source>Looking for worktrees left behind…</source>
        <translation>Zurückgebliebene Worktrees werden gesucht …</translation>
    </message>
    <message>
        <source>Goal %1 of run %2</source>
        <translation>Ziel %1 von Lauf %2</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen …</translation>
    </message>
    <message>
        <source>No worktrees are left behind.</source>
        <translation>Es sind keine Worktrees zurückgeblieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n worktree(s) whose goals no longer exist.</source>
        <translation>
            <numerusform>%n Worktree, dessen Ziel nicht mehr existiert.</numerusform>
            <numerusform>%n Worktrees, deren Ziele nicht mehr existieren.</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message numerus="yes">
        <source>Removing %n worktree(s)…</source>
        <translation>
            <numerusform>%n Worktree wird entfernt …</numerusform>
            <numerusform>%n Worktrees werden entfernt …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n worktree(s).</source>
        <translation>
            <numerusform>%n Worktree entfernt.</numerusform>
            <numerusform>%n Worktrees entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Behalten: %1</translation>
    </message>
    <message>
        <source>• %1 (branch %2 in %3)</source>
        <translation>• %1 (Branch %2 in %3)</translation>
    </message>
    <message>
        <source>Remove unmerged work?</source>
        <translation>Nicht zusammengeführte Arbeit entfernen?</translation>
    </message>
    <message>
        <source>These worktrees hold work that was never merged. Removing them deletes it for good:
%1

%2</source>
        <translation>Diese Worktrees enthalten Arbeit, die nie zusammengeführt wurde. Wenn Sie sie entfernen, ist sie endgültig gelöscht:
%1

%2</translation>
    </message>
    <message>
        <source>Remove with the unmerged work</source>
        <translation>Mit der nicht zusammengeführten Arbeit entfernen</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Worktrees left behind</source>
        <translation>Zurückgebliebene Worktrees</translation>
    </message>
    <message>
        <source>These git worktrees belong to goals that no longer exist (an earlier run, or a crash). Tick the ones to remove; nothing is removed otherwise.</source>
        <translation>Diese Git-Worktrees gehören zu Zielen, die nicht mehr existieren (ein früherer Lauf oder ein Absturz). Haken Sie die zu entfernenden an; sonst wird nichts entfernt.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>Ausgewählte &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsDialog</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>Dieses Modell &amp;verwenden</translation>
    </message>
    <message>
        <source>Adds profile &apos;%1&apos; to this session, so New goal can pick it</source>
        <translation>Fügt das Profil „%1“ dieser Sitzung hinzu, damit „Neues Ziel“ es anbieten kann</translation>
    </message>
    <message>
        <source>Looking for model servers on 127.0.0.1 (ports %1)…</source>
        <translation>Suche nach Modellservern auf 127.0.0.1 (Ports %1)…</translation>
    </message>
    <message>
        <source>No local model server found on 127.0.0.1 ports %1. Start Ollama, llama.cpp&apos;s llama-server, LM Studio or vLLM and search again.</source>
        <translation>Kein lokaler Modellserver auf 127.0.0.1, Ports %1, gefunden. Starten Sie Ollama, llama-server von llama.cpp, LM Studio oder vLLM und suchen Sie erneut.</translation>
    </message>
    <message>
        <source>These models run on this computer. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard models` prints it).</source>
        <translation>Diese Modelle laufen auf diesem Computer. Ein hinzugefügtes Profil gilt für diese Sitzung; um es zu behalten, tragen Sie es in switchboard.yaml ein (`switchboard models` gibt es aus).</translation>
    </message>
    <message>
        <source>Local models</source>
        <translation>Lokale Modelle</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsOffer</name>
    <message numerus="yes">
        <source>Found %n local model(s): Agents ▸ Local models… makes them profiles</source>
        <translation>
            <numerusform>%n lokales Modell gefunden: Agenten ▸ Lokale Modelle… macht es zum Profil</numerusform>
            <numerusform>%n lokale Modelle gefunden: Agenten ▸ Lokale Modelle… macht sie zu Profilen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Local models…</source>
        <translation>&amp;Lokale Modelle…</translation>
    </message>
    <message>
        <source>Models served on this computer (Ollama, llama.cpp, LM Studio, vLLM)</source>
        <translation>Modelle, die dieser Computer bereitstellt (Ollama, llama.cpp, LM Studio, vLLM)</translation>
    </message>
</context>
<context>
    <name>switchboard::LockTableModel</name>
    <message>
        <source>nobody yet</source>
        <translation>noch niemand</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: %1</source>
        <extracomment>Locks table: &quot;2 waiting: coder #3, tester #1&quot;</extracomment>
        <translation>
            <numerusform>%n wartet: %1</numerusform>
            <numerusform>%n warten: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Other agents wait for this resource; they start when the holder releases it</source>
        <translation>Andere Agenten warten auf diese Ressource; sie starten, sobald der Halter sie freigibt</translation>
    </message>
    <message>
        <source>Fencing token: grows with every grant, so a stale holder can be told apart</source>
        <translation>Fencing-Token: wächst mit jeder Vergabe, damit ein veralteter Halter erkennbar ist</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Gehalten von</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Waiters</source>
        <translation>Wartende</translation>
    </message>
</context>
<context>
    <name>switchboard::LocksDock</name>
    <message numerus="yes">
        <source>%n lock(s) held</source>
        <translation>
            <numerusform>%n Sperre gehalten</numerusform>
            <numerusform>%n Sperren gehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>No locks held</source>
        <translation>Keine Sperren gehalten</translation>
    </message>
    <message numerus="yes">
        <source>%n contended</source>
        <translation>
            <numerusform>%n umkämpft</numerusform>
            <numerusform>%n umkämpft</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Force release lock</source>
        <translation>Sperre zwangsweise freigeben</translation>
    </message>
    <message>
        <source>Take “%1” away from %2?</source>
        <translation>„%1“ %2 wegnehmen?</translation>
    </message>
    <message>
        <source>The agent is told it lost the lock. Unless it takes the lock again, its attempt fails; other agents waiting for the resource may start at once.</source>
        <translation>Der Agent erfährt, dass er die Sperre verloren hat. Wenn er sie nicht erneut erhält, schlägt sein Versuch fehl; andere Agenten, die auf die Ressource warten, können sofort starten.</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Zwangsweise freigeben</translation>
    </message>
    <message>
        <source>Keep the lock</source>
        <translation>Sperre behalten</translation>
    </message>
    <message>
        <source>Could not release “%1”: %2</source>
        <translation>„%1“ konnte nicht freigegeben werden: %2</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>&amp;Force release…</source>
        <translation>&amp;Zwangsweise freigeben …</translation>
    </message>
    <message>
        <source>Take the selected lock away from the agent holding it</source>
        <translation>Die ausgewählte Sperre dem haltenden Agenten wegnehmen</translation>
    </message>
</context>
<context>
    <name>switchboard::MainWindow</name>
    <message>
        <source>All agents have finished.</source>
        <translation>Alle Agenten sind fertig.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>Switchboard — %1</source>
        <translation>Switchboard — %1</translation>
    </message>
    <message>
        <source>Queued “%1”</source>
        <translation>„%1“ eingereiht</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n agent(s)</source>
        <translation>
            <numerusform>%n Agent eingereiht</numerusform>
            <numerusform>%n Agenten eingereiht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1”: %n agent(s) queued</source>
        <translation>
            <numerusform>Plan „%1“ gestartet: %n Agent eingereiht</numerusform>
            <numerusform>Plan „%1“ gestartet: %n Agenten eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>Über Switchboard</translation>
    </message>
    <message>
        <source>A control panel for running many AI agents in parallel: hand them goals, watch them work, step in when they need you.</source>
        <translation>Ein Steuerpult, um viele KI-Agenten parallel laufen zu lassen: Ziele vergeben, ihnen bei der Arbeit zusehen, eingreifen, wenn sie Sie brauchen.</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>Erstellt mit Qt %1.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>&amp;Agenten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;New goal…</source>
        <translation>&amp;Neues Ziel …</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Give one agent a goal (Ctrl+N)</source>
        <translation>Einem Agenten ein Ziel geben (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Spawn parallel…</source>
        <translation>&amp;Parallel starten …</translation>
    </message>
    <message>
        <source>Spawn parallel</source>
        <translation>Parallel starten</translation>
    </message>
    <message>
        <source>Start several agents at once (Ctrl+Shift+N)</source>
        <translation>Mehrere Agenten auf einmal starten (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>&amp;Run plan…</source>
        <translation>Plan &amp;ausführen …</translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation>Plan ausführen</translation>
    </message>
    <message>
        <source>Run a plan file or a template (Ctrl+O)</source>
        <translation>Eine Plandatei oder eine Vorlage ausführen (Strg+O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the selected agents (Del)</source>
        <translation>Die ausgewählten Agenten abbrechen (Entf)</translation>
    </message>
    <message>
        <source>Cancel &amp;all…</source>
        <translation>&amp;Alle abbrechen …</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message>
        <source>Cancel every queued and running agent</source>
        <translation>Jeden wartenden und laufenden Agenten abbrechen</translation>
    </message>
    <message>
        <source>C&amp;lean up finished</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Aufräumen</translation>
    </message>
    <message>
        <source>Remove completed, failed, cancelled and blocked agents from the board</source>
        <translation>Abgeschlossene, fehlgeschlagene, abgebrochene und blockierte Agenten von der Tafel entfernen</translation>
    </message>
    <message>
        <source>&amp;Resume dispatch</source>
        <translation>Starts &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause dispatch</source>
        <translation>Starts an&amp;halten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Let queued agents start again</source>
        <translation>Wartende Agenten wieder starten lassen</translation>
    </message>
    <message>
        <source>Start no new agents; running agents go on</source>
        <translation>Keine neuen Agenten starten; laufende Agenten arbeiten weiter</translation>
    </message>
    <message>
        <source>Cop&amp;y agent id</source>
        <translation>Agenten-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>&amp;Details anzeigen</translation>
    </message>
    <message>
        <source>&amp;Find agents</source>
        <translation>Agenten &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>Über &amp;Switchboard</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Max parallel:</source>
        <translation>&amp;Max. parallel:</translation>
    </message>
    <message>
        <source>How many agents may run at the same time; takes effect at once</source>
        <translation>Wie viele Agenten gleichzeitig laufen dürfen; wirkt sofort</translation>
    </message>
    <message>
        <source>Agent details</source>
        <translation>Agentendetails</translation>
    </message>
    <message>
        <source>Agent &amp;details</source>
        <translation>Agenten&amp;details</translation>
    </message>
    <message>
        <source>&amp;Compact cards</source>
        <translation>&amp;Kompakte Karten</translation>
    </message>
    <message>
        <source>Smaller cards showing state, goal and progress, so more agents fit (Ctrl+Shift+M)</source>
        <translation>Kleinere Karten mit Zustand, Ziel und Fortschritt, damit mehr Agenten Platz haben (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>&amp;Posteingang</translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation>%1 braucht Ihre Eingabe</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard (%n waiting)</source>
        <extracomment>Window title while agents wait for answers; %1 is the plan</extracomment>
        <translation>
            <numerusform>Switchboard (%n wartet)</numerusform>
            <numerusform>Switchboard (%n warten)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switchboard — %1 (%n waiting)</source>
        <translation>
            <numerusform>Switchboard — %1 (%n wartet)</numerusform>
            <numerusform>Switchboard — %1 (%n warten)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>Sp&amp;erren</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n agent(s) from the history</source>
        <translation>
            <numerusform>%n Agent aus dem Verlauf eingereiht</numerusform>
            <numerusform>%n Agenten aus dem Verlauf eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <source>Storage failed: dispatch is paused</source>
        <translation>Speicherfehler: Starts sind angehalten</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf …</translation>
    </message>
    <message>
        <source>Past runs and their goals: search, re-run, export (Ctrl+H)</source>
        <translation>Frühere Läufe und ihre Ziele: suchen, erneut ausführen, exportieren (Strg+H)</translation>
    </message>
    <message>
        <source>No database is open, so nothing is recorded</source>
        <translation>Keine Datenbank geöffnet, daher wird nichts aufgezeichnet</translation>
    </message>
    <message>
        <source>&amp;Resume interrupted</source>
        <translation>Unterbrochene fo&amp;rtsetzen</translation>
    </message>
    <message>
        <source>Start the selected interrupted agents again: a new attempt from the beginning (Ctrl+R)</source>
        <translation>Die ausgewählten unterbrochenen Agenten erneut starten: ein neuer Versuch von Anfang an (Strg+R)</translation>
    </message>
    <message>
        <source>Resume &amp;all interrupted</source>
        <translation>A&amp;lle Unterbrochenen fortsetzen</translation>
    </message>
    <message>
        <source>Start every interrupted agent again, each with a new attempt</source>
        <translation>Jeden unterbrochenen Agenten erneut starten, jeden mit einem neuen Versuch</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>&amp;Scratchpad</source>
        <translation>&amp;Notizblock</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln goal(s) of the unfinished run</source>
        <translation>
            <numerusform>%Ln Ziel des nicht beendeten Laufs wiederhergestellt</numerusform>
            <numerusform>%Ln Ziele des nicht beendeten Laufs wiederhergestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Available once the unfinished run is back on the board</source>
        <translation>Verfügbar, sobald der nicht beendete Lauf wieder auf der Tafel ist</translation>
    </message>
    <message>
        <source>Restoring the unfinished run…</source>
        <translation>Der nicht beendete Lauf wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Reading “%1” from the database. New goals can be added once it is on the board.</source>
        <translation>„%1“ wird aus der Datenbank gelesen. Neue Ziele können hinzugefügt werden, sobald der Lauf auf der Tafel ist.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln goal(s) of “%1” from the database. New goals can be added once they are on the board.</source>
        <translation>
            <numerusform>%Ln Ziel von „%1“ wird aus der Datenbank gelesen. Neue Ziele können hinzugefügt werden, sobald es auf der Tafel ist.</numerusform>
            <numerusform>%Ln Ziele von „%1“ werden aus der Datenbank gelesen. Neue Ziele können hinzugefügt werden, sobald sie auf der Tafel sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan with &amp;AI…</source>
        <translation>Mit &amp;KI planen …</translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation>Mit KI planen</translation>
    </message>
    <message>
        <source>Let an LLM profile break an objective into goals to check and run (Ctrl+Shift+O)</source>
        <translation>Ein LLM-Profil zerlegt ein Vorhaben in Ziele, die Sie prüfen und ausführen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Resume &amp;now (rate limit)</source>
        <translation>&amp;Jetzt fortsetzen (Ratenlimit)</translation>
    </message>
    <message>
        <source>End the rate-limit pause of the selected agents&apos; profiles now: their agents may start again</source>
        <translation>Die Ratenlimit-Pause der Profile der ausgewählten Agenten jetzt beenden: ihre Agenten dürfen wieder starten</translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation>Alle Agenten sind fertig; 1 Ziel wartet auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation>Alle Agenten sind fertig; %1 Ziele warten auf Ihre Prüfung.</translation>
    </message>
    <message>
        <source>Hide the team&apos;s members	−</source>
        <translation>Mitglieder des Teams ausblenden	−</translation>
    </message>
    <message>
        <source>Show the team&apos;s members	+</source>
        <translation>Mitglieder des Teams einblenden	+</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Fenster anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Switchboard: %1, %2</source>
        <translation>Switchboard: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) waiting</source>
        <translation>
            <numerusform>%n Frage wartet</numerusform>
            <numerusform>%n Fragen warten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) running</source>
        <translation>
            <numerusform>%n Agent läuft</numerusform>
            <numerusform>%n Agenten laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Cancel selected…</source>
        <translation>A&amp;usgewählte abbrechen …</translation>
    </message>
    <message>
        <source>A&amp;nswer question</source>
        <translation>Frage &amp;beantworten</translation>
    </message>
    <message>
        <source>Open the selected agent&apos;s question in the inbox, ready to answer (Ctrl+Return)</source>
        <translation>Die Frage des ausgewählten Agenten im Posteingang öffnen, bereit zum Beantworten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every action that has a shortcut (F1)</source>
        <translation>Alle Aktionen mit Tastenkürzel (F1)</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Agent profiles, workflow defaults, notifications, language and theme (Ctrl+,)</source>
        <translation>Agentenprofile, Workflow-Standards, Benachrichtigungen, Sprache und Design (Strg+,)</translation>
    </message>
    <message>
        <source>Ending leftover jobs…</source>
        <translation>Übrig gebliebene Jobs werden beendet …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) of the last session may still run on a cluster or an SSH host. “%1” comes back once they are ended, so none of its goals runs twice.</source>
        <translation>
            <numerusform>%Ln Job der letzten Sitzung läuft womöglich noch auf einem Cluster oder SSH-Host. „%1“ kommt zurück, sobald er beendet ist, damit keines seiner Ziele zweimal läuft.</numerusform>
            <numerusform>%Ln Jobs der letzten Sitzung laufen womöglich noch auf einem Cluster oder SSH-Host. „%1“ kommt zurück, sobald sie beendet sind, damit keines seiner Ziele zweimal läuft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Die Datenbank wird geprüft…</translation>
    </message>
    <message>
        <source>Switchboard makes sure %1 (%2) is intact before using it. New goals can be added once the check has passed.</source>
        <extracomment>%1 is the database file&apos;s name, %2 its size (&quot;570 MB&quot;)</extracomment>
        <translation>Switchboard prüft, ob %1 (%2) unversehrt ist, bevor es sie verwendet. Neue Ziele können hinzugefügt werden, sobald die Prüfung bestanden ist.</translation>
    </message>
    <message numerus="yes">
        <source>Putting %Ln goal(s) of “%1” on the board.</source>
        <translation>
            <numerusform>%Ln Ziel von „%1“ kommt auf die Tafel.</numerusform>
            <numerusform>%Ln Ziele von „%1“ kommen auf die Tafel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Available once the database has been checked</source>
        <translation>Verfügbar, sobald die Datenbank geprüft ist</translation>
    </message>
</context>
<context>
    <name>switchboard::MetricTile</name>
    <message>
        <source>Missed target</source>
        <extracomment>Marker on a metric that is worse than its target (a warning)</extracomment>
        <translation>Zielwert verfehlt</translation>
    </message>
    <message>
        <source>Alert</source>
        <extracomment>Marker on a metric past its alert threshold</extracomment>
        <translation>Alarm</translation>
    </message>
</context>
<context>
    <name>switchboard::MetricsDock</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>Im Zielbereich</translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation>Zielwert verfehlt</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>target below %1, alert above %2</source>
        <translation>Zielwert unter %1, Alarm über %2</translation>
    </message>
    <message>
        <source>target below %1 min, alert above %2 min</source>
        <translation>Zielwert unter %1 min, Alarm über %2 min</translation>
    </message>
    <message>
        <source>target above %1, alert below %2</source>
        <translation>Zielwert über %1, Alarm unter %2</translation>
    </message>
    <message numerus="yes">
        <source>of %n goal(s)</source>
        <translation>
            <numerusform>von %n Ziel</numerusform>
            <numerusform>von %n Zielen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n Platz</numerusform>
            <numerusform>%n Plätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n Versuch</numerusform>
            <numerusform>%n Versuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n finished</source>
        <translation>
            <numerusform>%1 von %n beendet</numerusform>
            <numerusform>%1 von %n beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing finished yet</source>
        <translation>Noch nichts beendet</translation>
    </message>
    <message>
        <source>busy %1</source>
        <extracomment>Context of the utilisation tile: total time agents were busy</extracomment>
        <translation>beschäftigt %1</translation>
    </message>
    <message>
        <source>runs %1 · p95 %2</source>
        <translation>Laufzeit %1 · p95 %2</translation>
    </message>
    <message>
        <source>Nothing completed yet</source>
        <translation>Noch nichts abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n request(s)</source>
        <translation>
            <numerusform>%1 bei %n Anfrage</numerusform>
            <numerusform>%1 bei %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>No lock requested yet</source>
        <translation>Noch keine Sperre angefordert</translation>
    </message>
    <message>
        <source>%1 per goal</source>
        <translation>%1 pro Ziel</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed target(s)</source>
        <translation>
            <numerusform>%n Zielwert verfehlt</numerusform>
            <numerusform>%n Zielwerte verfehlt</numerusform>
        </translation>
    </message>
    <message>
        <source>All measured metrics on target</source>
        <translation>Alle gemessenen Metriken im Zielbereich</translation>
    </message>
    <message>
        <source>Not enough data for the targets yet</source>
        <translation>Noch nicht genug Daten für die Zielwerte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The run in the metrics dock: name (id)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Run %1 · updated %2</source>
        <extracomment>The metrics dock&apos;s source and time: &quot;Run session (r-3) · updated 14:02:11&quot;</extracomment>
        <translation>Lauf %1 · aktualisiert %2</translation>
    </message>
    <message>
        <source>Metrics need the database</source>
        <translation>Metriken brauchen die Datenbank</translation>
    </message>
    <message>
        <source>Switchboard is running without its database, so nothing is recorded to measure. Start it with a database it can write to (--db PATH) to see how the agents are doing.</source>
        <translation>Switchboard läuft ohne seine Datenbank, daher wird nichts zum Messen aufgezeichnet. Starten Sie es mit einer Datenbank, in die es schreiben kann (--db PATH), um zu sehen, wie es den Agenten geht.</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Noch kein Lauf</translation>
    </message>
    <message>
        <source>Start a goal or a plan: how its agents are doing — progress, success rate, utilisation, cost — shows here while they work.</source>
        <translation>Starten Sie ein Ziel oder einen Plan: Wie es seinen Agenten geht — Fortschritt, Erfolgsquote, Auslastung, Kosten —, erscheint hier, während sie arbeiten.</translation>
    </message>
    <message>
        <source>Loading metrics…</source>
        <translation>Metriken werden geladen …</translation>
    </message>
    <message>
        <source>Reading the run from the database.</source>
        <translation>Der Lauf wird aus der Datenbank gelesen.</translation>
    </message>
    <message>
        <source>The metrics cannot be read</source>
        <translation>Die Metriken können nicht gelesen werden</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Per profile</source>
        <translation>Pro Profil</translation>
    </message>
    <message>
        <source>Goals in progress</source>
        <translation>Ziele in Arbeit</translation>
    </message>
    <message>
        <source>Agents running, waiting for a lock or for an answer, or paused</source>
        <translation>Agenten, die laufen, auf eine Sperre oder eine Antwort warten oder pausiert sind</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Goals completed in this run</source>
        <translation>In diesem Lauf abgeschlossene Ziele</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>Completed goals out of completed and failed ones</source>
        <translation>Abgeschlossene Ziele im Verhältnis zu abgeschlossenen und fehlgeschlagenen</translation>
    </message>
    <message>
        <source>Agent utilisation</source>
        <translation>Agentenauslastung</translation>
    </message>
    <message>
        <source>Time agents spent running, out of the run slots (max parallel) times the run&apos;s wall time</source>
        <translation>Laufzeit der Agenten im Verhältnis zu den Plätzen des Laufs (max. parallel) mal seiner Gesamtdauer</translation>
    </message>
    <message>
        <source>Average completion</source>
        <translation>Mittlere Dauer bis Abschluss</translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included; below it the average and p95 run time of a successful attempt</source>
        <translation>Von eingereiht bis abgeschlossen, Wartezeit und Wiederholungen inbegriffen; darunter die mittlere und die p95-Laufzeit eines erfolgreichen Versuchs</translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation>Eskalationsquote</translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation>Ziele, deren Agent mindestens einmal einen Menschen gefragt hat</translation>
    </message>
    <message>
        <source>Lock conflicts</source>
        <translation>Sperrkonflikte</translation>
    </message>
    <message>
        <source>Lock requests that were refused or had to wait, out of all lock requests</source>
        <translation>Sperranfragen, die abgelehnt wurden oder warten mussten, im Verhältnis zu allen Sperranfragen</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>What every attempt cost, in total and per goal assigned</source>
        <translation>Was alle Versuche gekostet haben, insgesamt und pro zugewiesenem Ziel</translation>
    </message>
    <message>
        <source>Nothing to measure yet (%1).</source>
        <translation>Noch nichts zu messen (%1).</translation>
    </message>
</context>
<context>
    <name>switchboard::NewGoalDialog</name>
    <message>
        <source>Can: %1</source>
        <translation>Kann: %1</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>The deadline is in the past</source>
        <translation>Die Frist liegt in der Vergangenheit</translation>
    </message>
    <message>
        <source>The goal could not be queued.</source>
        <translation>Das Ziel konnte nicht eingereiht werden.</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Goal &amp;ID</source>
        <translation>Ziel-&amp;ID</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Context, constraints, pointers to files…</source>
        <translation>Kontext, Einschränkungen, Verweise auf Dateien …</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>&amp;Frist</translation>
    </message>
    <message>
        <source>&amp;Success criteria</source>
        <translation>&amp;Erfolgskriterien</translation>
    </message>
    <message>
        <source>How will you know the goal is met? One criterion per entry.</source>
        <translation>Woran erkennen Sie, dass das Ziel erreicht ist? Ein Kriterium pro Eintrag.</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>P&amp;rofil</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Jedes passende Profil</translation>
    </message>
    <message>
        <source>Required &amp;capabilities</source>
        <translation>Benötigte Fä&amp;higkeiten</translation>
    </message>
    <message>
        <source>With any matching profile, the goal goes to a profile that has all the checked capabilities</source>
        <translation>Mit „Jedes passende Profil“ geht das Ziel an ein Profil, das alle angehakten Fähigkeiten hat</translation>
    </message>
    <message>
        <source>Depends &amp;on</source>
        <translation>Hängt &amp;ab von</translation>
    </message>
    <message>
        <source>Filter existing goals…</source>
        <translation>Vorhandene Ziele filtern …</translation>
    </message>
    <message>
        <source>No existing goals yet</source>
        <translation>Noch keine vorhandenen Ziele</translation>
    </message>
    <message>
        <source>The goal starts only after the checked goals have completed</source>
        <translation>Das Ziel startet erst, wenn die angehakten Ziele abgeschlossen sind</translation>
    </message>
    <message>
        <source>R&amp;esources</source>
        <translation>Ress&amp;ourcen</translation>
    </message>
    <message>
        <source>Files or other resources it needs exclusively, one per line</source>
        <translation>Dateien oder andere Ressourcen, die es exklusiv braucht, eine pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Spawn agent</source>
        <translation>Agent &amp;starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation>Geben Sie einen Titel oder eine Beschreibung ein</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>What should the agent achieve? (default: the description&apos;s first line)</source>
        <translation>Was soll der Agent erreichen? (Standard: die erste Zeile der Beschreibung)</translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation>Der Titel ist zu lang: %1 Zeichen, höchstens %2</translation>
    </message>
    <message>
        <source>Other goals refer to this goal by its ID. Leave empty to have one made up. An ID has at most %1 characters: letters, digits and - _ . : @ +</source>
        <translation>Andere Ziele verweisen über die ID auf dieses Ziel. Leer lassen, um eine erzeugen zu lassen. Eine ID hat höchstens %1 Zeichen: Buchstaben, Ziffern und - _ . : @ +</translation>
    </message>
    <message>
        <source>Runs w&amp;hen</source>
        <translation>Ausführen, &amp;wenn</translation>
    </message>
    <message>
        <source>A team&apos;s members run where their profiles say</source>
        <translation>Die Mitglieder eines Teams laufen dort, wo ihre Profile es angeben</translation>
    </message>
    <message>
        <source>Profile “%1” (%2) runs inside Switchboard, not as a program</source>
        <translation>Profil „%1“ (%2) läuft in Switchboard, nicht als Programm</translation>
    </message>
</context>
<context>
    <name>switchboard::NotificationsPage</name>
    <message>
        <source>Tell me on the desktop when, while Switchboard is in the background:</source>
        <translation>Auf dem Desktop benachrichtigen, während Switchboard im Hintergrund läuft:</translation>
    </message>
    <message>
        <source>Desktop notifications are not available in this window.</source>
        <translation>Desktop-Benachrichtigungen sind in diesem Fenster nicht verfügbar.</translation>
    </message>
    <message>
        <source>Notifications make no sound: Switchboard plays none. The same switches are in View ▸ Notifications.</source>
        <translation>Benachrichtigungen sind lautlos: Switchboard spielt keine Töne ab. Dieselben Schalter finden Sie unter Ansicht ▸ Benachrichtigungen.</translation>
    </message>
</context>
<context>
    <name>switchboard::PlanGoalsModel</name>
    <message>
        <source>New goal</source>
        <translation>Neues Ziel</translation>
    </message>
    <message>
        <source>Ids of the goals that must finish first, separated by commas</source>
        <translation>IDs der Ziele, die zuerst fertig sein müssen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>What the goal needs from its agent, separated by commas</source>
        <translation>Was das Ziel von seinem Agenten braucht, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>The profile the goal must run on; empty: any profile with the capabilities</source>
        <translation>Das Profil, auf dem das Ziel laufen muss; leer: jedes Profil mit den Fähigkeiten</translation>
    </message>
    <message>
        <source>When the goal is done: one criterion per line</source>
        <translation>Wann das Ziel erreicht ist: ein Kriterium pro Zeile</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Erfolgskriterien</translation>
    </message>
</context>
<context>
    <name>switchboard::ProfileEditor</name>
    <message>
        <source>Could not list the models: %1</source>
        <translation>Die Modelle konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Connected. The server lists no models.</source>
        <translation>Verbunden. Der Server führt keine Modelle auf.</translation>
    </message>
    <message>
        <source>Connected. Models on the server (%1): %2</source>
        <translation>Verbunden. Modelle auf dem Server (%1): %2</translation>
    </message>
    <message>
        <source>retry.backoff_s: expected seconds separated by commas (e.g. 60, 300, 900), got “%1”</source>
        <translation>retry.backoff_s: Sekunden durch Kommas getrennt erwartet (z. B. 60, 300, 900), erhalten: „%1“</translation>
    </message>
    <message>
        <source>Demo (offline, no model)</source>
        <translation>Demo (offline, kein Modell)</translation>
    </message>
    <message>
        <source>Process (JSON lines over stdio)</source>
        <translation>Prozess (JSON-Zeilen über stdio)</translation>
    </message>
    <message>
        <source>OpenAI-compatible API</source>
        <translation>OpenAI-kompatible API</translation>
    </message>
    <message>
        <source>Anthropic API</source>
        <translation>Anthropic-API</translation>
    </message>
    <message>
        <source>Claude Code CLI</source>
        <translation>Claude Code CLI</translation>
    </message>
    <message>
        <source>Codex CLI</source>
        <translation>Codex CLI</translation>
    </message>
    <message>
        <source>Gemini CLI</source>
        <translation>Gemini CLI</translation>
    </message>
    <message>
        <source>Aider</source>
        <translation>Aider</translation>
    </message>
    <message>
        <source>Agent Client Protocol agent</source>
        <translation>Agent über das Agent Client Protocol</translation>
    </message>
    <message>
        <source>name: give the profile a name</source>
        <translation>name: Geben Sie dem Profil einen Namen</translation>
    </message>
    <message>
        <source>name: another profile is already called “%1”</source>
        <translation>name: Ein anderes Profil heißt bereits „%1“</translation>
    </message>
    <message>
        <source>Connecting to the backend&apos;s default URL…</source>
        <translation>Verbindung mit der Standard-URL des Backends wird hergestellt …</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Limits and retries</source>
        <translation>Limits und Wiederholungen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>C&amp;apabilities:</source>
        <translation>&amp;Fähigkeiten:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>Basis-&amp;URL:</translation>
    </message>
    <message>
        <source>API key &amp;variable:</source>
        <translation>API-Schlüssel&amp;variable:</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>Co&amp;mmand (optional):</source>
        <translation>Befeh&amp;l (optional):</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>Befeh&amp;l:</translation>
    </message>
    <message>
        <source>Extra ar&amp;guments:</source>
        <translation>Zusätzliche A&amp;rgumente:</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>Arbeits&amp;ordner:</translation>
    </message>
    <message>
        <source>Max &amp;at once:</source>
        <translation>Max. &amp;gleichzeitig:</translation>
    </message>
    <message>
        <source>&amp;Time limit per attempt:</source>
        <translation>&amp;Zeitlimit pro Versuch:</translation>
    </message>
    <message>
        <source>&amp;Silence limit:</source>
        <translation>&amp;Inaktivitätslimit:</translation>
    </message>
    <message>
        <source>Connect time&amp;out:</source>
        <translation>Verbindungs-&amp;Timeout:</translation>
    </message>
    <message>
        <source>Stream silence l&amp;imit:</source>
        <translation>Stream-Ina&amp;ktivitätslimit:</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>Retry &amp;after (s):</source>
        <translation>Wiederholen na&amp;ch (s):</translation>
    </message>
    <message>
        <source>&amp;Jitter:</source>
        <translation>&amp;Jitter:</translation>
    </message>
    <message>
        <source>e.g. coder</source>
        <translation>z. B. coder</translation>
    </message>
    <message>
        <source>e.g. gpt-4o or llama3.2</source>
        <translation>z. B. gpt-4o oder llama3.2</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>e.g. code, test, docs</source>
        <translation>z. B. code, test, docs</translation>
    </message>
    <message>
        <source>What goals this profile can take, separated by commas</source>
        <translation>Welche Ziele dieses Profil übernehmen kann, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>default: https://api.anthropic.com/v1</source>
        <translation>Standard: https://api.anthropic.com/v1</translation>
    </message>
    <message>
        <source>default: OPENAI_BASE_URL, else api.openai.com</source>
        <translation>Standard: OPENAI_BASE_URL, sonst api.openai.com</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>The NAME of the environment variable that holds the key; when it is set, it wins over the keychain</source>
        <translation>Der NAME der Umgebungsvariablen, die den Schlüssel enthält; ist sie gesetzt, hat sie Vorrang vor dem Schlüsselbund</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;prüfen</translation>
    </message>
    <message>
        <source>Ask the server for its models, with this profile&apos;s URL and key</source>
        <translation>Den Server mit URL und Schlüssel dieses Profils nach seinen Modellen fragen</translation>
    </message>
    <message>
        <source>default: the CLI found on PATH</source>
        <translation>Standard: die im PATH gefundene CLI</translation>
    </message>
    <message>
        <source>e.g. python3 agents/coder.py {goal.id}</source>
        <translation>z. B. python3 agents/coder.py {goal.id}</translation>
    </message>
    <message>
        <source>added to the CLI&apos;s own arguments</source>
        <translation>wird an die eigenen Argumente der CLI angehängt</translation>
    </message>
    <message>
        <source>default: the workspace</source>
        <translation>Standard: der Arbeitsbereich</translation>
    </message>
    <message>
        <source>only the run&apos;s limit</source>
        <translation>nur das Limit des Laufs</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>No output or heartbeat for this long means the agent hangs</source>
        <translation>Bleiben Ausgabe und Heartbeat so lange aus, gilt der Agent als hängend</translation>
    </message>
    <message>
        <source>never retry</source>
        <translation>nie wiederholen</translation>
    </message>
    <message>
        <source>e.g. 60, 300, 900 (the last repeats)</source>
        <translation>z. B. 60, 300, 900 (der letzte Wert wiederholt sich)</translation>
    </message>
    <message>
        <source>Each wait varies at random by up to this fraction</source>
        <translation>Jede Wartezeit schwankt zufällig um bis zu diesen Anteil</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Läuft auf</translation>
    </message>
</context>
<context>
    <name>switchboard::ProfileMetricsModel</name>
    <message>
        <source>%1 %</source>
        <extracomment>A percentage in the metrics table and tiles</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1k</source>
        <extracomment>Thousands, e.g. &quot;12.3k&quot;</extracomment>
        <translation>%1 Tsd.</translation>
    </message>
    <message>
        <source>%1M</source>
        <extracomment>Millions, e.g. &quot;1.2M&quot;</extracomment>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(kein Profil)</translation>
    </message>
    <message>
        <source>%1 (%2 per goal)</source>
        <translation>%1 (%2 pro Ziel)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation>Zielwert verfehlt</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>Im Zielbereich</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip of a table cell with a threshold: &quot;Alert: Escalation rate: 45 % (target &lt; 20 %, ...)&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Every agent of the run, whatever its profile</source>
        <translation>Jeder Agent des Laufs, unabhängig von seinem Profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Avg time</source>
        <translation>Ø Zeit</translation>
    </message>
    <message>
        <source>p95 time</source>
        <translation>p95-Zeit</translation>
    </message>
    <message>
        <source>Avg completion</source>
        <translation>Ø bis Abschluss</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Cost/goal</source>
        <translation>Kosten/Ziel</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Goals assigned to an agent of this profile (started at least once)</source>
        <translation>Ziele, die einem Agenten dieses Profils zugewiesen wurden (mindestens einmal gestartet)</translation>
    </message>
    <message>
        <source>Goals completed</source>
        <translation>Abgeschlossene Ziele</translation>
    </message>
    <message>
        <source>Goals that failed for good</source>
        <translation>Endgültig fehlgeschlagene Ziele</translation>
    </message>
    <message>
        <source>Completed out of completed and failed</source>
        <translation>Abgeschlossene im Verhältnis zu abgeschlossenen und fehlgeschlagenen</translation>
    </message>
    <message>
        <source>Attempts in total (retries and resumes count), and per goal</source>
        <translation>Versuche insgesamt (Wiederholungen und Fortsetzungen zählen mit) und pro Ziel</translation>
    </message>
    <message>
        <source>Average run time of a successful attempt</source>
        <translation>Mittlere Laufzeit eines erfolgreichen Versuchs</translation>
    </message>
    <message>
        <source>95 % of successful attempts ran at most this long</source>
        <translation>95 % der erfolgreichen Versuche liefen höchstens so lange</translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included</source>
        <translation>Von eingereiht bis abgeschlossen, Wartezeit und Wiederholungen inbegriffen</translation>
    </message>
    <message>
        <source>Input and output tokens</source>
        <translation>Eingabe- und Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>Cost of every attempt</source>
        <translation>Kosten aller Versuche</translation>
    </message>
    <message>
        <source>Cost divided by the goals assigned</source>
        <translation>Kosten geteilt durch die zugewiesenen Ziele</translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation>Ziele, deren Agent mindestens einmal einen Menschen gefragt hat</translation>
    </message>
</context>
<context>
    <name>switchboard::ProfilesPage</name>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 auf %2 unter %3</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 unter %2</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 unter %3</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Adds profile “%1” to the list; it is saved with OK or Apply</source>
        <translation>Fügt das Profil „%1“ der Liste hinzu; gespeichert wird es mit „OK“ oder „Anwenden“</translation>
    </message>
    <message>
        <source>Looking for model servers and coding-agent CLIs on this computer…</source>
        <translation>Modellserver und Coding-Agent-CLIs auf diesem Computer werden gesucht …</translation>
    </message>
    <message>
        <source>Nothing found: no model server answered on 127.0.0.1%1, and no coding-agent CLI (Claude Code, Codex, Gemini, Aider, goose, opencode) is on PATH.</source>
        <translation>Nichts gefunden: Kein Modellserver hat auf 127.0.0.1%1 geantwortet, und keine Coding-Agent-CLI (Claude Code, Codex, Gemini, Aider, goose, opencode) ist im PATH.</translation>
    </message>
    <message>
        <source>Ready profiles for what runs here; add one and adjust it above.</source>
        <translation>Fertige Profile für das, was hier läuft; fügen Sie eines hinzu und passen Sie es oben an.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>A new profile for the backend you pick</source>
        <translation>Ein neues Profil für das gewählte Backend</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>A copy of the selected profile under a new name</source>
        <translation>Eine Kopie des ausgewählten Profils unter neuem Namen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected profile from the config</source>
        <translation>Das ausgewählte Profil aus der Konfiguration entfernen</translation>
    </message>
    <message>
        <source>No agent profiles yet. Add one, or add what was found on this computer below.</source>
        <translation>Noch keine Agentenprofile. Fügen Sie eines hinzu oder übernehmen Sie unten, was auf diesem Computer gefunden wurde.</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Auf diesem Computer gefunden</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>Erneut &amp;suchen</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Gefunden</translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewHub</name>
    <message>
        <source>Review (%1)</source>
        <extracomment>Toolbar button; %1 is the number of goals waiting for review</extracomment>
        <translation>Prüfung (%1)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) wait for review of their changes</source>
        <translation>
            <numerusform>%n Ziel wartet auf die Prüfung seiner Änderungen</numerusform>
            <numerusform>%n Ziele warten auf die Prüfung ihrer Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No goal works in a git worktree</source>
        <translation>Kein Ziel arbeitet in einem Git-Worktree</translation>
    </message>
    <message>
        <source>Clean up &amp;worktrees…</source>
        <translation>&amp;Worktrees aufräumen …</translation>
    </message>
    <message>
        <source>Remove git worktrees left behind by goals that no longer exist</source>
        <translation>Git-Worktrees entfernen, die von nicht mehr existierenden Zielen zurückgelassen wurden</translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewPane</name>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Umbenannt</translation>
    </message>
    <message>
        <source>Untracked (new, not committed)</source>
        <translation>Nicht versioniert (neu, nicht committet)</translation>
    </message>
    <message>
        <source>Reading the changes of %1…</source>
        <translation>Die Änderungen von %1 werden gelesen …</translation>
    </message>
    <message>
        <source>This goal has no worktree to review.</source>
        <translation>Dieses Ziel hat keinen Worktree zum Prüfen.</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <extracomment>Review pane, under the title: repository · branch → base branch · worktree folder</extracomment>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source>• %1 (%2, %3): %4</source>
        <translation>• %1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>⚠ Other goals changed the same files. Merging this one first may make theirs conflict:
%1</source>
        <translation>⚠ Andere Ziele haben dieselben Dateien geändert. Wenn Sie dieses zuerst zusammenführen, können deren Änderungen in Konflikt geraten:
%1</translation>
    </message>
    <message>
        <source>The agent left no summary.</source>
        <translation>Der Agent hat keine Zusammenfassung hinterlassen.</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n Runde</numerusform>
            <numerusform>%n Runden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in · %2 out</source>
        <translation>%1 Tokens ein · %2 aus</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Nicht gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) ahead of %1</source>
        <translation>
            <numerusform>%n Commit vor %1</numerusform>
            <numerusform>%n Commits vor %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No commits yet</source>
        <translation>Noch keine Commits</translation>
    </message>
    <message>
        <source>; uncommitted changes in the worktree</source>
        <translation>; nicht committete Änderungen im Worktree</translation>
    </message>
    <message>
        <source>; nothing uncommitted</source>
        <translation>; nichts Uncommittetes</translation>
    </message>
    <message>
        <source>Show this file&apos;s changes; unchecked, the diff folds it to its header line</source>
        <translation>Die Änderungen dieser Datei anzeigen; nicht angehakt, klappt der Diff sie auf ihre Kopfzeile ein</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) changed · +%1 −%2</source>
        <extracomment>Above the changed files: how many, lines added, lines removed</extracomment>
        <translation>
            <numerusform>%n Datei geändert · +%1 −%2</numerusform>
            <numerusform>%n Dateien geändert · +%1 −%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>Zusammengeführt.</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>Nicht zusammengeführt: %1</translation>
    </message>
    <message>
        <source>
Conflicting files:
%1</source>
        <translation>
Dateien mit Konflikten:
%1</translation>
    </message>
    <message>
        <source>Not rebased: %1</source>
        <translation>Rebase fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>
Conflicting files (resolve them in the worktree, or ask the agent with Follow-up):
%1</source>
        <translation>
Dateien mit Konflikten (lösen Sie sie im Worktree oder bitten Sie den Agenten mit einem Folgeziel darum):
%1</translation>
    </message>
    <message>
        <source>Rebased.</source>
        <translation>Rebase durchgeführt.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Verworfen.</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>Nicht verworfen: %1</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Die Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Discard the changes of “%1”? The goal is cancelled and this is lost for good:

%2</source>
        <translation>Die Änderungen von „%1“ verwerfen? Das Ziel wird abgebrochen und Folgendes geht endgültig verloren:

%2</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>Endgültig verwerfen</translation>
    </message>
    <message>
        <source>The follow-up did not start: %1</source>
        <translation>Das Folgeziel wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Follow-up goal %1 started in the same worktree.</source>
        <translation>Folgeziel %1 im selben Worktree gestartet.</translation>
    </message>
    <message>
        <source>Could not open %1 in the file manager.</source>
        <translation>%1 konnte nicht im Dateimanager geöffnet werden.</translation>
    </message>
    <message>
        <source>Select a goal that is ready for review to see its changes.</source>
        <translation>Wählen Sie ein Ziel, das zur Prüfung bereit ist, um seine Änderungen zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Merge the goal&apos;s branch into its base branch and complete the goal</source>
        <translation>Den Branch des Ziels in seinen Basis-Branch zusammenführen und das Ziel abschließen</translation>
    </message>
    <message>
        <source>Re&amp;base</source>
        <translation>Re&amp;base</translation>
    </message>
    <message>
        <source>Rebase the goal&apos;s branch onto the base branch&apos;s newest commit</source>
        <translation>Den Branch des Ziels auf den neuesten Commit des Basis-Branchs rebasen</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Throw the changes away and cancel the goal (asks first when work would be lost)</source>
        <translation>Die Änderungen wegwerfen und das Ziel abbrechen (fragt vorher, wenn Arbeit verloren ginge)</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>&amp;Folgeziel …</translation>
    </message>
    <message>
        <source>Ask the same agent session to do more in the same worktree</source>
        <translation>Dieselbe Agentensitzung bitten, im selben Worktree mehr zu tun</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>O&amp;rdner öffnen</translation>
    </message>
    <message>
        <source>Open &amp;terminal</source>
        <translation>&amp;Terminal öffnen</translation>
    </message>
    <message>
        <source>Open $TERMINAL (or x-terminal-emulator) in the worktree</source>
        <translation>$TERMINAL (oder x-terminal-emulator) im Worktree öffnen</translation>
    </message>
    <message>
        <source>Rebase and try again</source>
        <translation>Rebasen und erneut versuchen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeitet …</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <source>Fold all</source>
        <translation>Alle einklappen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Shown in the diff (untick to fold the file)</source>
        <translation>Im Diff angezeigt (Haken entfernen, um die Datei einzuklappen)</translation>
    </message>
    <message>
        <source>Status: A added, M modified, D deleted, R renamed, ? untracked</source>
        <translation>Status: A hinzugefügt, M geändert, D gelöscht, R umbenannt, ? nicht versioniert</translation>
    </message>
    <message>
        <source>Lines added</source>
        <translation>Hinzugefügte Zeilen</translation>
    </message>
    <message>
        <source>Lines removed</source>
        <translation>Entfernte Zeilen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation>Speicherbedarf</translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewWindow</name>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Goal %1 · agent %2</source>
        <translation>Ziel %1 · Agent %2</translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation>Wartet auf Prüfung (%1)</translation>
    </message>
    <message>
        <source>Review — Switchboard</source>
        <translation>Prüfung — Switchboard</translation>
    </message>
</context>
<context>
    <name>switchboard::RunPlanDialog</name>
    <message>
        <source>Open plan</source>
        <translation>Plan öffnen</translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation>Plandateien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation>Kein Plan ausgewählt</translation>
    </message>
    <message>
        <source>Pick a template on the left or open a plan file.</source>
        <translation>Wählen Sie links eine Vorlage oder öffnen Sie eine Plandatei.</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n Ziel</numerusform>
            <numerusform>%n Ziele</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n Phase</numerusform>
            <numerusform>%n Phasen</numerusform>
        </translation>
    </message>
    <message>
        <source>up to %1 agents at once</source>
        <translation>bis zu %1 Agenten gleichzeitig</translation>
    </message>
    <message>
        <source>profiles: %1</source>
        <translation>Profile: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message numerus="yes">
        <source>Phase %1 — %n goal(s) in parallel</source>
        <translation>
            <numerusform>Phase %1 — %n Ziel</numerusform>
            <numerusform>Phase %1 — %n Ziele parallel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The plan has no goals.</source>
        <translation>Der Plan enthält keine Ziele.</translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation>Der Plan konnte nicht gestartet werden:
%1</translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation>Plan ausführen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>&amp;Open plan file…</source>
        <translation>Plandatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No templates are built in</source>
        <translation>Keine Vorlagen eingebaut</translation>
    </message>
    <message>
        <source>Warning: in parallel mode dependencies are ignored. Every goal may start at once (up to the max parallel cap), before the goals it depends on have finished.</source>
        <translation>Achtung: Im Parallelmodus werden Abhängigkeiten ignoriert. Jedes Ziel kann sofort starten (bis zur Obergrenze paralleler Agenten), bevor die Ziele, von denen es abhängt, fertig sind.</translation>
    </message>
    <message>
        <source>Warning: in parallel mode dependencies are ignored; every goal may start at once.</source>
        <translation>Achtung: Im Parallelmodus werden Abhängigkeiten ignoriert; jedes Ziel kann sofort starten.</translation>
    </message>
    <message>
        <source>E&amp;xecution mode:</source>
        <translation>A&amp;usführungsmodus:</translation>
    </message>
    <message>
        <source>By dependencies</source>
        <translation>Nach Abhängigkeiten</translation>
    </message>
    <message>
        <source>Phase by phase</source>
        <translation>Phase für Phase</translation>
    </message>
    <message>
        <source>One at a time</source>
        <translation>Eins nach dem anderen</translation>
    </message>
    <message>
        <source>All in parallel</source>
        <translation>Alle parallel</translation>
    </message>
    <message>
        <source>Pipeline (hand-offs)</source>
        <translation>Pipeline (Übergaben)</translation>
    </message>
    <message>
        <source>A goal starts as soon as the goals it depends on are done</source>
        <translation>Ein Ziel startet, sobald die Ziele, von denen es abhängt, fertig sind</translation>
    </message>
    <message>
        <source>A phase starts only when every goal of the phase before it is done</source>
        <translation>Eine Phase startet erst, wenn jedes Ziel der vorigen Phase fertig ist</translation>
    </message>
    <message>
        <source>One goal at a time, in plan order</source>
        <translation>Ein Ziel nach dem anderen, in Planreihenfolge</translation>
    </message>
    <message>
        <source>Dependencies are ignored: everything starts, up to the max parallel cap</source>
        <translation>Abhängigkeiten werden ignoriert: alles startet, bis zur Obergrenze paralleler Agenten</translation>
    </message>
    <message>
        <source>A goal may start once each goal it depends on has handed its output over</source>
        <translation>Ein Ziel darf starten, sobald jedes Ziel, von dem es abhängt, seine Ausgabe übergeben hat</translation>
    </message>
</context>
<context>
    <name>switchboard::RunStatusWidget</name>
    <message>
        <source>%1 queued</source>
        <translation>%1 wartend</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 laufend</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>%1 blockiert</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>Pool: %1 busy · %2 free</source>
        <translation>Pool: %1 belegt · %2 frei</translation>
    </message>
    <message>
        <source>Agent slots in use and still free under the current max parallel (%1)</source>
        <translation>Belegte und noch freie Agentenplätze beim aktuellen Maximum (%1)</translation>
    </message>
    <message>
        <source>Dispatch paused</source>
        <translation>Starts angehalten</translation>
    </message>
    <message>
        <source>No new agents start until you resume dispatch; running agents go on</source>
        <translation>Bis Sie die Starts fortsetzen, startet kein neuer Agent; laufende Agenten arbeiten weiter</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n wartet auf Sie</numerusform>
            <numerusform>%n warten auf Sie</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents that asked a question and wait for your answer; click to open the inbox</source>
        <translation>Agenten, die eine Frage gestellt haben und auf Ihre Antwort warten; klicken, um den Posteingang zu öffnen</translation>
    </message>
    <message>
        <source>%1 retrying</source>
        <translation>%1 vor neuem Versuch</translation>
    </message>
    <message>
        <source>Failed attempts waiting out their backoff before the next try</source>
        <translation>Fehlgeschlagene Versuche, die vor dem nächsten Versuch ihre Wartezeit abwarten</translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation>Ratenlimit: %1</translation>
    </message>
    <message>
        <source>No new agents start on these profiles until their rate limit resets</source>
        <translation>Auf diesen Profilen startet kein neuer Agent, bis ihr Ratenlimit zurückgesetzt ist</translation>
    </message>
    <message>
        <source>%1 waiting for locks</source>
        <translation>%1 warten auf Sperren</translation>
    </message>
    <message>
        <source>Agents waiting for a resource another agent holds</source>
        <translation>Agenten, die auf eine Ressource warten, die ein anderer Agent hält</translation>
    </message>
    <message>
        <source>%1 in review</source>
        <translation>%1 in Prüfung</translation>
    </message>
    <message>
        <source>Goals that finished in their own worktree and wait for you to merge or discard them</source>
        <translation>Ziele, die in ihrem eigenen Worktree fertig sind und darauf warten, dass Sie sie zusammenführen oder verwerfen</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 übersprungen</translation>
    </message>
    <message>
        <source>Goals whose condition was false, and their dependents: they did not run</source>
        <translation>Ziele, deren Bedingung falsch war, und die von ihnen abhängigen: sie liefen nicht</translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadDock</name>
    <message>
        <source>Select a note to read all of it.</source>
        <translation>Wählen Sie eine Notiz, um sie vollständig zu lesen.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>%1 — written by %2, %3</source>
        <translation>%1 — geschrieben von %2, %3</translation>
    </message>
    <message>
        <source>No notes yet. Agents share what they learn here ({&quot;type&quot;:&quot;note&quot;}); you can add a note below.</source>
        <translation>Noch keine Notizen. Agenten teilen hier, was sie lernen ({&quot;type&quot;:&quot;note&quot;}); unten können Sie eine Notiz hinzufügen.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) shared by this run&apos;s agents</source>
        <translation>
            <numerusform>%n Notiz, geteilt von den Agenten dieses Laufs</numerusform>
            <numerusform>%n Notizen, geteilt von den Agenten dieses Laufs</numerusform>
        </translation>
    </message>
    <message>
        <source>Scratchpad</source>
        <translation>Notizblock</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>No&amp;tiz:</translation>
    </message>
    <message>
        <source>e.g. api-decision</source>
        <translation>z. B. api-decision</translation>
    </message>
    <message>
        <source>What every agent of this run should know</source>
        <translation>Was jeder Agent dieses Laufs wissen sollte</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>Notiz s&amp;peichern</translation>
    </message>
    <message>
        <source>Write the note (replacing one with the same key); agents read it with read_notes</source>
        <translation>Die Notiz schreiben (ersetzt eine mit demselben Schlüssel); Agenten lesen sie mit read_notes</translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadModel</name>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>switchboard::SettingsDialog</name>
    <message>
        <source>A profile has a problem: its field says what</source>
        <translation>Ein Profil hat ein Problem: Das betroffene Feld zeigt, welches</translation>
    </message>
    <message>
        <source>Nothing was saved: a profile has a problem, marked under its field.</source>
        <translation>Nichts wurde gespeichert: Ein Profil hat ein Problem, das unter dem betroffenen Feld angezeigt wird.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>Saved to %1; the previous version is %2.</source>
        <translation>In %1 gespeichert; die vorherige Version ist %2.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Agent profiles</source>
        <translation>Agentenprofile</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>The built-in defaults are in use: there is no config file to save to.</source>
        <translation>Es gelten die eingebauten Standardwerte: Es gibt keine Konfigurationsdatei, in die gespeichert werden könnte.</translation>
    </message>
    <message>
        <source>Config file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
</context>
<context>
    <name>switchboard::ShortcutOverviewDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Nach Aktion oder Taste filtern</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>On the board: the arrow keys move between cards, Enter opens the selected card.</source>
        <translation>Auf der Tafel: Die Pfeiltasten wechseln zwischen den Karten, die Eingabetaste öffnet die ausgewählte Karte.</translation>
    </message>
</context>
<context>
    <name>switchboard::ShutdownController</name>
    <message>
        <source>Quit Switchboard</source>
        <translation>Switchboard beenden</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) still at work.</source>
        <translation>
            <numerusform>%n Agent arbeitet noch.</numerusform>
            <numerusform>%n Agenten arbeiten noch.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled agents are recorded: the next time Switchboard starts, they start again as a new attempt and queued goals go on.</source>
        <translation>Abgebrochene Agenten werden aufgezeichnet: Beim nächsten Start von Switchboard starten sie mit einem neuen Versuch erneut, und wartende Ziele laufen weiter.</translation>
    </message>
    <message>
        <source>Without a database nothing of this session is kept: cancelled agents and queued goals are lost.</source>
        <translation>Ohne Datenbank bleibt von dieser Sitzung nichts erhalten: Abgebrochene Agenten und wartende Ziele gehen verloren.</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Im Infobereich weiterlaufen</translation>
    </message>
    <message>
        <source>This desktop has no system tray to keep Switchboard in.</source>
        <translation>Dieser Desktop hat keinen Infobereich, in dem Switchboard weiterlaufen könnte.</translation>
    </message>
    <message>
        <source>Cancel all and quit</source>
        <translation>Alle abbrechen und beenden</translation>
    </message>
    <message>
        <source>Wait for them</source>
        <translation>Auf sie warten</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Jetzt beenden</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: %n agent(s) still winding down…</source>
        <translation>
            <numerusform>Wird abgebrochen: %n Agent fährt noch herunter …</numerusform>
            <numerusform>Wird abgebrochen: %n Agenten fahren noch herunter …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n agent(s) still at work…</source>
        <translation>
            <numerusform>Warten: %n Agent arbeitet noch …</numerusform>
            <numerusform>Warten: %n Agenten arbeiten noch …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::SpawnParallelDialog</name>
    <message>
        <source>The clipboard holds no text to paste: copy one goal per line first.</source>
        <translation>Die Zwischenablage enthält keinen Text: kopieren Sie zuerst ein Ziel pro Zeile.</translation>
    </message>
    <message>
        <source>Check at least one profile</source>
        <translation>Haken Sie mindestens ein Profil an</translation>
    </message>
    <message>
        <source>The goals could not be queued.</source>
        <translation>Die Ziele konnten nicht eingereiht werden.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Spawn %n agent(s)</source>
        <translation>
            <numerusform>%n Agent &amp;starten</numerusform>
            <numerusform>%n Agenten &amp;starten</numerusform>
        </translation>
    </message>
    <message>
        <source>Spawn agents in parallel</source>
        <translation>Agenten parallel starten</translation>
    </message>
    <message>
        <source>&amp;Different goals</source>
        <translation>&amp;Verschiedene Ziele</translation>
    </message>
    <message>
        <source>Same goal, &amp;several agents</source>
        <translation>Gleiches Ziel, &amp;mehrere Agenten</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>One goal per row; all of them start together, or none does if one is invalid. Paste lines (Ctrl+V) to add one goal per line; columns may be separated by tabs: title, priority, profile, description.</source>
        <translation>Ein Ziel pro Zeile; alle starten gemeinsam, oder keines, wenn eines ungültig ist. Fügen Sie Zeilen ein (Strg+V), um ein Ziel pro Zeile hinzuzufügen; Spalten dürfen durch Tabulatoren getrennt sein: Titel, Priorität, Profil, Beschreibung.</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove rows</source>
        <translation>Zeilen &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Paste lines</source>
        <translation>Zeilen ei&amp;nfügen</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Jedes passende Profil</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>The goal every agent gets</source>
        <translation>Das Ziel, das jeder Agent bekommt</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>B&amp;eschreibung</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Send it to this many &amp;agents:</source>
        <translation>An so viele &amp;Agenten senden:</translation>
    </message>
    <message>
        <source>on profile</source>
        <translation>auf Profil</translation>
    </message>
    <message>
        <source>Send it to one agent on each checked profile, side by side:</source>
        <translation>An je einen Agenten jedes angehakten Profils senden, nebeneinander:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Enter at least one goal: type a title or a description in the table or paste one goal per line.</source>
        <translation>Geben Sie mindestens ein Ziel ein: einen Titel oder eine Beschreibung in die Tabelle tippen oder ein Ziel pro Zeile einfügen.</translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation>Geben Sie einen Titel oder eine Beschreibung ein</translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation>Der Titel ist zu lang: %1 Zeichen, höchstens %2</translation>
    </message>
</context>
<context>
    <name>switchboard::StartupRestorer</name>
    <message>
        <source>The unfinished run&apos;s own settings no longer load:

%1

It continues with the current configuration.</source>
        <translation>Die eigenen Einstellungen des nicht beendeten Laufs lassen sich nicht mehr laden:

%1

Er wird mit der aktuellen Konfiguration fortgesetzt.</translation>
    </message>
    <message>
        <source>Reading the run “%1” from the database failed: %2</source>
        <translation>Der Lauf „%1“ konnte nicht aus der Datenbank gelesen werden: %2</translation>
    </message>
    <message>
        <source>Restoring the run “%1” failed: %2</source>
        <translation>Der Lauf „%1“ konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>The unfinished run could not be restored.</source>
        <translation>Der nicht beendete Lauf konnte nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>%1

Switchboard goes on without it: the board starts empty, and the run stays in the database as it is.</source>
        <translation>%1

Switchboard macht ohne ihn weiter: Die Tafel beginnt leer, und der Lauf bleibt unverändert in der Datenbank.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>Die Datenbank kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>%1

Switchboard goes on without recording this session.</source>
        <translation>%1

Switchboard macht weiter, ohne diese Sitzung aufzuzeichnen.</translation>
    </message>
</context>
<context>
    <name>switchboard::StorageBanner</name>
    <message>
        <source>Storage failure</source>
        <translation>Speicherfehler</translation>
    </message>
    <message>
        <source>Switchboard cannot write to its database: dispatch is paused</source>
        <translation>Switchboard kann nicht in seine Datenbank schreiben: Starts sind angehalten</translation>
    </message>
    <message>
        <source>New agents will not start; agents already running go on. Nothing already recorded is lost. Free some disk space or fix the error below, then restart Switchboard.</source>
        <translation>Neue Agenten starten nicht; bereits laufende Agenten arbeiten weiter. Bereits Aufgezeichnetes geht nicht verloren. Geben Sie Speicherplatz frei oder beheben Sie den Fehler unten, und starten Sie Switchboard dann neu.</translation>
    </message>
    <message>
        <source>The database is damaged: this session is not recorded</source>
        <translation>Die Datenbank ist beschädigt: diese Sitzung wird nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>Switchboard did not open it and changed nothing in it. Agents run, but nothing survives a restart. Recover what can be read (switchboard recover), then restart with the new file (--db).</source>
        <translation>Switchboard hat sie nicht geöffnet und nichts an ihr verändert. Agenten laufen, aber nichts übersteht einen Neustart. Stellen Sie wieder her, was lesbar ist (switchboard recover), und starten Sie dann mit der neuen Datei neu (--db).</translation>
    </message>
</context>
<context>
    <name>switchboard::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add an entry and type it</source>
        <translation>Einen Eintrag hinzufügen und eintippen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation>Die ausgewählten Einträge entfernen</translation>
    </message>
</context>
<context>
    <name>switchboard::TeamDetailSection</name>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>Debate transcript</source>
        <translation>Debattenverlauf</translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <extracomment>Debate transcript heading: &quot;Round 2 of 3&quot;</extracomment>
        <translation>Runde %1 von %2</translation>
    </message>
    <message>
        <source>speaking…</source>
        <translation>spricht …</translation>
    </message>
    <message>
        <source>No statements yet.</source>
        <translation>Noch keine Beiträge.</translation>
    </message>
    <message>
        <source>Conclusion · judge %1</source>
        <extracomment>Debate: the judge&apos;s part, &quot;Conclusion · judge lead&quot;</extracomment>
        <translation>Fazit · Richter %1</translation>
    </message>
    <message>
        <source>judging…</source>
        <translation>urteilt …</translation>
    </message>
    <message>
        <source>Supervisor&apos;s plan</source>
        <translation>Plan des Supervisors</translation>
    </message>
    <message>
        <source>Synthesis · %1</source>
        <extracomment>Supervisor: one planning call, &quot;Plan 1 of 2 · lead&quot;; the last one writes the synthesis</extracomment>
        <translation>Synthese · %1</translation>
    </message>
    <message>
        <source>Plan %1 of %2 · %3</source>
        <translation>Plan %1 von %2 · %3</translation>
    </message>
    <message>
        <source>planning…</source>
        <translation>plant …</translation>
    </message>
    <message>
        <source>Step %1.%2 · %3</source>
        <extracomment>Supervisor: one step of a plan, &quot;Step 1.2 · writer&quot;</extracomment>
        <translation>Schritt %1.%2 · %3</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Aufgabe: %1</translation>
    </message>
    <message>
        <source>(no result)</source>
        <translation>(kein Ergebnis)</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>arbeitet …</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Noch kein Plan.</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>not counted</source>
        <extracomment>Parallel team: a member&apos;s answer that does not count, &quot;writer · Failed · not counted&quot;</extracomment>
        <translation>nicht gewertet</translation>
    </message>
    <message>
        <source>answering…</source>
        <translation>antwortet …</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>Noch keine Antworten.</translation>
    </message>
</context>
<context>
    <name>switchboard::TeamSection</name>
    <message>
        <source>Members: check at least one profile</source>
        <translation>Mitglieder: Haken Sie mindestens ein Profil an</translation>
    </message>
    <message>
        <source>Min successful: at most %1, the number of members checked</source>
        <translation>Mindestens erfolgreich: höchstens %1, die Zahl der angehakten Mitglieder</translation>
    </message>
    <message>
        <source>Participants: check at least two profiles</source>
        <translation>Teilnehmer: Haken Sie mindestens zwei Profile an</translation>
    </message>
    <message>
        <source>Judge: pick the profile that concludes the debate</source>
        <translation>Richter: Wählen Sie das Profil, das die Debatte abschließt</translation>
    </message>
    <message>
        <source>Planner: pick the profile that plans and writes the answer</source>
        <translation>Planer: Wählen Sie das Profil, das plant und die Antwort schreibt</translation>
    </message>
    <message>
        <source>Workers: check at least one profile</source>
        <translation>Worker: Haken Sie mindestens ein Profil an</translation>
    </message>
    <message>
        <source>Unknown profiles: %1</source>
        <translation>Unbekannte Profile: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>one agent</source>
        <translation>ein Agent</translation>
    </message>
    <message>
        <source>Te&amp;am</source>
        <translation>Tea&amp;m</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>None: one agent</source>
        <translation>Keins: ein Agent</translation>
    </message>
    <message>
        <source>Parallel: several agents answer, answers collected</source>
        <translation>Parallel: mehrere Agenten antworten, Antworten werden gesammelt</translation>
    </message>
    <message>
        <source>Supervisor: a planner hands steps to workers</source>
        <translation>Supervisor: ein Planer verteilt Schritte an Worker</translation>
    </message>
    <message>
        <source>Debate: rounds of statements, a judge concludes</source>
        <translation>Debatte: Beiträge in Runden, ein Richter entscheidet</translation>
    </message>
    <message>
        <source>Each checked profile gets the same goal; the team completes when enough of them succeed.</source>
        <translation>Jedes angehakte Profil erhält dasselbe Ziel; das Team ist abgeschlossen, wenn genug davon erfolgreich sind.</translation>
    </message>
    <message>
        <source>The planner splits the goal into steps for the workers, sees their results, may plan again, and writes the answer.</source>
        <translation>Der Planer teilt das Ziel in Schritte für die Worker auf, sieht ihre Ergebnisse, plant bei Bedarf neu und schreibt die Antwort.</translation>
    </message>
    <message>
        <source>Every participant speaks each round, seeing all earlier statements; the judge then concludes.</source>
        <translation>Jeder Teilnehmer spricht in jeder Runde und sieht alle früheren Beiträge; danach entscheidet der Richter.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>They speak in this order, every round</source>
        <translation>Sie sprechen in jeder Runde in dieser Reihenfolge</translation>
    </message>
    <message>
        <source>One member per checked profile</source>
        <translation>Ein Mitglied pro angehaktem Profil</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Selective: each step to the worker the planner names</source>
        <translation>Gezielt: jeder Schritt an den Worker, den der Planer nennt</translation>
    </message>
    <message>
        <source>All: every step to every worker</source>
        <translation>Alle: jeder Schritt an jeden Worker</translation>
    </message>
    <message>
        <source>Sequential: steps one after another</source>
        <translation>Nacheinander: ein Schritt nach dem anderen</translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation>Max. Iterationen</translation>
    </message>
    <message>
        <source>How many times the planner may plan (and see results) before it writes the answer</source>
        <translation>Wie oft der Planer planen (und Ergebnisse sehen) darf, bevor er die Antwort schreibt</translation>
    </message>
    <message>
        <source>Max workers per step</source>
        <translation>Max. Worker pro Schritt</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Richter</translation>
    </message>
    <message>
        <source>Min successful</source>
        <translation>Mindestens erfolgreich</translation>
    </message>
    <message>
        <source>at least, per iteration</source>
        <translation>mindestens, pro Iteration</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <source>Unchecked: every member must succeed (a supervisor: one worker per iteration)</source>
        <translation>Nicht angehakt: Jedes Mitglied muss erfolgreich sein (bei Supervisor: ein Worker pro Iteration)</translation>
    </message>
    <message>
        <source>Answers as</source>
        <translation>Antworten als</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>How the collected answers are written for the goals that depend on this one</source>
        <translation>Wie die gesammelten Antworten für die Ziele geschrieben werden, die von diesem abhängen</translation>
    </message>
    <message>
        <source>No profiles configured</source>
        <translation>Keine Profile eingerichtet</translation>
    </message>
    <message>
        <source>Pick a profile</source>
        <translation>Profil wählen</translation>
    </message>
</context>
<context>
    <name>switchboard::TerminalLauncher</name>
    <message>
        <source>No terminal found: set $TERMINAL to your terminal program, or install one that provides x-terminal-emulator.</source>
        <translation>Kein Terminal gefunden: Setzen Sie $TERMINAL auf Ihr Terminalprogramm oder installieren Sie eines, das x-terminal-emulator bereitstellt.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist any more.</source>
        <translation>Der Ordner %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
</context>
<context>
    <name>switchboard::TranscriptView</name>
    <message>
        <source>Attempt %1</source>
        <translation>Versuch %1</translation>
    </message>
    <message>
        <source>%1 · started %2</source>
        <translation>%1 · begonnen %2</translation>
    </message>
    <message>
        <source>▴ Show less</source>
        <translation>▴ Weniger zeigen</translation>
    </message>
    <message numerus="yes">
        <source>▸ Show all %n line(s)</source>
        <translation>
            <numerusform>▸ Alle %n Zeile zeigen</numerusform>
            <numerusform>▸ Alle %n Zeilen zeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>(unnamed tool)</source>
        <translation>(Werkzeug ohne Namen)</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Noch kein Ergebnis</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Systemprompt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Werkzeugaufruf</translation>
    </message>
    <message>
        <source>Tool error</source>
        <translation>Werkzeugfehler</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Werkzeugergebnis</translation>
    </message>
    <message>
        <source>%1 in · %2 out</source>
        <translation>%1 ein · %2 aus</translation>
    </message>
</context>
<context>
    <name>switchboard::WorkflowPage</name>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;Max parallel:</source>
        <translation>&amp;Max. parallel:</translation>
    </message>
    <message>
        <source>&amp;Order of goals:</source>
        <translation>&amp;Reihenfolge der Ziele:</translation>
    </message>
    <message>
        <source>When a &amp;deadline passes:</source>
        <translation>Wenn eine &amp;Frist verstreicht:</translation>
    </message>
    <message>
        <source>&amp;Lock lease:</source>
        <translation>&amp;Sperrdauer:</translation>
    </message>
    <message>
        <source>After a crash:</source>
        <translation>Nach einem Absturz:</translation>
    </message>
    <message>
        <source>Run budget, &amp;tokens:</source>
        <translation>Budget des Laufs, &amp;Tokens:</translation>
    </message>
    <message>
        <source>Run budget, &amp;cost:</source>
        <translation>Budget des Laufs, &amp;Kosten:</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>&amp;Arbeitsbereich:</translation>
    </message>
    <message>
        <source>How many agents may run at the same time</source>
        <translation>Wie viele Agenten gleichzeitig laufen dürfen</translation>
    </message>
    <message>
        <source>A goal starts as soon as its own dependencies are done.</source>
        <translation>Ein Ziel startet, sobald seine eigenen Abhängigkeiten erledigt sind.</translation>
    </message>
    <message>
        <source>Phase by phase: the next phase starts when every goal of the last one has finished.</source>
        <translation>Phase für Phase: Die nächste Phase startet, wenn jedes Ziel der vorigen beendet ist.</translation>
    </message>
    <message>
        <source>One goal at a time, in the order they were given.</source>
        <translation>Ein Ziel nach dem anderen, in der angegebenen Reihenfolge.</translation>
    </message>
    <message>
        <source>Everything at once up to max parallel; dependencies are ignored.</source>
        <translation>Alles sofort, bis zum Maximum paralleler Agenten; Abhängigkeiten werden ignoriert.</translation>
    </message>
    <message>
        <source>A goal may start once each dependency has handed its work on.</source>
        <translation>Ein Ziel darf starten, sobald jede Abhängigkeit ihre Arbeit übergeben hat.</translation>
    </message>
    <message>
        <source>Fail the goal</source>
        <translation>Ziel fehlschlagen lassen</translation>
    </message>
    <message>
        <source>Ask me in the inbox</source>
        <translation>Im Posteingang nachfragen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a lock on a file or resource lasts; renewed while its holder is active</source>
        <translation>Wie lange eine Sperre auf eine Datei oder Ressource gilt; sie wird verlängert, solange ihr Halter aktiv ist</translation>
    </message>
    <message>
        <source>&amp;Resume interrupted agents at start</source>
        <translation>&amp;Unterbrochene Agenten beim Start fortsetzen</translation>
    </message>
    <message>
        <source>Off: agents a crash interrupted wait for a click</source>
        <translation>Aus: Durch einen Absturz unterbrochene Agenten warten auf einen Klick</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>Crossing the run&apos;s budget asks you before anything is stopped</source>
        <translation>Wird das Budget des Laufs überschritten, werden Sie gefragt, bevor etwas angehalten wird</translation>
    </message>
    <message>
        <source>the folder Switchboard was started in</source>
        <translation>der Ordner, in dem Switchboard gestartet wurde</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>Retries and time limits are set per profile, on the Agent profiles page.</source>
        <translation>Wiederholungen und Zeitlimits werden pro Profil festgelegt, auf der Seite „Agentenprofile“.</translation>
    </message>
</context>
</TS>
