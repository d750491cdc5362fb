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
    /// - Complexity: O(n) from 64 values (put in order by `ascending`), O(n log n) below.
    public init(_ values: [Double]) {
        let sorted = Self.ascending(values)
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

    /// The values in ascending order, as `sorted()` puts them (but for -0 before +0, which changes
    /// no statistic here). Every metric is summarised across all replications, thousands of values
    /// each, after the replications have run, so this is part of a run's serial time: a radix sort
    /// on the values' bit patterns, a byte at a time, skipping the bytes every value shares (the
    /// low bytes of whole numbers, the high bytes of values of one sign and magnitude), is several
    /// times faster than comparing. Small inputs and any NaN take `sorted()`.
    static func ascending(_ values: [Double]) -> [Double] {
        guard values.count >= 64, !values.contains(where: \.isNaN) else { return values.sorted() }
        let n = values.count, sign: UInt64 = 1 << 63
        // Flipping the sign bit of positives and every bit of negatives orders the patterns as numbers.
        var keys = values.map { $0.sign == .minus ? ~$0.bitPattern : $0.bitPattern | sign }
        var spare = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 8 * 256), next = [Int](repeating: 0, count: 256)
        keys.withUnsafeBufferPointer { k in
            counts.withUnsafeMutableBufferPointer { c in
                for key in k {
                    for byte in 0..<8 { c[byte << 8 | digit(key, byte)] += 1 }
                }
            }
        }
        for byte in 0..<8 {
            guard counts[byte << 8 | digit(keys[0], byte)] != n else { continue }
            next[0] = 0
            for d in 1..<256 { next[d] = next[d - 1] + counts[byte << 8 | (d - 1)] }
            keys.withUnsafeBufferPointer { from in
                spare.withUnsafeMutableBufferPointer { to in
                    for key in from {
                        let d = digit(key, byte)
                        to[next[d]] = key
                        next[d] += 1
                    }
                }
            }
            swap(&keys, &spare)
        }
        return keys.map { Double(bitPattern: $0 & sign != 0 ? $0 & ~sign : ~$0) }
    }

    /// Byte `byte` (0 the lowest) of a sort key.
    @inline(__always)
    private static func digit(_ key: UInt64, _ byte: Int) -> Int { Int(truncatingIfNeeded: key >> UInt64(byte << 3)) & 0xff }

    /// The `p` quantile of sorted values, linearly interpolated.
    public static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
}
