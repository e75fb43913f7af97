#pragma once

// The standard scales of DESIGN.md section 1, used as defined and named in the UI.
// Staff-perceived and customer-reported scores live in separate fields and are never mixed.

#include "core/model/enumnames.h"

#include <QLatin1StringView>

namespace outward {

using namespace Qt::Literals::StringLiterals;

// A closed integer scale, e.g. NPS 0-10, with the question its score answers.
struct IntScale
{
    QLatin1StringView name;
    int min;
    int max;
    QLatin1StringView wording;

    constexpr bool contains(int value) const { return value >= min && value <= max; }
    QString rule() const;
};

// Net Promoter Score: promoter 9-10, passive 7-8, detractor 0-6.
inline constexpr IntScale kNps{
    "NPS"_L1, 0, 10, "How likely is it that you would recommend us to a friend or colleague?"_L1};
// Customer Satisfaction: satisfied = 4-5.
inline constexpr IntScale kCsat{"CSAT"_L1, 1, 5,
                                "How satisfied were you with how we handled your request?"_L1};
// Customer Effort Score: agreement that the company made it easy to handle the issue.
inline constexpr IntScale kCes{"CES"_L1, 1, 7,
                               "The company made it easy for me to handle my issue."_L1};
// The staff member's own view of the same CES statement, stored apart from the customer's.
inline constexpr IntScale kPerceivedEffort{
    "perceived CES"_L1, 1, 7, "I made it easy for the customer to handle their issue."_L1};
// One of the eight disciplines in a pulse survey.
inline constexpr IntScale kPulseRating{"pulse rating"_L1, 1, 5,
                                       "How well does our team practise this today?"_L1};
// Commitment progress in percent.
inline constexpr IntScale kProgress{"progress"_L1, 0, 100, "How far along is this commitment?"_L1};
// Handle time in seconds: at most a day, which catches a timer left running overnight.
inline constexpr IntScale kHandleTimeSeconds{"handle time"_L1, 0, 86400,
                                             "Seconds spent on the contact."_L1};

enum class NpsCategory
{
    Detractor,
    Passive,
    Promoter
};
NpsCategory npsCategory(int score);
bool csatIsSatisfied(int score);

// The customer's emotion on the five-step scale, -2 .. +2.
enum class Emotion
{
    Anger = -2,
    Agitation = -1,
    Ambivalence = 0,
    Appreciation = 1,
    Adoration = 2
};
constexpr int emotionValue(Emotion e)
{
    return static_cast<int>(e);
}

enum class FirstContactResolution
{
    Yes,
    No,
    Unknown
};

enum class Advocacy
{
    None,
    Thanked,
    WouldRecommend,
    Referred
};

enum class Channel
{
    Phone,
    Email,
    Chat,
    InPerson,
    Video,
    Social,
    Letter,
    Other
};

// How sure the field salesperson is of an answer in a client brief.
enum class Certainty
{
    Assumed,
    HeardFromClient,
    Verified
};

// The sections of the client-needs questionnaire: about the client, not the pitch.
enum class BriefSection
{
    Needs,
    Objectives,
    Strategies,
    Philosophy,
    Challenges,
    SystemProblems,
    Obstacles,
};

enum class CommitmentType
{
    Output,
    Outcome,
    Impact
};
enum class CommitmentStatus
{
    Active,
    Achieved,
    Missed,
    Dropped
};
enum class CheckInStatus
{
    OnTrack,
    AtRisk,
    OffTrack
};

// The 8 disciplines of customer centricity, rated in the pulse survey.
enum class Discipline
{
    CustomerInsight,
    CustomerForesight,
    CompetitorInsight,
    CompetitorForesight,
    PeripheralVision,
    CrossFunctionalCollaboration,
    StrategicAlignment,
    Empowerment,
};

// Journal prompts drawn from the product's ideas.
enum class ReflectionPrompt
{
    WhyThisWork,
    CustomerGain,
    CustomersWouldMiss,
    BetterOff,
    Proud
};

// English labels and texts for people; the app translates them.
QString emotionLabel(Emotion e);
QString briefSectionQuestion(BriefSection s);
QString disciplineLabel(Discipline d);
QString reflectionPromptText(ReflectionPrompt p);

template<>
struct EnumNames<Emotion>
{
    static constexpr std::array<EnumEntry<Emotion>, 5> entries{{
        {Emotion::Anger, "anger"_L1},
        {Emotion::Agitation, "agitation"_L1},
        {Emotion::Ambivalence, "ambivalence"_L1},
        {Emotion::Appreciation, "appreciation"_L1},
        {Emotion::Adoration, "adoration"_L1},
    }};
};

template<>
struct EnumNames<FirstContactResolution>
{
    static constexpr std::array<EnumEntry<FirstContactResolution>, 3> entries{{
        {FirstContactResolution::Yes, "yes"_L1},
        {FirstContactResolution::No, "no"_L1},
        {FirstContactResolution::Unknown, "unknown"_L1},
    }};
};

template<>
struct EnumNames<Advocacy>
{
    static constexpr std::array<EnumEntry<Advocacy>, 4> entries{{
        {Advocacy::None, "none"_L1},
        {Advocacy::Thanked, "thanked"_L1},
        {Advocacy::WouldRecommend, "wouldRecommend"_L1},
        {Advocacy::Referred, "referred"_L1},
    }};
};

template<>
struct EnumNames<Channel>
{
    static constexpr std::array<EnumEntry<Channel>, 8> entries{{
        {Channel::Phone, "phone"_L1},
        {Channel::Email, "email"_L1},
        {Channel::Chat, "chat"_L1},
        {Channel::InPerson, "inPerson"_L1},
        {Channel::Video, "video"_L1},
        {Channel::Social, "social"_L1},
        {Channel::Letter, "letter"_L1},
        {Channel::Other, "other"_L1},
    }};
};

template<>
struct EnumNames<Certainty>
{
    static constexpr std::array<EnumEntry<Certainty>, 3> entries{{
        {Certainty::Assumed, "assumed"_L1},
        {Certainty::HeardFromClient, "heardFromClient"_L1},
        {Certainty::Verified, "verified"_L1},
    }};
};

template<>
struct EnumNames<BriefSection>
{
    static constexpr std::array<EnumEntry<BriefSection>, 7> entries{{
        {BriefSection::Needs, "needs"_L1},
        {BriefSection::Objectives, "objectives"_L1},
        {BriefSection::Strategies, "strategies"_L1},
        {BriefSection::Philosophy, "philosophy"_L1},
        {BriefSection::Challenges, "challenges"_L1},
        {BriefSection::SystemProblems, "systemProblems"_L1},
        {BriefSection::Obstacles, "obstacles"_L1},
    }};
};

template<>
struct EnumNames<CommitmentType>
{
    static constexpr std::array<EnumEntry<CommitmentType>, 3> entries{{
        {CommitmentType::Output, "output"_L1},
        {CommitmentType::Outcome, "outcome"_L1},
        {CommitmentType::Impact, "impact"_L1},
    }};
};

template<>
struct EnumNames<CommitmentStatus>
{
    static constexpr std::array<EnumEntry<CommitmentStatus>, 4> entries{{
        {CommitmentStatus::Active, "active"_L1},
        {CommitmentStatus::Achieved, "achieved"_L1},
        {CommitmentStatus::Missed, "missed"_L1},
        {CommitmentStatus::Dropped, "dropped"_L1},
    }};
};

template<>
struct EnumNames<CheckInStatus>
{
    static constexpr std::array<EnumEntry<CheckInStatus>, 3> entries{{
        {CheckInStatus::OnTrack, "onTrack"_L1},
        {CheckInStatus::AtRisk, "atRisk"_L1},
        {CheckInStatus::OffTrack, "offTrack"_L1},
    }};
};

template<>
struct EnumNames<Discipline>
{
    static constexpr std::array<EnumEntry<Discipline>, 8> entries{{
        {Discipline::CustomerInsight, "customerInsight"_L1},
        {Discipline::CustomerForesight, "customerForesight"_L1},
        {Discipline::CompetitorInsight, "competitorInsight"_L1},
        {Discipline::CompetitorForesight, "competitorForesight"_L1},
        {Discipline::PeripheralVision, "peripheralVision"_L1},
        {Discipline::CrossFunctionalCollaboration, "crossFunctionalCollaboration"_L1},
        {Discipline::StrategicAlignment, "strategicAlignment"_L1},
        {Discipline::Empowerment, "empowerment"_L1},
    }};
};

template<>
struct EnumNames<ReflectionPrompt>
{
    static constexpr std::array<EnumEntry<ReflectionPrompt>, 5> entries{{
        {ReflectionPrompt::WhyThisWork, "whyThisWork"_L1},
        {ReflectionPrompt::CustomerGain, "customerGain"_L1},
        {ReflectionPrompt::CustomersWouldMiss, "customersWouldMiss"_L1},
        {ReflectionPrompt::BetterOff, "betterOff"_L1},
        {ReflectionPrompt::Proud, "proud"_L1},
    }};
};

} // namespace outward
