import Foundation
import Testing
@testable import Sufficiency

/// Children in care at the start, aged by whole year when the scenario counts them so.
struct InitialAgeTests {
    /// Every band's children at its oldest year of age.
    static var oldest: Scenario {
        var s = Scenario.defaults
        let c = s.initialChildren.byAgeBand
        s.initialChildren.byYearOfAge = ["0": c["under1"]!, "4": c["1to4"]!, "9": c["5to9"]!, "15": c["10to15"]!, "17": c["16to17"]!]
        return s
    }

    static func aged(_ band: String, after months: Int, _ scenario: Scenario) throws -> Double {
        let model = try ScenarioModel(validating: scenario, file: "test")
        let result = MonteCarloRunner.run(model, replications: 20, seed: 3, threads: 2)
        return MetricSummary(result.monthlyValues(result.catalog.monthly.firstIndex(of: MetricCatalog.childrenAged(band))!, snapshot: months)).p50
    }

    @Test func childrenCountedAtTheTopOfTheirBandLeaveItWithinAYear() throws {
        let even = try Self.aged("10to15", after: 12, .defaults), oldest = try Self.aged("10to15", after: 12, Self.oldest)
        // All 178 aged 15 are 16 a year later (and the 80 aged 9 take their place); spread
        // evenly over 10-15, only about a sixth are, and a fifth of 5-9 come in.
        #expect(oldest < even - 50, "\(oldest) against \(even)")
        #expect(try Self.aged("10to15", after: 0, Self.oldest) == 178)
    }

    @Test func yearsThatDisagreeWithTheBandsAreRefused() {
        var s = Self.oldest
        s.initialChildren.byYearOfAge!["15"] = 170
        s.initialChildren.byYearOfAge!["18"] = 1
        let text = validationProblems(s)
        #expect(text.contains("initialChildren.byYearOfAge: ages 10 to 15 total 170 children but byAgeBand.10to15 is 178; they must agree"), "\(text)")
        #expect(text.contains("initialChildren.byYearOfAge.18: expected a whole year of age from 0 to 17, found '18'"), "\(text)")
    }
}
