import Sufficiency

/// Where a child lives, as the open demand models group SSDA903 placements (PLACE x
/// PLACE_PROVIDER), one case per placement type of the model plus `other`.
///
/// | category | PLACE | PLACE_PROVIDER |
/// |---|---|---|
/// | kinship | U1-U3 | any |
/// | inHouseFoster | U4-U6 | PR0-PR3 or blank |
/// | agencyFoster | U4-U6 | PR4, PR5 |
/// | inHouseResidential | K2, R1, P3, S1 | PR0-PR3 or blank |
/// | externalResidential | K2, R1, P3, S1 | PR4, PR5 |
/// | supportedAccommodation | H5, P2 (to 2024-25), K3 (from 2024-25) | any |
/// | placedWithParents | P1 | any |
/// | placedForAdoption | A3-A6 | any |
/// | other | K1 secure, R2 health, R3 family centre, R5 custody, T0-T4 temporary, Z1 (to 2024-25), Z11-Z14 (from 2025-26) | any |
///
/// The model's emergency placements (no suitable place free) are written as, and read back as,
/// `other`.
public enum PlacementCategory: String, CaseIterable, Codable, Sendable, Comparable {
    case kinship, inHouseFoster, agencyFoster, inHouseResidential, externalResidential
    case supportedAccommodation, placedWithParents, placedForAdoption, other

    /// The category of a model placement type (emergency placements are `other`).
    public init(_ kind: PlacementKind) {
        switch kind {
        case .kinship: self = .kinship
        case .inHouseFoster: self = .inHouseFoster
        case .agencyFoster: self = .agencyFoster
        case .inHouseResidential: self = .inHouseResidential
        case .externalResidential: self = .externalResidential
        case .supportedAccommodation: self = .supportedAccommodation
        case .placedWithParents: self = .placedWithParents
        case .placedForAdoption: self = .placedForAdoption
        case .other, .emergency: self = .other
        }
    }

    /// The category of an episode's PLACE and PLACE_PROVIDER codes; nil for a PLACE code that is
    /// not an SSDA903 code in any year.
    public init?(place: String, provider: String) {
        let external = provider == "PR4" || provider == "PR5"
        switch place {
        case "U1", "U2", "U3": self = .kinship
        case "U4", "U5", "U6": self = external ? .agencyFoster : .inHouseFoster
        case "K2", "R1", "P3", "S1": self = external ? .externalResidential : .inHouseResidential
        case "H5", "P2", "K3": self = .supportedAccommodation
        case "P1": self = .placedWithParents
        case "A3", "A4", "A5", "A6": self = .placedForAdoption
        case "K1", "R2", "R3", "R5", "T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13", "Z14": self = .other
        default: return nil
        }
    }

    /// Plain-English name for tables.
    public var label: String {
        switch self {
        case .kinship: return "kinship foster care"
        case .inHouseFoster: return "in-house foster care"
        case .agencyFoster: return "agency foster care"
        case .inHouseResidential: return "in-house children's home"
        case .externalResidential: return "external children's home"
        case .supportedAccommodation: return "supported accommodation"
        case .placedWithParents: return "placed with parents"
        case .placedForAdoption: return "placed for adoption"
        case .other: return "other (secure, health, custody, temporary, other)"
        }
    }

    public static func < (a: PlacementCategory, b: PlacementCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
