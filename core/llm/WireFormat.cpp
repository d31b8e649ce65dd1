#include "WireFormat.h"

#include "AnthropicWire.h"
#include "OpenAiWire.h"

namespace switchboard::llm {

std::unique_ptr<WireFormat> WireFormat::create(ApiKind api)
{
    if (api == ApiKind::Anthropic)
        return std::make_unique<AnthropicWire>();
    return std::make_unique<OpenAiWire>();
}

} // namespace switchboard::llm
