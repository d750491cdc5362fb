import Foundation

/// A metric across replications: mean, standard deviation and percentiles.
///
/// Percentiles interpolate linearly between order statistics (the definition numpy and R call
/// type 7); the standard deviation uses n - 1.
public struct MetricSummary: Equatable, Sendable {
    public let mean: Double
    public let sd: Double
    public let p5: Double
    public let p10: Double
    public let p50: Double
    public let p90: Double
    public let p95: Double

    public init(mean: Double, sd: Double, p5: Double, p10: Double, p50: Double, p90: Double, p95: Double) {
        self.mean = mean; self.sd = sd; self.p5 = p5; self.p10 = p10; self.p50 = p50; self.p90 = p90; self.p95 = p95
    }

    /// Summarises values (any order).
    ///
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        let n = Double(sorted.count)
        let average = sorted.isEmpty ? 0 : sorted.reduce(0, +) / n
        mean = average
        let squares = sorted.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        sd = sorted.count > 1 ? (squares / (n - 1)).squareRoot() : 0
        p5 = Self.percentile(sorted, 0.05)
        p10 = Self.percentile(sorted, 0.10)
        p50 = Self.percentile(sorted, 0.50)
        p90 = Self.percentile(sorted, 0.90)
        p95 = Self.percentile(sorted, 0.95)
    }

    /// The `p` quantile of sorted values, linearly interpolated.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
