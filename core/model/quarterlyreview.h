#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"
#include "core/model/successindex.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace outward {

// How far one commitment got by the end of the quarter.
struct ReviewItem
{
    std::optional<QUuid> commitmentId;
    // Copied from the commitment so the index can be computed from the review alone.
    std::optional<CommitmentType> type;
    std::optional<int> achievement; // kProgress, percent
    std::optional<QString> comment;
};

// The quarterly Success Index review a person holds with their lead; both sign it off.
struct QuarterlyReview
{
    static constexpr RecordKind kKind = RecordKind::QuarterlyReview;
    static constexpr int kMaxCommitments = 50;

    QString quarter; // "2026-Q4"
    QList<ReviewItem> commitments;
    std::optional<QString> notes;
    std::optional<QDateTime> signedByPersonAt;
    std::optional<QDateTime> signedByLeadAt;
    std::optional<QString> leadId;

    // The first day of a quarter written as "YYYY-Qn"; invalid for anything else.
    static QDate firstDayOfQuarter(QStringView quarter);

    static Result<QuarterlyReview> fromJson(const QJsonObject &json,
                                            const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // "draft", "signedByPerson", "signedByLead" or "signed" (by both).
    QString status() const;
    SuccessIndex successIndex() const;

    // Quarter, sign-off status, overall index and how many commitments: no comments or notes.
    QJsonObject metrics() const;
    QDateTime time() const;
    QString summary() const;
};

} // namespace outward
