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
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
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
        <source>Was running when Switchboard stopped; it will be retried</source>
        <translation>Lief, als Switchboard beendet wurde; es wird erneut versucht</translation>
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
</context>
<context>
    <name>switchboard::BoardFilterBar</name>
    <message numerus="yes">
        <source>%n agent(s)</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n agent(s)</source>
        <translation>
            <numerusform>%1 von %n Agent</numerusform>
            <numerusform>%1 von %n Agenten</numerusform>
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
        <source>&amp;Cancel selected</source>
        <translation>Ausgewählte a&amp;bbrechen</translation>
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
    <message numerus="yes">
        <source>Switchboard: %n question(s) waiting for you</source>
        <translation>
            <numerusform>Switchboard: %n Frage wartet auf Sie</numerusform>
            <numerusform>Switchboard: %n Fragen warten auf Sie</numerusform>
        </translation>
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
    <message>
        <source>Run finished</source>
        <translation>Lauf beendet</translation>
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
        <source>Title is required</source>
        <translation>Ein Titel ist erforderlich</translation>
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
        <source>&amp;Title (required)</source>
        <translation>&amp;Titel (erforderlich)</translation>
    </message>
    <message>
        <source>What should the agent achieve?</source>
        <translation>Was soll der Agent erreichen?</translation>
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
        <source>Other goals refer to this goal by its ID. Leave empty to have one made up.</source>
        <translation>Andere Ziele verweisen über die ID auf dieses Ziel. Leer lassen, um eine erzeugen zu lassen.</translation>
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
</context>
<context>
    <name>switchboard::SpawnParallelDialog</name>
    <message>
        <source>The clipboard holds no text to paste: copy one goal per line first.</source>
        <translation>Die Zwischenablage enthält keinen Text: kopieren Sie zuerst ein Ziel pro Zeile.</translation>
    </message>
    <message>
        <source>Row %1: Title is required</source>
        <translation>Zeile %1: Ein Titel ist erforderlich</translation>
    </message>
    <message>
        <source>Enter at least one goal: type a title in the table or paste one goal per line.</source>
        <translation>Geben Sie mindestens ein Ziel ein: einen Titel in die Tabelle tippen oder ein Ziel pro Zeile einfügen.</translation>
    </message>
    <message>
        <source>Title is required</source>
        <translation>Ein Titel ist erforderlich</translation>
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
</TS>
