import Foundation
import Testing
@testable import Sufficiency

/// Levers, targets and the goal-seek, on the shipped baseline with few replications.
struct ExperimentTests {
    static let baseline = packageRoot.appendingPathComponent("Scenarios/baseline.json").path

    @Test func aLeverSetsNestedKeysListsAndIndexedItems() throws {
        let document = try ScenarioLoader.document(at: Self.baseline)
        let approvals = try ScenarioLever("supply.inHouseFoster.approvalsPerYear")
        let set = try ScenarioLoader.scenario(from: try approvals.setting(30, in: document, file: "b"), file: "b")
        #expect(set.supply.inHouseFoster.approvalsPerYear.allSatisfy { $0 == 30 })
        let count = try ScenarioLever("supply.inHouseFoster.households[1].count")
        let counted = try ScenarioLoader.scenario(from: try count.setting(7, in: document, file: "b"), file: "b")
        #expect(counted.supply.inHouseFoster.households[1].count == 7)
        // A key the file leaves to its default is created.
        let trend = try ScenarioLever("entries.trendPerYear")
        #expect(try ScenarioLoader.scenario(from: try trend.setting(0.05, in: .object([]), file: "b"), file: "b").entries.trendPerYear == 0.05)
    }

    @Test func aWrongLeverIsAnErrorNamingIt() throws {
        let document = try ScenarioLoader.document(at: Self.baseline)
        #expect(throws: ScenarioError.self) { try ScenarioLever("supply..count") }
        #expect(throws: ScenarioError.self) { try ScenarioLever("supply.inHouseFoster.households[1].count").setting(1, in: .object([("supply", .number("1"))]), file: "b") }
        let typo = try ScenarioLever("supply.inHouseFoster.approvalPerYear")
        do {
            _ = try ScenarioLoader.scenario(from: try typo.setting(3, in: document, file: "b"), file: "b")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("supply.inHouseFoster.approvalPerYear: unknown key 'approvalPerYear'; did you mean 'approvalsPerYear'?"))
        }
    }

    @Test func targetsReadTheirMetricAndCountTheReplicationsThatMeetThem() throws {
        let model = try ScenarioLoader.model(at: Self.baseline)
        #expect(throws: TargetError.self) { try Target(parsing: "childDaysWaitng <= 0", model: model) }
        #expect(throws: TargetError.self) { try Target(parsing: "childDaysWaiting =< 0", model: model) }
        let target = try Target(parsing: "totalCost <= 40000000", model: model)
        let result = MonteCarloRunner.run(model, replications: 20, seed: 3, threads: 1)
        let values = target.values(result, year: 2)
        #expect(target.probability(result, year: 2).successes == values.filter { $0 <= 40_000_000 }.count)
        let share = Proportion(successes: 18, of: 20)
        #expect(share.interval.low < 0.9 && share.interval.high > 0.9 && share.interval.high <= 1)
        #expect(Proportion(successes: 0, of: 20).interval.low == 0)
    }

    @Test func theGoalSeekAnswerHoldsAndOneStepBelowDoesNotOnAFreshRunOfTheSameSeeds() throws {
        let experiment = try LeverExperiment(file: Self.baseline, replications: 40, seed: 11, threads: 2)
        let lever = try ScenarioLever("supply.inHouseFoster.approvalsPerYear")
        let model = try ScenarioLoader.model(at: Self.baseline)
        let target = try Target(parsing: "shareOver20Miles <= 0.1", model: model)
        let search = try GoalSeek(experiment, lever: lever, low: 12, high: 60, step: 1, target: target, year: nil, probability: 0.8)
        #expect(search.outcome == .found)
        let answer = search.answer.value, below = try #require(search.below).value
        #expect(below == answer - 1)
        #expect(experiment.runCount < 12, "a bisection, not every value")
        // A sweep on the same seeds, from scratch, confirms it.
        let sweep = try LeverExperiment(file: Self.baseline, replications: 40, seed: 11, threads: 1)
        let last = model.financialYearLabels.count - 1
        #expect(target.probability(try sweep.result(at: [(lever, answer)]), year: last).value >= 0.8)
        #expect(target.probability(try sweep.result(at: [(lever, below)]), year: last).value < 0.8)
        #expect(search.costOfGettingThere(lowest: try sweep.result(at: [(lever, 12)])).mean.isFinite)
    }

    @Test func anUnreachableTargetAndOneMetAtTheBottomAreSaidSo() throws {
        let experiment = try LeverExperiment(file: Self.baseline, replications: 20, seed: 2, threads: 2)
        let lever = try ScenarioLever("supply.inHouseFoster.approvalsPerYear")
        let model = try ScenarioLoader.model(at: Self.baseline)
        let never = try GoalSeek(experiment, lever: lever, low: 12, high: 20, step: 4, target: try Target(parsing: "childrenLookedAfter < 0", model: model),
                                 year: nil, probability: 0.9)
        #expect(never.outcome == .outOfReach && never.points.count == 1)
        let always = try GoalSeek(experiment, lever: lever, low: 12, high: 20, step: 4, target: try Target(parsing: "childrenLookedAfter >= 0", model: model),
                                  year: nil, probability: 0.9)
        #expect(always.outcome == .metAtLowest && always.answer.value == 12)
    }
}
