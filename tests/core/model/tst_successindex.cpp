#include "core/model/quarterlyreview.h"
#include "core/model/successindex.h"

#include <QTest>

using namespace outward;

namespace {
using Achievements = QList<std::pair<CommitmentType, int>>;

ReviewItem item(CommitmentType type, int achievement)
{
    return {QUuid::createUuid(), type, achievement, std::nullopt};
}
} // namespace

class TestSuccessIndex : public QObject
{
    Q_OBJECT

private slots:
    void emptyInputHasNoIndex()
    {
        const SuccessIndex index = computeSuccessIndex({});
        QVERIFY(!index.output);
        QVERIFY(!index.outcome);
        QVERIFY(!index.impact);
        QVERIFY(!index.overall);
    }

    void eachTypeIsTheMeanOfItsCommitments()
    {
        const SuccessIndex index = computeSuccessIndex(Achievements{{CommitmentType::Output, 100},
                                                                    {CommitmentType::Outcome, 30},
                                                                    {CommitmentType::Output, 50},
                                                                    {CommitmentType::Impact, 0},
                                                                    {CommitmentType::Outcome, 60},
                                                                    {CommitmentType::Output, 60}});
        QCOMPARE(index.output, 70.0);
        QCOMPARE(index.outcome, 45.0);
        QCOMPARE(index.impact, 0.0);
        QVERIFY(index.overall);
        QCOMPARE(*index.overall, (70.0 + 45.0 + 0.0) / 3);
    }

    void typesWeighTheSameWhateverTheirCount()
    {
        Achievements achievements;
        for (int i = 0; i < 9; ++i)
            achievements.append({CommitmentType::Output, 100});
        achievements.append({CommitmentType::Impact, 20});
        const SuccessIndex index = computeSuccessIndex(achievements);
        // Averaging commitments would give 92; averaging types gives 60.
        QCOMPARE(index.overall, 60.0);
        QVERIFY(!index.outcome);
    }

    void missingTypesDoNotCountAsZero()
    {
        const SuccessIndex index = computeSuccessIndex(Achievements{{CommitmentType::Impact, 80}});
        QVERIFY(!index.output);
        QVERIFY(!index.outcome);
        QCOMPARE(index.impact, 80.0);
        QCOMPARE(index.overall, 80.0);
    }

    void reviewComputesTheIndexFromItsItems()
    {
        QuarterlyReview review;
        review.quarter = "2025-Q4";
        review.commitments = {item(CommitmentType::Output, 90),
                              item(CommitmentType::Outcome, 40),
                              {QUuid::createUuid(), std::nullopt, 100, std::nullopt}};
        const SuccessIndex index = review.successIndex();
        QCOMPARE(index.output, 90.0);
        QCOMPARE(index.outcome, 40.0);
        QVERIFY(!index.impact);
        QCOMPARE(index.overall, 65.0);
    }

    void reviewMetricsRoundTheOverallIndex_data()
    {
        QTest::addColumn<QList<int>>("outputs");
        QTest::addColumn<QList<int>>("impacts");
        QTest::addColumn<int>("progress");
        QTest::newRow("half rounds up") << QList<int>{70, 75} << QList<int>{} << 73; // 72.5
        QTest::newRow("two thirds round up")
            << QList<int>{10, 11, 11} << QList<int>{} << 11; // 10.67
        QTest::newRow("a third rounds down")
            << QList<int>{10, 10, 11} << QList<int>{} << 10; // 10.33
        QTest::newRow("types averaged first")
            << QList<int>{100} << QList<int>{33, 34} << 67; // 66.75
    }

    void reviewMetricsRoundTheOverallIndex()
    {
        QFETCH(QList<int>, outputs);
        QFETCH(QList<int>, impacts);
        QFETCH(int, progress);
        QuarterlyReview review;
        review.quarter = "2025-Q4";
        for (int achievement : outputs)
            review.commitments.append(item(CommitmentType::Output, achievement));
        for (int achievement : impacts)
            review.commitments.append(item(CommitmentType::Impact, achievement));
        const QJsonValue value = review.metrics().value("progress");
        QVERIFY(value.isDouble());
        QCOMPARE(value.toDouble(), double(progress));
    }
};

QTEST_GUILESS_MAIN(TestSuccessIndex)
#include "tst_successindex.moc"
