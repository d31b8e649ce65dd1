#include "ModelTypes.h"

using namespace Qt::StringLiterals;

namespace switchboard::llm {

QString apiKindName(ApiKind kind)
{
    switch (kind) {
    case ApiKind::OpenAi:
        return u"openai"_s;
    case ApiKind::Anthropic:
        return u"anthropic"_s;
    }
    return u"openai"_s;
}

std::optional<ApiKind> apiKindFromName(QStringView name)
{
    const QString lower = name.trimmed().toString().toLower();
    if (lower == u"openai")
        return ApiKind::OpenAi;
    if (lower == u"anthropic")
        return ApiKind::Anthropic;
    return std::nullopt;
}

QString modelErrorKindName(ModelError::Kind kind)
{
    switch (kind) {
    case ModelError::Kind::RateLimited:
        return u"rate_limited"_s;
    case ModelError::Kind::Overloaded:
        return u"overloaded"_s;
    case ModelError::Kind::Server:
        return u"server"_s;
    case ModelError::Kind::Timeout:
        return u"timeout"_s;
    case ModelError::Kind::StreamCut:
        return u"stream_cut"_s;
    case ModelError::Kind::Network:
        return u"network"_s;
    case ModelError::Kind::Auth:
        return u"auth"_s;
    case ModelError::Kind::BadRequest:
        return u"bad_request"_s;
    case ModelError::Kind::Protocol:
        return u"protocol"_s;
    case ModelError::Kind::Cancelled:
        return u"cancelled"_s;
    }
    return u"protocol"_s;
}

} // namespace switchboard::llm
