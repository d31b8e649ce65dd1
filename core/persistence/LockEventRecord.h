#pragma once

#include "model/LockEvent.h"

#include <QDateTime>

namespace switchboard {

// A lock event with the time the store recorded for it (the lock audit trail).
struct LockEventRecord
{
    LockEvent event;
    QDateTime at; // UTC
};

} // namespace switchboard
