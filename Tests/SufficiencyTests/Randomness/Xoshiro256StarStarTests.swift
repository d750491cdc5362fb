import Testing
@testable import Sufficiency

struct Xoshiro256StarStarTests {
    /// The first outputs of xoshiro256** from the state {1, 2, 3, 4}, as the authors' reference
    /// implementation gives them: every replication's numbers rest on this sequence.
    @Test func matchesTheReferenceSequence() {
        var rng = Xoshiro256StarStar(seed: 0)
        (rng.s0, rng.s1, rng.s2, rng.s3) = (1, 2, 3, 4)
        let first = (0..<6).map { _ in rng.next() }
        #expect(first == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600])
    }
}
