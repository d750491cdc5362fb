import Foundation
import Testing
import Sufficiency
@testable import SufficiencyReports

/// Paired differences: ties are "the same", not "not lower"; the spread of the differences is
/// reported beside the interval of their mean; the break-even year is where cumulative cost turns.
struct PairedComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func summary(_ name: String, replications: Int = 12) throws -> RunSummary {
        let path = Self.root.appendingPathComponent("Scenarios/\(name).json").path
        let model = try ScenarioLoader.model(at: path)
        let result = MonteCarloRunner.run(model, replications: replications, seed: 9, threads: 2)
        return RunSummary(result: result, provenance: .of(file: path, version: "test", seed: 9, replications: replications))
    }

    @Test func aScenarioAgainstItselfIsTheSameInEveryFuture() throws {
        let base = try summary("baseline")
        let same = PairedComparison(baseline: base, variant: base)
        for outcome in PairedComparison.Outcome.allCases {
            let d = same.difference(outcome, year: nil)
            #expect(d.probabilitySame == 1 && d.probabilityLower == 0 && d.probabilityHigher == 0, "\(outcome)")
            #expect(d.mean == 0 && d.p10 == 0 && d.p90 == 0)
        }
        #expect(same.breakEvenYear == nil)
        #expect(same.headline.contains("costs about the same as baseline"))
    }

    @Test func differencesSpreadWiderThanTheIntervalOfTheirMeanAndBreakEvenWhereCumulativeCostTurns() throws {
        // Enough futures that the interval of the mean is clearly narrower than their spread.
        let base = try summary("baseline", replications: 40), variant = try summary("recruit-20", replications: 40)
        let c = PairedComparison(baseline: base, variant: variant)
        let cost = c.difference(.totalCost, year: nil)
        #expect(cost.p10 < cost.low && cost.p90 > cost.high, "the spread of futures is wider than the mean's interval")
        let years = base.result.financialYears.indices
        let cumulative = years.map { y in years.prefix(y + 1).map { c.difference(.totalCost, year: $0).mean }.reduce(0, +) }
        if let year = c.breakEvenYear {
            #expect(cumulative[0] > 0 && cumulative[year] <= 0 && (year == 0 || cumulative[year - 1] > 0))
            #expect(cumulative[year...].allSatisfy { $0 <= 0 })
        } else {
            #expect(cumulative[0] <= 0 || cumulative.last! > 0)
        }
        let total = years.map { c.difference(.totalCost, year: $0).mean }.reduce(0, +)
        #expect(abs(total - cost.mean) < 1e-6 * abs(cost.mean) + 1e-6)
    }
}

struct GroupNameTests {
    @Test func groupNamesReadAsWords() {
        #expect(RunSummary.words("parentAndChild") == "parent and child")
        #expect(RunSummary.words("10to15") == "10 to 15")
        #expect(RunSummary.words("under1") == "under 1")
        #expect(RunSummary.words("standard") == "standard")
    }
}
