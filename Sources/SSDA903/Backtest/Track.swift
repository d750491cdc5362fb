import Sufficiency

/// Where the actual numbers fall against an earlier forecast: every quarter end after the
/// forecast's start that the files cover, children in care in all, by placement category and by
/// age band, set against the forecast's bands as published.
public enum Track {
    /// A forecast as published: each monthly metric's summary on each snapshot date.
    public struct Forecast: Sendable {
        public let name: String
        public let startDate: CalendarDate
        public let ageBands: [AgeBand]
        /// Monthly metric name -> snapshot date -> summary.
        public let metrics: [String: [CalendarDate: MetricSummary]]

        public init(name: String, startDate: CalendarDate, ageBands: [AgeBand], metrics: [String: [CalendarDate: MetricSummary]]) {
            self.name = name; self.startDate = startDate; self.ageBands = ageBands; self.metrics = metrics
        }
    }

    public struct Result: Sendable {
        /// Every comparison, by metric then date; the naive forecasts are not part of tracking
        /// and are NaN.
        public let points: [ForecastPoint]
        /// What could not be compared, and why.
        public let notes: [String]
    }

    /// Compares the files with the forecast.
    ///
    /// - Throws: `SSDA903Error` when no quarter end after the forecast's start is both in the
    ///   files and one of its snapshot dates.
    public static func compare(_ history: CareHistory, with forecast: Forecast, dataName: String) throws(SSDA903Error) -> Result {
        let origin = CalendarDate(dayNumber: forecast.startDate.dayNumber - 1)
        let snapshotDates = Set((forecast.metrics["childrenLookedAfter"] ?? [:]).keys)
        let dates = Backtest.quarterEnds(after: origin, through: history.coverage.upperBound)
            .filter { $0 >= history.coverage.lowerBound && snapshotDates.contains(CalendarDate(dayNumber: $0.dayNumber + 1)) }
        guard !dates.isEmpty else {
            throw SSDA903Error([DataProblem(.error, file: dataName, "expected files covering a quarter end after the forecast's start (\(forecast.startDate.iso)) on which the forecast has a snapshot; the files cover \(history.coverage.lowerBound.iso) to \(history.coverage.upperBound.iso)")])
        }
        var points: [ForecastPoint] = []
        var notes: [String] = []
        let actuals = dates.map { ComparableMetrics.actualStock(history, on: $0, ageBands: forecast.ageBands) }
        for metric in ComparableMetrics.stock(ageBands: forecast.ageBands) {
            guard let parts = ComparableMetrics.monthlyParts(of: metric, ageBands: forecast.ageBands) else { continue }
            var skipped: [String] = []
            for (q, date) in dates.enumerated() {
                let snapshot = CalendarDate(dayNumber: date.dayNumber + 1)
                let summaries = parts.compactMap { forecast.metrics[$0]?[snapshot] }
                guard summaries.count == parts.count else { continue }
                // Percentiles of a sum are not the sum of percentiles: a category made of two of
                // the model's types is compared only when the second is surely 0 (emergency
                // placements, which the files record as other arrangements).
                let rest = summaries.dropFirst()
                guard rest.allSatisfy({ $0.p95 == 0 && $0.p5 == 0 }) else { skipped.append(date.iso); continue }
                let ahead = Backtest.quarterEnds(after: origin, through: date).count
                points.append(ForecastPoint(origin: origin, metric: metric, period: date.iso, quarterAhead: ahead, yearAhead: ForecastPoint.year(ofQuarter: ahead),
                                            actual: actuals[q][metric] ?? 0, forecast: summaries[0], persistence: .nan, trend: .nan))
            }
            if !skipped.isEmpty {
                notes.append("\(metric) is not compared on \(skipped.joined(separator: ", ")): the forecast has emergency placements then, which the files record as other arrangements, and published percentiles of two types cannot be added.")
            }
        }
        return Result(points: points, notes: notes)
    }
}
