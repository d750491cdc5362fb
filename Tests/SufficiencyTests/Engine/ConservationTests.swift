import Testing
@testable import Sufficiency

/// Children are neither made nor lost: the number in care at each year's end is the start plus
/// the year's entries less its exits, in every replication (the horizon day included).
struct ConservationTests {
    @Test(arguments: ["baseline", "unitary-2015"])
    func childrenInCareAtEachYearEndAreStartPlusEntriesLessExits(name: String) throws {
        let model = try shippedScenario(name)
        let result = MonteCarloRunner.run(model, replications: 10, seed: 5)
        let cla = MetricCatalog.childrenLookedAfter
        var checked = 0
        for replication in result.replications {
            for (year, start) in model.financialYearStartDays.enumerated() {
                let end = year + 1 < model.financialYearStartDays.count ? model.financialYearStartDays[year + 1] : model.horizonDays
                guard let first = model.snapshotDays.firstIndex(where: { $0 >= max(start, 0) }),
                      let last = model.snapshotDays.firstIndex(of: end) else { continue }
                guard model.snapshotDays[first] == max(start, 0) else { continue }
                let flow = replication.financial(MetricCatalog.entries, year) - replication.financial(MetricCatalog.exits, year)
                #expect(replication.monthly(cla, last) == replication.monthly(cla, first) + flow, "\(name) year \(year)")
                checked += 1
            }
        }
        #expect(checked == 10 * model.financialYearStartDays.count, "every year of every replication checked")
    }
}
