#pragma once

#include <QString>

namespace switchboard {

// Why a statement of the store's writer failed, and whether the write itself was at fault (a constraint, an
// unknown run: that submission is rolled back alone) or the storage (disk full, I/O: all writing stops).
struct StoreWriteError
{
    bool storage = false; // disk full, I/O, corruption: stop everything
    QString message;
};

} // namespace switchboard
