import Foundation
import Testing
import SSDA903
import Sufficiency

/// Backtests and tracking on synthetic council histories made by the exporter: a replication of
/// a known scenario is the truth (3 simulated years before the scenario's start, then its 5).
struct BacktestTests {
    static func history(_ file: String) throws -> (CareHistory, Scratch) {
        let model = try ScenarioLoader.model(at: packageRoot.appendingPathComponent("Scenarios/examples/\(file)").path)
        let export = try ReturnWriter.export(model, seed: 20_250_401, replication: 0, historyYears: 3)
        let scratch = try Scratch()
        for file in export.files { try scratch.write(file.path, file.text) }
        return (try ReturnReader.read(paths: [scratch.url.path]), scratch)
    }

    static let options = Backtest.Options(replications: 60, seed: 11, threads: 2, dataName: "synthetic")

    @Test func theDefaultOriginsAreTheMarchesWithThreeYearsBeforeAndOneAfter() throws {
        let (history, _) = try Self.history("history-stationary.json")
        #expect(history.yearsEnding == Array(2023...2030))
        #expect(Backtest.defaultOrigins(history, years: 3).map(\.iso) == ["2025-03-31", "2026-03-31", "2027-03-31", "2028-03-31", "2029-03-31"])
        #expect(Backtest.defaultOrigins(history, years: 5).map(\.iso) == ["2027-03-31", "2028-03-31", "2029-03-31"])
    }

    @Test func aStationaryHistoryIsForecastWithinItsBands() throws {
        let (history, _) = try Self.history("history-stationary.json")
        let result = try Backtest.run(history, options: Self.options)
        #expect(result.origins.count == 5)
        let stock = result.points.filter { $0.metric == "childrenLookedAfter" }
        // 12 quarters from each origin, as far as the files go: 12 + 12 + 12 + 8 + 4.
        #expect(stock.count == 48)
        for p in stock where p.quarterAhead == 1 {
            #expect(p.persistence == Double(history.stock(on: p.origin, ageBands: result.ageBands).total))
        }
        let flows = result.points.filter { $0.metric == "entries" }
        #expect(flows.map(\.yearAhead) == [1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 1])
        for p in flows { #expect(p.actual == Double(history.entries(yearEnding: Int(p.period.prefix(4))! + 1))) }
        let total = ForecastAccuracy(stock)
        #expect(total.coverage80 >= 0.6, "\(total)")
        #expect(total.mape! < 0.06, "\(total)")
    }

    @Test func aCalibratedForecastStartsFromTheCouncilsOwnMix() throws {
        // The council's own foster places are sized to those in use: children placed on the
        // start date fill the available ones, so none are spare to pull children from agencies.
        let (history, _) = try Self.history("history-stationary.json")
        let scenario = try Calibrator.calibrate(history, options: .init(asAt: CalendarDate(year: 2026, month: 3, day: 31), years: 3, dataName: "synthetic")).scenario
        let model = try ScenarioModel(validating: scenario, file: "calibrated")
        let run = MonteCarloRunner.run(model, replications: 40, seed: 11, threads: 2)
        let inHouse = run.catalog.monthly.firstIndex(of: "inHouseFosterPlacements")!
        let start = MetricSummary(run.monthlyValues(inHouse, snapshot: 0)).p50, quarter = MetricSummary(run.monthlyValues(inHouse, snapshot: 3)).p50
        #expect(abs(quarter / start - 1) < 0.04, "\(start) then \(quarter)")
    }

    @Test func aBreakTakesTheActualsOutOfTheBandAndTrackMarksThoseQuartersOffTrack() throws {
        let (history, _) = try Self.history("history-break.json")
        var options = Self.options
        // Forecast the day before the break, from the files before it.
        options.origins = [CalendarDate(year: 2027, month: 3, day: 31)]
        let result = try Backtest.run(history, options: options)
        let stock = result.points.filter { $0.metric == "childrenLookedAfter" }
        #expect(stock.last?.period == "2030-03-31")
        #expect(stock.filter { $0.actual > $0.forecast.p90 }.count >= 8, "\(stock.map(\.position))")
        // Entries jump in the year of the break, beyond the forecast's P95.
        let entries = try #require(result.points.first { $0.metric == "entries" && $0.period == "2027-28" })
        #expect(entries.actual > entries.forecast.p95, "\(entries)")

        // Track a forecast published on the same day: every quarter since the break is above
        // its band, while the same forecast from the stationary history mostly holds.
        let broken = try Self.trackedChildrenInCare(history, asAt: CalendarDate(year: 2027, month: 3, day: 31))
        #expect(broken.first?.period == "2027-06-30" && broken.count == 12)
        #expect(broken.filter { !$0.position.within80 && $0.position.above }.count >= 9, "\(broken.map(\.position))")
        let (steady, _) = try Self.history("history-stationary.json")
        let held = try Self.trackedChildrenInCare(steady, asAt: CalendarDate(year: 2027, month: 3, day: 31))
        #expect(held.filter(\.position.within80).count >= 8, "\(held.map(\.position))")
    }

    /// Calibrates `history` as at `asAt`, runs the forecast as `run` would publish it, and tracks
    /// the children in care in all against it.
    static func trackedChildrenInCare(_ history: CareHistory, asAt: CalendarDate) throws -> [ForecastPoint] {
        var metrics: [String: [CalendarDate: MetricSummary]] = [:]
        let scenario = try Calibrator.calibrate(history, options: .init(asAt: asAt, years: 3, dataName: "synthetic")).scenario
        let model = try ScenarioModel(validating: scenario, file: "calibrated")
        let run = MonteCarloRunner.run(model, replications: 60, seed: 11, threads: 2)
        for (index, name) in run.catalog.monthly.enumerated() {
            for (snapshot, date) in model.snapshotDates.enumerated() { metrics[name, default: [:]][date] = MetricSummary(run.monthlyValues(index, snapshot: snapshot)) }
        }
        let tracked = try Track.compare(history, with: .init(name: "calibrated", startDate: model.startDate, ageBands: scenario.ageBands, metrics: metrics),
                                        dataName: "synthetic")
        return tracked.points.filter { $0.metric == "childrenLookedAfter" }
    }

    @Test func originsMustBeQuarterEndsInsideTheFiles() throws {
        let (history, _) = try Self.history("history-stationary.json")
        var options = Self.options
        options.origins = [CalendarDate(year: 2026, month: 2, day: 14)]
        #expect { try Backtest.run(history, options: options) } throws: { error in
            (error as? SSDA903Error)?.description.contains("expected quarter ends (31 March, 30 June, 30 September or 31 December), found 2026-02-14") == true
        }
        options.origins = [CalendarDate(year: 2030, month: 3, day: 31)]
        #expect { try Backtest.run(history, options: options) } throws: { error in
            (error as? SSDA903Error)?.description.contains("at least a quarter of the files after them") == true
        }
    }
}
