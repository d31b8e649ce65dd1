<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgentStateStyle</name>
    <message>
        <source>Queued</source>
        <translation>En file d’attente</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for lock</source>
        <translation>Attend un verrou</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Waiting for its dependencies or a free slot</source>
        <translation>Attend ses dépendances ou une place libre</translation>
    </message>
    <message>
        <source>A goal it depends on failed or was cancelled; it will not run on its own</source>
        <translation>Un objectif dont il dépend a échoué ou a été annulé ; il ne démarrera pas de lui-même</translation>
    </message>
    <message>
        <source>Working on its goal</source>
        <translation>Travaille sur son objectif</translation>
    </message>
    <message>
        <source>Waiting for a resource another agent holds</source>
        <translation>Attend une ressource détenue par un autre agent</translation>
    </message>
    <message>
        <source>Asked a question and waits for your answer</source>
        <translation>A posé une question et attend votre réponse</translation>
    </message>
    <message>
        <source>Finished its goal</source>
        <translation>A atteint son objectif</translation>
    </message>
    <message>
        <source>Stopped with an error</source>
        <translation>Arrêté sur une erreur</translation>
    </message>
    <message>
        <source>Cancelled before it finished</source>
        <translation>Annulé avant la fin</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Basse</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Haute</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>hung (no output)</source>
        <translation>bloqué (aucune sortie)</translation>
    </message>
    <message>
        <source>deadline passed</source>
        <translation>échéance dépassée</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>budget dépassé</translation>
    </message>
    <message>
        <source>loop detected</source>
        <translation>boucle détectée</translation>
    </message>
    <message>
        <source>no improvement</source>
        <translation>aucune amélioration</translation>
    </message>
    <message>
        <source>lock lost</source>
        <translation>verrou perdu</translation>
    </message>
    <message>
        <source>lock denied</source>
        <translation>verrou refusé</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>plantage</translation>
    </message>
    <message>
        <source>question unanswered</source>
        <translation>question sans réponse</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>limite de débit atteinte</translation>
    </message>
    <message>
        <source>Was running when Switchboard stopped; resume it to start a new attempt</source>
        <translation>Était en cours quand Switchboard s’est arrêté ; reprenez-le pour lancer une nouvelle tentative</translation>
    </message>
    <message>
        <source>Needs input</source>
        <translation>Attend une saisie</translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation>Prêt pour la revue</translation>
    </message>
    <message>
        <source>Finished in its own worktree; review the changes, then merge or discard them</source>
        <translation>Terminé dans son propre worktree ; relisez les modifications, puis fusionnez-les ou rejetez-les</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignoré</translation>
    </message>
    <message>
        <source>Its condition was false (or a goal it depends on was skipped); it did not run</source>
        <translation>Sa condition était fausse (ou un objectif dont il dépend a été ignoré) ; il n’a pas été lancé</translation>
    </message>
</context>
<context>
    <name>AgentStatusText</name>
    <message>
        <source>attempt %1/%2</source>
        <translation>tentative %1/%2</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>tentative %1</translation>
    </message>
    <message>
        <source>next try in %1</source>
        <translation>prochain essai dans %1</translation>
    </message>
    <message>
        <source>rate limited · resumes in %1</source>
        <translation>limite de débit · reprise dans %1</translation>
    </message>
    <message>
        <source>Waiting for lock: %1</source>
        <translation>Attend le verrou : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A failure&apos;s kind, then its message: &quot;timed out: no result after 30 s&quot;</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 · resumed after an interruption</source>
        <extracomment>Card of an agent whose attempt started over after Switchboard stopped: &quot;attempt 2/5 · resumed after an interruption&quot; (the interrupted attempt spent no retry)</extracomment>
        <translation>%1 · repris après une interruption</translation>
    </message>
    <message>
        <source>in %1</source>
        <extracomment>Card subtitle of a goal working in a git repository, after agent · profile; %1 is the repository name</extracomment>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>%1 · job %2</source>
        <extracomment>Card subtitle of an agent running as a cluster job: &quot;slurm (debug) · job 123&quot;</extracomment>
        <translation>%1 · job %2</translation>
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
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>%1k tokens</source>
        <translation>%1 k jetons</translation>
    </message>
    <message>
        <source>%1M tokens</source>
        <translation>%1 M jetons</translation>
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
        <translation>Parallèle</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <extracomment>A team pattern: a planner hands steps to workers</extracomment>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Debate</source>
        <extracomment>A team pattern: agents debate in rounds, a judge concludes</extracomment>
        <translation>Débat</translation>
    </message>
    <message>
        <source>no members yet</source>
        <translation>aucun membre pour l’instant</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <extracomment>A team&apos;s members: how many of them finished, e.g. &quot;3/4 done&quot;</extracomment>
        <translation>%1/%2 terminés</translation>
    </message>
    <message>
        <source>%1 · %2 failed</source>
        <extracomment>After &quot;3/4 done&quot;: how many members did not succeed</extracomment>
        <translation>%1 · %2 en échec</translation>
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
        <translation>La base de données est utilisée par un autre Switchboard.</translation>
    </message>
    <message>
        <source>You can watch its runs in a read-only history window, or quit.</source>
        <translation>Vous pouvez suivre ses exécutions dans une fenêtre d’historique en lecture seule, ou quitter.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>The database cannot be opened read-only:

%1</source>
        <translation>La base de données ne peut pas être ouverte en lecture seule :

%1</translation>
    </message>
    <message>
        <source>The database cannot be used:

%1

Switchboard starts without recording this session.</source>
        <translation>La base de données est inutilisable :

%1

Switchboard démarre sans enregistrer cette session.</translation>
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
        <translation>%1 sur le profil %2</translation>
    </message>
    <message>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>Étape : %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Raison : %1</translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <translation>Demande : %1</translation>
    </message>
    <message>
        <source>Needs human: it keeps asking about this goal</source>
        <translation>Intervention humaine requise : il revient sans cesse sur cet objectif</translation>
    </message>
    <message>
        <source>Repository: %1</source>
        <translation>Dépôt : %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Card tooltip of a team goal: its pattern and where it is, e.g. &quot;Team: debate · round 2 of 3&quot;</extracomment>
        <translation>Équipe : %1</translation>
    </message>
    <message>
        <source>Member of %1: %2</source>
        <extracomment>Card tooltip of a team member: the team&apos;s title and what the member is there</extracomment>
        <translation>Membre de %1 : %2</translation>
    </message>
    <message>
        <source>Runs on: %1</source>
        <extracomment>Card tooltip of an agent on a cluster or SSH host: &quot;Runs on: slurm (debug), job 123&quot;</extracomment>
        <translation>S’exécute sur : %1</translation>
    </message>
    <message>
        <source>Runs on: %1, job %2</source>
        <translation>S’exécute sur : %1, job %2</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentBoardView</name>
    <message>
        <source>Agent board</source>
        <translation>Tableau des agents</translation>
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
        <translation>tout profil</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Queued at %1</source>
        <translation>En file depuis %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas démarré</translation>
    </message>
    <message>
        <source>Waiting for a free slot</source>
        <translation>Attend une place libre</translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Attend %1</translation>
    </message>
    <message>
        <source>Needs human</source>
        <translation>Requiert un humain</translation>
    </message>
    <message>
        <source>Asks: %1</source>
        <extracomment>Card of an agent waiting for an answer; %1 is its question</extracomment>
        <translation>Demande : %1</translation>
    </message>
    <message>
        <source>Stopped with Switchboard; resume it (▶) to start a new attempt</source>
        <extracomment>Card of an agent a crash or quit interrupted, held until the person resumes it</extracomment>
        <translation>Arrêté avec Switchboard ; reprenez-le (▶) pour lancer une nouvelle tentative</translation>
    </message>
    <message>
        <source>Resume: start this agent again with a new attempt</source>
        <translation>Reprendre : relancer cet agent avec une nouvelle tentative</translation>
    </message>
    <message>
        <source>Cancel this agent</source>
        <translation>Annuler cet agent</translation>
    </message>
    <message>
        <source>%1 · 1 member</source>
        <extracomment>Card subtitle of a team goal: its stage and its members, &quot;round 2 of 3 · 6 members&quot;</extracomment>
        <translation>%1 · 1 membre</translation>
    </message>
    <message>
        <source>%1 · %2 members</source>
        <translation>%1 · %2 membres</translation>
    </message>
    <message>
        <source>Members working</source>
        <translation>Membres au travail</translation>
    </message>
    <message>
        <source>Hide this team&apos;s members (−)</source>
        <translation>Masquer les membres de cette équipe (−)</translation>
    </message>
    <message>
        <source>Show this team&apos;s members (+)</source>
        <translation>Afficher les membres de cette équipe (+)</translation>
    </message>
</context>
<context>
    <name>switchboard::AgentCommands</name>
    <message numerus="yes">
        <source>Cancelling %n agent(s)</source>
        <translation>
            <numerusform>Annulation de %n agent</numerusform>
            <numerusform>Annulation de %n agents</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the agents to cancel on the board first.</source>
        <translation>Sélectionnez d’abord sur le tableau les agents à annuler.</translation>
    </message>
    <message>
        <source>No agent is queued or running.</source>
        <translation>Aucun agent n’est en file ou en cours.</translation>
    </message>
    <message>
        <source>Cancel all agents</source>
        <translation>Annuler tous les agents</translation>
    </message>
    <message numerus="yes">
        <source>Cancel all %n unfinished agent(s)?</source>
        <translation>
            <numerusform>Annuler l’agent non terminé ?</numerusform>
            <numerusform>Annuler les %n agents non terminés ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Running agents are told to stop at once; queued agents will not start. Finished agents stay on the board.</source>
        <translation>Les agents en cours reçoivent l’ordre de s’arrêter aussitôt ; les agents en file ne démarreront pas. Les agents terminés restent sur le tableau.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Laisser tourner</translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n agent(s), each with a new attempt</source>
        <translation>
            <numerusform>Reprise de %n agent, avec une nouvelle tentative</numerusform>
            <numerusform>Reprise de %n agents, chacun avec une nouvelle tentative</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the interrupted agents to resume on the board first.</source>
        <translation>Sélectionnez d’abord sur le tableau les agents interrompus à reprendre.</translation>
    </message>
    <message>
        <source>No agent is waiting to be resumed.</source>
        <translation>Aucun agent n’attend d’être repris.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n finished agent(s) from the board</source>
        <translation>
            <numerusform>%n agent terminé retiré du tableau</numerusform>
            <numerusform>%n agents terminés retirés du tableau</numerusform>
        </translation>
    </message>
    <message>
        <source>No finished agents to remove.</source>
        <translation>Aucun agent terminé à retirer.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n agent id(s)</source>
        <translation>
            <numerusform>%n identifiant d’agent copié</numerusform>
            <numerusform>%n identifiants d’agents copiés</numerusform>
        </translation>
    </message>
    <message>
        <source>No selected agent waits out a rate limit.</source>
        <translation>Aucun agent sélectionné n’attend la fin d’une limite de débit.</translation>
    </message>
    <message>
        <source>Resumed dispatch for %1</source>
        <translation>Démarrages repris pour %1</translation>
    </message>
    <message>
        <source>Cancel agent %1?</source>
        <translation>Annuler l’agent %1 ?</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the %n selected agent(s)?</source>
        <translation>
            <numerusform>Annuler %n agent sélectionné ?</numerusform>
            <numerusform>Annuler les %n agents sélectionnés ?</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel agents</source>
        <translation>Annuler les agents</translation>
    </message>
    <message>
        <source>A running agent is told to stop at once; a queued one will not start.</source>
        <translation>Un agent en cours reçoit l’ordre de s’arrêter aussitôt ; un agent en file ne démarrera pas.</translation>
    </message>
    <message>
        <source>Do not ask again when I press Del</source>
        <translation>Ne plus demander quand j’appuie sur Suppr</translation>
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
        <translation>%1 · agent %2 · objectif %3</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Tout profil adapté</translation>
    </message>
    <message>
        <source>%1 (needs %2)</source>
        <translation>%1 (requiert %2)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Pas démarré</translation>
    </message>
    <message>
        <source>%1 in · %2 out · %3</source>
        <translation>%1 entrée · %2 sortie · %3</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non communiqué</translation>
    </message>
    <message>
        <source>Completed without a summary</source>
        <translation>Terminé sans résumé</translation>
    </message>
    <message>
        <source>Not finished yet</source>
        <translation>Pas encore terminé</translation>
    </message>
    <message>
        <source>Select an agent on the board to see its goal, progress and log.</source>
        <translation>Sélectionnez un agent sur le tableau pour voir son objectif, sa progression et son journal.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Critères de réussite</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Current step</source>
        <translation>Étape en cours</translation>
    </message>
    <message>
        <source>Steps so far</source>
        <translation>Étapes jusqu’ici</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>Tokens / cost</source>
        <translation>Jetons / coût</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré le</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé le</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>No output yet</source>
        <translation>Aucune sortie pour l’instant</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation>%1 (à %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown; the newest %1 are kept.</source>
        <translation>
            <numerusform>%n ligne plus ancienne non affichée ; les %1 plus récentes sont conservées.</numerusform>
            <numerusform>%n lignes plus anciennes non affichées ; les %1 plus récentes sont conservées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) not shown — full log: %1</source>
        <translation>
            <numerusform>%n ligne plus ancienne non affichée — journal complet : %1</numerusform>
            <numerusform>%n lignes plus anciennes non affichées — journal complet : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for your answer</source>
        <translation>Attend votre réponse</translation>
    </message>
    <message>
        <source>&amp;Answer in the inbox</source>
        <translation>&amp;Répondre dans la boîte de réception</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Prochain essai</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message>
        <source>Error kind</source>
        <translation>Type d’erreur</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>Attend</translation>
    </message>
    <message>
        <source>No transcript yet.</source>
        <translation>Pas encore de transcription.</translation>
    </message>
    <message>
        <source>No transcript yet: the model has not been asked anything.</source>
        <translation>Pas encore de transcription : le modèle n’a encore rien reçu.</translation>
    </message>
    <message>
        <source>No transcript: this agent&apos;s backend does not talk to a model.</source>
        <translation>Pas de transcription : le backend de cet agent ne parle à aucun modèle.</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <source>1 file changed</source>
        <translation>1 fichier modifié</translation>
    </message>
    <message>
        <source>%1 files changed</source>
        <translation>%1 fichiers modifiés</translation>
    </message>
    <message>
        <source>%1 · +%2 −%3</source>
        <translation>%1 · +%2 −%3</translation>
    </message>
    <message>
        <source>&amp;Review changes…</source>
        <translation>&amp;Relire les modifications…</translation>
    </message>
    <message>
        <source>See the diff, then merge, discard or ask for a follow-up</source>
        <translation>Voir le diff, puis fusionner, rejeter ou demander une suite</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Agent session</source>
        <translation>Session de l’agent</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <extracomment>Detail pane of a team goal: its pattern, &quot;Team: debate · optimist, pessimist · 2 rounds · judge lead&quot;</extracomment>
        <translation>Équipe : %1</translation>
    </message>
    <message>
        <source>Runs when: %1</source>
        <extracomment>Detail pane of a goal with a condition: &quot;Runs when: result of &apos;post&apos; contains &quot;APPROVED&quot;&quot;</extracomment>
        <translation>S’exécute si : %1</translation>
    </message>
    <message>
        <source>%1 (the team&apos;s members)</source>
        <translation>%1 (les membres de l’équipe)</translation>
    </message>
    <message>
        <source>Member of %1</source>
        <extracomment>Detail pane of a team member: &quot;Member of &lt;team title&gt; · round 2 · optimist&quot;; the title links to the team</extracomment>
        <translation>Membre de %1</translation>
    </message>
    <message>
        <source>Member of %1 · %2</source>
        <translation>Membre de %1 · %2</translation>
    </message>
    <message>
        <source>Show the team&apos;s card on the board</source>
        <translation>Afficher la carte de l’équipe sur le tableau</translation>
    </message>
    <message>
        <source>%1, job %2</source>
        <extracomment>Detail pane row of an agent on a cluster or SSH host: &quot;slurm (debug), job 123&quot;</extracomment>
        <translation>%1, job %2</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>S’exécute sur</translation>
    </message>
    <message>
        <source>%1 running, %2 in the queue</source>
        <translation>%1 d’exécution, %2 dans la file d’attente</translation>
    </message>
</context>
<context>
    <name>switchboard::AiPlanDialog</name>
    <message>
        <source>AI plan</source>
        <translation>Plan IA</translation>
    </message>
    <message>
        <source>Asking %1 for a plan…</source>
        <translation>Demande d’un plan à %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The model could not be asked: %1</source>
        <translation>Impossible d’interroger le modèle : %1</translation>
    </message>
    <message>
        <source>%1 input + %2 output tokens</source>
        <translation>%1 jetons en entrée + %2 en sortie</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) planned by %1 · %2</source>
        <translation>
            <numerusform>%n objectif planifié par %1 · %2</numerusform>
            <numerusform>%n objectifs planifiés par %1 · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The model&apos;s plan cannot be used as it is: fix the problems below, or Retry to ask again · %1</source>
        <translation>Le plan du modèle n’est pas utilisable tel quel : corrigez les problèmes ci-dessous ou redemandez avec Réessayer · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message>
        <source>No goals</source>
        <translation>Aucun objectif</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n objectif</numerusform>
            <numerusform>%n objectifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message>
        <source>The plan could not be saved to %1: %2</source>
        <translation>Impossible d’enregistrer le plan dans %1 : %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Enregistré dans %1</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>Enregistrer le plan</translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation>Fichiers de plan (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation>Impossible de démarrer le plan :
%1</translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation>Planifier avec l’IA</translation>
    </message>
    <message>
        <source>&amp;Objective</source>
        <translation>&amp;But</translation>
    </message>
    <message>
        <source>What should the agents achieve? For example: Build a REST API for a todo list with tests and docs.</source>
        <translation>Que doivent accomplir les agents ? Par exemple : créer une API REST pour une liste de tâches, avec tests et documentation.</translation>
    </message>
    <message>
        <source>&amp;Planner:</source>
        <translation>&amp;Planificateur :</translation>
    </message>
    <message>
        <source>The LLM profile that breaks the objective into goals</source>
        <translation>Le profil LLM qui découpe le but en objectifs</translation>
    </message>
    <message>
        <source>&amp;Generate plan</source>
        <translation>&amp;Générer le plan</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Ask the model again, telling it what was wrong with its plan</source>
        <translation>Redemander au modèle en lui indiquant ce qui n’allait pas dans son plan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop asking the model</source>
        <translation>Arrêter d’interroger le modèle</translation>
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
        <translation>&lt;h3&gt;Aucun profil LLM pour planifier&lt;/h3&gt;&lt;p&gt;La planification demande à un modèle de langage de découper votre but en objectifs. Ajoutez un profil avec un modèle à votre configuration, &lt;code&gt;%1&lt;/code&gt;, par exemple :&lt;/p&gt;&lt;pre&gt;agents:
  definitions:
    - name: planner
      model: gpt-4o             # OpenAI : définir OPENAI_API_KEY
    - name: claude
      model: claude-sonnet-4-5  # Anthropic : définir ANTHROPIC_API_KEY
    - name: local               # Ollama sur cette machine
      backend: openai
      base_url: http://127.0.0.1:11434/v1
      model: llama3.1&lt;/pre&gt;&lt;p&gt;Puis relancez Switchboard et choisissez &lt;b&gt;Planifier avec l’IA…&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Describe the objective above and press Generate plan. The goals the model proposes appear here to check and edit before you save or run them.</source>
        <translation>Décrivez le but ci-dessus et cliquez sur Générer le plan. Les objectifs proposés par le modèle s’affichent ici, à vérifier et modifier avant de les enregistrer ou de les exécuter.</translation>
    </message>
    <message>
        <source>&amp;Add goal</source>
        <translation>&amp;Ajouter un objectif</translation>
    </message>
    <message>
        <source>Re&amp;move goal</source>
        <translation>Supp&amp;rimer l’objectif</translation>
    </message>
    <message>
        <source>&amp;Save plan…</source>
        <translation>&amp;Enregistrer le plan…</translation>
    </message>
    <message>
        <source>Write the goals as a plan file, to run later with Run plan or `switchboard run`</source>
        <translation>Écrire les objectifs dans un fichier de plan, à exécuter plus tard avec Exécuter un plan ou `switchboard run`</translation>
    </message>
    <message>
        <source>R&amp;un</source>
        <translation>E&amp;xécuter</translation>
    </message>
    <message>
        <source>Start the goals now, as Run plan would</source>
        <translation>Lancer les objectifs maintenant, comme Exécuter un plan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>switchboard::ApiKeyField</name>
    <message>
        <source>Paste the API key to keep it in the keychain</source>
        <translation>Collez la clé API pour la conserver dans le trousseau</translation>
    </message>
    <message>
        <source>No keychain here</source>
        <translation>Aucun trousseau disponible</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain; it is never written to the config file</source>
        <translation>Conserver la clé dans le trousseau du système ; elle n’est jamais écrite dans le fichier de configuration</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this profile&apos;s key from the keychain</source>
        <translation>Supprimer la clé de ce profil du trousseau</translation>
    </message>
    <message>
        <source>Use an environment variable instead</source>
        <translation>Utiliser plutôt une variable d’environnement</translation>
    </message>
    <message>
        <source>Looking for the system keychain…</source>
        <translation>Recherche du trousseau du système…</translation>
    </message>
    <message>
        <source>No keychain service is running here, so the key cannot be stored. Set it in an environment variable and name that variable under API key variable.</source>
        <translation>Aucun service de trousseau ne tourne ici, la clé ne peut donc pas être enregistrée. Définissez-la dans une variable d’environnement et indiquez le nom de cette variable sous « Variable de clé API ».</translation>
    </message>
    <message>
        <source>The keychain is switched off here (SWITCHBOARD_NO_KEYCHAIN). Set the key in an environment variable and name that variable under API key variable.</source>
        <translation>Le trousseau est désactivé ici (SWITCHBOARD_NO_KEYCHAIN). Définissez la clé dans une variable d’environnement et indiquez le nom de cette variable sous « Variable de clé API ».</translation>
    </message>
    <message>
        <source>Reading the keychain…</source>
        <translation>Lecture du trousseau…</translation>
    </message>
    <message>
        <source>A key is stored in the keychain.</source>
        <translation>Une clé est enregistrée dans le trousseau.</translation>
    </message>
    <message>
        <source>A key is stored in the keychain (ending in …%1).</source>
        <translation>Une clé est enregistrée dans le trousseau (se terminant par …%1).</translation>
    </message>
    <message>
        <source>Name the profile first: its key is stored under its name.</source>
        <translation>Nommez d’abord le profil : sa clé est enregistrée sous son nom.</translation>
    </message>
    <message>
        <source>No key is stored in the keychain for this profile.</source>
        <translation>Aucune clé n’est enregistrée dans le trousseau pour ce profil.</translation>
    </message>
    <message>
        <source>Updating the keychain…</source>
        <translation>Mise à jour du trousseau…</translation>
    </message>
    <message>
        <source>The keychain did not answer: %1</source>
        <translation>Le trousseau n’a pas répondu : %1</translation>
    </message>
</context>
<context>
    <name>switchboard::AppearancePage</name>
    <message>
        <source>The language changes at the next start of Switchboard.</source>
        <translation>La langue change au prochain démarrage de Switchboard.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>Confirmations:</source>
        <translation>Confirmations :</translation>
    </message>
    <message>
        <source>&amp;Ask before Del cancels the selected agents</source>
        <translation>&amp;Demander avant que Suppr annule les agents sélectionnés</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Langue du système (%1)</translation>
    </message>
    <message>
        <source>Takes effect at the next start. Starting with --lang overrides it.</source>
        <translation>Prend effet au prochain démarrage. Un lancement avec --lang a la priorité.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>SWITCHBOARD_THEME is set, and it wins over this choice.</source>
        <translation>SWITCHBOARD_THEME est défini et l’emporte sur ce choix.</translation>
    </message>
    <message>
        <source>Applied at once.</source>
        <translation>Appliqué immédiatement.</translation>
    </message>
</context>
<context>
    <name>switchboard::BoardFilterBar</name>
    <message numerus="yes">
        <source>%Ln agent(s)</source>
        <translation>
            <numerusform>%Ln agent</numerusform>
            <numerusform>%Ln agents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln agent(s)</source>
        <translation>
            <numerusform>%1 sur %Ln agent</numerusform>
            <numerusform>%1 sur %Ln agents</numerusform>
        </translation>
    </message>
    <message>
        <source>Search agents, goals, steps, profiles…</source>
        <translation>Rechercher agents, objectifs, étapes, profils…</translation>
    </message>
    <message>
        <source>Filter the board by agent name, goal title, current step or profile (Ctrl+F)</source>
        <translation>Filtrer le tableau par nom d’agent, titre d’objectif, étape en cours ou profil (Ctrl+F)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actifs</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Failed or blocked</source>
        <translation>Échoués ou bloqués</translation>
    </message>
    <message>
        <source>Running, waiting for a lock or for you, or paused</source>
        <translation>En cours, en attente d’un verrou ou de vous, ou en pause</translation>
    </message>
    <message>
        <source>Queued, blocked, waiting for a lock or for you, paused or interrupted</source>
        <translation>En file, bloqués, en attente d’un verrou ou de vous, en pause ou interrompus</translation>
    </message>
    <message>
        <source>Completed, failed or cancelled</source>
        <translation>Terminés, échoués ou annulés</translation>
    </message>
    <message>
        <source>Spawn order</source>
        <translation>Ordre de lancement</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Heure de démarrage</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Reverse the sort order</source>
        <translation>Inverser l’ordre de tri</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>A&amp;fficher :</translation>
    </message>
    <message>
        <source>S&amp;ort:</source>
        <translation>&amp;Trier :</translation>
    </message>
    <message>
        <source>Ready for review</source>
        <translation>Prêt pour la revue</translation>
    </message>
    <message>
        <source>Finished in a git worktree; the changes wait to be merged or discarded</source>
        <translation>Terminé dans un worktree git ; les modifications attendent d’être fusionnées ou rejetées</translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsDialog</name>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>&amp;Use this agent</source>
        <translation>&amp;Utiliser cet agent</translation>
    </message>
    <message>
        <source>Adds profile &apos;%1&apos; (backend %2) to this session, so New goal can pick it</source>
        <translation>Ajoute le profil « %1 » (backend %2) à cette session pour que « Nouvel objectif » puisse le proposer</translation>
    </message>
    <message>
        <source>Looking for coding agents on PATH…</source>
        <translation>Recherche d’agents de code dans le PATH…</translation>
    </message>
    <message>
        <source>No coding agent found on PATH (claude, codex, gemini, aider, goose, opencode). Install one and search again.</source>
        <translation>Aucun agent de code trouvé dans le PATH (claude, codex, gemini, aider, goose, opencode). Installez-en un puis cherchez à nouveau.</translation>
    </message>
    <message>
        <source>These coding agents are installed here. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard agents --detect` prints it).</source>
        <translation>Ces agents de code sont installés ici. Un profil ajouté vaut pour cette session ; pour le garder, ajoutez-le à switchboard.yaml (`switchboard agents --detect` l’affiche).</translation>
    </message>
    <message>
        <source>Coding agents</source>
        <translation>Agents de code</translation>
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
        <translation>&amp;Chercher à nouveau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>switchboard::CodingAgentsOffer</name>
    <message>
        <source>Found %1: add it from Agents ▸ Coding agents…</source>
        <extracomment>Status bar, briefly; %1 names coding-agent CLIs (&quot;Claude Code, Aider&quot;)</extracomment>
        <translation>%1 trouvé : ajoutez-le depuis Agents ▸ Agents de code…</translation>
    </message>
    <message>
        <source>&amp;Coding agents…</source>
        <translation>Agents de &amp;code…</translation>
    </message>
    <message>
        <source>Coding-agent programs installed here (Claude Code, Codex, Gemini, Aider, ACP agents)</source>
        <translation>Programmes d’agents de code installés ici (Claude Code, Codex, Gemini, Aider, agents ACP)</translation>
    </message>
</context>
<context>
    <name>switchboard::ConditionField</name>
    <message>
        <source>Runs when: check the goal to test under Depends on first</source>
        <translation>S’exécute si : cochez d’abord l’objectif à tester sous « Dépend de »</translation>
    </message>
    <message>
        <source>Runs when: enter the text the result must contain</source>
        <translation>S’exécute si : saisissez le texte que le résultat doit contenir</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Toujours</translation>
    </message>
    <message>
        <source>Only if this succeeded:</source>
        <translation>Seulement si cet objectif a réussi :</translation>
    </message>
    <message>
        <source>Only if this did not succeed:</source>
        <translation>Seulement si cet objectif n’a pas réussi :</translation>
    </message>
    <message>
        <source>Only if the result of this contains:</source>
        <translation>Seulement si le résultat de cet objectif contient :</translation>
    </message>
    <message>
        <source>A goal whose condition is false is skipped, and so are the goals that depend on it</source>
        <translation>Un objectif dont la condition est fausse est ignoré, de même que les objectifs qui en dépendent</translation>
    </message>
    <message>
        <source>check a goal under Depends on</source>
        <translation>cochez un objectif sous « Dépend de »</translation>
    </message>
    <message>
        <source>Text the result must contain (case-sensitive), e.g. APPROVED</source>
        <translation>Texte que le résultat doit contenir (sensible à la casse), p. ex. APPROVED</translation>
    </message>
</context>
<context>
    <name>switchboard::ConfigBanner</name>
    <message>
        <source>Hide the configuration notice</source>
        <translation>Masquer l’avis de configuration</translation>
    </message>
    <message>
        <source>Configuration problem</source>
        <translation>Problème de configuration</translation>
    </message>
    <message>
        <source>Your configuration did not load: Switchboard started with a replacement</source>
        <translation>Votre configuration n’a pas pu être chargée : Switchboard a démarré avec une configuration de remplacement</translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotificationSink</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>switchboard::DesktopNotifier</name>
    <message>
        <source>An agent needs &amp;input</source>
        <translation>Un agent a besoin de &amp;vous</translation>
    </message>
    <message>
        <source>An agent &amp;failed</source>
        <translation>Un agent a é&amp;choué</translation>
    </message>
    <message>
        <source>Changes ready for &amp;review</source>
        <translation>Modifications prêtes pour la &amp;revue</translation>
    </message>
    <message>
        <source>The run &amp;finished</source>
        <translation>L’exécution est &amp;terminée</translation>
    </message>
    <message>
        <source>Notifications make no sound</source>
        <translation>Notifications silencieuses</translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation>%1 a besoin de vous</translation>
    </message>
    <message>
        <source>Goal: %1
%2</source>
        <translation>Objectif : %1
%2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 a échoué</translation>
    </message>
    <message>
        <source>%1 is ready for review</source>
        <translation>%1 est prêt pour la revue</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>Objectif : %1</translation>
    </message>
    <message>
        <source>All agents have finished.</source>
        <translation>Tous les agents ont terminé.</translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation>Tous les agents ont terminé ; 1 objectif attend votre revue.</translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation>Tous les agents ont terminé ; %1 objectifs attendent votre revue.</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Exécution terminée</translation>
    </message>
</context>
<context>
    <name>switchboard::DiffView</name>
    <message>
        <source>… folded, double-click to show</source>
        <extracomment>After a folded file&apos;s header line in the diff</extracomment>
        <translation>… replié, double-cliquez pour afficher</translation>
    </message>
</context>
<context>
    <name>switchboard::EmptyBoardOverlay</name>
    <message>
        <source>No agents yet</source>
        <translation>Aucun agent pour l’instant</translation>
    </message>
    <message>
        <source>Give an agent a goal with New goal (Ctrl+N), or start a whole plan from a template with Run plan (Ctrl+O).</source>
        <translation>Confiez un objectif à un agent avec « Nouvel objectif » (Ctrl+N), ou lancez tout un plan depuis un modèle avec « Exécuter un plan » (Ctrl+O).</translation>
    </message>
    <message>
        <source>No agents match the filter</source>
        <translation>Aucun agent ne correspond au filtre</translation>
    </message>
    <message>
        <source>Change the search text or the state filter to see more agents.</source>
        <translation>Modifiez le texte recherché ou le filtre d’état pour voir plus d’agents.</translation>
    </message>
    <message>
        <source>New goal…</source>
        <translation>Nouvel objectif…</translation>
    </message>
    <message>
        <source>Run plan…</source>
        <translation>Exécuter un plan…</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>Effacer le filtre</translation>
    </message>
</context>
<context>
    <name>switchboard::EscalationListModel</name>
    <message>
        <source>Asked %1</source>
        <translation>Posée %1</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Clarification</source>
        <translation>Clarification</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Autorisation</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Answered: %1</source>
        <translation>Répondue : %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Timed out</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Question from %1, %2 priority: %3</source>
        <translation>Question de %1, priorité %2 : %3</translation>
    </message>
</context>
<context>
    <name>switchboard::ExecutorFields</name>
    <message>
        <source>expected a port between 1 and 65535, got “%1”</source>
        <translation>port entre 1 et 65535 attendu, reçu « %1 »</translation>
    </message>
    <message>
        <source>SSH identity file</source>
        <translation>Fichier d’identité SSH</translation>
    </message>
    <message>
        <source>As its profile</source>
        <translation>Comme son profil</translation>
    </message>
    <message>
        <source>This computer (local)</source>
        <translation>Cet ordinateur (local)</translation>
    </message>
    <message>
        <source>Slurm cluster</source>
        <translation>Cluster Slurm</translation>
    </message>
    <message>
        <source>SSH host</source>
        <translation>Hôte SSH</translation>
    </message>
    <message>
        <source>Where this goal&apos;s agent runs its program; “As its profile” keeps the profile&apos;s choice</source>
        <translation>Où l’agent de cet objectif exécute son programme ; « Comme son profil » garde le choix du profil</translation>
    </message>
    <message>
        <source>Where this profile&apos;s agents run their program</source>
        <translation>Où les agents de ce profil exécutent leur programme</translation>
    </message>
    <message>
        <source>E&amp;xecutor:</source>
        <translation>E&amp;xécution :</translation>
    </message>
    <message>
        <source>R&amp;uns on</source>
        <translation>S’e&amp;xécute sur</translation>
    </message>
    <message>
        <source>Pa&amp;rtition:</source>
        <translation>Pa&amp;rtition :</translation>
    </message>
    <message>
        <source>Acco&amp;unt:</source>
        <translation>Co&amp;mpte :</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>&amp;QoS :</translation>
    </message>
    <message>
        <source>Time &amp;limit:</source>
        <translation>&amp;Limite de temps :</translation>
    </message>
    <message>
        <source>&amp;CPUs per task:</source>
        <translation>&amp;CPU par tâche :</translation>
    </message>
    <message>
        <source>M&amp;emory:</source>
        <translation>M&amp;émoire :</translation>
    </message>
    <message>
        <source>&amp;GRES:</source>
        <translation>&amp;GRES :</translation>
    </message>
    <message>
        <source>Extra s&amp;run options:</source>
        <translation>Options s&amp;run supplémentaires :</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt :</translation>
    </message>
    <message>
        <source>&amp;Identity file:</source>
        <translation>Fichier d’&amp;identité :</translation>
    </message>
    <message>
        <source>Remote &amp;folder:</source>
        <translation>&amp;Dossier distant :</translation>
    </message>
    <message>
        <source>Extra ssh o&amp;ptions:</source>
        <translation>O&amp;ptions ssh supplémentaires :</translation>
    </message>
    <message>
        <source>default: the cluster&apos;s</source>
        <translation>par défaut : celle du cluster</translation>
    </message>
    <message>
        <source>default: yours</source>
        <translation>par défaut : le vôtre</translation>
    </message>
    <message>
        <source>default: the account&apos;s</source>
        <translation>par défaut : celle du compte</translation>
    </message>
    <message>
        <source>e.g. 30 or 2:00:00 (default: the partition&apos;s)</source>
        <translation>p. ex. 30 ou 2:00:00 (par défaut : celle de la partition)</translation>
    </message>
    <message>
        <source>Minutes, or Slurm&apos;s [days-]hours:minutes:seconds</source>
        <translation>Minutes, ou [jours-]heures:minutes:secondes de Slurm</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>e.g. 4G or 512M (default: the partition&apos;s)</source>
        <translation>p. ex. 4G ou 512M (par défaut : celle de la partition)</translation>
    </message>
    <message>
        <source>e.g. gpu:1</source>
        <translation>p. ex. gpu:1</translation>
    </message>
    <message>
        <source>e.g. --constraint=avx2 --exclusive</source>
        <translation>p. ex. --constraint=avx2 --exclusive</translation>
    </message>
    <message>
        <source>More srun options, separated by spaces</source>
        <translation>Autres options srun, séparées par des espaces</translation>
    </message>
    <message>
        <source>e.g. build-7 or a Host of ~/.ssh/config</source>
        <translation>p. ex. build-7 ou un Host de ~/.ssh/config</translation>
    </message>
    <message>
        <source>default: ssh&apos;s</source>
        <translation>par défaut : celui de ssh</translation>
    </message>
    <message>
        <source>22</source>
        <translation>22</translation>
    </message>
    <message>
        <source>default: the ssh agent&apos;s keys</source>
        <translation>par défaut : les clés de l’agent ssh</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>e.g. StrictHostKeyChecking=accept-new</source>
        <translation>p. ex. StrictHostKeyChecking=accept-new</translation>
    </message>
    <message>
        <source>More ssh -o Key=Value options, separated by spaces</source>
        <translation>Autres options ssh -o Clé=Valeur, séparées par des espaces</translation>
    </message>
    <message>
        <source>default: the same path as here (a shared filesystem)</source>
        <translation>par défaut : le même chemin qu’ici (un système de fichiers partagé)</translation>
    </message>
    <message>
        <source>The agent runs in this folder&apos;s subfolder named like its local workspace; without it, in the workspace&apos;s own path, which must exist on the host</source>
        <translation>L’agent travaille dans le sous-dossier de ce dossier qui porte le nom de son espace de travail local ; sans lui, dans le chemin même de l’espace de travail, qui doit exister sur l’hôte</translation>
    </message>
</context>
<context>
    <name>switchboard::FollowUpDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>Suite</translation>
    </message>
    <message>
        <source>What should the agent do next on “%1”? It continues the same session in the same worktree, so it remembers what it did.</source>
        <translation>Que doit faire l’agent ensuite sur « %1 » ? Il poursuit la même session dans le même worktree, il se souvient donc de ce qu’il a fait.</translation>
    </message>
    <message>
        <source>For example: also handle an empty list, and add a test for it.</source>
        <translation>Par exemple : gérer aussi une liste vide, et ajouter un test pour ce cas.</translation>
    </message>
    <message>
        <source>Start follow-up</source>
        <translation>Lancer la suite</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryEmptyPage</name>
    <message>
        <source>No runs recorded yet</source>
        <translation>Aucune exécution enregistrée pour l’instant</translation>
    </message>
    <message>
        <source>The other Switchboard has not started a goal or a plan yet. This window looks again every few seconds.</source>
        <translation>L’autre Switchboard n’a encore lancé aucun objectif ni aucun plan. Cette fenêtre vérifie à nouveau toutes les quelques secondes.</translation>
    </message>
    <message>
        <source>Every goal you start and every plan you run is kept here, with its attempts, log, answers and result, so you can search it, run it again or export a report.</source>
        <translation>Chaque objectif que vous lancez et chaque plan que vous exécutez est conservé ici, avec ses tentatives, son journal, ses réponses et son résultat, pour que vous puissiez le rechercher, le relancer ou en exporter un rapport.</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryExport</name>
    <message>
        <source>Cannot write “%1”: %2</source>
        <translation>Impossible d’écrire « %1 » : %2</translation>
    </message>
    <message>
        <source>Export run report</source>
        <translation>Exporter le rapport d’exécution</translation>
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
        <translation>Exporter le journal d’activité</translation>
    </message>
    <message>
        <source>Export project state</source>
        <translation>Exporter l’état du projet</translation>
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
        <translation>Effacer la recherche</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalModel</name>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarré le</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryGoalPane</name>
    <message>
        <source>goal %1</source>
        <translation>objectif %1</translation>
    </message>
    <message>
        <source>agent %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <source>Attempts (%1)</source>
        <translation>Tentatives (%1)</translation>
    </message>
    <message>
        <source>Questions (%1)</source>
        <translation>Questions (%1)</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Erreur :</translation>
    </message>
    <message>
        <source>No summary was recorded.</source>
        <translation>Aucun résumé n’a été enregistré.</translation>
    </message>
    <message>
        <source>No result yet.</source>
        <translation>Pas encore de résultat.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Critères de réussite</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Compétences</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressources</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>any with the capabilities</source>
        <translation>tout profil doté de ces compétences</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Fin</translation>
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
        <translation>Consommation</translation>
    </message>
    <message>
        <source>%1 in, %2 out · %3</source>
        <translation>%1 entrée, %2 sortie · %3</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>inachevée</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (code de sortie %2)</translation>
    </message>
    <message>
        <source>The agent asked no questions.</source>
        <translation>L’agent n’a posé aucune question.</translation>
    </message>
    <message>
        <source>%1 · %2 · asked %3</source>
        <translation>%1 · %2 · posée le %3</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Options :</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>Réponse :</translation>
    </message>
    <message>
        <source>(took “%1”)</source>
        <translation>(option « %1 » retenue)</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>No full log file was written for this agent</source>
        <translation>Aucun fichier journal complet n’a été écrit pour cet agent</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>The agent wrote nothing to its log.</source>
        <translation>L’agent n’a rien écrit dans son journal.</translation>
    </message>
    <message numerus="yes">
        <source>The last %n line(s); the full log is in the log file.</source>
        <translation>
            <numerusform>La dernière ligne (%n) ; le journal complet se trouve dans le fichier journal.</numerusform>
            <numerusform>Les %n dernières lignes ; le journal complet se trouve dans le fichier journal.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n ligne</numerusform>
            <numerusform>%n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a goal to see its result, attempts, log and the questions it asked.</source>
        <translation>Sélectionnez un objectif pour voir son résultat, ses tentatives, son journal et les questions qu’il a posées.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Tentative</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Open full log</source>
        <translation>Ouvrir le journal complet</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <source>Transcript (%1)</source>
        <translation>Transcription (%1)</translation>
    </message>
    <message>
        <source>No transcript: this agent did not talk to a model.</source>
        <translation>Pas de transcription : cet agent n’a parlé à aucun modèle.</translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRerun</name>
    <message>
        <source>Re-run goal</source>
        <translation>Relancer l’objectif</translation>
    </message>
    <message>
        <source>“%1” could not be queued again.</source>
        <translation>« %1 » n’a pas pu être remis en file.</translation>
    </message>
    <message>
        <source>Queued “%1” on the board as %2</source>
        <translation>« %1 » mis en file sur le tableau sous %2</translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1” again: %n goal(s) queued</source>
        <translation>
            <numerusform>Plan « %1 » relancé : %n objectif mis en file</numerusform>
            <numerusform>Plan « %1 » relancé : %n objectifs mis en file</numerusform>
        </translation>
    </message>
    <message>
        <source>Re-run plan</source>
        <translation>Relancer le plan</translation>
    </message>
    <message numerus="yes">
        <source>Queue the %n goal(s) of “%1” again?</source>
        <translation>
            <numerusform>Remettre en file %n objectif de « %1 » ?</numerusform>
            <numerusform>Remettre en file les %n objectifs de « %1 » ?</numerusform>
        </translation>
    </message>
    <message>
        <source>The run had no plan file: its goals are queued as they were recorded, with the dependencies between them.</source>
        <translation>L’exécution n’avait pas de fichier de plan : ses objectifs sont mis en file tels qu’ils ont été enregistrés, avec leurs dépendances mutuelles.</translation>
    </message>
    <message>
        <source>Its plan file “%1” is gone: the goals are queued as they were recorded, with the dependencies between them.</source>
        <translation>Son fichier de plan « %1 » a disparu : les objectifs sont mis en file tels qu’ils ont été enregistrés, avec leurs dépendances mutuelles.</translation>
    </message>
    <message numerus="yes">
        <source>Queue %n goal(s)</source>
        <translation>
            <numerusform>Mettre %n objectif en file</numerusform>
            <numerusform>Mettre %n objectifs en file</numerusform>
        </translation>
    </message>
    <message>
        <source>The goals of this run could not be queued again.</source>
        <translation>Les objectifs de cette exécution n’ont pas pu être remis en file.</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n goal(s) on the board</source>
        <translation>
            <numerusform>%n objectif mis en file sur le tableau</numerusform>
            <numerusform>%n objectifs mis en file sur le tableau</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryRunModel</name>
    <message>
        <source>No goals</source>
        <translation>Aucun objectif</translation>
    </message>
    <message numerus="yes">
        <source>All %n completed</source>
        <translation>
            <numerusform>Terminé (%n)</numerusform>
            <numerusform>Tous terminés (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n terminé</numerusform>
            <numerusform>%n terminés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n échoué</numerusform>
            <numerusform>%n échoués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n annulé</numerusform>
            <numerusform>%n annulés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocked</source>
        <translation>
            <numerusform>%n bloqué</numerusform>
            <numerusform>%n bloqués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n interrupted</source>
        <translation>
            <numerusform>%n interrompu</numerusform>
            <numerusform>%n interrompus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in progress</source>
        <translation>
            <numerusform>%n en cours</numerusform>
            <numerusform>%n en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n en file</numerusform>
            <numerusform>%n en file</numerusform>
        </translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Inachevée</translation>
    </message>
    <message>
        <source>Every goal of every run, to search them all</source>
        <translation>Tous les objectifs de toutes les exécutions, pour tout rechercher</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Exécution %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 over %n attempt(s)</source>
        <translation>
            <numerusform>%1 sur %n tentative</numerusform>
            <numerusform>%1 sur %n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>Still running: goals are being added and worked on</source>
        <translation>Toujours en cours : des objectifs sont ajoutés et traités</translation>
    </message>
    <message>
        <source>The run did not finish: the app was closed or stopped while it ran</source>
        <translation>L’exécution ne s’est pas terminée : l’application a été fermée ou arrêtée pendant son déroulement</translation>
    </message>
    <message numerus="yes">
        <source>All runs (%n)</source>
        <translation>
            <numerusform>Toutes les exécutions (%n)</numerusform>
            <numerusform>Toutes les exécutions (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Plan file</source>
        <translation>Fichier de plan</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n ignoré</numerusform>
            <numerusform>%n ignorés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::HistoryWindow</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>No database is open, so there is no history to show.</source>
        <translation>Aucune base de données n’est ouverte : il n’y a aucun historique à afficher.</translation>
    </message>
    <message>
        <source>Could not read the run list: %1</source>
        <translation>Impossible de lire la liste des exécutions : %1</translation>
    </message>
    <message>
        <source>Loading %1 goals…</source>
        <translation>Chargement de %1 objectifs…</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualisation…</translation>
    </message>
    <message>
        <source>The history could not be read:
%1</source>
        <translation>L’historique n’a pas pu être lu :
%1</translation>
    </message>
    <message>
        <source>No runs recorded yet.

Every goal you start, every plan you run, is kept here with its attempts, log, answers and result.</source>
        <translation>Aucune exécution enregistrée pour l’instant.

Chaque objectif que vous lancez, chaque plan que vous exécutez, est conservé ici avec ses tentatives, son journal, ses réponses et son résultat.</translation>
    </message>
    <message>
        <source>This run has no goals.</source>
        <translation>Cette exécution ne contient aucun objectif.</translation>
    </message>
    <message>
        <source>No goal matches “%1”.</source>
        <translation>Aucun objectif ne correspond à « %1 ».</translation>
    </message>
    <message>
        <source>&lt;b&gt;All runs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Toutes les exécutions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>plan %1</source>
        <translation>plan %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>durée %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n goal(s) match</source>
        <translation>
            <numerusform>%1 sur %n objectif correspond</numerusform>
            <numerusform>%1 sur %n objectifs correspondent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n objectif</numerusform>
            <numerusform>%n objectifs</numerusform>
        </translation>
    </message>
    <message>
        <source>Open log</source>
        <translation>Ouvrir le journal</translation>
    </message>
    <message>
        <source>The log file could not be opened.</source>
        <translation>Le fichier journal n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportation vers %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The export could not be written.</source>
        <translation>L’export n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>History (read-only) — Switchboard</source>
        <translation>Historique (lecture seule) — Switchboard</translation>
    </message>
    <message>
        <source>History — Switchboard</source>
        <translation>Historique — Switchboard</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xécution</translation>
    </message>
    <message>
        <source>History toolbar</source>
        <translation>Barre d’outils de l’historique</translation>
    </message>
    <message>
        <source>Search runs and goals: title, id, description, error, state…</source>
        <translation>Rechercher exécutions et objectifs : titre, identifiant, description, erreur, état…</translation>
    </message>
    <message>
        <source>Every word must match. Searches the runs&apos; names and the shown goals (Ctrl+F)</source>
        <translation>Chaque mot doit correspondre. Recherche dans les noms des exécutions et dans les objectifs affichés (Ctrl+F)</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the history again (F5)</source>
        <translation>Relire l’historique (F5)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Re-run &amp;goal</source>
        <translation>Relancer l’&amp;objectif</translation>
    </message>
    <message>
        <source>Re-run &amp;plan…</source>
        <translation>Relancer le &amp;plan…</translation>
    </message>
    <message>
        <source>Read-only: the database is in use by another Switchboard</source>
        <translation>Lecture seule : la base de données est utilisée par un autre Switchboard</translation>
    </message>
    <message>
        <source>Re-running needs the dashboard</source>
        <translation>La relance nécessite le tableau de bord</translation>
    </message>
    <message>
        <source>Queue a copy of the selected goal on the board, without its dependencies (Ctrl+R)</source>
        <translation>Mettre en file sur le tableau une copie de l’objectif sélectionné, sans ses dépendances (Ctrl+R)</translation>
    </message>
    <message>
        <source>Run the selected run&apos;s plan again: its plan file, or the goals as recorded (Ctrl+Shift+R)</source>
        <translation>Exécuter à nouveau le plan de l’exécution sélectionnée : son fichier de plan, ou les objectifs tels qu’ils ont été enregistrés (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Run report (&amp;Markdown)…</source>
        <translation>Rapport d’exécution (&amp;Markdown)…</translation>
    </message>
    <message>
        <source>Run report (&amp;JSON)…</source>
        <translation>Rapport d’exécution (&amp;JSON)…</translation>
    </message>
    <message>
        <source>&amp;Activity log…</source>
        <translation>Journal d’&amp;activité…</translation>
    </message>
    <message>
        <source>Project &amp;state (YAML)…</source>
        <translation>É&amp;tat du projet (YAML)…</translation>
    </message>
    <message>
        <source>Save the selected run&apos;s report, activity log or state to a file</source>
        <translation>Enregistrer dans un fichier le rapport, le journal d’activité ou l’état de l’exécution sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Copy goal id</source>
        <translation>&amp;Copier l’identifiant de l’objectif</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only: the database is in use by another Switchboard.&lt;/b&gt; This window follows its progress and refreshes every few seconds; re-running goals is turned off.</source>
        <translation>&lt;b&gt;Lecture seule : la base de données est utilisée par un autre Switchboard.&lt;/b&gt; Cette fenêtre suit sa progression et s’actualise toutes les quelques secondes ; la relance d’objectifs est désactivée.</translation>
    </message>
</context>
<context>
    <name>switchboard::InboxDock</name>
    <message>
        <source>%1 · %2 · “%3” · %4 priority</source>
        <extracomment>Question header: trigger · agent · goal · priority</extracomment>
        <translation>%1 · %2 · « %3 » · priorité %4</translation>
    </message>
    <message>
        <source>Answer “%1”</source>
        <translation>Répondre « %1 »</translation>
    </message>
    <message>
        <source>Type your answer and press Enter</source>
        <translation>Tapez votre réponse et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Optional note for the agent (sent with the option)</source>
        <translation>Note facultative pour l’agent (envoyée avec l’option)</translation>
    </message>
    <message>
        <source>%1
by %2, %3</source>
        <extracomment>Closed question: outcome, who closed it, when</extracomment>
        <translation>%1
par %2, %3</translation>
    </message>
    <message>
        <source>Pick one of the options above; the text goes with it as a note.</source>
        <translation>Choisissez l’une des options ci-dessus ; le texte l’accompagne comme note.</translation>
    </message>
    <message>
        <source>Type an answer first.</source>
        <translation>Saisissez d’abord une réponse.</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Boîte de réception (%1)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Waiting (%1)</source>
        <translation>En attente (%1)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Pick a question on the left to answer it.</source>
        <translation>Choisissez une question à gauche pour y répondre.</translation>
    </message>
    <message>
        <source>No agent is waiting for you. Questions agents ask show up here.</source>
        <translation>Aucun agent ne vous attend. Les questions des agents apparaissent ici.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Cancel agent</source>
        <translation>Annuler l’agent</translation>
    </message>
    <message>
        <source>Withdraw the question and cancel the agent that asked it</source>
        <translation>Retirer la question et annuler l’agent qui l’a posée</translation>
    </message>
    <message>
        <source>Show agent on the board</source>
        <translation>Montrer l’agent sur le tableau</translation>
    </message>
</context>
<context>
    <name>switchboard::IsolationSection</name>
    <message>
        <source>The repository folder does not exist</source>
        <translation>Le dossier du dépôt n’existe pas</translation>
    </message>
    <message>
        <source>The repository folder is not a git repository</source>
        <translation>Le dossier du dépôt n’est pas un dépôt git</translation>
    </message>
    <message>
        <source>Choose the repository</source>
        <translation>Choisir le dépôt</translation>
    </message>
    <message>
        <source>own git worktree</source>
        <translation>worktree git dédié</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>partagé</translation>
    </message>
    <message>
        <source>the profile&apos;s default</source>
        <translation>valeur par défaut du profil</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Where the agent makes its changes: %1</source>
        <translation>Où l’agent fait ses modifications : %1</translation>
    </message>
    <message>
        <source>Isolatio&amp;n</source>
        <translation>Isolatio&amp;n</translation>
    </message>
    <message>
        <source>Wor&amp;k in</source>
        <extracomment>Label of the choice: its own git worktree, the repository itself, or what the profile says</extracomment>
        <translation>Tra&amp;vailler dans</translation>
    </message>
    <message>
        <source>Work in its own git worktree: the agent&apos;s changes wait for your review and merge. Shared: it changes the repository itself, with its resources locked.</source>
        <translation>Travailler dans son propre worktree git : les modifications de l’agent attendent votre revue et votre fusion. Partagé : il modifie le dépôt lui-même, ses ressources étant verrouillées.</translation>
    </message>
    <message>
        <source>The profile&apos;s default</source>
        <translation>Valeur par défaut du profil</translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: own git worktree)</source>
        <translation>Valeur par défaut du profil (%1 : worktree git dédié)</translation>
    </message>
    <message>
        <source>The profile&apos;s default (%1: shared)</source>
        <translation>Valeur par défaut du profil (%1 : partagé)</translation>
    </message>
    <message>
        <source>Its own git worktree, reviewed before merging</source>
        <translation>Son propre worktree git, relu avant la fusion</translation>
    </message>
    <message>
        <source>The repository itself (shared)</source>
        <translation>Le dépôt lui-même (partagé)</translation>
    </message>
    <message>
        <source>Repositor&amp;y</source>
        <translation>Dépôt &amp;git</translation>
    </message>
    <message>
        <source>the run&apos;s workspace</source>
        <translation>l’espace de travail de l’exécution</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>&amp;Base branch</source>
        <translation>Branche de &amp;base</translation>
    </message>
    <message>
        <source>the current branch</source>
        <translation>la branche courante</translation>
    </message>
    <message>
        <source>the current branch (%1)</source>
        <translation>la branche courante (%1)</translation>
    </message>
    <message>
        <source>Set&amp;up command</source>
        <translation>Co&amp;mmande de préparation</translation>
    </message>
    <message>
        <source>e.g. npm ci</source>
        <translation>p. ex. npm ci</translation>
    </message>
    <message>
        <source>Runs in the fresh worktree before the agent.</source>
        <translation>S’exécute dans le nouveau worktree avant l’agent.</translation>
    </message>
</context>
<context>
    <name>switchboard::LeftoverWorktreesDialog</name>
    <message>
        <source>Looking for worktrees left behind…</source>
        <translation>Recherche des worktrees laissés à l’abandon…</translation>
    </message>
    <message>
        <source>Goal %1 of run %2</source>
        <translation>Objectif %1 de l’exécution %2</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>mesure…</translation>
    </message>
    <message>
        <source>No worktrees are left behind.</source>
        <translation>Aucun worktree n’a été laissé à l’abandon.</translation>
    </message>
    <message numerus="yes">
        <source>%n worktree(s) whose goals no longer exist.</source>
        <translation>
            <numerusform>%n worktree dont l’objectif n’existe plus.</numerusform>
            <numerusform>%n worktrees dont les objectifs n’existent plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message numerus="yes">
        <source>Removing %n worktree(s)…</source>
        <translation>
            <numerusform>Suppression de %n worktree…</numerusform>
            <numerusform>Suppression de %n worktrees…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n worktree(s).</source>
        <translation>
            <numerusform>%n worktree supprimé.</numerusform>
            <numerusform>%n worktrees supprimés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>Conservés : %1</translation>
    </message>
    <message>
        <source>• %1 (branch %2 in %3)</source>
        <translation>• %1 (branche %2 dans %3)</translation>
    </message>
    <message>
        <source>Remove unmerged work?</source>
        <translation>Supprimer le travail non fusionné ?</translation>
    </message>
    <message>
        <source>These worktrees hold work that was never merged. Removing them deletes it for good:
%1

%2</source>
        <translation>Ces worktrees contiennent du travail qui n’a jamais été fusionné. Les supprimer l’efface définitivement :
%1

%2</translation>
    </message>
    <message>
        <source>Remove with the unmerged work</source>
        <translation>Supprimer avec le travail non fusionné</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Les garder</translation>
    </message>
    <message>
        <source>Worktrees left behind</source>
        <translation>Worktrees laissés à l’abandon</translation>
    </message>
    <message>
        <source>These git worktrees belong to goals that no longer exist (an earlier run, or a crash). Tick the ones to remove; nothing is removed otherwise.</source>
        <translation>Ces worktrees git appartiennent à des objectifs qui n’existent plus (une exécution précédente, ou un plantage). Cochez ceux à supprimer ; rien n’est supprimé sinon.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Supprimer la sélection</translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsDialog</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>Utilisé</translation>
    </message>
    <message>
        <source>&amp;Use this model</source>
        <translation>&amp;Utiliser ce modèle</translation>
    </message>
    <message>
        <source>Adds profile &apos;%1&apos; to this session, so New goal can pick it</source>
        <translation>Ajoute le profil « %1 » à cette session pour que « Nouvel objectif » puisse le proposer</translation>
    </message>
    <message>
        <source>Looking for model servers on 127.0.0.1 (ports %1)…</source>
        <translation>Recherche de serveurs de modèles sur 127.0.0.1 (ports %1)…</translation>
    </message>
    <message>
        <source>No local model server found on 127.0.0.1 ports %1. Start Ollama, llama.cpp&apos;s llama-server, LM Studio or vLLM and search again.</source>
        <translation>Aucun serveur de modèles local trouvé sur 127.0.0.1, ports %1. Lancez Ollama, llama-server de llama.cpp, LM Studio ou vLLM puis cherchez à nouveau.</translation>
    </message>
    <message>
        <source>These models run on this computer. A profile you add lasts for this session; to keep it, add it to switchboard.yaml (`switchboard models` prints it).</source>
        <translation>Ces modèles tournent sur cet ordinateur. Un profil ajouté vaut pour cette session ; pour le garder, ajoutez-le à switchboard.yaml (`switchboard models` l’affiche).</translation>
    </message>
    <message>
        <source>Local models</source>
        <translation>Modèles locaux</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>&amp;Chercher à nouveau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>switchboard::LocalModelsOffer</name>
    <message numerus="yes">
        <source>Found %n local model(s): Agents ▸ Local models… makes them profiles</source>
        <translation>
            <numerusform>%n modèle local trouvé : Agents ▸ Modèles locaux… en fait un profil</numerusform>
            <numerusform>%n modèles locaux trouvés : Agents ▸ Modèles locaux… en fait des profils</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Local models…</source>
        <translation>Modèles &amp;locaux…</translation>
    </message>
    <message>
        <source>Models served on this computer (Ollama, llama.cpp, LM Studio, vLLM)</source>
        <translation>Modèles servis par cet ordinateur (Ollama, llama.cpp, LM Studio, vLLM)</translation>
    </message>
</context>
<context>
    <name>switchboard::LockTableModel</name>
    <message>
        <source>nobody yet</source>
        <translation>personne pour l’instant</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting: %1</source>
        <extracomment>Locks table: &quot;2 waiting: coder #3, tester #1&quot;</extracomment>
        <translation>
            <numerusform>%n en attente : %1</numerusform>
            <numerusform>%n en attente : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Other agents wait for this resource; they start when the holder releases it</source>
        <translation>D’autres agents attendent cette ressource ; ils démarrent quand son détenteur la libère</translation>
    </message>
    <message>
        <source>Fencing token: grows with every grant, so a stale holder can be told apart</source>
        <translation>Jeton de fencing : augmente à chaque attribution, pour reconnaître un détenteur périmé</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Détenu par</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Expire dans</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>Waiters</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>switchboard::LocksDock</name>
    <message numerus="yes">
        <source>%n lock(s) held</source>
        <translation>
            <numerusform>%n verrou détenu</numerusform>
            <numerusform>%n verrous détenus</numerusform>
        </translation>
    </message>
    <message>
        <source>No locks held</source>
        <translation>Aucun verrou détenu</translation>
    </message>
    <message numerus="yes">
        <source>%n contended</source>
        <translation>
            <numerusform>%n disputé</numerusform>
            <numerusform>%n disputés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Force release lock</source>
        <translation>Forcer la libération du verrou</translation>
    </message>
    <message>
        <source>Take “%1” away from %2?</source>
        <translation>Retirer « %1 » à %2 ?</translation>
    </message>
    <message>
        <source>The agent is told it lost the lock. Unless it takes the lock again, its attempt fails; other agents waiting for the resource may start at once.</source>
        <translation>L’agent est informé qu’il a perdu le verrou. S’il ne le reprend pas, sa tentative échoue ; d’autres agents qui attendent la ressource peuvent démarrer aussitôt.</translation>
    </message>
    <message>
        <source>Force release</source>
        <translation>Forcer la libération</translation>
    </message>
    <message>
        <source>Keep the lock</source>
        <translation>Garder le verrou</translation>
    </message>
    <message>
        <source>Could not release “%1”: %2</source>
        <translation>Impossible de libérer « %1 » : %2</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>Verrous</translation>
    </message>
    <message>
        <source>&amp;Force release…</source>
        <translation>&amp;Forcer la libération…</translation>
    </message>
    <message>
        <source>Take the selected lock away from the agent holding it</source>
        <translation>Retirer le verrou sélectionné à l’agent qui le détient</translation>
    </message>
</context>
<context>
    <name>switchboard::MainWindow</name>
    <message>
        <source>All agents have finished.</source>
        <translation>Tous les agents ont terminé.</translation>
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
        <translation>« %1 » mis en file</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n agent(s)</source>
        <translation>
            <numerusform>%n agent mis en file</numerusform>
            <numerusform>%n agents mis en file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started plan “%1”: %n agent(s) queued</source>
        <translation>
            <numerusform>Plan « %1 » lancé : %n agent mis en file</numerusform>
            <numerusform>Plan « %1 » lancé : %n agents mis en file</numerusform>
        </translation>
    </message>
    <message>
        <source>About Switchboard</source>
        <translation>À propos de Switchboard</translation>
    </message>
    <message>
        <source>A control panel for running many AI agents in parallel: hand them goals, watch them work, step in when they need you.</source>
        <translation>Un tableau de bord pour faire tourner de nombreux agents IA en parallèle : confiez-leur des objectifs, suivez leur travail, intervenez quand ils ont besoin de vous.</translation>
    </message>
    <message>
        <source>Built with Qt %1.</source>
        <translation>Construit avec Qt %1.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>A&amp;gents</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;New goal…</source>
        <translation>&amp;Nouvel objectif…</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Give one agent a goal (Ctrl+N)</source>
        <translation>Confier un objectif à un agent (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Spawn parallel…</source>
        <translation>Lancer en &amp;parallèle…</translation>
    </message>
    <message>
        <source>Spawn parallel</source>
        <translation>Lancer en parallèle</translation>
    </message>
    <message>
        <source>Start several agents at once (Ctrl+Shift+N)</source>
        <translation>Lancer plusieurs agents à la fois (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>&amp;Run plan…</source>
        <translation>&amp;Exécuter un plan…</translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation>Exécuter un plan</translation>
    </message>
    <message>
        <source>Run a plan file or a template (Ctrl+O)</source>
        <translation>Exécuter un fichier de plan ou un modèle (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the selected agents (Del)</source>
        <translation>Annuler les agents sélectionnés (Suppr)</translation>
    </message>
    <message>
        <source>Cancel &amp;all…</source>
        <translation>Annuler &amp;tout…</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>Tout annuler</translation>
    </message>
    <message>
        <source>Cancel every queued and running agent</source>
        <translation>Annuler tous les agents en file et en cours</translation>
    </message>
    <message>
        <source>C&amp;lean up finished</source>
        <translation>&amp;Nettoyer les terminés</translation>
    </message>
    <message>
        <source>Clean up</source>
        <translation>Nettoyer</translation>
    </message>
    <message>
        <source>Remove completed, failed, cancelled and blocked agents from the board</source>
        <translation>Retirer du tableau les agents terminés, échoués, annulés et bloqués</translation>
    </message>
    <message>
        <source>&amp;Resume dispatch</source>
        <translation>&amp;Reprendre les lancements</translation>
    </message>
    <message>
        <source>&amp;Pause dispatch</source>
        <translation>&amp;Suspendre les lancements</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <source>Let queued agents start again</source>
        <translation>Laisser à nouveau démarrer les agents en file</translation>
    </message>
    <message>
        <source>Start no new agents; running agents go on</source>
        <translation>Ne plus lancer de nouveaux agents ; ceux en cours continuent</translation>
    </message>
    <message>
        <source>Cop&amp;y agent id</source>
        <translation>Co&amp;pier l’identifiant</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>Afficher les &amp;détails</translation>
    </message>
    <message>
        <source>&amp;Find agents</source>
        <translation>&amp;Rechercher des agents</translation>
    </message>
    <message>
        <source>&amp;About Switchboard</source>
        <translation>À &amp;propos de Switchboard</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Barre d’outils</translation>
    </message>
    <message>
        <source>&amp;Toolbar</source>
        <translation>&amp;Barre d’outils</translation>
    </message>
    <message>
        <source>&amp;Max parallel:</source>
        <translation>&amp;Max. en parallèle :</translation>
    </message>
    <message>
        <source>How many agents may run at the same time; takes effect at once</source>
        <translation>Nombre d’agents pouvant tourner en même temps ; s’applique aussitôt</translation>
    </message>
    <message>
        <source>Agent details</source>
        <translation>Détails de l’agent</translation>
    </message>
    <message>
        <source>Agent &amp;details</source>
        <translation>&amp;Détails de l’agent</translation>
    </message>
    <message>
        <source>&amp;Compact cards</source>
        <translation>Cartes &amp;compactes</translation>
    </message>
    <message>
        <source>Smaller cards showing state, goal and progress, so more agents fit (Ctrl+Shift+M)</source>
        <translation>Cartes plus petites montrant état, objectif et progression, pour voir plus d’agents (Ctrl+Maj+M)</translation>
    </message>
    <message>
        <source>&amp;Inbox</source>
        <translation>Boîte de récep&amp;tion</translation>
    </message>
    <message>
        <source>%1 needs your input</source>
        <translation>%1 a besoin de vous</translation>
    </message>
    <message numerus="yes">
        <source>Switchboard (%n waiting)</source>
        <extracomment>Window title while agents wait for answers; %1 is the plan</extracomment>
        <translation>
            <numerusform>Switchboard (%n en attente)</numerusform>
            <numerusform>Switchboard (%n en attente)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switchboard — %1 (%n waiting)</source>
        <translation>
            <numerusform>Switchboard — %1 (%n en attente)</numerusform>
            <numerusform>Switchboard — %1 (%n en attente)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Locks</source>
        <translation>&amp;Verrous</translation>
    </message>
    <message numerus="yes">
        <source>Queued %n agent(s) from the history</source>
        <translation>
            <numerusform>%n agent mis en file depuis l’historique</numerusform>
            <numerusform>%n agents mis en file depuis l’historique</numerusform>
        </translation>
    </message>
    <message>
        <source>Storage failed: dispatch is paused</source>
        <translation>Échec du stockage : les lancements sont suspendus</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <source>Past runs and their goals: search, re-run, export (Ctrl+H)</source>
        <translation>Exécutions passées et leurs objectifs : recherche, relance, export (Ctrl+H)</translation>
    </message>
    <message>
        <source>No database is open, so nothing is recorded</source>
        <translation>Aucune base de données n’est ouverte : rien n’est enregistré</translation>
    </message>
    <message>
        <source>&amp;Resume interrupted</source>
        <translation>Reprendre les &amp;interrompus</translation>
    </message>
    <message>
        <source>Start the selected interrupted agents again: a new attempt from the beginning (Ctrl+R)</source>
        <translation>Relancer les agents interrompus sélectionnés : une nouvelle tentative depuis le début (Ctrl+R)</translation>
    </message>
    <message>
        <source>Resume &amp;all interrupted</source>
        <translation>Reprendre t&amp;ous les interrompus</translation>
    </message>
    <message>
        <source>Start every interrupted agent again, each with a new attempt</source>
        <translation>Relancer chaque agent interrompu, avec une nouvelle tentative pour chacun</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Métriques</translation>
    </message>
    <message>
        <source>&amp;Scratchpad</source>
        <translation>Bloc-&amp;notes</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln goal(s) of the unfinished run</source>
        <translation>
            <numerusform>%Ln objectif de l’exécution inachevée restauré</numerusform>
            <numerusform>%Ln objectifs de l’exécution inachevée restaurés</numerusform>
        </translation>
    </message>
    <message>
        <source>Available once the unfinished run is back on the board</source>
        <translation>Disponible dès que l’exécution inachevée est de retour sur le tableau</translation>
    </message>
    <message>
        <source>Restoring the unfinished run…</source>
        <translation>Restauration de l’exécution inachevée…</translation>
    </message>
    <message>
        <source>Reading “%1” from the database. New goals can be added once it is on the board.</source>
        <translation>Lecture de « %1 » depuis la base de données. De nouveaux objectifs pourront être ajoutés dès qu’elle sera sur le tableau.</translation>
    </message>
    <message numerus="yes">
        <source>Reading %Ln goal(s) of “%1” from the database. New goals can be added once they are on the board.</source>
        <translation>
            <numerusform>Lecture de %Ln objectif de « %1 » depuis la base de données. De nouveaux objectifs pourront être ajoutés dès qu’il sera sur le tableau.</numerusform>
            <numerusform>Lecture de %Ln objectifs de « %1 » depuis la base de données. De nouveaux objectifs pourront être ajoutés dès qu’ils seront sur le tableau.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan with &amp;AI…</source>
        <translation>Planifier avec l’&amp;IA…</translation>
    </message>
    <message>
        <source>Plan with AI</source>
        <translation>Planifier avec l’IA</translation>
    </message>
    <message>
        <source>Let an LLM profile break an objective into goals to check and run (Ctrl+Shift+O)</source>
        <translation>Un profil LLM découpe un but en objectifs à vérifier et exécuter (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Resume &amp;now (rate limit)</source>
        <translation>Reprendre &amp;maintenant (limite de débit)</translation>
    </message>
    <message>
        <source>End the rate-limit pause of the selected agents&apos; profiles now: their agents may start again</source>
        <translation>Mettre fin maintenant à la pause de limite de débit des profils des agents sélectionnés : leurs agents peuvent redémarrer</translation>
    </message>
    <message>
        <source>All agents have finished; 1 goal waits for your review.</source>
        <translation>Tous les agents ont terminé ; 1 objectif attend votre revue.</translation>
    </message>
    <message>
        <source>All agents have finished; %1 goals wait for your review.</source>
        <translation>Tous les agents ont terminé ; %1 objectifs attendent votre revue.</translation>
    </message>
    <message>
        <source>Hide the team&apos;s members	−</source>
        <translation>Masquer les membres de l’équipe	−</translation>
    </message>
    <message>
        <source>Show the team&apos;s members	+</source>
        <translation>Afficher les membres de l’équipe	+</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Afficher la fenêtre</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Switchboard: %1, %2</source>
        <translation>Switchboard : %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) waiting</source>
        <translation>
            <numerusform>%n question en attente</numerusform>
            <numerusform>%n questions en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) running</source>
        <translation>
            <numerusform>%n agent en cours</numerusform>
            <numerusform>%n agents en cours</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>N&amp;otifications</translation>
    </message>
    <message>
        <source>&amp;Cancel selected…</source>
        <translation>&amp;Annuler la sélection…</translation>
    </message>
    <message>
        <source>A&amp;nswer question</source>
        <translation>&amp;Répondre à la question</translation>
    </message>
    <message>
        <source>Open the selected agent&apos;s question in the inbox, ready to answer (Ctrl+Return)</source>
        <translation>Ouvrir la question de l’agent sélectionné dans la boîte de réception, prête pour la réponse (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every action that has a shortcut (F1)</source>
        <translation>Toutes les actions qui ont un raccourci (F1)</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Paramètres enregistrés</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Agent profiles, workflow defaults, notifications, language and theme (Ctrl+,)</source>
        <translation>Profils d’agents, valeurs par défaut du flux de travail, notifications, langue et thème (Ctrl+,)</translation>
    </message>
    <message>
        <source>Ending leftover jobs…</source>
        <translation>Arrêt des tâches restantes…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) of the last session may still run on a cluster or an SSH host. “%1” comes back once they are ended, so none of its goals runs twice.</source>
        <translation>
            <numerusform>%Ln tâche de la dernière session tourne peut-être encore sur un cluster ou un hôte SSH. « %1 » revient une fois qu’elle est arrêtée, pour qu’aucun de ses objectifs ne s’exécute deux fois.</numerusform>
            <numerusform>%Ln tâches de la dernière session tournent peut-être encore sur un cluster ou un hôte SSH. « %1 » revient une fois qu’elles sont arrêtées, pour qu’aucun de ses objectifs ne s’exécute deux fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>Vérification de la base de données…</translation>
    </message>
    <message>
        <source>Switchboard makes sure %1 (%2) is intact before using it. New goals can be added once the check has passed.</source>
        <extracomment>%1 is the database file&apos;s name, %2 its size (&quot;570 MB&quot;)</extracomment>
        <translation>Switchboard vérifie que %1 (%2) est intacte avant de l’utiliser. De nouveaux objectifs pourront être ajoutés une fois la vérification réussie.</translation>
    </message>
    <message numerus="yes">
        <source>Putting %Ln goal(s) of “%1” on the board.</source>
        <translation>
            <numerusform>Mise au tableau de %Ln objectif de « %1 ».</numerusform>
            <numerusform>Mise au tableau de %Ln objectifs de « %1 ».</numerusform>
        </translation>
    </message>
    <message>
        <source>Available once the database has been checked</source>
        <translation>Disponible une fois la base de données vérifiée</translation>
    </message>
</context>
<context>
    <name>switchboard::MetricTile</name>
    <message>
        <source>Missed target</source>
        <extracomment>Marker on a metric that is worse than its target (a warning)</extracomment>
        <translation>Cible manquée</translation>
    </message>
    <message>
        <source>Alert</source>
        <extracomment>Marker on a metric past its alert threshold</extracomment>
        <translation>Alerte</translation>
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
        <translation>Dans la cible</translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation>Cible manquée</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>target below %1, alert above %2</source>
        <translation>cible sous %1, alerte au-dessus de %2</translation>
    </message>
    <message>
        <source>target below %1 min, alert above %2 min</source>
        <translation>cible sous %1 min, alerte au-dessus de %2 min</translation>
    </message>
    <message>
        <source>target above %1, alert below %2</source>
        <translation>cible au-dessus de %1, alerte sous %2</translation>
    </message>
    <message numerus="yes">
        <source>of %n goal(s)</source>
        <translation>
            <numerusform>sur %n objectif</numerusform>
            <numerusform>sur %n objectifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slot(s)</source>
        <translation>
            <numerusform>%n place</numerusform>
            <numerusform>%n places</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n échoué</numerusform>
            <numerusform>%n échoués</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n finished</source>
        <translation>
            <numerusform>%1 sur %n terminé</numerusform>
            <numerusform>%1 sur %n terminés</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing finished yet</source>
        <translation>Rien de terminé pour l’instant</translation>
    </message>
    <message>
        <source>busy %1</source>
        <extracomment>Context of the utilisation tile: total time agents were busy</extracomment>
        <translation>activité %1</translation>
    </message>
    <message>
        <source>runs %1 · p95 %2</source>
        <translation>durée moy. %1 · p95 %2</translation>
    </message>
    <message>
        <source>Nothing completed yet</source>
        <translation>Aucun objectif terminé pour l’instant</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n request(s)</source>
        <translation>
            <numerusform>%1 sur %n demande</numerusform>
            <numerusform>%1 sur %n demandes</numerusform>
        </translation>
    </message>
    <message>
        <source>No lock requested yet</source>
        <translation>Aucun verrou demandé pour l’instant</translation>
    </message>
    <message>
        <source>%1 per goal</source>
        <translation>%1 par objectif</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alerte</numerusform>
            <numerusform>%n alertes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missed target(s)</source>
        <translation>
            <numerusform>%n cible manquée</numerusform>
            <numerusform>%n cibles manquées</numerusform>
        </translation>
    </message>
    <message>
        <source>All measured metrics on target</source>
        <translation>Toutes les métriques mesurées sont dans la cible</translation>
    </message>
    <message>
        <source>Not enough data for the targets yet</source>
        <translation>Pas encore assez de données pour les cibles</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>The run in the metrics dock: name (id)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Run %1 · updated %2</source>
        <extracomment>The metrics dock&apos;s source and time: &quot;Run session (r-3) · updated 14:02:11&quot;</extracomment>
        <translation>Exécution %1 · mise à jour à %2</translation>
    </message>
    <message>
        <source>Metrics need the database</source>
        <translation>Les métriques nécessitent la base de données</translation>
    </message>
    <message>
        <source>Switchboard is running without its database, so nothing is recorded to measure. Start it with a database it can write to (--db PATH) to see how the agents are doing.</source>
        <translation>Switchboard tourne sans sa base de données : rien n’est enregistré, donc rien ne peut être mesuré. Lancez-le avec une base de données accessible en écriture (--db PATH) pour voir où en sont les agents.</translation>
    </message>
    <message>
        <source>No run yet</source>
        <translation>Aucune exécution pour l’instant</translation>
    </message>
    <message>
        <source>Start a goal or a plan: how its agents are doing — progress, success rate, utilisation, cost — shows here while they work.</source>
        <translation>Lancez un objectif ou un plan : l’activité de ses agents — progression, taux de réussite, utilisation, coût — s’affiche ici pendant qu’ils travaillent.</translation>
    </message>
    <message>
        <source>Loading metrics…</source>
        <translation>Chargement des métriques…</translation>
    </message>
    <message>
        <source>Reading the run from the database.</source>
        <translation>Lecture de l’exécution dans la base de données.</translation>
    </message>
    <message>
        <source>The metrics cannot be read</source>
        <translation>Les métriques ne peuvent pas être lues</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Métriques</translation>
    </message>
    <message>
        <source>Per profile</source>
        <translation>Par profil</translation>
    </message>
    <message>
        <source>Goals in progress</source>
        <translation>Objectifs en cours</translation>
    </message>
    <message>
        <source>Agents running, waiting for a lock or for an answer, or paused</source>
        <translation>Agents en cours, en attente d’un verrou ou d’une réponse, ou en pause</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Goals completed in this run</source>
        <translation>Objectifs terminés dans cette exécution</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Taux de réussite</translation>
    </message>
    <message>
        <source>Completed goals out of completed and failed ones</source>
        <translation>Objectifs terminés parmi les objectifs terminés ou échoués</translation>
    </message>
    <message>
        <source>Agent utilisation</source>
        <translation>Utilisation des agents</translation>
    </message>
    <message>
        <source>Time agents spent running, out of the run slots (max parallel) times the run&apos;s wall time</source>
        <translation>Temps passé en cours par les agents, rapporté aux places de l’exécution (max. en parallèle) multipliées par sa durée réelle</translation>
    </message>
    <message>
        <source>Average completion</source>
        <translation>Délai moyen d’achèvement</translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included; below it the average and p95 run time of a successful attempt</source>
        <translation>De la mise en file à l’achèvement, attentes et nouvelles tentatives comprises ; en dessous, la durée moyenne et le p95 d’une tentative réussie</translation>
    </message>
    <message>
        <source>Escalation rate</source>
        <translation>Taux d’escalade</translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation>Objectifs dont l’agent a sollicité un humain au moins une fois</translation>
    </message>
    <message>
        <source>Lock conflicts</source>
        <translation>Conflits de verrous</translation>
    </message>
    <message>
        <source>Lock requests that were refused or had to wait, out of all lock requests</source>
        <translation>Demandes de verrou refusées ou mises en attente, parmi toutes les demandes de verrou</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>What every attempt cost, in total and per goal assigned</source>
        <translation>Coût de toutes les tentatives, au total et par objectif attribué</translation>
    </message>
    <message>
        <source>Nothing to measure yet (%1).</source>
        <translation>Rien à mesurer pour l’instant (%1).</translation>
    </message>
</context>
<context>
    <name>switchboard::NewGoalDialog</name>
    <message>
        <source>Can: %1</source>
        <translation>Sait : %1</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>The deadline is in the past</source>
        <translation>L’échéance est dans le passé</translation>
    </message>
    <message>
        <source>The goal could not be queued.</source>
        <translation>L’objectif n’a pas pu être mis en file.</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Goal &amp;ID</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Context, constraints, pointers to files…</source>
        <translation>Contexte, contraintes, fichiers utiles…</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>Dead&amp;line</source>
        <translation>Éc&amp;héance</translation>
    </message>
    <message>
        <source>&amp;Success criteria</source>
        <translation>Critères de &amp;réussite</translation>
    </message>
    <message>
        <source>How will you know the goal is met? One criterion per entry.</source>
        <translation>Comment saurez-vous que l’objectif est atteint ? Un critère par entrée.</translation>
    </message>
    <message>
        <source>P&amp;rofile</source>
        <translation>Pro&amp;fil</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Tout profil adapté</translation>
    </message>
    <message>
        <source>Required &amp;capabilities</source>
        <translation>&amp;Compétences requises</translation>
    </message>
    <message>
        <source>With any matching profile, the goal goes to a profile that has all the checked capabilities</source>
        <translation>Avec « Tout profil adapté », l’objectif va à un profil qui possède toutes les compétences cochées</translation>
    </message>
    <message>
        <source>Depends &amp;on</source>
        <translation>Dépend d&amp;e</translation>
    </message>
    <message>
        <source>Filter existing goals…</source>
        <translation>Filtrer les objectifs existants…</translation>
    </message>
    <message>
        <source>No existing goals yet</source>
        <translation>Aucun objectif existant pour l’instant</translation>
    </message>
    <message>
        <source>The goal starts only after the checked goals have completed</source>
        <translation>L’objectif ne démarre qu’une fois les objectifs cochés terminés</translation>
    </message>
    <message>
        <source>R&amp;esources</source>
        <translation>Re&amp;ssources</translation>
    </message>
    <message>
        <source>Files or other resources it needs exclusively, one per line</source>
        <translation>Fichiers ou autres ressources qu’il lui faut en exclusivité, un par ligne</translation>
    </message>
    <message>
        <source>&amp;Spawn agent</source>
        <translation>&amp;Lancer l’agent</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation>Saisissez un titre ou une description</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>What should the agent achieve? (default: the description&apos;s first line)</source>
        <translation>Que doit accomplir l’agent ? (par défaut : la première ligne de la description)</translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation>Le titre est trop long : %1 caractères, %2 au plus</translation>
    </message>
    <message>
        <source>Other goals refer to this goal by its ID. Leave empty to have one made up. An ID has at most %1 characters: letters, digits and - _ . : @ +</source>
        <translation>Les autres objectifs désignent cet objectif par son identifiant. Laissez vide pour en obtenir un automatiquement. Un identifiant a au plus %1 caractères : lettres, chiffres et - _ . : @ +</translation>
    </message>
    <message>
        <source>Runs w&amp;hen</source>
        <translation>S’e&amp;xécute si</translation>
    </message>
    <message>
        <source>A team&apos;s members run where their profiles say</source>
        <translation>Les membres d’une équipe s’exécutent là où leurs profils l’indiquent</translation>
    </message>
    <message>
        <source>Profile “%1” (%2) runs inside Switchboard, not as a program</source>
        <translation>Le profil « %1 » (%2) s’exécute dans Switchboard, pas comme un programme</translation>
    </message>
</context>
<context>
    <name>switchboard::NotificationsPage</name>
    <message>
        <source>Tell me on the desktop when, while Switchboard is in the background:</source>
        <translation>M’avertir sur le bureau, pendant que Switchboard est en arrière-plan, quand :</translation>
    </message>
    <message>
        <source>Desktop notifications are not available in this window.</source>
        <translation>Les notifications de bureau ne sont pas disponibles dans cette fenêtre.</translation>
    </message>
    <message>
        <source>Notifications make no sound: Switchboard plays none. The same switches are in View ▸ Notifications.</source>
        <translation>Les notifications sont silencieuses : Switchboard ne joue aucun son. Les mêmes options se trouvent dans Affichage ▸ Notifications.</translation>
    </message>
</context>
<context>
    <name>switchboard::PlanGoalsModel</name>
    <message>
        <source>New goal</source>
        <translation>Nouvel objectif</translation>
    </message>
    <message>
        <source>Ids of the goals that must finish first, separated by commas</source>
        <translation>Identifiants des objectifs à terminer d’abord, séparés par des virgules</translation>
    </message>
    <message>
        <source>What the goal needs from its agent, separated by commas</source>
        <translation>Ce dont l’objectif a besoin de son agent, séparé par des virgules</translation>
    </message>
    <message>
        <source>The profile the goal must run on; empty: any profile with the capabilities</source>
        <translation>Le profil sur lequel l’objectif doit s’exécuter ; vide : tout profil ayant les capacités</translation>
    </message>
    <message>
        <source>When the goal is done: one criterion per line</source>
        <translation>Quand l’objectif est atteint : un critère par ligne</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Success criteria</source>
        <translation>Critères de réussite</translation>
    </message>
</context>
<context>
    <name>switchboard::ProfileEditor</name>
    <message>
        <source>Could not list the models: %1</source>
        <translation>Impossible de lister les modèles : %1</translation>
    </message>
    <message>
        <source>Connected. The server lists no models.</source>
        <translation>Connecté. Le serveur ne liste aucun modèle.</translation>
    </message>
    <message>
        <source>Connected. Models on the server (%1): %2</source>
        <translation>Connecté. Modèles sur le serveur (%1) : %2</translation>
    </message>
    <message>
        <source>retry.backoff_s: expected seconds separated by commas (e.g. 60, 300, 900), got “%1”</source>
        <translation>retry.backoff_s : secondes séparées par des virgules attendues (p. ex. 60, 300, 900), reçu « %1 »</translation>
    </message>
    <message>
        <source>Demo (offline, no model)</source>
        <translation>Démo (hors ligne, sans modèle)</translation>
    </message>
    <message>
        <source>Process (JSON lines over stdio)</source>
        <translation>Processus (lignes JSON via stdio)</translation>
    </message>
    <message>
        <source>OpenAI-compatible API</source>
        <translation>API compatible OpenAI</translation>
    </message>
    <message>
        <source>Anthropic API</source>
        <translation>API Anthropic</translation>
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
        <translation>Agent via l’Agent Client Protocol</translation>
    </message>
    <message>
        <source>name: give the profile a name</source>
        <translation>name : donnez un nom au profil</translation>
    </message>
    <message>
        <source>name: another profile is already called “%1”</source>
        <translation>name : un autre profil s’appelle déjà « %1 »</translation>
    </message>
    <message>
        <source>Connecting to the backend&apos;s default URL…</source>
        <translation>Connexion à l’URL par défaut du backend…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Limits and retries</source>
        <translation>Limites et nouvelles tentatives</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Backend:</source>
        <translation>&amp;Backend :</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modèle :</translation>
    </message>
    <message>
        <source>C&amp;apabilities:</source>
        <translation>&amp;Compétences :</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>&amp;URL de base :</translation>
    </message>
    <message>
        <source>API key &amp;variable:</source>
        <translation>&amp;Variable de clé API :</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>Clé &amp;API :</translation>
    </message>
    <message>
        <source>Co&amp;mmand (optional):</source>
        <translation>C&amp;ommande (facultative) :</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>C&amp;ommande :</translation>
    </message>
    <message>
        <source>Extra ar&amp;guments:</source>
        <translation>Arguments su&amp;pplémentaires :</translation>
    </message>
    <message>
        <source>&amp;Working folder:</source>
        <translation>Dossie&amp;r de travail :</translation>
    </message>
    <message>
        <source>Max &amp;at once:</source>
        <translation>Ma&amp;x. simultanés :</translation>
    </message>
    <message>
        <source>&amp;Time limit per attempt:</source>
        <translation>&amp;Limite de temps par tentative :</translation>
    </message>
    <message>
        <source>&amp;Silence limit:</source>
        <translation>Limite de s&amp;ilence :</translation>
    </message>
    <message>
        <source>Connect time&amp;out:</source>
        <translation>&amp;Délai de connexion :</translation>
    </message>
    <message>
        <source>Stream silence l&amp;imit:</source>
        <translation>Limite de silence du &amp;flux :</translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation>Nouv&amp;elles tentatives :</translation>
    </message>
    <message>
        <source>Retry &amp;after (s):</source>
        <translation>Réessa&amp;yer après (s) :</translation>
    </message>
    <message>
        <source>&amp;Jitter:</source>
        <translation>&amp;Gigue :</translation>
    </message>
    <message>
        <source>e.g. coder</source>
        <translation>p. ex. coder</translation>
    </message>
    <message>
        <source>e.g. gpt-4o or llama3.2</source>
        <translation>p. ex. gpt-4o ou llama3.2</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>e.g. code, test, docs</source>
        <translation>p. ex. code, test, docs</translation>
    </message>
    <message>
        <source>What goals this profile can take, separated by commas</source>
        <translation>Les objectifs que ce profil peut prendre en charge, séparés par des virgules</translation>
    </message>
    <message>
        <source>default: https://api.anthropic.com/v1</source>
        <translation>par défaut : https://api.anthropic.com/v1</translation>
    </message>
    <message>
        <source>default: OPENAI_BASE_URL, else api.openai.com</source>
        <translation>par défaut : OPENAI_BASE_URL, sinon api.openai.com</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut : %1</translation>
    </message>
    <message>
        <source>The NAME of the environment variable that holds the key; when it is set, it wins over the keychain</source>
        <translation>Le NOM de la variable d’environnement qui contient la clé ; si elle est définie, elle l’emporte sur le trousseau</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Ask the server for its models, with this profile&apos;s URL and key</source>
        <translation>Demander au serveur ses modèles, avec l’URL et la clé de ce profil</translation>
    </message>
    <message>
        <source>default: the CLI found on PATH</source>
        <translation>par défaut : la CLI trouvée dans le PATH</translation>
    </message>
    <message>
        <source>e.g. python3 agents/coder.py {goal.id}</source>
        <translation>p. ex. python3 agents/coder.py {goal.id}</translation>
    </message>
    <message>
        <source>added to the CLI&apos;s own arguments</source>
        <translation>ajoutés aux arguments propres de la CLI</translation>
    </message>
    <message>
        <source>default: the workspace</source>
        <translation>par défaut : l’espace de travail</translation>
    </message>
    <message>
        <source>only the run&apos;s limit</source>
        <translation>limite de l’exécution uniquement</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <source>No output or heartbeat for this long means the agent hangs</source>
        <translation>Sans sortie ni signal de vie pendant cette durée, l’agent est considéré comme bloqué</translation>
    </message>
    <message>
        <source>never retry</source>
        <translation>ne jamais réessayer</translation>
    </message>
    <message>
        <source>e.g. 60, 300, 900 (the last repeats)</source>
        <translation>p. ex. 60, 300, 900 (la dernière valeur se répète)</translation>
    </message>
    <message>
        <source>Each wait varies at random by up to this fraction</source>
        <translation>Chaque attente varie aléatoirement jusqu’à cette fraction</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>S’exécute sur</translation>
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
        <translation>%1 k</translation>
    </message>
    <message>
        <source>%1M</source>
        <extracomment>Millions, e.g. &quot;1.2M&quot;</extracomment>
        <translation>%1 M</translation>
    </message>
    <message>
        <source>All profiles</source>
        <translation>Tous les profils</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(aucun profil)</translation>
    </message>
    <message>
        <source>%1 (%2 per goal)</source>
        <translation>%1 (%2 par objectif)</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>Missed target</source>
        <translation>Cible manquée</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>Dans la cible</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Tooltip of a table cell with a threshold: &quot;Alert: Escalation rate: 45 % (target &lt; 20 %, ...)&quot;</extracomment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Every agent of the run, whatever its profile</source>
        <translation>Tous les agents de l’exécution, quel que soit leur profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminés</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoués</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Réussite</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Tentatives</translation>
    </message>
    <message>
        <source>Avg time</source>
        <translation>Durée moy.</translation>
    </message>
    <message>
        <source>p95 time</source>
        <translation>Durée p95</translation>
    </message>
    <message>
        <source>Avg completion</source>
        <translation>Achèvement moy.</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Jetons</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <source>Cost/goal</source>
        <translation>Coût/objectif</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escaladés</translation>
    </message>
    <message>
        <source>Goals assigned to an agent of this profile (started at least once)</source>
        <translation>Objectifs attribués à un agent de ce profil (démarrés au moins une fois)</translation>
    </message>
    <message>
        <source>Goals completed</source>
        <translation>Objectifs terminés</translation>
    </message>
    <message>
        <source>Goals that failed for good</source>
        <translation>Objectifs définitivement échoués</translation>
    </message>
    <message>
        <source>Completed out of completed and failed</source>
        <translation>Terminés parmi les terminés et échoués</translation>
    </message>
    <message>
        <source>Attempts in total (retries and resumes count), and per goal</source>
        <translation>Tentatives au total (nouvelles tentatives et reprises comprises), et par objectif</translation>
    </message>
    <message>
        <source>Average run time of a successful attempt</source>
        <translation>Durée moyenne d’une tentative réussie</translation>
    </message>
    <message>
        <source>95 % of successful attempts ran at most this long</source>
        <translation>95 % des tentatives réussies n’ont pas duré plus longtemps</translation>
    </message>
    <message>
        <source>From queued to completed, waiting and retries included</source>
        <translation>De la mise en file à l’achèvement, attentes et nouvelles tentatives comprises</translation>
    </message>
    <message>
        <source>Input and output tokens</source>
        <translation>Jetons en entrée et en sortie</translation>
    </message>
    <message>
        <source>Cost of every attempt</source>
        <translation>Coût de toutes les tentatives</translation>
    </message>
    <message>
        <source>Cost divided by the goals assigned</source>
        <translation>Coût divisé par le nombre d’objectifs attribués</translation>
    </message>
    <message>
        <source>Goals whose agent asked a human at least once</source>
        <translation>Objectifs dont l’agent a sollicité un humain au moins une fois</translation>
    </message>
</context>
<context>
    <name>switchboard::ProfilesPage</name>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 on %2 at %3</source>
        <translation>%1 sur %2 à %3</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 à %3</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Adds profile “%1” to the list; it is saved with OK or Apply</source>
        <translation>Ajoute le profil « %1 » à la liste ; il est enregistré avec OK ou Appliquer</translation>
    </message>
    <message>
        <source>Looking for model servers and coding-agent CLIs on this computer…</source>
        <translation>Recherche de serveurs de modèles et de CLI d’agents de code sur cet ordinateur…</translation>
    </message>
    <message>
        <source>Nothing found: no model server answered on 127.0.0.1%1, and no coding-agent CLI (Claude Code, Codex, Gemini, Aider, goose, opencode) is on PATH.</source>
        <translation>Rien trouvé : aucun serveur de modèles n’a répondu sur 127.0.0.1%1, et aucune CLI d’agent de code (Claude Code, Codex, Gemini, Aider, goose, opencode) n’est dans le PATH.</translation>
    </message>
    <message>
        <source>Ready profiles for what runs here; add one and adjust it above.</source>
        <translation>Des profils prêts pour ce qui tourne ici ; ajoutez-en un et ajustez-le ci-dessus.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <source>A new profile for the backend you pick</source>
        <translation>Un nouveau profil pour le backend choisi</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Dupli&amp;quer</translation>
    </message>
    <message>
        <source>A copy of the selected profile under a new name</source>
        <translation>Une copie du profil sélectionné sous un nouveau nom</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected profile from the config</source>
        <translation>Supprimer le profil sélectionné de la configuration</translation>
    </message>
    <message>
        <source>No agent profiles yet. Add one, or add what was found on this computer below.</source>
        <translation>Aucun profil d’agent pour l’instant. Ajoutez-en un, ou ajoutez ci-dessous ce qui a été trouvé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Found on this computer</source>
        <translation>Trouvé sur cet ordinateur</translation>
    </message>
    <message>
        <source>&amp;Search again</source>
        <translation>C&amp;hercher à nouveau</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvé</translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewHub</name>
    <message>
        <source>Review (%1)</source>
        <extracomment>Toolbar button; %1 is the number of goals waiting for review</extracomment>
        <translation>Revue (%1)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s) wait for review of their changes</source>
        <translation>
            <numerusform>%n objectif attend la revue de ses modifications</numerusform>
            <numerusform>%n objectifs attendent la revue de leurs modifications</numerusform>
        </translation>
    </message>
    <message>
        <source>No goal works in a git worktree</source>
        <translation>Aucun objectif ne travaille dans un worktree git</translation>
    </message>
    <message>
        <source>Clean up &amp;worktrees…</source>
        <translation>Nettoyer les &amp;worktrees…</translation>
    </message>
    <message>
        <source>Remove git worktrees left behind by goals that no longer exist</source>
        <translation>Supprimer les worktrees git laissés par des objectifs qui n’existent plus</translation>
    </message>
</context>
<context>
    <name>switchboard::ReviewPane</name>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>Renamed</source>
        <translation>Renommé</translation>
    </message>
    <message>
        <source>Untracked (new, not committed)</source>
        <translation>Non suivi (nouveau, non commité)</translation>
    </message>
    <message>
        <source>Reading the changes of %1…</source>
        <translation>Lecture des modifications de %1…</translation>
    </message>
    <message>
        <source>This goal has no worktree to review.</source>
        <translation>Cet objectif n’a pas de worktree à relire.</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <extracomment>Review pane, under the title: repository · branch → base branch · worktree folder</extracomment>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source>• %1 (%2, %3): %4</source>
        <translation>• %1 (%2, %3) : %4</translation>
    </message>
    <message>
        <source>⚠ Other goals changed the same files. Merging this one first may make theirs conflict:
%1</source>
        <translation>⚠ D’autres objectifs ont modifié les mêmes fichiers. Fusionner celui-ci d’abord peut mettre les leurs en conflit :
%1</translation>
    </message>
    <message>
        <source>The agent left no summary.</source>
        <translation>L’agent n’a laissé aucun résumé.</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n tour</numerusform>
            <numerusform>%n tours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in · %2 out</source>
        <translation>%1 jetons en entrée · %2 en sortie</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Non communiqué</translation>
    </message>
    <message numerus="yes">
        <source>%n commit(s) ahead of %1</source>
        <translation>
            <numerusform>%n commit d’avance sur %1</numerusform>
            <numerusform>%n commits d’avance sur %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No commits yet</source>
        <translation>Aucun commit pour l’instant</translation>
    </message>
    <message>
        <source>; uncommitted changes in the worktree</source>
        <translation>; modifications non commitées dans le worktree</translation>
    </message>
    <message>
        <source>; nothing uncommitted</source>
        <translation>; rien de non commité</translation>
    </message>
    <message>
        <source>Show this file&apos;s changes; unchecked, the diff folds it to its header line</source>
        <translation>Afficher les modifications de ce fichier ; décoché, le diff le replie sur sa ligne d’en-tête</translation>
    </message>
    <message>
        <source>%1 ← %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binaire</translation>
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
            <numerusform>%n fichier modifié · +%1 −%2</numerusform>
            <numerusform>%n fichiers modifiés · +%1 −%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>Fusionné.</translation>
    </message>
    <message>
        <source>Not merged: %1</source>
        <translation>Non fusionné : %1</translation>
    </message>
    <message>
        <source>
Conflicting files:
%1</source>
        <translation>
Fichiers en conflit :
%1</translation>
    </message>
    <message>
        <source>Not rebased: %1</source>
        <translation>Rebase échoué : %1</translation>
    </message>
    <message>
        <source>
Conflicting files (resolve them in the worktree, or ask the agent with Follow-up):
%1</source>
        <translation>
Fichiers en conflit (résolvez-les dans le worktree, ou demandez-le à l’agent avec Suite) :
%1</translation>
    </message>
    <message>
        <source>Rebased.</source>
        <translation>Rebase effectué.</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>Rejeté.</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>Non rejeté : %1</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Rejeter les modifications ?</translation>
    </message>
    <message>
        <source>Discard the changes of “%1”? The goal is cancelled and this is lost for good:

%2</source>
        <translation>Rejeter les modifications de « %1 » ? L’objectif est annulé et ceci est définitivement perdu :

%2</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>Rejeter définitivement</translation>
    </message>
    <message>
        <source>The follow-up did not start: %1</source>
        <translation>La suite n’a pas démarré : %1</translation>
    </message>
    <message>
        <source>Follow-up goal %1 started in the same worktree.</source>
        <translation>Objectif de suite %1 lancé dans le même worktree.</translation>
    </message>
    <message>
        <source>Could not open %1 in the file manager.</source>
        <translation>Impossible d’ouvrir %1 dans le gestionnaire de fichiers.</translation>
    </message>
    <message>
        <source>Select a goal that is ready for review to see its changes.</source>
        <translation>Sélectionnez un objectif prêt pour la revue pour voir ses modifications.</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <source>Merge the goal&apos;s branch into its base branch and complete the goal</source>
        <translation>Fusionner la branche de l’objectif dans sa branche de base et terminer l’objectif</translation>
    </message>
    <message>
        <source>Re&amp;base</source>
        <translation>Re&amp;baser</translation>
    </message>
    <message>
        <source>Rebase the goal&apos;s branch onto the base branch&apos;s newest commit</source>
        <translation>Rebaser la branche de l’objectif sur le dernier commit de la branche de base</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Rejeter…</translation>
    </message>
    <message>
        <source>Throw the changes away and cancel the goal (asks first when work would be lost)</source>
        <translation>Jeter les modifications et annuler l’objectif (demande d’abord si du travail serait perdu)</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>&amp;Suite…</translation>
    </message>
    <message>
        <source>Ask the same agent session to do more in the same worktree</source>
        <translation>Demander à la même session d’agent d’en faire plus dans le même worktree</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
        <source>Open &amp;terminal</source>
        <translation>Ouvrir un &amp;terminal</translation>
    </message>
    <message>
        <source>Open $TERMINAL (or x-terminal-emulator) in the worktree</source>
        <translation>Ouvrir $TERMINAL (ou x-terminal-emulator) dans le worktree</translation>
    </message>
    <message>
        <source>Rebase and try again</source>
        <translation>Rebaser et réessayer</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Expand all</source>
        <translation>Tout déplier</translation>
    </message>
    <message>
        <source>Fold all</source>
        <translation>Tout replier</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Shown in the diff (untick to fold the file)</source>
        <translation>Affiché dans le diff (décochez pour replier le fichier)</translation>
    </message>
    <message>
        <source>Status: A added, M modified, D deleted, R renamed, ? untracked</source>
        <translation>État : A ajouté, M modifié, D supprimé, R renommé, ? non suivi</translation>
    </message>
    <message>
        <source>Lines added</source>
        <translation>Lignes ajoutées</translation>
    </message>
    <message>
        <source>Lines removed</source>
        <translation>Lignes supprimées</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Disk use</source>
        <translation>Espace disque</translation>
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
        <translation>Objectif %1 · agent %2</translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation>En attente de revue (%1)</translation>
    </message>
    <message>
        <source>Review — Switchboard</source>
        <translation>Revue — Switchboard</translation>
    </message>
</context>
<context>
    <name>switchboard::RunPlanDialog</name>
    <message>
        <source>Open plan</source>
        <translation>Ouvrir un plan</translation>
    </message>
    <message>
        <source>Plan files (*.yaml *.yml);;All files (*)</source>
        <translation>Fichiers de plan (*.yaml *.yml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No plan selected</source>
        <translation>Aucun plan choisi</translation>
    </message>
    <message>
        <source>Pick a template on the left or open a plan file.</source>
        <translation>Choisissez un modèle à gauche ou ouvrez un fichier de plan.</translation>
    </message>
    <message numerus="yes">
        <source>%n goal(s)</source>
        <translation>
            <numerusform>%n objectif</numerusform>
            <numerusform>%n objectifs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message>
        <source>up to %1 agents at once</source>
        <translation>jusqu’à %1 agents à la fois</translation>
    </message>
    <message>
        <source>profiles: %1</source>
        <translation>profils : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message numerus="yes">
        <source>Phase %1 — %n goal(s) in parallel</source>
        <translation>
            <numerusform>Phase %1 — %n objectif</numerusform>
            <numerusform>Phase %1 — %n objectifs en parallèle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <source>The plan has no goals.</source>
        <translation>Le plan ne contient aucun objectif.</translation>
    </message>
    <message>
        <source>The plan could not be started:
%1</source>
        <translation>Le plan n’a pas pu être lancé :
%1</translation>
    </message>
    <message>
        <source>Run plan</source>
        <translation>Exécuter un plan</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>&amp;Open plan file…</source>
        <translation>&amp;Ouvrir un fichier de plan…</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Dépend de</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Avertissements</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Lancer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No templates are built in</source>
        <translation>Aucun modèle intégré</translation>
    </message>
    <message>
        <source>Warning: in parallel mode dependencies are ignored. Every goal may start at once (up to the max parallel cap), before the goals it depends on have finished.</source>
        <translation>Attention : en mode parallèle, les dépendances sont ignorées. Chaque objectif peut démarrer aussitôt (dans la limite du maximum en parallèle), avant la fin des objectifs dont il dépend.</translation>
    </message>
    <message>
        <source>Warning: in parallel mode dependencies are ignored; every goal may start at once.</source>
        <translation>Attention : en mode parallèle, les dépendances sont ignorées ; chaque objectif peut démarrer aussitôt.</translation>
    </message>
    <message>
        <source>E&amp;xecution mode:</source>
        <translation>&amp;Mode d’exécution :</translation>
    </message>
    <message>
        <source>By dependencies</source>
        <translation>Selon les dépendances</translation>
    </message>
    <message>
        <source>Phase by phase</source>
        <translation>Phase par phase</translation>
    </message>
    <message>
        <source>One at a time</source>
        <translation>Un à la fois</translation>
    </message>
    <message>
        <source>All in parallel</source>
        <translation>Tous en parallèle</translation>
    </message>
    <message>
        <source>Pipeline (hand-offs)</source>
        <translation>Pipeline (transmissions)</translation>
    </message>
    <message>
        <source>A goal starts as soon as the goals it depends on are done</source>
        <translation>Un objectif démarre dès que ceux dont il dépend sont terminés</translation>
    </message>
    <message>
        <source>A phase starts only when every goal of the phase before it is done</source>
        <translation>Une phase ne démarre que lorsque tous les objectifs de la phase précédente sont terminés</translation>
    </message>
    <message>
        <source>One goal at a time, in plan order</source>
        <translation>Un objectif à la fois, dans l’ordre du plan</translation>
    </message>
    <message>
        <source>Dependencies are ignored: everything starts, up to the max parallel cap</source>
        <translation>Les dépendances sont ignorées : tout démarre, dans la limite du maximum en parallèle</translation>
    </message>
    <message>
        <source>A goal may start once each goal it depends on has handed its output over</source>
        <translation>Un objectif peut démarrer dès que chaque objectif dont il dépend a transmis sa sortie</translation>
    </message>
</context>
<context>
    <name>switchboard::RunStatusWidget</name>
    <message>
        <source>%1 queued</source>
        <translation>%1 en file</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 terminé(s)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 échoué(s)</translation>
    </message>
    <message>
        <source>%1 blocked</source>
        <translation>%1 bloqué(s)</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 annulé(s)</translation>
    </message>
    <message>
        <source>Pool: %1 busy · %2 free</source>
        <translation>Pool : %1 occupé(s) · %2 libre(s)</translation>
    </message>
    <message>
        <source>Agent slots in use and still free under the current max parallel (%1)</source>
        <translation>Places d’agents occupées et encore libres sous le maximum actuel (%1)</translation>
    </message>
    <message>
        <source>Dispatch paused</source>
        <translation>Lancements suspendus</translation>
    </message>
    <message>
        <source>No new agents start until you resume dispatch; running agents go on</source>
        <translation>Aucun nouvel agent ne démarre tant que vous ne reprenez pas les lancements ; ceux en cours continuent</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for you</source>
        <translation>
            <numerusform>%n vous attend</numerusform>
            <numerusform>%n vous attendent</numerusform>
        </translation>
    </message>
    <message>
        <source>Agents that asked a question and wait for your answer; click to open the inbox</source>
        <translation>Agents qui ont posé une question et attendent votre réponse ; cliquez pour ouvrir la boîte de réception</translation>
    </message>
    <message>
        <source>%1 retrying</source>
        <translation>%1 en nouvelle tentative</translation>
    </message>
    <message>
        <source>Failed attempts waiting out their backoff before the next try</source>
        <translation>Tentatives échouées qui attendent leur délai avant le prochain essai</translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation>limite de débit : %1</translation>
    </message>
    <message>
        <source>No new agents start on these profiles until their rate limit resets</source>
        <translation>Aucun nouvel agent ne démarre sur ces profils avant la réinitialisation de leur limite de débit</translation>
    </message>
    <message>
        <source>%1 waiting for locks</source>
        <translation>%1 attendent des verrous</translation>
    </message>
    <message>
        <source>Agents waiting for a resource another agent holds</source>
        <translation>Agents qui attendent une ressource détenue par un autre agent</translation>
    </message>
    <message>
        <source>%1 in review</source>
        <translation>%1 en revue</translation>
    </message>
    <message>
        <source>Goals that finished in their own worktree and wait for you to merge or discard them</source>
        <translation>Objectifs terminés dans leur propre worktree, qui attendent que vous les fusionniez ou les rejetiez</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>%1 ignoré(s)</translation>
    </message>
    <message>
        <source>Goals whose condition was false, and their dependents: they did not run</source>
        <translation>Objectifs dont la condition était fausse, et ceux qui en dépendent : ils n’ont pas été lancés</translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadDock</name>
    <message>
        <source>Select a note to read all of it.</source>
        <translation>Sélectionnez une note pour la lire en entier.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>%1 — written by %2, %3</source>
        <translation>%1 — écrite par %2, %3</translation>
    </message>
    <message>
        <source>No notes yet. Agents share what they learn here ({&quot;type&quot;:&quot;note&quot;}); you can add a note below.</source>
        <translation>Aucune note pour l’instant. Les agents partagent ici ce qu’ils apprennent ({&quot;type&quot;:&quot;note&quot;}) ; vous pouvez ajouter une note ci-dessous.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) shared by this run&apos;s agents</source>
        <translation>
            <numerusform>%n note partagée par les agents de cette exécution</numerusform>
            <numerusform>%n notes partagées par les agents de cette exécution</numerusform>
        </translation>
    </message>
    <message>
        <source>Scratchpad</source>
        <translation>Bloc-notes</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clé :</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <source>e.g. api-decision</source>
        <translation>p. ex. api-decision</translation>
    </message>
    <message>
        <source>What every agent of this run should know</source>
        <translation>Ce que chaque agent de cette exécution doit savoir</translation>
    </message>
    <message>
        <source>&amp;Save note</source>
        <translation>&amp;Enregistrer la note</translation>
    </message>
    <message>
        <source>Write the note (replacing one with the same key); agents read it with read_notes</source>
        <translation>Écrire la note (en remplaçant celle qui a la même clé) ; les agents la lisent avec read_notes</translation>
    </message>
</context>
<context>
    <name>switchboard::ScratchpadModel</name>
    <message>
        <source>you</source>
        <translation>vous</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrite par</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Date</translation>
    </message>
</context>
<context>
    <name>switchboard::SettingsDialog</name>
    <message>
        <source>A profile has a problem: its field says what</source>
        <translation>Un profil a un problème : le champ concerné indique lequel</translation>
    </message>
    <message>
        <source>Nothing was saved: a profile has a problem, marked under its field.</source>
        <translation>Rien n’a été enregistré : un profil a un problème, signalé sous le champ concerné.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Rien n’a été enregistré : %1</translation>
    </message>
    <message>
        <source>Saved to %1; the previous version is %2.</source>
        <translation>Enregistré dans %1 ; la version précédente est %2.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Agent profiles</source>
        <translation>Profils d’agents</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Flux de travail</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>The built-in defaults are in use: there is no config file to save to.</source>
        <translation>Les valeurs par défaut intégrées sont utilisées : il n’y a aucun fichier de configuration où enregistrer.</translation>
    </message>
    <message>
        <source>Config file: %1</source>
        <translation>Fichier de configuration : %1</translation>
    </message>
</context>
<context>
    <name>switchboard::ShortcutOverviewDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Filtrer par action ou touche</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Raccourcis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>On the board: the arrow keys move between cards, Enter opens the selected card.</source>
        <translation>Sur le tableau : les flèches passent d’une carte à l’autre, Entrée ouvre la carte sélectionnée.</translation>
    </message>
</context>
<context>
    <name>switchboard::ShutdownController</name>
    <message>
        <source>Quit Switchboard</source>
        <translation>Quitter Switchboard</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s) still at work.</source>
        <translation>
            <numerusform>%n agent est encore au travail.</numerusform>
            <numerusform>%n agents sont encore au travail.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled agents are recorded: the next time Switchboard starts, they start again as a new attempt and queued goals go on.</source>
        <translation>Les agents annulés sont enregistrés : au prochain démarrage de Switchboard, ils repartent avec une nouvelle tentative et les objectifs en file se poursuivent.</translation>
    </message>
    <message>
        <source>Without a database nothing of this session is kept: cancelled agents and queued goals are lost.</source>
        <translation>Sans base de données, rien de cette session n’est conservé : les agents annulés et les objectifs en file sont perdus.</translation>
    </message>
    <message>
        <source>Keep running in the tray</source>
        <translation>Continuer dans la zone de notification</translation>
    </message>
    <message>
        <source>This desktop has no system tray to keep Switchboard in.</source>
        <translation>Ce bureau n’a pas de zone de notification où garder Switchboard.</translation>
    </message>
    <message>
        <source>Cancel all and quit</source>
        <translation>Tout annuler et quitter</translation>
    </message>
    <message>
        <source>Wait for them</source>
        <translation>Les attendre</translation>
    </message>
    <message>
        <source>Quit now</source>
        <translation>Quitter maintenant</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Ne plus attendre</translation>
    </message>
    <message numerus="yes">
        <source>Cancelling: %n agent(s) still winding down…</source>
        <translation>
            <numerusform>Annulation : %n agent encore en cours d’arrêt…</numerusform>
            <numerusform>Annulation : %n agents encore en cours d’arrêt…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n agent(s) still at work…</source>
        <translation>
            <numerusform>En attente : %n agent encore au travail…</numerusform>
            <numerusform>En attente : %n agents encore au travail…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>switchboard::SpawnParallelDialog</name>
    <message>
        <source>The clipboard holds no text to paste: copy one goal per line first.</source>
        <translation>Le presse-papiers ne contient pas de texte : copiez d’abord un objectif par ligne.</translation>
    </message>
    <message>
        <source>Check at least one profile</source>
        <translation>Cochez au moins un profil</translation>
    </message>
    <message>
        <source>The goals could not be queued.</source>
        <translation>Les objectifs n’ont pas pu être mis en file.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Spawn %n agent(s)</source>
        <translation>
            <numerusform>&amp;Lancer %n agent</numerusform>
            <numerusform>&amp;Lancer %n agents</numerusform>
        </translation>
    </message>
    <message>
        <source>Spawn agents in parallel</source>
        <translation>Lancer des agents en parallèle</translation>
    </message>
    <message>
        <source>&amp;Different goals</source>
        <translation>Objectifs &amp;différents</translation>
    </message>
    <message>
        <source>Same goal, &amp;several agents</source>
        <translation>Même &amp;objectif, plusieurs agents</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>One goal per row; all of them start together, or none does if one is invalid. Paste lines (Ctrl+V) to add one goal per line; columns may be separated by tabs: title, priority, profile, description.</source>
        <translation>Un objectif par ligne ; tous démarrent ensemble, ou aucun si l’un est invalide. Collez des lignes (Ctrl+V) pour ajouter un objectif par ligne ; les colonnes peuvent être séparées par des tabulations : titre, priorité, profil, description.</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
        <source>&amp;Remove rows</source>
        <translation>&amp;Supprimer les lignes</translation>
    </message>
    <message>
        <source>&amp;Paste lines</source>
        <translation>&amp;Coller des lignes</translation>
    </message>
    <message>
        <source>Any matching profile</source>
        <translation>Tout profil adapté</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <source>The goal every agent gets</source>
        <translation>L’objectif que reçoit chaque agent</translation>
    </message>
    <message>
        <source>D&amp;escription</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorité</translation>
    </message>
    <message>
        <source>Send it to this many &amp;agents:</source>
        <translation>L’envoyer à ce nombre d’&amp;agents :</translation>
    </message>
    <message>
        <source>on profile</source>
        <translation>sur le profil</translation>
    </message>
    <message>
        <source>Send it to one agent on each checked profile, side by side:</source>
        <translation>L’envoyer à un agent de chaque profil coché, côte à côte :</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Enter at least one goal: type a title or a description in the table or paste one goal per line.</source>
        <translation>Saisissez au moins un objectif : tapez un titre ou une description dans le tableau ou collez un objectif par ligne.</translation>
    </message>
    <message>
        <source>Enter a title or a description</source>
        <translation>Saisissez un titre ou une description</translation>
    </message>
    <message>
        <source>The title is too long: %1 characters, at most %2</source>
        <translation>Le titre est trop long : %1 caractères, %2 au plus</translation>
    </message>
</context>
<context>
    <name>switchboard::StartupRestorer</name>
    <message>
        <source>The unfinished run&apos;s own settings no longer load:

%1

It continues with the current configuration.</source>
        <translation>Les réglages propres à l’exécution inachevée ne se chargent plus :

%1

Elle continue avec la configuration actuelle.</translation>
    </message>
    <message>
        <source>Reading the run “%1” from the database failed: %2</source>
        <translation>La lecture de l’exécution « %1 » depuis la base de données a échoué : %2</translation>
    </message>
    <message>
        <source>Restoring the run “%1” failed: %2</source>
        <translation>La restauration de l’exécution « %1 » a échoué : %2</translation>
    </message>
    <message>
        <source>The unfinished run could not be restored.</source>
        <translation>L’exécution inachevée n’a pas pu être restaurée.</translation>
    </message>
    <message>
        <source>%1

Switchboard goes on without it: the board starts empty, and the run stays in the database as it is.</source>
        <translation>%1

Switchboard continue sans elle : le tableau démarre vide, et l’exécution reste telle quelle dans la base de données.</translation>
    </message>
    <message>
        <source>Switchboard</source>
        <translation>Switchboard</translation>
    </message>
    <message>
        <source>The database cannot be used.</source>
        <translation>La base de données ne peut pas être utilisée.</translation>
    </message>
    <message>
        <source>%1

Switchboard goes on without recording this session.</source>
        <translation>%1

Switchboard continue sans enregistrer cette session.</translation>
    </message>
</context>
<context>
    <name>switchboard::StorageBanner</name>
    <message>
        <source>Storage failure</source>
        <translation>Échec du stockage</translation>
    </message>
    <message>
        <source>Switchboard cannot write to its database: dispatch is paused</source>
        <translation>Switchboard ne peut pas écrire dans sa base de données : les lancements sont suspendus</translation>
    </message>
    <message>
        <source>New agents will not start; agents already running go on. Nothing already recorded is lost. Free some disk space or fix the error below, then restart Switchboard.</source>
        <translation>Les nouveaux agents ne démarreront pas ; ceux déjà en cours continuent. Rien de ce qui est déjà enregistré n’est perdu. Libérez de l’espace disque ou corrigez l’erreur ci-dessous, puis redémarrez Switchboard.</translation>
    </message>
    <message>
        <source>The database is damaged: this session is not recorded</source>
        <translation>La base de données est endommagée : cette session n’est pas enregistrée</translation>
    </message>
    <message>
        <source>Switchboard did not open it and changed nothing in it. Agents run, but nothing survives a restart. Recover what can be read (switchboard recover), then restart with the new file (--db).</source>
        <translation>Switchboard ne l’a pas ouverte et n’y a rien modifié. Les agents tournent, mais rien ne survit à un redémarrage. Récupérez ce qui peut être lu (switchboard recover), puis redémarrez avec le nouveau fichier (--db).</translation>
    </message>
</context>
<context>
    <name>switchboard::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add an entry and type it</source>
        <translation>Ajouter une entrée et la saisir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Remove the selected entries</source>
        <translation>Supprimer les entrées sélectionnées</translation>
    </message>
</context>
<context>
    <name>switchboard::TeamDetailSection</name>
    <message>
        <source>(no text)</source>
        <translation>(aucun texte)</translation>
    </message>
    <message>
        <source>Debate transcript</source>
        <translation>Transcription du débat</translation>
    </message>
    <message>
        <source>Round %1 of %2</source>
        <extracomment>Debate transcript heading: &quot;Round 2 of 3&quot;</extracomment>
        <translation>Tour %1 sur %2</translation>
    </message>
    <message>
        <source>speaking…</source>
        <translation>prend la parole…</translation>
    </message>
    <message>
        <source>No statements yet.</source>
        <translation>Pas encore d’interventions.</translation>
    </message>
    <message>
        <source>Conclusion · judge %1</source>
        <extracomment>Debate: the judge&apos;s part, &quot;Conclusion · judge lead&quot;</extracomment>
        <translation>Conclusion · juge %1</translation>
    </message>
    <message>
        <source>judging…</source>
        <translation>délibère…</translation>
    </message>
    <message>
        <source>Supervisor&apos;s plan</source>
        <translation>Plan du superviseur</translation>
    </message>
    <message>
        <source>Synthesis · %1</source>
        <extracomment>Supervisor: one planning call, &quot;Plan 1 of 2 · lead&quot;; the last one writes the synthesis</extracomment>
        <translation>Synthèse · %1</translation>
    </message>
    <message>
        <source>Plan %1 of %2 · %3</source>
        <translation>Plan %1 sur %2 · %3</translation>
    </message>
    <message>
        <source>planning…</source>
        <translation>planifie…</translation>
    </message>
    <message>
        <source>Step %1.%2 · %3</source>
        <extracomment>Supervisor: one step of a plan, &quot;Step 1.2 · writer&quot;</extracomment>
        <translation>Étape %1.%2 · %3</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>Tâche : %1</translation>
    </message>
    <message>
        <source>(no result)</source>
        <translation>(aucun résultat)</translation>
    </message>
    <message>
        <source>working…</source>
        <translation>travaille…</translation>
    </message>
    <message>
        <source>No plan yet.</source>
        <translation>Pas encore de plan.</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>not counted</source>
        <extracomment>Parallel team: a member&apos;s answer that does not count, &quot;writer · Failed · not counted&quot;</extracomment>
        <translation>non comptée</translation>
    </message>
    <message>
        <source>answering…</source>
        <translation>répond…</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>Pas encore de réponses.</translation>
    </message>
</context>
<context>
    <name>switchboard::TeamSection</name>
    <message>
        <source>Members: check at least one profile</source>
        <translation>Membres : cochez au moins un profil</translation>
    </message>
    <message>
        <source>Min successful: at most %1, the number of members checked</source>
        <translation>Minimum de réussites : %1 au plus, le nombre de membres cochés</translation>
    </message>
    <message>
        <source>Participants: check at least two profiles</source>
        <translation>Participants : cochez au moins deux profils</translation>
    </message>
    <message>
        <source>Judge: pick the profile that concludes the debate</source>
        <translation>Juge : choisissez le profil qui conclut le débat</translation>
    </message>
    <message>
        <source>Planner: pick the profile that plans and writes the answer</source>
        <translation>Planificateur : choisissez le profil qui planifie et rédige la réponse</translation>
    </message>
    <message>
        <source>Workers: check at least one profile</source>
        <translation>Exécutants : cochez au moins un profil</translation>
    </message>
    <message>
        <source>Unknown profiles: %1</source>
        <translation>Profils inconnus : %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Équipe : %1</translation>
    </message>
    <message>
        <source>one agent</source>
        <translation>un seul agent</translation>
    </message>
    <message>
        <source>Te&amp;am</source>
        <translation>É&amp;quipe</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>None: one agent</source>
        <translation>Aucun : un seul agent</translation>
    </message>
    <message>
        <source>Parallel: several agents answer, answers collected</source>
        <translation>Parallèle : plusieurs agents répondent, les réponses sont rassemblées</translation>
    </message>
    <message>
        <source>Supervisor: a planner hands steps to workers</source>
        <translation>Superviseur : un planificateur confie des étapes aux exécutants</translation>
    </message>
    <message>
        <source>Debate: rounds of statements, a judge concludes</source>
        <translation>Débat : des tours d’interventions, un juge conclut</translation>
    </message>
    <message>
        <source>Each checked profile gets the same goal; the team completes when enough of them succeed.</source>
        <translation>Chaque profil coché reçoit le même objectif ; l’équipe a terminé quand assez d’entre eux réussissent.</translation>
    </message>
    <message>
        <source>The planner splits the goal into steps for the workers, sees their results, may plan again, and writes the answer.</source>
        <translation>Le planificateur découpe l’objectif en étapes pour les exécutants, voit leurs résultats, peut replanifier, puis rédige la réponse.</translation>
    </message>
    <message>
        <source>Every participant speaks each round, seeing all earlier statements; the judge then concludes.</source>
        <translation>Chaque participant intervient à chaque tour en voyant toutes les interventions précédentes ; le juge conclut ensuite.</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>They speak in this order, every round</source>
        <translation>Ils interviennent dans cet ordre, à chaque tour</translation>
    </message>
    <message>
        <source>One member per checked profile</source>
        <translation>Un membre par profil coché</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planificateur</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Exécutants</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Selective: each step to the worker the planner names</source>
        <translation>Sélectif : chaque étape à l’exécutant désigné par le planificateur</translation>
    </message>
    <message>
        <source>All: every step to every worker</source>
        <translation>Tous : chaque étape à chaque exécutant</translation>
    </message>
    <message>
        <source>Sequential: steps one after another</source>
        <translation>Séquentiel : les étapes l’une après l’autre</translation>
    </message>
    <message>
        <source>Max iterations</source>
        <translation>Itérations max.</translation>
    </message>
    <message>
        <source>How many times the planner may plan (and see results) before it writes the answer</source>
        <translation>Combien de fois le planificateur peut planifier (et voir les résultats) avant de rédiger la réponse</translation>
    </message>
    <message>
        <source>Max workers per step</source>
        <translation>Exécutants max. par étape</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Tours</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Juge</translation>
    </message>
    <message>
        <source>Min successful</source>
        <translation>Minimum de réussites</translation>
    </message>
    <message>
        <source>at least, per iteration</source>
        <translation>au moins, par itération</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>au moins</translation>
    </message>
    <message>
        <source>Unchecked: every member must succeed (a supervisor: one worker per iteration)</source>
        <translation>Décoché : chaque membre doit réussir (superviseur : un exécutant par itération)</translation>
    </message>
    <message>
        <source>Answers as</source>
        <translation>Réponses en</translation>
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
        <translation>Comment les réponses rassemblées sont écrites pour les objectifs qui dépendent de celui-ci</translation>
    </message>
    <message>
        <source>No profiles configured</source>
        <translation>Aucun profil configuré</translation>
    </message>
    <message>
        <source>Pick a profile</source>
        <translation>Choisir un profil</translation>
    </message>
</context>
<context>
    <name>switchboard::TerminalLauncher</name>
    <message>
        <source>No terminal found: set $TERMINAL to your terminal program, or install one that provides x-terminal-emulator.</source>
        <translation>Aucun terminal trouvé : définissez $TERMINAL avec votre programme de terminal, ou installez-en un qui fournit x-terminal-emulator.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist any more.</source>
        <translation>Le dossier %1 n’existe plus.</translation>
    </message>
    <message>
        <source>Could not start %1.</source>
        <translation>Impossible de démarrer %1.</translation>
    </message>
</context>
<context>
    <name>switchboard::TranscriptView</name>
    <message>
        <source>Attempt %1</source>
        <translation>Tentative %1</translation>
    </message>
    <message>
        <source>%1 · started %2</source>
        <translation>%1 · commencée à %2</translation>
    </message>
    <message>
        <source>▴ Show less</source>
        <translation>▴ Afficher moins</translation>
    </message>
    <message numerus="yes">
        <source>▸ Show all %n line(s)</source>
        <translation>
            <numerusform>▸ Afficher %n ligne</numerusform>
            <numerusform>▸ Afficher les %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>(unnamed tool)</source>
        <translation>(outil sans nom)</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>en cours…</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>Pas encore de résultat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>Prompt système</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Tool call</source>
        <translation>Appel d’outil</translation>
    </message>
    <message>
        <source>Tool error</source>
        <translation>Erreur d’outil</translation>
    </message>
    <message>
        <source>Tool result</source>
        <translation>Résultat d’outil</translation>
    </message>
    <message>
        <source>%1 in · %2 out</source>
        <translation>%1 entrée · %2 sortie</translation>
    </message>
</context>
<context>
    <name>switchboard::WorkflowPage</name>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>&amp;Max parallel:</source>
        <translation>&amp;Max. en parallèle :</translation>
    </message>
    <message>
        <source>&amp;Order of goals:</source>
        <translation>&amp;Ordre des objectifs :</translation>
    </message>
    <message>
        <source>When a &amp;deadline passes:</source>
        <translation>Quand une échéance est &amp;dépassée :</translation>
    </message>
    <message>
        <source>&amp;Lock lease:</source>
        <translation>Durée des &amp;verrous :</translation>
    </message>
    <message>
        <source>After a crash:</source>
        <translation>Après un plantage :</translation>
    </message>
    <message>
        <source>Run budget, &amp;tokens:</source>
        <translation>Budget de l’exécution, &amp;jetons :</translation>
    </message>
    <message>
        <source>Run budget, &amp;cost:</source>
        <translation>Budget de l’exécution, &amp;coût :</translation>
    </message>
    <message>
        <source>&amp;Workspace:</source>
        <translation>Espace de &amp;travail :</translation>
    </message>
    <message>
        <source>How many agents may run at the same time</source>
        <translation>Nombre d’agents pouvant tourner en même temps</translation>
    </message>
    <message>
        <source>A goal starts as soon as its own dependencies are done.</source>
        <translation>Un objectif démarre dès que ses propres dépendances sont terminées.</translation>
    </message>
    <message>
        <source>Phase by phase: the next phase starts when every goal of the last one has finished.</source>
        <translation>Phase par phase : la phase suivante démarre quand tous les objectifs de la précédente sont terminés.</translation>
    </message>
    <message>
        <source>One goal at a time, in the order they were given.</source>
        <translation>Un objectif à la fois, dans l’ordre où ils ont été donnés.</translation>
    </message>
    <message>
        <source>Everything at once up to max parallel; dependencies are ignored.</source>
        <translation>Tout à la fois, dans la limite du maximum en parallèle ; les dépendances sont ignorées.</translation>
    </message>
    <message>
        <source>A goal may start once each dependency has handed its work on.</source>
        <translation>Un objectif peut démarrer dès que chaque dépendance a transmis son travail.</translation>
    </message>
    <message>
        <source>Fail the goal</source>
        <translation>Faire échouer l’objectif</translation>
    </message>
    <message>
        <source>Ask me in the inbox</source>
        <translation>Me demander dans la boîte de réception</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long a lock on a file or resource lasts; renewed while its holder is active</source>
        <translation>Durée de validité d’un verrou sur un fichier ou une ressource ; il est renouvelé tant que son détenteur est actif</translation>
    </message>
    <message>
        <source>&amp;Resume interrupted agents at start</source>
        <translation>&amp;Reprendre les agents interrompus au démarrage</translation>
    </message>
    <message>
        <source>Off: agents a crash interrupted wait for a click</source>
        <translation>Désactivé : les agents interrompus par un plantage attendent un clic</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>aucune limite</translation>
    </message>
    <message>
        <source>Crossing the run&apos;s budget asks you before anything is stopped</source>
        <translation>En cas de dépassement du budget de l’exécution, vous êtes consulté avant tout arrêt</translation>
    </message>
    <message>
        <source>the folder Switchboard was started in</source>
        <translation>le dossier dans lequel Switchboard a été lancé</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>Retries and time limits are set per profile, on the Agent profiles page.</source>
        <translation>Les nouvelles tentatives et les limites de temps se règlent par profil, dans la page « Profils d’agents ».</translation>
    </message>
</context>
</TS>
