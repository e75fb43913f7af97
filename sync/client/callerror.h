#pragma once

#include "core/common/result.h"
#include "sync/protocol/apierror.h"

#include <QString>

#include <functional>
#include <optional>

namespace outward::sync {

// Why one API call failed, with what the engine needs to decide whether to try again.
struct CallError
{
    enum class Kind
    {
        Network,     // no HTTP response: DNS, TLS, timeout, reset, or the response was lost
        Http,        // a non-2xx response; `api` holds its code, message and Retry-After
        BadResponse, // a 2xx whose body does not follow the protocol (a proxy's page, a bug)
        Local,       // refused before sending: a bad URL, a locked profile, a failed signature
    };

    Kind kind = Kind::Network;
    QString message;        // for people and logs; never a token, key, code or body byte
    protocol::ApiError api; // Kind::Http only
    ErrorCode localCode = ErrorCode::Internal; // Kind::Local only

    static CallError network(QString message);
    static CallError http(protocol::ApiError error);
    static CallError badResponse(QString message);
    static CallError local(const Error &error);

    // protocol.md section 18: network errors, 429 and 5xx are retried with backoff; no other
    // 4xx is (401 token_expired / unauthenticated is renewed once inside ApiClient instead).
    // A malformed 2xx body counts as transient: it is usually a captive portal or a proxy.
    bool isRetryable() const;
    std::optional<qint64> retryAfterMs() const;
    bool hasCode(QLatin1StringView code) const { return kind == Kind::Http && api.code == code; }
    int httpStatus() const { return kind == Kind::Http ? api.httpStatus : 0; }

    // What to tell a person when the server gave no protocol answer (a network failure, a
    // non-Outward reply, a local refusal); nullopt for an HTTP error, whose code each flow
    // explains in its own words. `addressTyped`: the person typed serverUrl just now, so
    // checking it is part of the advice.
    std::optional<QString> explainWithoutApiCode(const QString &serverUrl, bool addressTyped) const;

    // The project's Error, for callers outside sync (enrolment screens, the CLI).
    Error toError() const;
};

template<typename T>
using CallResult = Result<T, CallError>;
template<typename T>
using CallCallback = std::function<void(CallResult<T>)>;
using CallStatus = Result<void, CallError>;

} // namespace outward::sync
