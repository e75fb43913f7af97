#include "core/model/successindex.h"

namespace outward {

namespace {
std::optional<double> meanOfType(const QList<std::pair<CommitmentType, int>> &achievements,
                                 CommitmentType type)
{
    double sum = 0;
    int count = 0;
    for (const auto &[itemType, achievement] : achievements) {
        if (itemType == type) {
            sum += achievement;
            ++count;
        }
    }
    if (count == 0)
        return std::nullopt;
    return sum / count;
}
} // namespace

SuccessIndex computeSuccessIndex(const QList<std::pair<CommitmentType, int>> &achievements)
{
    SuccessIndex index;
    index.output = meanOfType(achievements, CommitmentType::Output);
    index.outcome = meanOfType(achievements, CommitmentType::Outcome);
    index.impact = meanOfType(achievements, CommitmentType::Impact);

    // The overall index averages the type means, not the commitments: each of output, outcome
    // and impact weighs the same, so many easy output commitments cannot drown out impact.
    double sum = 0;
    int types = 0;
    for (const auto &part : {index.output, index.outcome, index.impact}) {
        if (part) {
            sum += *part;
            ++types;
        }
    }
    if (types > 0)
        index.overall = sum / types;
    return index;
}

} // namespace outward
