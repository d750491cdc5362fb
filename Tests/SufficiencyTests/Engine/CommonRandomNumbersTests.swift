import Testing
@testable import Sufficiency

/// Scenarios that differ only in supply or policy see the same children: a paired experiment.
struct CommonRandomNumbersTests {
    @Test(arguments: ["recruit-40", "ifa-market-tightens", "step-down"])
    func demandIsIdenticalAcrossASupplyOrPolicyChange(variant: String) throws {
        let base = try shippedScenario("baseline")
        let other = try shippedScenario(variant)
        let a = MonteCarloRunner.run(base, replications: 4, seed: 99)
        let b = MonteCarloRunner.run(other, replications: 4, seed: 99)
        let catalog = a.catalog
        let demandMetrics = [MetricCatalog.entries, MetricCatalog.exits] + (0..<ScenarioModel.exitRouteNames.count).map { catalog.exitsByRoute + $0 }
        for r in 0..<4 {
            for metric in demandMetrics {
                for year in 0..<a.financialYears.count {
                    #expect(a.replications[r].financial(metric, year) == b.replications[r].financial(metric, year),
                            "replication \(r), \(catalog.financialYear[metric]), year \(year)")
                }
            }
            // Children in care are demand too: the same on every snapshot.
            for snapshot in 0..<a.snapshotDates.count {
                #expect(a.replications[r].monthly(MetricCatalog.childrenLookedAfter, snapshot)
                        == b.replications[r].monthly(MetricCatalog.childrenLookedAfter, snapshot))
            }
        }
        // The change itself did change something.
        #expect(a.replications.map(\.monthly) != b.replications.map(\.monthly))
    }
}
