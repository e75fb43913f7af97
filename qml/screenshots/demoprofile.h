#pragma once

#include "core/common/result.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"

namespace outward::demo {

// Fills an unlocked profile with a believable week: a team purpose, interactions across
// channels and outcomes, and a few reflections. For screenshots.
Status seed(Profile &profile, const Clock &clock);
// The parts: the team purpose (what a lead writes), and the week of a front-line member.
Status seedPurpose(Profile &profile);
Status seedOwnRecords(Profile &profile, const Clock &clock);
// `count` short quick logs spread over the last weeks, as written offline: a large first sync.
Status seedBacklog(Profile &profile, const Clock &clock, int count);

} // namespace outward::demo
