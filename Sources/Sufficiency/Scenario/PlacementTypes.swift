/// Settings for every placement type. Each type's defaults are its own (an agency foster place
/// costs more than an in-house one), so a file can override one field of one type.
public struct PlacementTypes: Codable, Equatable, Sendable {
    public var kinship: PlacementTypeSettings
    public var inHouseFoster: PlacementTypeSettings
    public var agencyFoster: PlacementTypeSettings
    public var inHouseResidential: PlacementTypeSettings
    public var externalResidential: PlacementTypeSettings
    public var supportedAccommodation: PlacementTypeSettings
    public var placedWithParents: PlacementTypeSettings
    public var placedForAdoption: PlacementTypeSettings
    public var other: PlacementTypeSettings
    public var emergency: PlacementTypeSettings
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kinship, inHouseFoster, agencyFoster, inHouseResidential, externalResidential, supportedAccommodation
        case placedWithParents, placedForAdoption, other, emergency, source
    }

    init(_ settings: (PlacementKind) -> PlacementTypeSettings, source: String? = nil) {
        kinship = settings(.kinship); inHouseFoster = settings(.inHouseFoster); agencyFoster = settings(.agencyFoster)
        inHouseResidential = settings(.inHouseResidential); externalResidential = settings(.externalResidential)
        supportedAccommodation = settings(.supportedAccommodation); placedWithParents = settings(.placedWithParents)
        placedForAdoption = settings(.placedForAdoption); other = settings(.other); emergency = settings(.emergency)
        self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.placementTypes
        kinship = try read(.kinship, default: d.kinship)
        inHouseFoster = try read(.inHouseFoster, default: d.inHouseFoster)
        agencyFoster = try read(.agencyFoster, default: d.agencyFoster)
        inHouseResidential = try read(.inHouseResidential, default: d.inHouseResidential)
        externalResidential = try read(.externalResidential, default: d.externalResidential)
        supportedAccommodation = try read(.supportedAccommodation, default: d.supportedAccommodation)
        placedWithParents = try read(.placedWithParents, default: d.placedWithParents)
        placedForAdoption = try read(.placedForAdoption, default: d.placedForAdoption)
        other = try read(.other, default: d.other)
        emergency = try read(.emergency, default: d.emergency)
        source = try read.optional(.source)
    }

    /// The settings of one kind.
    public subscript(kind: PlacementKind) -> PlacementTypeSettings {
        get {
            switch kind {
            case .kinship: return kinship
            case .inHouseFoster: return inHouseFoster
            case .agencyFoster: return agencyFoster
            case .inHouseResidential: return inHouseResidential
            case .externalResidential: return externalResidential
            case .supportedAccommodation: return supportedAccommodation
            case .placedWithParents: return placedWithParents
            case .placedForAdoption: return placedForAdoption
            case .other: return other
            case .emergency: return emergency
            }
        }
        set {
            switch kind {
            case .kinship: kinship = newValue
            case .inHouseFoster: inHouseFoster = newValue
            case .agencyFoster: agencyFoster = newValue
            case .inHouseResidential: inHouseResidential = newValue
            case .externalResidential: externalResidential = newValue
            case .supportedAccommodation: supportedAccommodation = newValue
            case .placedWithParents: placedWithParents = newValue
            case .placedForAdoption: placedForAdoption = newValue
            case .other: other = newValue
            case .emergency: emergency = newValue
            }
        }
    }
}

/// Price, stability and eligibility of one placement type.
public struct PlacementTypeSettings: Codable, Equatable, Sendable {
    /// Weekly price in pounds at start-date prices.
    public var weeklyCost: Double
    /// Weekly price by age band, where it differs from `weeklyCost`.
    public var weeklyCostByAgeBand: [String: Double]?
    /// Placement breakdowns a year (a placement lasts an exponential time with this rate).
    public var breakdownRatePerYear: Double
    /// Breakdown rate by age band, where it differs.
    public var breakdownRateByAgeBand: [String: Double]?
    /// Youngest age taken, years.
    public var minAge: Int
    /// Age at which the type stops taking children, years (exclusive).
    public var maxAge: Int
    /// Needs this type can meet.
    public var needsMet: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case weeklyCost, weeklyCostByAgeBand, breakdownRatePerYear, breakdownRateByAgeBand, minAge, maxAge, needsMet
    }

    public init(weeklyCost: Double, weeklyCostByAgeBand: [String: Double]? = nil, breakdownRatePerYear: Double,
                breakdownRateByAgeBand: [String: Double]? = nil, minAge: Int, maxAge: Int, needsMet: [String]) {
        self.weeklyCost = weeklyCost; self.weeklyCostByAgeBand = weeklyCostByAgeBand
        self.breakdownRatePerYear = breakdownRatePerYear; self.breakdownRateByAgeBand = breakdownRateByAgeBand
        self.minAge = minAge; self.maxAge = maxAge; self.needsMet = needsMet
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        // The defaults of the kind this object is filed under.
        let kind = decoder.codingPath.last.flatMap { PlacementKind(rawValue: $0.stringValue) } ?? .inHouseFoster
        let d = Scenario.defaults.placementTypes[kind]
        weeklyCost = try read(.weeklyCost, default: d.weeklyCost)
        weeklyCostByAgeBand = try read.optional(.weeklyCostByAgeBand)
        breakdownRatePerYear = try read(.breakdownRatePerYear, default: d.breakdownRatePerYear)
        breakdownRateByAgeBand = try read.optional(.breakdownRateByAgeBand)
        minAge = try read(.minAge, default: d.minAge)
        maxAge = try read(.maxAge, default: d.maxAge)
        needsMet = try read(.needsMet, default: d.needsMet)
    }
}
