import Sufficiency

/// Small-number suppression for published outputs (`--suppress-below N`): a statistic of a metric
/// that counts children (`MetricCatalog.countsChildren`) that is above 0 and rounds to less than
/// N is shown as the marker `c` (the DfE's convention for confidential figures) in tables, CSV and
/// reports, as `null` in JSON, and as a gap in charts. Zero is shown: it reveals no child. Off
/// (N = 0) by default.
public struct Suppression: Sendable, Equatable {
    public let below: Int
    public static let marker = "c"
    public static let none = Suppression(below: 0)

    public init(below: Int) { self.below = below }

    /// Whether `value` of `metric` is hidden.
    public func hides(_ value: Double, metric: String) -> Bool {
        below > 0 && value > 0 && value.rounded() < Double(below) && MetricCatalog.countsChildren(metric)
    }

    /// The value, or NaN when hidden (charts draw NaN as a gap).
    public func shown(_ value: Double, metric: String) -> Double { hides(value, metric: metric) ? .nan : value }

    /// The statistics of a summary with hidden ones as NaN.
    public func apply(_ s: MetricSummary, metric: String) -> MetricSummary {
        guard below > 0, MetricCatalog.countsChildren(metric) else { return s }
        return MetricSummary(mean: shown(s.mean, metric: metric), sd: s.sd, p5: shown(s.p5, metric: metric), p10: shown(s.p10, metric: metric),
                             p50: shown(s.p50, metric: metric), p90: shown(s.p90, metric: metric), p95: shown(s.p95, metric: metric))
    }
}
