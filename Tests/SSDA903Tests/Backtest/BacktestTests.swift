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

        // Track the same forecast as if published: the quarters before the break are on track,
        // most in the last year are not.
        var metrics: [String: [CalendarDate: MetricSummary]] = [:]
        let scenario = try Calibrator.calibrate(history, options: .init(asAt: CalendarDate(year: 2026, month: 3, day: 31), years: 3, dataName: "synthetic")).scenario
        let model = try ScenarioModel(validating: scenario, file: "calibrated")
        let run = MonteCarloRunner.run(model, replications: 60, seed: 11, threads: 2)
        for (index, name) in run.catalog.monthly.enumerated() {
            for (snapshot, date) in model.snapshotDates.enumerated() { metrics[name, default: [:]][date] = MetricSummary(run.monthlyValues(index, snapshot: snapshot)) }
        }
        let tracked = try Track.compare(history, with: .init(name: "calibrated", startDate: model.startDate, ageBands: scenario.ageBands, metrics: metrics),
                                        dataName: "synthetic")
        let total = tracked.points.filter { $0.metric == "childrenLookedAfter" }
        #expect(total.first?.period == "2026-06-30")
        #expect(total.filter { $0.period < "2027-04-01" }.allSatisfy { $0.position.within90 })
        #expect(total.filter { $0.period > "2029-03-31" }.filter { !$0.position.within80 }.count >= 3, "\(total.suffix(4).map(\.position))")
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
