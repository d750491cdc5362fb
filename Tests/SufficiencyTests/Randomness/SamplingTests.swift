import Testing
@testable import Sufficiency

/// A degenerate generator: always the same word.
struct ConstantGenerator: RandomNumberGenerator {
    let value: UInt64
    mutating func next() -> UInt64 { value }
}

struct SamplingTests {
    @Test(arguments: [UInt64(0), UInt64.max])
    func degenerateGeneratorsDoNotCrashTheSamplers(word: UInt64) {
        var rng = ConstantGenerator(value: word)
        #expect(Sampling.unit(using: &rng) >= 0)
        #expect(Sampling.exponential(mean: 2, using: &rng).isFinite)
        #expect(Sampling.standardNormal(using: &rng).isFinite)
        #expect(Sampling.poisson(mean: 3, using: &rng) >= 0)
        #expect(Sampling.poisson(mean: 800, using: &rng) >= 0)
        #expect(Sampling.below(7, using: &rng) < 7)
        #expect(Sampling.categorical([0.2, 0, 0.8], using: &rng) != 1)
        for distribution in [Distribution.exponential(mean: 1), .lognormal(median: 1, sigma: 0.5), .fixed(2),
                             .empirical(quantiles: [[0, 0], [0.5, 1], [1, 4]])] {
            #expect(distribution.sample(using: &rng).isFinite)
        }
    }

    @Test func exponentialAndPoissonMeansMatchTheory() {
        // 200,000 draws: the standard error of the mean is 1/sqrt(200000) of the sd, about 0.2%;
        // a 1% tolerance is five standard errors.
        var rng = Xoshiro256StarStar(seed: 42)
        let n = 200_000
        let exponential = (0..<n).map { _ in Sampling.exponential(mean: 2, using: &rng) }.reduce(0, +) / Double(n)
        #expect(abs(exponential - 2) < 0.02)
        let poisson = Double((0..<n).map { _ in Sampling.poisson(mean: 4.5, using: &rng) }.reduce(0, +)) / Double(n)
        #expect(abs(poisson - 4.5) < 0.045)
        let lognormal = Distribution.lognormal(median: 1, sigma: 0.5)
        let mean = (0..<n).map { _ in lognormal.sample(using: &rng) }.reduce(0, +) / Double(n)
        #expect(abs(mean - lognormal.mean) < 0.01 * lognormal.mean)
    }

    @Test func streamsForDifferentPurposesDiffer() {
        var a = SeedDerivation.generator(seed: 1, replication: 0, purpose: .entries)
        var b = SeedDerivation.generator(seed: 1, replication: 0, purpose: .recruitment)
        var c = SeedDerivation.generator(seed: 1, replication: 1, purpose: .entries)
        var again = SeedDerivation.generator(seed: 1, replication: 0, purpose: .entries)
        let first = a.next()
        #expect(first != b.next())
        #expect(first != c.next())
        #expect(first == again.next())
    }
}
