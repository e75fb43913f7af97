#pragma once

#include <QList>
#include <QString>

namespace outward {

// What went wrong, in terms a caller can act on. Each code maps to one documented CLI exit code.
enum class ErrorCode
{
    InvalidInput,  // a record or argument breaks a rule; fieldErrors says which
    WrongSecret,   // the passphrase or recovery code does not open this profile
    NotFound,      // no record with that id
    NoProfile,     // the profile folder holds no profile yet
    ProfileExists, // refusing to overwrite an existing profile
    Corrupt,       // stored data is damaged or was tampered with
    NewerVersion,  // written by a newer Outward than this one
    Storage,       // the disk or database refused (full, read-only, locked)
    Locked,        // the operation needs an unlocked profile
    NoAccess,      // a record that was not shared with this user
    Internal,      // a bug or a failing library call; never the user's fault
};

// One broken rule of one field, e.g. {"customerReported.nps", "must be a whole number from 0 to
// 10"}.
struct FieldError
{
    QString field;
    QString rule;

    QString toString() const { return field + QStringLiteral(": ") + rule; }
    bool operator==(const FieldError &other) const
    {
        return field == other.field && rule == other.rule;
    }
};

using FieldErrors = QList<FieldError>;

// The project's one error type: a code for programs and a message for people that says what
// happened and what to do about it.
class Error
{
public:
    Error(ErrorCode code, QString message, FieldErrors fieldErrors = {});

    static Error invalid(const FieldErrors &fieldErrors);

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const FieldErrors &fieldErrors() const { return m_fieldErrors; }

    // The message followed by one line per broken field rule.
    QString toString() const;

    // The same error with context put in front: "saving the record: <message>".
    Error withContext(const QString &context) const;

private:
    ErrorCode m_code;
    QString m_message;
    FieldErrors m_fieldErrors;
};

QString errorCodeName(ErrorCode code);

} // namespace outward
