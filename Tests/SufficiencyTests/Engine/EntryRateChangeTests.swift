import Foundation
import Testing
@testable import Sufficiency

/// Step changes in the entry rate and the estimate's uncertainty, drawn per replication.
struct EntryRateChangeTests {
    static func entries(_ scenario: Scenario, replications: Int = 200) throws -> [[Double]] {
        let model = try ScenarioModel(validating: scenario, file: "test")
        let result = MonteCarloRunner.run(model, replications: replications, seed: 7, threads: 2)
        return (0..<result.financialYears.count).map { result.values(of: "entries", year: $0)! }
    }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    static func sd(_ v: [Double]) -> Double { MetricSummary(v).sd }

    @Test func aStepChangeMultipliesEntriesFromItsDateAndLeavesEarlierYearsAlone() throws {
        var changed = Scenario.defaults
        changed.entries.rateChanges = [RateChange(from: "2027-04-01", multiplier: 1.5)]
        let before = try Self.entries(.defaults), after = try Self.entries(changed)
        for year in 0..<before.count {
            let ratio = Self.mean(after[year]) / Self.mean(before[year])
            #expect(abs(ratio - (year < 2 ? 1 : 1.5)) < 0.05, "year \(year): \(ratio)")
        }
    }

    @Test func aChangeInsideAYearAppliesFromItsDay() throws {
        var changed = Scenario.defaults
        changed.entries.rateChanges = [RateChange(from: "2025-10-01", multiplier: 3)]
        let before = try Self.entries(.defaults), after = try Self.entries(changed)
        // Half of the first year at three times the rate: twice the entries.
        let ratio = Self.mean(after[0]) / Self.mean(before[0])
        #expect(abs(ratio - 2) < 0.08, "\(ratio)")
    }

    @Test func badChangesNameTheirFields() {
        var s = Scenario.defaults
        s.entries.rateChanges = [RateChange(from: "2027-13-01", multiplier: 1), RateChange(from: "2027-04-01", multiplier: 11)]
        s.entries.rateUncertainty = -0.1
        #expect(throws: ScenarioError.self) { try ScenarioModel(validating: s, file: "x.json") }
        let text = validationProblems(s)
        #expect(text.contains("entries.rateChanges[0].from: expected a date as YYYY-MM-DD, found '2027-13-01'"))
        #expect(text.contains("entries.rateChanges[1].multiplier"))
        #expect(text.contains("entries.rateUncertainty"))
    }

    @Test func uncertaintyWidensTheSpreadOfEntriesButNotTheirCentre() throws {
        var uncertain = Scenario.defaults
        uncertain.entries.rateUncertainty = 0.2
        let known = try Self.entries(.defaults, replications: 400), drawn = try Self.entries(uncertain, replications: 400)
        // Poisson alone: sd about sqrt(158) = 12.6; with a 20% rate error about 34.
        #expect(Self.sd(drawn[0]) > 2 * Self.sd(known[0]), "\(Self.sd(drawn[0])) against \(Self.sd(known[0]))")
        #expect(abs(MetricSummary(drawn[0]).p50 / MetricSummary(known[0]).p50 - 1) < 0.05)
    }

    @Test func ratesMeasuredBeforeTheStartAreCarriedForwardByTheTrend() throws {
        var trend = Scenario.defaults
        trend.entries.trendPerYear = 0.1
        var measured = trend
        measured.entries.rateMeasuredAt = "2023-04-01"
        let fromStart = try Self.entries(trend), carried = try Self.entries(measured)
        // Two years before the start, and the first year's middle half a year after it.
        for year in 0..<2 {
            let ratio = Self.mean(carried[year]) / Self.mean(fromStart[year])
            #expect(abs(ratio - pow(1.1, 2.5)) < 0.05, "year \(year): \(ratio)")
        }
    }

    @Test func aRateDateAfterTheStartOrNotADateIsRefused() {
        for (date, expected) in [("2026-01-01", "expected a date on or before the start (2025-04-01)"), ("01/04/2024", "expected a date as YYYY-MM-DD")] {
            var s = Scenario.defaults
            s.entries.rateMeasuredAt = date
            let text = validationProblems(s)
            #expect(text.contains("entries.rateMeasuredAt: \(expected)"), "\(text)")
        }
    }
}
