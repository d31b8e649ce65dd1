#pragma once

#include <QCoreApplication>
#include <QFutureWatcherBase>
#include <QObject>
#include <QThreadPool>

namespace switchboard::ReviewCalls {

// Lets review calls still under way on `pool` finish before their widget goes. A ReviewController call may wait
// for the orchestrator's thread, which is this (GUI) thread: a plain waitForDone() here would wait forever for a
// call that waits for us. So the calls' results are dropped (the widget is going) and queued calls are served
// while waiting.
inline void drain(QThreadPool &pool, QObject *widget)
{
    for (QFutureWatcherBase *watcher : widget->findChildren<QFutureWatcherBase *>())
        watcher->disconnect(widget);
    while (!pool.waitForDone(20))
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

} // namespace switchboard::ReviewCalls
