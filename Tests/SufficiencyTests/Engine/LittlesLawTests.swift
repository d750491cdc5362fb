import Testing
@testable import Sufficiency

/// Statistics of the engine against queueing theory.
struct LittlesLawTests {
    /// No children at the start, 100 entrants a year (all babies, one at a time), everyone in care
    /// for an exponential year, places without limit.
    private func steadyScenario() -> Scenario {
        var s = Scenario.defaults
        s.time = TimeSettings(startDate: "2025-04-01", horizonYears: 12)
        s.initialChildren = InitialChildren(byAgeBand: [:], byPlacementType: [:])
        s.entries.ratePerYear = ["under1": 100]
        s.entries.siblingGroupSizes = ["1": 1]
        s.exits.byAgeBand = Dictionary(uniqueKeysWithValues: s.ageBands.map {
            ($0.name, [ExitRoute(route: "other", probability: 1, duration: .exponential(mean: 1))])
        })
        s.supply.markets.agencyFoster.capacity = 5_000
        return s
    }

    @Test func childrenInCareEqualEntryRateTimesMeanTimeInCare() throws {
        // Little's law: L = lambda x W = 100 a year x 1 year = 100. After a five-year warm-up the
        // start's influence is below e^-5 (0.7%). 60 replications x 85 monthly snapshots: the
        // standard error of the mean is about 0.6 children, so a 3% tolerance is about five of them.
        let model = try ScenarioModel(validating: steadyScenario(), file: "steady")
        let result = MonteCarloRunner.run(model, replications: 60, seed: 7)
        let metric = MetricCatalog.childrenLookedAfter
        var total = 0.0, count = 0.0
        for snapshot in 60..<model.snapshotDays.count {
            for value in result.monthlyValues(metric, snapshot: snapshot) {
                total += value
                count += 1
            }
        }
        let mean = total / count
        #expect(abs(mean - 100) < 3, "mean children in care \(mean), expected 100")
    }

    @Test func entriesPerYearMatchTheRate() throws {
        // 60 replications x 12 years of Poisson(100): the mean's standard error is about 0.4.
        let model = try ScenarioModel(validating: steadyScenario(), file: "steady")
        let result = MonteCarloRunner.run(model, replications: 60, seed: 8)
        let fullYears = 1..<12  // 2025-26 ... 2036-37 are whole years
        let entries = fullYears.flatMap { result.financialValues(MetricCatalog.entries, year: $0) }
        let mean = entries.reduce(0, +) / Double(entries.count)
        #expect(abs(mean - 100) < 2.5, "mean entries a year \(mean), expected 100")
    }
}
