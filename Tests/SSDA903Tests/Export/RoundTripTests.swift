import Foundation
import Testing
import SSDA903
import Sufficiency

/// Export a replication, read the files back: every count the files give equals the
/// simulation's own for the same replication.
struct RoundTripTests {
    static let baseline = packageRoot.appendingPathComponent("Scenarios/baseline.json").path

    @Test(arguments: [(replication: 0, historyYears: 3), (replication: 7, historyYears: 0)])
    func filesReadBackGiveTheSimulationsOwnCounts(replication: Int, historyYears: Int) throws {
        let model = try ScenarioLoader.model(at: Self.baseline)
        let export = try ReturnWriter.export(model, seed: 42, replication: replication, historyYears: historyYears)
        let scratch = try Scratch()
        for file in export.files { try scratch.write(file.path, file.text) }
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.problems.isEmpty, "\(history.problems.prefix(3).map(\.description))")
        let years = ReturnWriter.yearsCovered(log: export.log)
        #expect(years.count == model.scenario.time.horizonYears + historyYears)
        #expect(history.yearsEnding == years)

        let run = export.model, result = export.result, catalog = export.catalog
        for yearEnding in years {
            let label = CareHistory.label(yearEnding: yearEnding)
            let y = try #require(run.financialYearLabels.firstIndex(of: label))
            func simulated(_ metric: String) throws -> Int { Int(result.financial(try #require(catalog.financialIndex(metric)), y)) }

            #expect(history.entries(yearEnding: yearEnding) == (try simulated("entries")), "entries \(label)")
            let exits = history.exits(yearEnding: yearEnding)
            for route in LeavingRoute.allCases {
                #expect(exits[route, default: 0] == (try simulated("exitsByRoute.\(route.rawValue)")), "exits \(route) \(label)")
            }
            #expect(exits[nil] == nil, "no exit without a route in \(label)")
            var placements: [PlacementCategory: Int] = [:]
            for kind in PlacementKind.allCases { placements[PlacementCategory(kind), default: 0] += try simulated("placementsStartedByType.\(kind.rawValue)") }
            #expect(history.placementsStarted(yearEnding: yearEnding).filter { $0.value > 0 } == placements.filter { $0.value > 0 }, "placements \(label)")

            // The stock at the end of 31 March is the snapshot taken at the start of 1 April.
            let snapshot = try #require(run.snapshotDates.firstIndex(of: CalendarDate(year: yearEnding, month: 4, day: 1)))
            let stock = history.stock(on: CareHistory.collectionYear(endingIn: yearEnding).upperBound, ageBands: run.scenario.ageBands)
            #expect(stock.total == Int(result.monthly(try #require(catalog.monthlyIndex("childrenLookedAfter")), snapshot)), "stock \(label)")
            var byCategory: [PlacementCategory: Int] = [:]
            for kind in PlacementKind.allCases {
                byCategory[PlacementCategory(kind), default: 0] += Int(result.monthly(try #require(catalog.monthlyIndex("\(kind.rawValue)Placements")), snapshot))
            }
            #expect(stock.byCategory.filter { $0.value > 0 } == byCategory.filter { $0.value > 0 }, "stock by category \(label)")
            for band in run.scenario.ageBands {
                let simulatedBand = Int(result.monthly(try #require(catalog.monthlyIndex("childrenAged" + band.name.prefix(1).uppercased() + band.name.dropFirst())), snapshot))
                // The model's bands count age in days (365.25 a year); the files in calendar years:
                // a child on a birthday can sit in either. Totals agree exactly; bands within 2.
                #expect(abs(stock.byAgeBand[band.name, default: 0] - simulatedBand) <= 2, "age band \(band.name) \(label)")
            }
        }
    }

    @Test func theSameReplicationGivesTheSameFiles() throws {
        let model = try ScenarioLoader.model(at: Self.baseline)
        let a = try ReturnWriter.export(model, seed: 5, replication: 3, historyYears: 1).files
        let b = try ReturnWriter.export(model, seed: 5, replication: 3, historyYears: 1).files
        let other = try ReturnWriter.export(model, seed: 6, replication: 3, historyYears: 1).files
        #expect(a == b)
        #expect(a != other)
    }

    @Test func tracingChangesNothingTheModelDraws() throws {
        let model = try ScenarioLoader.model(at: Self.baseline)
        let traced = ReplicationTrace.run(model, seed: 9, replication: 2).result
        let plain = MonteCarloRunner.run(model, replications: 3, seed: 9, threads: 1).replications[2]
        #expect(traced.monthly == plain.monthly)
        #expect(traced.financial == plain.financial)
    }

    @Test func anAreaWithoutPostcodesIsAnErrorNamingIt() throws {
        var scenario = try ScenarioLoader.scenario(at: Self.baseline)
        scenario.geography.areas[2].postcodes = []
        let model = try ScenarioModel(validating: scenario, file: "x.json")
        #expect(throws: SSDA903Error.self) { try ReturnWriter.export(model, seed: 1, replication: 0, historyYears: 0) }
        do {
            _ = try ReturnWriter.export(model, seed: 1, replication: 0, historyYears: 0)
        } catch let error as SSDA903Error {
            #expect(error.description.contains("geography.areas[2].postcodes"))
            #expect(error.description.contains("'south'"))
        }
    }
}
