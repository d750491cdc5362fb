/// The placement types the model knows, grouped as SSDA903 groups them (PLACE x PLACE_PROVIDER).
public enum PlacementKind: String, CaseIterable, Codable, Sendable, Comparable, BitwiseCopyable {
    /// Family and friends foster care (U1-U3).
    case kinship
    /// The LA's own foster carers (U4-U6 with PR1-PR3).
    case inHouseFoster
    /// Independent fostering agency carers (U4-U6 with PR4-PR5).
    case agencyFoster
    /// The LA's own children's homes (K2, R1 and others with an LA provider).
    case inHouseResidential
    /// Private and voluntary children's homes.
    case externalResidential
    /// Supported or semi-independent accommodation, 16+ (H5, P2, K3).
    case supportedAccommodation
    /// Placed with parents (P1).
    case placedWithParents
    /// Placed for adoption (A3-A6).
    case placedForAdoption
    /// Secure children's homes, health settings, custody, temporary and other arrangements
    /// (SSDA903 K1, R2, R3, R5, T0-T4, Z1): a need met elsewhere, not a shortage.
    case other
    /// An emergency or unregistered arrangement: what "no suitable place" looks like.
    case emergency

    public static func < (lhs: PlacementKind, rhs: PlacementKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The type in plain English, for reports.
    public var label: String {
        switch self {
        case .kinship: return "Family and friends foster care"
        case .inHouseFoster: return "Council's own foster carers"
        case .agencyFoster: return "Agency foster carers"
        case .inHouseResidential: return "Council's own children's homes"
        case .externalResidential: return "Private and voluntary children's homes"
        case .supportedAccommodation: return "Supported accommodation (16+)"
        case .placedWithParents: return "Placed with parents"
        case .placedForAdoption: return "Placed for adoption"
        case .other: return "Secure, health, custody and other settings"
        case .emergency: return "Emergency or unregistered (waiting)"
        }
    }

    /// Whether this is a children's home.
    public var isResidential: Bool { self == .inHouseResidential || self == .externalResidential }

    /// Whether this kind is supplied by a market with a capacity available to the LA.
    public var isMarket: Bool { self == .agencyFoster || self == .externalResidential || self == .supportedAccommodation }

    /// The need this kind meets; nil for emergency placements, which meet none.
    public var need: PlacementNeed? {
        switch self {
        case .kinship, .inHouseFoster, .agencyFoster: return .fostering
        case .inHouseResidential, .externalResidential: return .residential
        case .supportedAccommodation: return .supportedAccommodation
        case .placedWithParents: return .placedWithParents
        case .placedForAdoption: return .placedForAdoption
        case .other: return .other
        case .emergency: return nil
        }
    }
}

extension PlacementKind {
    /// Position in `allCases`, for indexing per-kind arrays.
    public var index: Int {
        switch self {
        case .kinship: return 0
        case .inHouseFoster: return 1
        case .agencyFoster: return 2
        case .inHouseResidential: return 3
        case .externalResidential: return 4
        case .supportedAccommodation: return 5
        case .placedWithParents: return 6
        case .placedForAdoption: return 7
        case .other: return 8
        case .emergency: return 9
        }
    }
}
