#pragma once

#include "core/common/result.h"
#include "sync/protocol/apierror.h"

#include <QLoggingCategory>

namespace outward::server {

Q_DECLARE_LOGGING_CATEGORY(lcApi)

// A failure of the store is the server's problem, never the client's: 503 when the database is
// busy, full or unreachable (retry with backoff), 500 for anything else. The details go to the
// log, not to the client.
protocol::ApiError storeFailure(const Error &error);

template<typename T>
protocol::ApiResult<T> fromStore(Result<T> result)
{
    if (!result.ok())
        return storeFailure(result.error());
    return std::move(result).value();
}

inline protocol::ApiStatus fromStore(Status status)
{
    if (!status.ok())
        return storeFailure(status.error());
    return {};
}

} // namespace outward::server

// Unwraps an ApiResult (or a store Result, through fromStore) into `var`, or returns its error
// from the enclosing handler. Handlers chain a dozen fallible steps; this keeps each one a line.
#define OW_TRY(var, expr)                                                                          \
    auto var##Result_ = (expr);                                                                    \
    if (!var##Result_.ok())                                                                        \
        return var##Result_.error();                                                               \
    auto var = std::move(var##Result_).value();

#define OW_CHECK(expr)                                                                             \
    do {                                                                                           \
        auto status_ = (expr);                                                                     \
        if (!status_.ok())                                                                         \
            return status_.error();                                                                \
    } while (false)
