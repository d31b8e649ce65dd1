#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// What an LLM profile (backend "openai" or "anthropic") says about its model server and its agent loop.
// Config keys are given in the comments; all sit directly in the profile.
struct ModelSettings
{
    QString baseUrl;   // base_url; empty: the backend's default (OPENAI_BASE_URL, else the vendor's URL)
    QString apiKeyEnv; // api_key_env: the NAME of the environment variable holding the key, never the key
    std::optional<double> temperature;      // temperature
    int maxTokens = 0;                      // max_tokens; 0: the API's default
    double inputPerMTok = 0;                // pricing.input_per_mtok (USD per million input tokens)
    double outputPerMTok = 0;               // pricing.output_per_mtok
    QList<QPair<QString, QString>> headers; // headers: extra HTTP headers
    int maxIterations = 30;                 // max_iterations: model calls per attempt before it fails
    bool stream = true;                     // stream
    int connectTimeoutS = 30;               // connect_timeout_s: until the first byte of a reply
    int idleTimeoutS = 60;                  // stream_idle_timeout_s: silence between chunks
    QStringList runCommandAllow;            // run_command.allow: programs run_command may start; empty: the tool is off
    int runCommandTimeoutS = 120;           // run_command.timeout_s

    double costUsd(qint64 inputTokens, qint64 outputTokens) const
    {
        return (double(inputTokens) * inputPerMTok + double(outputTokens) * outputPerMTok) / 1e6;
    }
    friend bool operator==(const ModelSettings &, const ModelSettings &) = default;
};

} // namespace switchboard
