/// What a stream of random numbers is for. Each purpose has its own stream, so that changing how
/// many numbers one part of the model draws never shifts the numbers another part sees.
///
/// The demand streams (`initialChildren`, `entries`) depend only on the master seed, the
/// replication and the demand parameters: scenarios that differ only in supply or policy see the
/// same children, arriving at the same times with the same needs and planned exits (common random
/// numbers), so a comparison between them is a paired experiment.
public enum RandomPurpose: UInt64, Sendable, CaseIterable {
    case initialChildren = 1
    case entries = 2
    case initialSupply = 3
    case recruitment = 4
    case deregistration = 5
    case placementStability = 6
    case placementDistance = 7
    case plannedMoves = 8
    case householdAvailability = 9
    /// A replication's draw of estimated parameters (entry rate and trend) from their uncertainty.
    case parameters = 10
}

/// Derives independent generators from (master seed, replication, purpose, entity) by mixing,
/// never by adding: `seed + i` streams of nearby seeds would overlap.
public enum SeedDerivation {
    /// A generator for one purpose in one replication (and one entity, such as a child, when the
    /// purpose draws per entity).
    public static func generator(seed: UInt64, replication: Int, purpose: RandomPurpose, entity: UInt64 = 0) -> Xoshiro256StarStar {
        var h = SplitMix64.mix(seed ^ 0x5EED_5EED_5EED_5EED)
        h = SplitMix64.mix(h ^ UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15)
        h = SplitMix64.mix(h ^ purpose.rawValue &* 0xC2B2_AE3D_27D4_EB4F)
        h = SplitMix64.mix(h ^ entity &* 0x1656_67B1_9E37_79F9)
        return Xoshiro256StarStar(seed: h)
    }
}
