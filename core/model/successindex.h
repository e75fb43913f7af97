#pragma once

#include "core/model/scales.h"

#include <QList>

#include <optional>
#include <utility>

namespace outward {

// A person's Success Index for a period, in percent (0-100). Each part is absent when no
// commitment of that type was reviewed, so "no impact commitment" never reads as "0% impact".
struct SuccessIndex
{
    std::optional<double> output;
    std::optional<double> outcome;
    std::optional<double> impact;
    std::optional<double> overall;
};

// achievements: one (type, achievement 0-100) pair per reviewed commitment.
SuccessIndex computeSuccessIndex(const QList<std::pair<CommitmentType, int>> &achievements);

} // namespace outward
