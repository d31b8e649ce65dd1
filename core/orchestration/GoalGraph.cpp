#include "GoalGraph.h"

#include <QVector>

#include <utility>
#include <vector>

namespace switchboard {

QList<QStringList> GoalGraph::phases(const QList<Goal> &goals)
{
    const auto n = static_cast<size_t>(goals.size());
    QHash<QString, int> index;
    index.reserve(goals.size());
    for (int i = 0; i < goals.size(); ++i)
        index.insert(goals.at(i).id, i);
    // Kahn's algorithm over the in-set dependencies: linear in goals + edges, whatever the input
    // order (repeated relaxation in input order needed one pass per level when given backwards).
    // A goal gets 1 + the deepest level of its in-set deps; goals on or behind a cycle get none.
    std::vector<int> unmet(n, 0);
    std::vector<std::vector<int>> dependents(n);
    for (size_t i = 0; i < n; ++i) {
        for (const QString &dep : goals.at(static_cast<qsizetype>(i)).dependsOn) {
            const int d = index.value(dep, -1);
            if (d < 0)
                continue;
            ++unmet[i];
            dependents[static_cast<size_t>(d)].push_back(static_cast<int>(i));
        }
    }
    std::vector<int> level(n, -1);
    std::vector<int> queue;
    queue.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (unmet[i] == 0) {
            level[i] = 0;
            queue.push_back(static_cast<int>(i));
        }
    }
    for (size_t q = 0; q < queue.size(); ++q) {
        const auto i = static_cast<size_t>(queue[q]);
        for (const int d : dependents[i]) {
            const auto di = static_cast<size_t>(d);
            level[di] = qMax(level[di], level[i] + 1);
            if (--unmet[di] == 0)
                queue.push_back(d);
        }
    }
    QList<QStringList> out;
    for (size_t i = 0; i < n; ++i) {
        if (unmet[i] > 0)
            continue; // on a cycle, or behind one: validation reports it
        while (out.size() <= level[i])
            out.append(QStringList());
        out[level[i]] << goals.at(static_cast<qsizetype>(i)).id;
    }
    return out;
}

QStringList GoalGraph::findCycle(const QList<Goal> &goals)
{
    QHash<QString, int> index;
    index.reserve(goals.size());
    for (int i = 0; i < goals.size(); ++i)
        index.insert(goals.at(i).id, i);
    return findCycle(goals, index);
}

QStringList GoalGraph::findCycle(const QList<Goal> &goals, const QHash<QString, int> &index)
{
    enum Color
    {
        White,
        Grey,
        Black
    };
    QVector<int> color(goals.size(), White);
    QVector<int> parent(goals.size(), -1);

    for (int start = 0; start < goals.size(); ++start) {
        if (color[start] != White)
            continue;
        // Iterative DFS: (node, next dependency position).
        std::vector<std::pair<int, int>> stack{{start, 0}};
        color[start] = Grey;
        while (!stack.empty()) {
            auto &[node, pos] = stack.back();
            const QStringList &deps = goals.at(node).dependsOn;
            if (pos >= deps.size()) {
                color[node] = Black;
                stack.pop_back();
                continue;
            }
            const int next = index.value(deps.at(pos++), -1);
            if (next < 0)
                continue;
            if (color[next] == Grey) {
                // Walk back from node to next; the chain is dependent -> dependency.
                QStringList cycle;
                for (const auto &frame : stack) {
                    if (!cycle.isEmpty() || frame.first == next)
                        cycle << goals.at(frame.first).id;
                }
                cycle << goals.at(next).id;
                return cycle;
            }
            if (color[next] == White) {
                color[next] = Grey;
                parent[next] = node;
                stack.emplace_back(next, 0);
            }
        }
    }
    return {};
}

} // namespace switchboard
