/// One forecast set against what happened: at a date (a stock, such as children in care at a
/// quarter's end) or over a year (a flow, such as entries), from one forecast origin.
public struct ForecastPoint: Sendable, Equatable {
    /// The last day of data the forecast was made from.
    public let origin: CalendarDate
    /// `childrenLookedAfter`, `byCategory.kinship`, `byAgeBand.10to15`, `entries`, `exits`,
    /// `exitsByRoute.adoption`.
    public let metric: String
    /// The date of a stock (`2026-06-30`, counted at the end of that day) or a flow's collection
    /// year (`2026-27`).
    public let period: String
    /// Quarters ahead of the origin for a stock; nil for a flow.
    public let quarterAhead: Int?
    /// Years ahead: 1 for the first year after the origin (a stock in quarters 1 to 4, a flow in
    /// the first collection year), and so on.
    public let yearAhead: Int
    public let actual: Double
    /// The simulated values across replications.
    public let forecast: MetricSummary
    /// The naive forecasts: the value at the origin (or in the last year before it), and the
    /// least-squares line through the last three years, carried forward.
    public let persistence: Double
    public let trend: Double

    public init(origin: CalendarDate, metric: String, period: String, quarterAhead: Int?, yearAhead: Int, actual: Double,
                forecast: MetricSummary, persistence: Double, trend: Double) {
        self.origin = origin; self.metric = metric; self.period = period; self.quarterAhead = quarterAhead
        self.yearAhead = yearAhead; self.actual = actual; self.forecast = forecast; self.persistence = persistence; self.trend = trend
    }

    /// The year ahead a quarter falls in: quarters 1 to 4 are year 1.
    public static func year(ofQuarter quarter: Int) -> Int { (quarter - 1) / 4 + 1 }

    /// Actual minus the forecast's median.
    public var error: Double { actual - forecast.p50 }

    /// The error as a share of the actual; nil when the actual is 0.
    public var percentageError: Double? { actual == 0 ? nil : error / actual }

    /// Where the actual fell against the forecast's bands.
    public var position: BandPosition { BandPosition(actual, in: forecast) }

    /// The metric's family, for summaries: `children in care`, `by category`, `by age band`,
    /// `entries`, `exits`.
    public var family: String {
        if metric.hasPrefix("byCategory.") { return "by category" }
        if metric.hasPrefix("byAgeBand.") { return "by age band" }
        if metric.hasPrefix("exits") { return "exits" }
        return metric == "childrenLookedAfter" ? "children in care" : metric
    }
}

/// Where an actual value fell against a forecast's bands, and the percentile it fell at.
public struct BandPosition: Sendable, Equatable {
    /// Within P10-P90 (both included: with counts, the two are often equal).
    public let within80: Bool
    /// Within P5-P95.
    public let within90: Bool
    /// Above P90 (false when within or below).
    public let above: Bool
    /// The percentile of the forecast the actual fell at, interpolated linearly between the
    /// published percentiles (5, 10, 50, 90, 95); below 5 is 5 and above 95 is 95, with
    /// `beyond` saying which side.
    public let percentile: Double
    /// -1 below P5, +1 above P95, 0 in between.
    public let beyond: Int

    public init(_ actual: Double, in s: MetricSummary) {
        within80 = actual >= s.p10 && actual <= s.p90
        within90 = actual >= s.p5 && actual <= s.p95
        above = actual > s.p90
        beyond = actual < s.p5 ? -1 : actual > s.p95 ? 1 : 0
        let knots: [(Double, Double)] = [(5, s.p5), (10, s.p10), (50, s.p50), (90, s.p90), (95, s.p95)]
        var percentile = actual < s.p5 ? 5.0 : 95.0
        if beyond == 0 {
            // Between two knots; where several knots share the actual's value, the middle of them.
            let equal = knots.filter { $0.1 == actual }.map(\.0)
            if !equal.isEmpty {
                percentile = (equal.first! + equal.last!) / 2
            } else if let upper = knots.firstIndex(where: { $0.1 > actual }), upper > 0 {
                let (p0, v0) = knots[upper - 1], (p1, v1) = knots[upper]
                percentile = p0 + (p1 - p0) * (actual - v0) / (v1 - v0)
            }
        }
        self.percentile = percentile
    }

    /// `within`, `above` or `below` the P10-P90 band.
    public var label: String { within80 ? "within" : above ? "above" : "below" }

    /// The percentile as written in tables: `P37`, `below P5`, `above P95`.
    public var percentileLabel: String {
        beyond < 0 ? "below P5" : beyond > 0 ? "above P95" : "P\(Int(percentile.rounded()))"
    }
}

/// A forecast origin and what the model was fitted to there, for reports.
public struct ForecastOrigin: Sendable, Equatable {
    public let date: CalendarDate
    public let childrenInCare: Int
    public let entriesPerYear: Double
    public let trendPerYear: Double

    public init(date: CalendarDate, childrenInCare: Int, entriesPerYear: Double, trendPerYear: Double) {
        self.date = date; self.childrenInCare = childrenInCare; self.entriesPerYear = entriesPerYear; self.trendPerYear = trendPerYear
    }
}
