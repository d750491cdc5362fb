import Testing
@testable import Sufficiency

/// Need first, supply second: what children need follows the scenario's needs; supply decides
/// where it is met, and shows insufficiency as substitutions and waiting.
struct PlacementNeedTests {
    static func mean(_ result: MonteCarloResult, monthly name: String, snapshots: Range<Int>) -> Double {
        let metric = result.catalog.monthlyIndex(name)!
        let values = snapshots.flatMap { result.monthlyValues(metric, snapshot: $0) }
        return values.reduce(0, +) / Double(values.count)
    }

    static func total(_ result: MonteCarloResult, financial name: String) -> Double {
        let metric = result.catalog.financialIndex(name)!
        return (0..<result.financialYears.count).flatMap { result.financialValues(metric, year: $0) }.reduce(0, +)
    }

    @Test func recruitingMoreCarersMovesChildrenFromAgenciesToInHouseCarers() throws {
        let base = MonteCarloRunner.run(try shippedScenario("baseline"), replications: 40, seed: 3)
        let more = MonteCarloRunner.run(try shippedScenario("recruit-20"), replications: 40, seed: 3)
        let lastYear = 48..<61
        #expect(Self.mean(more, monthly: "inHouseFosterPlacements", snapshots: lastYear) > Self.mean(base, monthly: "inHouseFosterPlacements", snapshots: lastYear) + 20)
        #expect(Self.mean(more, monthly: "agencyFosterPlacements", snapshots: lastYear) < Self.mean(base, monthly: "agencyFosterPlacements", snapshots: lastYear) - 20)
        #expect(Self.mean(more, monthly: "shareOutsideLA", snapshots: lastYear) < Self.mean(base, monthly: "shareOutsideLA", snapshots: lastYear))
        // The same children, paired: the number in care is identical replication by replication.
        let cla = base.catalog.monthlyIndex("childrenLookedAfter")!
        for r in 0..<40 {
            for s in 0..<base.snapshotDates.count { #expect(base.replications[r].monthly(cla, s) == more.replications[r].monthly(cla, s)) }
        }
    }

    @Test func aTighterAgencyMarketShowsAsSubstitutionsAndWaiting() throws {
        var tight = try shippedScenario("baseline").scenario
        tight.supply.markets.agencyFoster.capacity = 40
        let base = MonteCarloRunner.run(try shippedScenario("baseline"), replications: 40, seed: 4)
        let cut = MonteCarloRunner.run(try ScenarioModel(validating: tight, file: "tight"), replications: 40, seed: 4)
        // Children's homes take some of those who need foster care (a substitution); the rest wait.
        #expect(Self.total(cut, financial: "substitutionsBySought.fostering") > Self.total(base, financial: "substitutionsBySought.fostering") * 1.1)
        #expect(Self.total(cut, financial: "childDaysWaiting") > Self.total(base, financial: "childDaysWaiting") * 1.5)
    }

    @Test func withAmpleSupplyEveryNeedIsMetAsNeeded() throws {
        var ample = try shippedScenario("baseline").scenario
        ample.supply.markets.agencyFoster.capacity = 2_000
        ample.supply.markets.externalResidential.capacity = 2_000
        ample.supply.markets.supportedAccommodation.capacity = 2_000
        for kind in PlacementKind.allCases where kind != .emergency {
            var settings = ample.placementTypes[kind]
            settings.needsMet = ample.needs
            settings.minAge = 0
            ample.placementTypes[kind] = settings
        }
        let model = try ScenarioModel(validating: ample, file: "ample")
        let result = MonteCarloRunner.run(model, replications: 20, seed: 5)
        #expect(Self.total(result, financial: "substitutions") == 0)
        #expect(Self.total(result, financial: "childDaysWaiting") < 20 * 5 * 10)  // only the 8 waiting at the start, placed on day one
        // Entrants' first placements follow their needs at entry: kin, in-house and agency carers
        // are all fostering.
        let foster = ["kinship", "inHouseFoster", "agencyFoster"].map { Self.total(result, financial: "firstPlacementsByType.\($0)") }.reduce(0, +)
        let all = PlacementKind.allCases.map { Self.total(result, financial: "firstPlacementsByType.\($0.rawValue)") }.reduce(0, +)
        let rates = model.scenario.entries.ratePerYear, atEntry = model.scenario.placementNeeds.atEntry
        let expected = rates.map { band, rate in rate * (atEntry[band]?["fostering"] ?? 0) }.reduce(0, +) / rates.values.reduce(0, +)
        // 20 replications x 5 years x about 158 entrants: the share's standard error is under 0.01.
        #expect(abs(foster / all - expected) < 0.03, "fostering share of first placements \(foster / all), needs say \(expected)")
    }

    @Test func inHouseCarersAreNotFullWhenSomePlacesAreUnavailable() throws {
        let result = MonteCarloRunner.run(try shippedScenario("baseline"), replications: 20, seed: 6)
        let occupancy = Self.mean(result, monthly: "inHouseOccupancy", snapshots: 12..<61)
        #expect(occupancy < 1 - 0.18 + 0.02, "occupancy \(occupancy) with 18% of places unavailable")
    }
}
