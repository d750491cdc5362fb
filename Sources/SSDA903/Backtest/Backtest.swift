import Foundation
import Sufficiency

/// How good the forecasts would have been: for each origin, calibrate from the files up to that
/// day only, simulate forward, and set the forecast against what the same files show afterwards,
/// beside the two naive forecasts.
public enum Backtest {
    public struct Options: Sendable {
        /// Forecast origins (quarter ends); nil for `defaultOrigins`.
        public var origins: [CalendarDate]?
        /// Years simulated after each origin; points beyond the files are left out.
        public var horizonYears = 3
        public var replications = 200
        public var seed: UInt64
        public var threads: Int
        /// Years of history each calibration takes its rates from (`calibrate --years`).
        public var years = 3
        /// The scenario whose other settings (geography, prices, matching) calibration keeps.
        public var base: Scenario
        /// Names the data in sources: the paths read.
        public var dataName: String

        public init(origins: [CalendarDate]? = nil, horizonYears: Int = 3, replications: Int = 200, seed: UInt64,
                    threads: Int = ProcessInfo.processInfo.activeProcessorCount, years: Int = 3, base: Scenario = .defaults, dataName: String) {
            self.origins = origins; self.horizonYears = horizonYears; self.replications = replications; self.seed = seed
            self.threads = threads; self.years = years; self.base = base; self.dataName = dataName
        }
    }

    public struct Result: Sendable {
        public let origins: [ForecastOrigin]
        /// Every forecast point, by origin, then metric (stocks before flows), then date.
        public let points: [ForecastPoint]
        public let horizonYears: Int
        public let replications: Int
        public let seed: UInt64
        public let ageBands: [AgeBand]
    }

    /// Whether a date ends a quarter (31 March, 30 June, 30 September, 31 December).
    public static func isQuarterEnd(_ date: CalendarDate) -> Bool {
        let next = CalendarDate(dayNumber: date.dayNumber + 1).components
        return next.day == 1 && [1, 4, 7, 10].contains(next.month)
    }

    /// Every 31 March with at least `years` (and three) years of files before it and one after.
    public static func defaultOrigins(_ history: CareHistory, years: Int) -> [CalendarDate] {
        let coverage = history.coverage, before = max(years, 3)
        return history.yearsEnding.map { CalendarDate(year: $0, month: 3, day: 31) }.filter { origin in
            CalendarDate(year: origin.components.year - before, month: 4, day: 1) >= coverage.lowerBound
                && CalendarDate(year: origin.components.year + 1, month: 3, day: 31) <= coverage.upperBound
        }
    }

    /// Runs the backtest.
    ///
    /// - Throws: `SSDA903Error` naming `--origins` when an origin is not a quarter end inside the
    ///   files with a year after it, or when there is none; calibration's own errors.
    public static func run(_ history: CareHistory, options: Options) throws -> Result {
        let origins = options.origins ?? defaultOrigins(history, years: options.years)
        let coverage = history.coverage
        func problem(_ message: String) -> SSDA903Error { SSDA903Error([DataProblem(.error, file: options.dataName, column: "--origins", message)]) }
        guard !origins.isEmpty else {
            throw problem("expected at least one forecast origin: the files cover \(coverage.lowerBound.iso) to \(coverage.upperBound.iso), and the default origins are the 31 Marches with \(max(options.years, 3)) years of files before them and one after")
        }
        for origin in origins {
            guard isQuarterEnd(origin) else { throw problem("expected quarter ends (31 March, 30 June, 30 September or 31 December), found \(origin.iso)") }
            guard origin >= coverage.lowerBound, CalendarDate(dayNumber: origin.addingMonths(3).dayNumber) <= coverage.upperBound else {
                throw problem("expected origins with at least a quarter of the files after them (the files cover \(coverage.lowerBound.iso) to \(coverage.upperBound.iso)), found \(origin.iso)")
            }
        }
        let bands = options.base.ageBands
        var stockCache: [CalendarDate: [String: Double]] = [:]
        func stock(_ date: CalendarDate) -> [String: Double] {
            if let cached = stockCache[date] { return cached }
            let values = ComparableMetrics.actualStock(history, on: date, ageBands: bands)
            stockCache[date] = values
            return values
        }
        var points: [ForecastPoint] = []
        var summaries: [ForecastOrigin] = []
        for origin in origins.sorted() {
            var scenario = try Calibrator.calibrate(history, options: .init(asAt: origin, years: options.years, base: options.base,
                                                                            dataName: options.dataName)).scenario
            scenario.time.horizonYears = options.horizonYears
            let model = try ScenarioModel(validating: scenario, file: "calibrated as at \(origin.iso)")
            let result = MonteCarloRunner.run(model, replications: options.replications, seed: options.seed, threads: options.threads)
            summaries.append(ForecastOrigin(date: origin, childrenInCare: scenario.initialChildren.byAgeBand.values.reduce(0, +),
                                    entriesPerYear: bands.map { scenario.entries.ratePerYear[$0.name, default: 0] }.reduce(0, +), trendPerYear: scenario.entries.trendPerYear))
            let end = min(origin.addingMonths(12 * options.horizonYears), coverage.upperBound)
            points += stockPoints(origin: origin, end: end, result: result, history: history, stock: stock)
            points += flowPoints(origin: origin, end: end, result: result, history: history)
        }
        return Result(origins: summaries, points: points, horizonYears: options.horizonYears, replications: options.replications,
                      seed: options.seed, ageBands: bands)
    }

    /// The quarter ends after `origin` up to `end`.
    public static func quarterEnds(after origin: CalendarDate, through end: CalendarDate) -> [CalendarDate] {
        var dates: [CalendarDate] = []
        let (y, m, _) = origin.components
        var first = CalendarDate(year: y, month: m, day: 1).addingMonths(1)
        while true {
            let date = CalendarDate(dayNumber: first.dayNumber - 1)
            if date > end { break }
            if date > origin && isQuarterEnd(date) { dates.append(date) }
            first = first.addingMonths(1)
        }
        return dates
    }

    static func stockPoints(origin: CalendarDate, end: CalendarDate, result: MonteCarloResult, history: CareHistory,
                            stock: (CalendarDate) -> [String: Double]) -> [ForecastPoint] {
        let dates = quarterEnds(after: origin, through: end)
        // The naive trend's points: quarter ends in the three years up to the origin, inside the files.
        let past = quarterEnds(after: origin.addingMonths(-36), through: origin).filter { $0 >= history.coverage.lowerBound }
            + (isQuarterEnd(origin) ? [] : [origin])
        let atOrigin = stock(origin)
        let snapshots = Dictionary(uniqueKeysWithValues: result.model.snapshotDates.enumerated().map { ($1, $0) })
        var points: [ForecastPoint] = []
        for metric in ComparableMetrics.stock(ageBands: result.model.scenario.ageBands) {
            let line = past.map { (x: Double($0.dayNumber), y: stock($0)[metric] ?? 0) }
            for (q, date) in dates.enumerated() {
                guard let snapshot = snapshots[CalendarDate(dayNumber: date.dayNumber + 1)] else { continue }
                let values = ComparableMetrics.simulatedStock(result, metric, snapshot: snapshot)
                points.append(ForecastPoint(origin: origin, metric: metric, period: date.iso, quarterAhead: q + 1, yearAhead: ForecastPoint.year(ofQuarter: q + 1),
                                            actual: stock(date)[metric] ?? 0, forecast: MetricSummary(values),
                                            persistence: atOrigin[metric] ?? 0, trend: NaiveForecast.trend(line, at: Double(date.dayNumber))))
            }
        }
        return points
    }

    static func flowPoints(origin: CalendarDate, end: CalendarDate, result: MonteCarloResult, history: CareHistory) -> [ForecastPoint] {
        let first = CalendarDate(dayNumber: origin.dayNumber + 1).financialYearStart
        let firstEnding = first.components.year + (first > origin ? 1 : 2)
        let years = Array(firstEnding...max(firstEnding, end.components.year + 1)).filter { CareHistory.collectionYear(endingIn: $0).upperBound <= end }
        let lastBefore = CalendarDate(dayNumber: origin.dayNumber + 1).financialYearStart.components.year
        let past = (lastBefore - 2...lastBefore).filter { CareHistory.collectionYear(endingIn: $0).lowerBound >= history.coverage.lowerBound }
        let pastValues = past.map { (year: $0, values: ComparableMetrics.actualFlows(history, yearEnding: $0)) }
        var points: [ForecastPoint] = []
        for metric in ComparableMetrics.flows {
            let line = pastValues.map { (x: Double($0.year), y: $0.values[metric] ?? 0) }
            for yearEnding in years {
                guard let y = result.financialYears.firstIndex(of: CareHistory.label(yearEnding: yearEnding)) else { continue }
                // Whole years ahead, a leap day aside.
                let ahead = Int((Double(CareHistory.collectionYear(endingIn: yearEnding).upperBound.dayNumber - origin.dayNumber) / 365.25 - 0.01).rounded(.up))
                points.append(ForecastPoint(origin: origin, metric: metric, period: CareHistory.label(yearEnding: yearEnding), quarterAhead: nil,
                                            yearAhead: ahead, actual: ComparableMetrics.actualFlows(history, yearEnding: yearEnding)[metric] ?? 0,
                                            forecast: MetricSummary(ComparableMetrics.simulatedFlow(result, metric, year: y)),
                                            persistence: pastValues.last?.values[metric] ?? 0, trend: NaiveForecast.trend(line, at: Double(yearEnding))))
            }
        }
        return points
    }
}
