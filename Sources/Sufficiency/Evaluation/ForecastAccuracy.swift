/// How good a set of forecasts was: errors, coverage of the bands, and the same errors for the
/// two naive forecasts, by group of points.
public struct ForecastAccuracy: Sendable, Equatable {
    /// Points summarised.
    public let points: Int
    /// Mean absolute percentage error of the median, of persistence and of the trend, over the
    /// points whose actual is above 0; nil when there are none.
    public let mape: Double?
    public let persistenceMAPE: Double?
    public let trendMAPE: Double?
    /// Mean absolute error of the median (in the metric's units: children).
    public let meanAbsoluteError: Double
    /// Mean of actual minus median: positive when forecasts ran low.
    public let meanError: Double
    /// Share of points whose actual fell within P10-P90 (well-calibrated: about 80%) and within
    /// P5-P95 (about 90%).
    public let coverage80: Double
    public let coverage90: Double

    public init(_ points: [ForecastPoint]) {
        self.points = points.count
        let n = Double(max(points.count, 1))
        let positive = points.filter { $0.actual > 0 }
        func meanAPE(_ value: (ForecastPoint) -> Double) -> Double? {
            positive.isEmpty ? nil : positive.map { abs($0.actual - value($0)) / $0.actual }.reduce(0, +) / Double(positive.count)
        }
        mape = meanAPE { $0.forecast.p50 }
        persistenceMAPE = meanAPE(\.persistence)
        trendMAPE = meanAPE(\.trend)
        meanAbsoluteError = points.map { abs($0.error) }.reduce(0, +) / n
        meanError = points.map(\.error).reduce(0, +) / n
        coverage80 = Double(points.filter { $0.position.within80 }.count) / n
        coverage90 = Double(points.filter { $0.position.within90 }.count) / n
    }

    /// The better of the two naive forecasts' MAPE.
    public var bestNaiveMAPE: Double? {
        switch (persistenceMAPE, trendMAPE) {
        case let (p?, t?): return min(p, t)
        case let (p, t): return p ?? t
        }
    }

    /// Whether the model's MAPE is at or below the better naive forecast's.
    public var beatsNaive: Bool? {
        guard let mape, let naive = bestNaiveMAPE else { return nil }
        return mape <= naive
    }

    /// One row of a summary: a group of points and its accuracy.
    public struct Row: Sendable, Equatable {
        /// `all`, a family (`by category`) or a metric.
        public let group: String
        /// Years ahead, or nil for every horizon together.
        public let yearAhead: Int?
        public let accuracy: ForecastAccuracy
    }

    /// The summary tables: every family and all points together, at each year ahead and over all
    /// horizons, then each metric the same way (`byMetric`).
    public static func rows(_ points: [ForecastPoint], byMetric: Bool = false) -> [Row] {
        var order: [String] = []
        var groups: [String: [ForecastPoint]] = [:]
        for p in points {
            let key = byMetric ? p.metric : p.family
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(p)
        }
        if !byMetric { order.append("all"); groups["all"] = points }
        let years = Set(points.map(\.yearAhead)).sorted()
        return order.flatMap { group -> [Row] in
            let members = groups[group]!
            return years.compactMap { year -> Row? in
                let atYear = members.filter { $0.yearAhead == year }
                return atYear.isEmpty ? nil : Row(group: group, yearAhead: year, accuracy: ForecastAccuracy(atYear))
            } + [Row(group: group, yearAhead: nil, accuracy: ForecastAccuracy(members))]
        }
    }
}
