#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard recover DB [--out NEW]`: copies what can still be read of a damaged database into a new file
// (StoreRecovery), checks the new file and says what was copied and what was lost. The damaged file is left
// as it is.
class RecoverCommand final : public Command
{
public:
    RecoverCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
