#include "core/common/error.h"

#include <QStringList>

namespace outward {

Error::Error(ErrorCode code, QString message, FieldErrors fieldErrors)
    : m_code(code)
    , m_message(std::move(message))
    , m_fieldErrors(std::move(fieldErrors))
{}

Error Error::invalid(const FieldErrors &fieldErrors)
{
    const QString message =
        fieldErrors.size() == 1
            ? QStringLiteral("the record breaks a rule")
            : QStringLiteral("the record breaks %1 rules").arg(fieldErrors.size());
    return Error(ErrorCode::InvalidInput, message, fieldErrors);
}

QString Error::toString() const
{
    QStringList lines{m_message};
    for (const FieldError &fieldError : m_fieldErrors)
        lines << QStringLiteral("  ") + fieldError.toString();
    return lines.join(QLatin1Char('\n'));
}

Error Error::withContext(const QString &context) const
{
    return Error(m_code, context + QStringLiteral(": ") + m_message, m_fieldErrors);
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorCode::WrongSecret:
        return QStringLiteral("wrong-secret");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::NoProfile:
        return QStringLiteral("no-profile");
    case ErrorCode::ProfileExists:
        return QStringLiteral("profile-exists");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::NewerVersion:
        return QStringLiteral("newer-version");
    case ErrorCode::Storage:
        return QStringLiteral("storage");
    case ErrorCode::Locked:
        return QStringLiteral("locked");
    case ErrorCode::NoAccess:
        return QStringLiteral("no-access");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace outward
