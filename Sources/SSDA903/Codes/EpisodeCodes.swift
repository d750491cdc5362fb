/// The SSDA903 Episodes codes this reader knows, by collection year where they changed, and how
/// a period of care's ending maps to the model's exit routes.
///
/// Code lists follow the DfE's validation rules (143 RNE, 144 LS, 145 CIN, 146 PLACE, 149 REC) as
/// published in `csc-validator-be-903`; the PLACE changes follow the DfE's SSDA903
/// guidance: K3 from 2024-25; H5, P2 and Z1 dropped and Z11-Z14 added in 2025-26.
public enum EpisodeCodes {
    /// Reasons for a new episode; every one but L (legal status change only) starts a placement.
    public static let reasonsForNewEpisode: Set<String> = ["S", "P", "L", "T", "U", "B"]
    public static let placementStartingReasons: Set<String> = ["S", "P", "T", "U", "B"]
    public static let legalStatuses: Set<String> = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"]
    /// Short-break legal statuses: not looked after, left out of every count.
    public static let shortBreaks: Set<String> = ["V3", "V4"]
    public static let categoriesOfNeed: Set<String> = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]
    public static let providers: Set<String> = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"]
    public static let reasonsCeased: Set<String> = [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E43", "E44", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1",
    ]
    public static let reasonsForPlacementChange: Set<String> = [
        "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER",
    ]

    /// Every PLACE code of any year.
    public static let allPlaces: [String] = [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11", "Z12", "Z13", "Z14",
    ]

    /// Whether a PLACE code is valid in the collection year ending on 31 March of `yearEnding`.
    public static func isValid(place: String, yearEnding: Int) -> Bool {
        switch place {
        case "K3": return yearEnding >= 2025
        case "H5", "P2", "Z1": return yearEnding <= 2025
        case "Z11", "Z12", "Z13", "Z14": return yearEnding >= 2026
        default: return allPlaces.contains(place)
        }
    }

    /// The model's exit route for a period of care that ended with `reason`, or nil when the code
    /// is not an ending (X1) or not known. A period ending on or after the 18th birthday is
    /// `age18` whatever the code (the caller checks the date).
    ///
    /// | route | REC |
    /// |---|---|
    /// | adoption | E11, E12 |
    /// | specialGuardianship | E43-E48 (special guardianship orders) |
    /// | returnHome | E4A, E4B, E13 |
    /// | other | E2, E3, E41, E5, E6, E7, E8, E9, E14, E15, E16, E17 (before the 18th birthday) |
    public static func exitRoute(reason: String) -> LeavingRoute? {
        switch reason {
        case "E11", "E12": return .adoption
        case "E43", "E44", "E45", "E46", "E47", "E48": return .specialGuardianship
        case "E4A", "E4B", "E13": return .returnHome
        case "E2", "E3", "E41", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17": return .other
        default: return nil
        }
    }
}

/// How a period of care ended, in the model's exit routes (`ScenarioModel.exitRouteNames`).
public enum LeavingRoute: String, CaseIterable, Codable, Sendable {
    case returnHome, adoption, specialGuardianship, other, age18

    /// The route's index in `ScenarioModel.exitRouteNames`.
    public var modelIndex: Int {
        switch self {
        case .returnHome: return 0
        case .adoption: return 1
        case .specialGuardianship: return 2
        case .other: return 3
        case .age18: return 4
        }
    }

    /// The route of a model index.
    public init(modelIndex: Int) {
        self = [.returnHome, .adoption, .specialGuardianship, .other, .age18][modelIndex]
    }
}
