import Testing
@testable import Sufficiency

/// Summaries across replications: the type-7 percentiles, and the radix sort behind them giving
/// exactly the order comparison sorting gives.
struct MetricSummaryTests {
    @Test func percentilesInterpolateBetweenOrderStatistics() {
        let s = MetricSummary([4, 1, 3, 2])
        #expect(s.mean == 2.5)
        #expect(abs(s.sd - 1.2909944487358056) < 1e-15)
        #expect(s.p50 == 2.5)
        #expect(abs(s.p10 - 1.3) < 1e-12 && abs(s.p90 - 3.7) < 1e-12)
        let many = MetricSummary((1...101).map(Double.init).reversed())
        #expect(many.p5 == 6 && many.p10 == 11 && many.p50 == 51 && many.p90 == 91 && many.p95 == 96)
    }

    @Test func theRadixOrderIsTheComparisonOrder() {
        var rng = Xoshiro256StarStar(seed: 11)
        let special: [Double] = [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1, 1]
        for size in [0, 1, 63, 64, 65, 500, 10_000] {
            for kind in 0..<4 {
                let values: [Double] = (0..<size).map { i in
                    switch kind {
                    case 0: return Double(Sampling.below(60, using: &rng))              // counts: many ties
                    case 1: return (Sampling.openUnit(using: &rng) - 0.5) * 1e9        // both signs
                    case 2: return Double(Sampling.below(3, using: &rng)) * 0.125 - 0.125  // few distinct, ±0
                    default: return i % 7 == 0 ? special[i % special.count] : Sampling.openUnit(using: &rng)
                    }
                }
                let radix = MetricSummary.ascending(values), compared = values.sorted()
                #expect(radix == compared, "size \(size) kind \(kind)")
                // The same statistics to the bit (the sign of a zero, a NaN from opposite infinities).
                #expect(Self.bits(MetricSummary(values)) == Self.bits(Self.reference(compared)), "size \(size) kind \(kind)")
            }
        }
        // A NaN leaves the order to sorted(), whatever it makes of it.
        let withNaN = (0..<100).map { $0 == 50 ? Double.nan : Double($0 % 10) }
        #expect(MetricSummary.ascending(withNaN).map(\.bitPattern) == withNaN.sorted().map(\.bitPattern))
    }

    private static func bits(_ s: MetricSummary) -> [UInt64] {
        [s.mean, s.sd, s.p5, s.p10, s.p50, s.p90, s.p95].map(\.bitPattern)
    }

    /// The statistics computed from values already sorted by comparison.
    private static func reference(_ sorted: [Double]) -> MetricSummary {
        let n = Double(sorted.count), mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / n
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let p = { MetricSummary.percentile(sorted, $0) }
        return MetricSummary(mean: mean, sd: sorted.count > 1 ? (squares / (n - 1)).squareRoot() : 0,
                             p5: p(0.05), p10: p(0.10), p50: p(0.50), p90: p(0.90), p95: p(0.95))
    }
}
