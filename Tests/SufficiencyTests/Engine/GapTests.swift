import Testing
@testable import Sufficiency

/// Gaps by group add up: every child-day waiting and every substitution falls in exactly one age
/// band, one need and one sibling-group size; shares are shares.
struct GapTests {
    @Test func eachDimensionAddsUpToTheTotals() throws {
        let model = try shippedScenario("baseline")
        let result = MonteCarloRunner.run(model, replications: 6, seed: 4, threads: 2)
        let catalog = result.catalog
        var waited = 0.0
        for replication in result.replications {
            for year in model.financialYearLabels.indices {
                for dimension in ["ageBand", "need", "siblingGroupSize"] {
                    let groups = catalog.gapGroups.indices.filter { catalog.gapGroups[$0].dimension == dimension }
                    func total(_ measure: Int) -> Double { groups.map { replication.financial(catalog.gapMetric(group: $0, measure: measure), year) }.reduce(0, +) }
                    #expect(abs(total(MetricCatalog.childDaysWaitingGap) - replication.financial(MetricCatalog.childDaysWaiting, year)) < 1e-6, "\(dimension) \(year)")
                    #expect(total(MetricCatalog.substitutionsGap) == replication.financial(MetricCatalog.substitutions, year), "\(dimension) \(year)")
                    for g in groups {
                        for measure in [MetricCatalog.shareOver20MilesGap, MetricCatalog.shareInResidentialGap] {
                            let share = replication.financial(catalog.gapMetric(group: g, measure: measure), year)
                            #expect(share >= 0 && share <= 1)
                        }
                    }
                }
                waited += replication.financial(MetricCatalog.childDaysWaiting, year)
            }
        }
        #expect(waited > 0, "the test needs some waiting to share out")
        // Only children who came with siblings can be separated from them.
        let single = catalog.gapGroups.firstIndex { $0.dimension == "siblingGroupSize" && $0.group == "1" }!
        #expect(result.replications.allSatisfy { r in model.financialYearLabels.indices.allSatisfy { r.financial(catalog.gapMetric(group: single, measure: MetricCatalog.separatedGap), $0) == 0 } })
    }
}
