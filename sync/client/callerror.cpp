#include "sync/client/callerror.h"

using namespace Qt::StringLiterals;

namespace outward::sync {

CallError CallError::network(QString message)
{
    CallError error;
    error.kind = Kind::Network;
    error.message = u"the server could not be reached: "_s + message;
    return error;
}

CallError CallError::http(protocol::ApiError apiError)
{
    CallError error;
    error.kind = Kind::Http;
    error.message = u"the server answered %1 %2: %3"_s.arg(apiError.httpStatus)
                        .arg(apiError.code, apiError.message);
    error.api = std::move(apiError);
    return error;
}

CallError CallError::badResponse(QString message)
{
    CallError error;
    error.kind = Kind::BadResponse;
    error.message = std::move(message);
    return error;
}

CallError CallError::local(const Error &local)
{
    CallError error;
    error.kind = Kind::Local;
    error.localCode = local.code();
    error.message = local.message();
    return error;
}

bool CallError::isRetryable() const
{
    switch (kind) {
    case Kind::Network:
    case Kind::BadResponse:
        return true;
    case Kind::Http:
        return api.httpStatus == 429 || api.httpStatus >= 500;
    case Kind::Local:
        return false;
    }
    return false;
}

std::optional<qint64> CallError::retryAfterMs() const
{
    if (kind != Kind::Http || !api.retryAfterSeconds)
        return std::nullopt;
    return qint64(*api.retryAfterSeconds) * 1000;
}

Error CallError::toError() const
{
    switch (kind) {
    case Kind::Local:
        return Error(localCode, message);
    case Kind::Http:
        if (api.httpStatus == 400 || api.httpStatus == 422)
            return Error(ErrorCode::InvalidInput, message);
        if (api.httpStatus == 404 || api.httpStatus == 410)
            return Error(ErrorCode::NotFound, message);
        if (api.httpStatus == 401 || api.httpStatus == 403)
            return Error(ErrorCode::NoAccess, message);
        return Error(ErrorCode::Storage, message);
    case Kind::Network:
    case Kind::BadResponse:
        break;
    }
    return Error(ErrorCode::Storage, message);
}

std::optional<QString> CallError::explainWithoutApiCode(const QString &serverUrl,
                                                        bool addressTyped) const
{
    switch (kind) {
    case Kind::Network:
        return addressTyped ? u"the server at %1 could not be reached (%2); check the address and "
                              "your connection, then try again"_s.arg(serverUrl, message)
                            : u"the server at %1 could not be reached (%2); check your connection "
                              "and try again"_s.arg(serverUrl, message);
    case Kind::BadResponse:
        return u"%1 did not answer like an Outward server (%2)%3"_s.arg(
            serverUrl, message, addressTyped ? u"; check the address"_s : QString());
    case Kind::Local:
        return message;
    case Kind::Http:
        break;
    }
    return std::nullopt;
}

} // namespace outward::sync
