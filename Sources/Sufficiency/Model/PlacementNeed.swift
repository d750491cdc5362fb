/// The kind of placement a child needs, as the open demand models group placements:
/// decided by the child's needs and the council's history, before supply is asked.
/// Supply then decides where the need is met (which kinds, in order), or that it is not.
public enum PlacementNeed: String, CaseIterable, Codable, Sendable, BitwiseCopyable {
    /// Foster care: with kin where kin can take the child, else in-house, else agency.
    case fostering
    /// A children's home: in-house, else external.
    case residential
    /// Supported (semi-independent) accommodation, 16-17.
    case supportedAccommodation
    /// Living with parents while in care.
    case placedWithParents
    /// Living with prospective adopters.
    case placedForAdoption
    /// Secure, health, custody, temporary and other placements.
    case other

    /// The placement kinds that meet this need, in the order supply is asked.
    public var kinds: [PlacementKind] {
        switch self {
        case .fostering: return [.kinship, .inHouseFoster, .agencyFoster]
        case .residential: return [.inHouseResidential, .externalResidential]
        case .supportedAccommodation: return [.supportedAccommodation]
        case .placedWithParents: return [.placedWithParents]
        case .placedForAdoption: return [.placedForAdoption]
        case .other: return [.other]
        }
    }

    /// `kinds` as a bit per `PlacementKind.index`.
    var kindBits: UInt32 { Self.kindBitsByIndex[index] }
    private static let kindBitsByIndex: [UInt32] = allCases.map { $0.kinds.reduce(0) { $0 | 1 << UInt32($1.index) } }

    /// Whether the need is met without a limited place (parents, adopters, other settings).
    public var isUnlimited: Bool { self == .placedWithParents || self == .placedForAdoption || self == .other }

    /// Position in `allCases`, for indexing per-need arrays (a switch: it is read for every child
    /// at every snapshot).
    public var index: Int {
        switch self {
        case .fostering: return 0
        case .residential: return 1
        case .supportedAccommodation: return 2
        case .placedWithParents: return 3
        case .placedForAdoption: return 4
        case .other: return 5
        }
    }
}
