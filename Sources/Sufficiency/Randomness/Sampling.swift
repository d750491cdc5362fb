import Foundation

/// Draws from the distributions the model uses. Bits are turned into numbers here, not by the
/// standard library, whose mappings may change between Swift versions.
///
/// Every function takes the generator as `inout some RandomNumberGenerator`, and none crashes on
/// a degenerate generator (one that returns only zeros, say).
public enum Sampling {
    /// A double uniform in [0, 1), from the top 53 bits.
    @inlinable
    public static func unit(using rng: inout some RandomNumberGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1.0p-53
    }

    /// A double uniform in (0, 1]: safe to take the logarithm of.
    @inlinable
    public static func openUnit(using rng: inout some RandomNumberGenerator) -> Double {
        (Double(rng.next() >> 11) + 1) * 0x1.0p-53
    }

    /// A whole number uniform in 0..<bound (Lemire's multiply-shift; the tiny bias at 64 bits is
    /// far below anything a simulation can see).
    @inlinable
    public static func below(_ bound: Int, using rng: inout some RandomNumberGenerator) -> Int {
        precondition(bound > 0)
        return Int(rng.next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// An exponential variate with the given mean.
    @inlinable
    public static func exponential(mean: Double, using rng: inout some RandomNumberGenerator) -> Double {
        -mean * Foundation.log(openUnit(using: &rng))
    }

    /// A standard normal variate (Box-Muller, one of the pair).
    @inlinable
    public static func standardNormal(using rng: inout some RandomNumberGenerator) -> Double {
        let u1 = openUnit(using: &rng), u2 = unit(using: &rng)
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// A Poisson variate: multiplication of uniforms for small means, a rounded normal
    /// approximation with continuity correction past 500 (where its error is below 1%).
    public static func poisson(mean: Double, using rng: inout some RandomNumberGenerator) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 500 {
            return max(0, Int((mean + mean.squareRoot() * standardNormal(using: &rng) + 0.5).rounded(.down)))
        }
        let limit = Foundation.exp(-mean)
        var product = openUnit(using: &rng)
        var count = 0
        while product > limit && count < 10_000 {
            product *= openUnit(using: &rng)
            count += 1
        }
        return count
    }

    /// An index drawn with the given weights (which need not sum to 1); the last index with a
    /// positive weight when rounding leaves a remainder.
    public static func categorical(_ weights: some Collection<Double>, using rng: inout some RandomNumberGenerator) -> Int {
        let total = weights.reduce(0, +)
        var target = unit(using: &rng) * total
        var last = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            if target < weight { return index }
            target -= weight
            last = index
        }
        return last
    }
}
