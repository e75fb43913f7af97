#include "core/model/scales.h"

namespace outward {

QString IntScale::rule() const
{
    return u"must be a whole number from %1 to %2 (%3)"_s.arg(min).arg(max).arg(name);
}

NpsCategory npsCategory(int score)
{
    if (score >= 9)
        return NpsCategory::Promoter;
    if (score >= 7)
        return NpsCategory::Passive;
    return NpsCategory::Detractor;
}

bool csatIsSatisfied(int score)
{
    return score >= 4;
}

QString emotionLabel(Emotion e)
{
    switch (e) {
    case Emotion::Anger:
        return u"Anger"_s;
    case Emotion::Agitation:
        return u"Agitation"_s;
    case Emotion::Ambivalence:
        return u"Ambivalence"_s;
    case Emotion::Appreciation:
        return u"Appreciation"_s;
    case Emotion::Adoration:
        return u"Adoration"_s;
    }
    return {};
}

QString briefSectionQuestion(BriefSection s)
{
    switch (s) {
    case BriefSection::Needs:
        return u"What does the client need?"_s;
    case BriefSection::Objectives:
        return u"What are the client's objectives?"_s;
    case BriefSection::Strategies:
        return u"Which strategies is the client pursuing?"_s;
    case BriefSection::Philosophy:
        return u"What is the client's organizational philosophy?"_s;
    case BriefSection::Challenges:
        return u"Which challenges does the client face?"_s;
    case BriefSection::SystemProblems:
        return u"Which problems are there in the client's systems?"_s;
    case BriefSection::Obstacles:
        return u"What keeps the client from being their best?"_s;
    }
    return {};
}

QString disciplineLabel(Discipline d)
{
    switch (d) {
    case Discipline::CustomerInsight:
        return u"Customer insight"_s;
    case Discipline::CustomerForesight:
        return u"Customer foresight"_s;
    case Discipline::CompetitorInsight:
        return u"Competitor insight"_s;
    case Discipline::CompetitorForesight:
        return u"Competitor foresight"_s;
    case Discipline::PeripheralVision:
        return u"Peripheral vision"_s;
    case Discipline::CrossFunctionalCollaboration:
        return u"Cross-functional collaboration"_s;
    case Discipline::StrategicAlignment:
        return u"Strategic alignment"_s;
    case Discipline::Empowerment:
        return u"Empowerment"_s;
    }
    return {};
}

QString reflectionPromptText(ReflectionPrompt p)
{
    switch (p) {
    case ReflectionPrompt::WhyThisWork:
        return u"Why do I do this work?"_s;
    case ReflectionPrompt::CustomerGain:
        return u"What did a customer gain from me today?"_s;
    case ReflectionPrompt::CustomersWouldMiss:
        return u"What would our customers miss if we were gone?"_s;
    case ReflectionPrompt::BetterOff:
        return u"Which customer is better off because of me this week, and how?"_s;
    case ReflectionPrompt::Proud:
        return u"What did I do today that I am proud of?"_s;
    }
    return {};
}

} // namespace outward
