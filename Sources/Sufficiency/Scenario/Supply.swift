/// Where places come from: in-house foster households, in-house children's homes, and markets.
public struct Supply: Codable, Equatable, Sendable {
    public var inHouseFoster: InHouseFosterSupply
    public var inHouseResidential: InHouseResidentialSupply
    public var markets: Markets
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case inHouseFoster, inHouseResidential, markets, source }

    public init(inHouseFoster: InHouseFosterSupply, inHouseResidential: InHouseResidentialSupply, markets: Markets, source: String? = nil) {
        self.inHouseFoster = inHouseFoster; self.inHouseResidential = inHouseResidential; self.markets = markets; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply
        inHouseFoster = try read(.inHouseFoster, default: d.inHouseFoster)
        inHouseResidential = try read(.inHouseResidential, default: d.inHouseResidential)
        markets = try read(.markets, default: d.markets)
        source = try read.optional(.source)
    }
}

/// The LA's own foster households: the stock at the start, recruitment and attrition.
public struct InHouseFosterSupply: Codable, Equatable, Sendable {
    /// Households approved on the start date, in groups of alike households.
    public var households: [HouseholdGroup]
    /// Expected approvals in each year of the horizon (the last value repeats); approvals arrive as
    /// a Poisson process. The commissioners' main lever.
    public var approvalsPerYear: [Double]
    /// What a newly approved household is like.
    public var newHouseholds: HouseholdProfile
    /// Weeks from approval to the first placement.
    public var approvalToFirstPlacementWeeks: Double
    /// Deregistrations a year per household. A deregistering household takes no new children and
    /// leaves once its last child has moved on.
    public var deregistrationRatePerYear: Double
    /// One-off cost of recruiting and assessing each approved household, pounds.
    public var recruitmentCostPerApproval: Double
    /// Share of approved places not available for a new child (carers' own circumstances, a place
    /// held for a sibling or a particular child); each place of a household is unavailable with
    /// this chance, drawn when it is approved.
    public var unavailableShare: Double
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case households, approvalsPerYear, newHouseholds, approvalToFirstPlacementWeeks, deregistrationRatePerYear
        case recruitmentCostPerApproval, unavailableShare, source
    }

    public init(households: [HouseholdGroup], approvalsPerYear: [Double], newHouseholds: HouseholdProfile,
                approvalToFirstPlacementWeeks: Double, deregistrationRatePerYear: Double, recruitmentCostPerApproval: Double,
                unavailableShare: Double, source: String? = nil) {
        self.households = households; self.approvalsPerYear = approvalsPerYear; self.newHouseholds = newHouseholds
        self.approvalToFirstPlacementWeeks = approvalToFirstPlacementWeeks
        self.deregistrationRatePerYear = deregistrationRatePerYear
        self.recruitmentCostPerApproval = recruitmentCostPerApproval; self.unavailableShare = unavailableShare; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply.inHouseFoster
        households = try read(.households, default: d.households)
        approvalsPerYear = try read(.approvalsPerYear, default: d.approvalsPerYear)
        newHouseholds = try read(.newHouseholds, default: d.newHouseholds)
        approvalToFirstPlacementWeeks = try read(.approvalToFirstPlacementWeeks, default: d.approvalToFirstPlacementWeeks)
        deregistrationRatePerYear = try read(.deregistrationRatePerYear, default: d.deregistrationRatePerYear)
        recruitmentCostPerApproval = try read(.recruitmentCostPerApproval, default: d.recruitmentCostPerApproval)
        unavailableShare = try read(.unavailableShare, default: d.unavailableShare)
        source = try read.optional(.source)
    }
}

/// `count` alike households in one area.
public struct HouseholdGroup: Codable, Equatable, Sendable {
    public var area: String
    public var count: Int
    public var profile: HouseholdProfile

    enum CodingKeys: String, CodingKey, CaseIterable { case area, count, places, minAge, maxAge, needs, siblingCapacity }

    public init(area: String, count: Int, profile: HouseholdProfile) { self.area = area; self.count = count; self.profile = profile }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply.inHouseFoster.newHouseholds
        area = try read(.area, default: "")
        count = try read(.count, default: 1)
        profile = HouseholdProfile(
            places: try read(.places, default: d.places), minAge: try read(.minAge, default: d.minAge),
            maxAge: try read(.maxAge, default: d.maxAge), needs: try read(.needs, default: d.needs),
            siblingCapacity: try read(.siblingCapacity, default: d.siblingCapacity), areaMix: nil)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(area, forKey: .area)
        try c.encode(count, forKey: .count)
        try c.encode(profile.places, forKey: .places)
        try c.encode(profile.minAge, forKey: .minAge)
        try c.encode(profile.maxAge, forKey: .maxAge)
        try c.encode(profile.needs, forKey: .needs)
        try c.encode(profile.siblingCapacity, forKey: .siblingCapacity)
    }
}

/// What a foster household can take.
public struct HouseholdProfile: Codable, Equatable, Sendable {
    /// Approved places (children at once).
    public var places: Int
    public var minAge: Int
    /// Age at which the household stops taking children (exclusive).
    public var maxAge: Int
    /// Needs the household can meet.
    public var needs: [String]
    /// Largest sibling group the household takes together.
    public var siblingCapacity: Int
    /// For new households: share approved in each area (by name); equal shares of the LA's own
    /// areas when absent.
    public var areaMix: [String: Double]?

    enum CodingKeys: String, CodingKey, CaseIterable { case places, minAge, maxAge, needs, siblingCapacity, areaMix }

    public init(places: Int, minAge: Int, maxAge: Int, needs: [String], siblingCapacity: Int, areaMix: [String: Double]? = nil) {
        self.places = places; self.minAge = minAge; self.maxAge = maxAge; self.needs = needs
        self.siblingCapacity = siblingCapacity; self.areaMix = areaMix
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply.inHouseFoster.newHouseholds
        places = try read(.places, default: d.places)
        minAge = try read(.minAge, default: d.minAge)
        maxAge = try read(.maxAge, default: d.maxAge)
        needs = try read(.needs, default: d.needs)
        siblingCapacity = try read(.siblingCapacity, default: d.siblingCapacity)
        areaMix = try read.optional(.areaMix)
    }
}

/// The LA's own children's homes.
public struct InHouseResidentialSupply: Codable, Equatable, Sendable {
    public var homes: [ResidentialHome]
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case homes, source }

    public init(homes: [ResidentialHome], source: String? = nil) { self.homes = homes; self.source = source }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply.inHouseResidential
        homes = try read(.homes, default: d.homes)
        source = try read.optional(.source)
    }
}

/// One in-house children's home.
public struct ResidentialHome: Codable, Equatable, Sendable {
    public var area: String
    public var beds: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case area, beds }

    public init(area: String, beds: Int) { self.area = area; self.beds = beds }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        area = try read(.area, default: "")
        beds = try read(.beds, default: 0)
    }
}

/// The external markets the LA buys places from.
public struct Markets: Codable, Equatable, Sendable {
    public var agencyFoster: MarketSettings
    public var externalResidential: MarketSettings
    public var supportedAccommodation: MarketSettings

    enum CodingKeys: String, CodingKey, CaseIterable { case agencyFoster, externalResidential, supportedAccommodation }

    public init(agencyFoster: MarketSettings, externalResidential: MarketSettings, supportedAccommodation: MarketSettings) {
        self.agencyFoster = agencyFoster; self.externalResidential = externalResidential
        self.supportedAccommodation = supportedAccommodation
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.supply.markets
        agencyFoster = try read(.agencyFoster, default: d.agencyFoster)
        externalResidential = try read(.externalResidential, default: d.externalResidential)
        supportedAccommodation = try read(.supportedAccommodation, default: d.supportedAccommodation)
    }

    /// The market of one kind (agency foster, external residential or supported accommodation).
    public subscript(kind: PlacementKind) -> MarketSettings? {
        switch kind {
        case .agencyFoster: return agencyFoster
        case .externalResidential: return externalResidential
        case .supportedAccommodation: return supportedAccommodation
        default: return nil
        }
    }
}

/// A market: how many of its places this LA can hold at once, and where they are.
public struct MarketSettings: Codable, Equatable, Sendable {
    /// Places available to this LA at any one time.
    public var capacity: Int
    /// Where the places are: areas (by name) with the share of places in each. Empty when
    /// `distanceMiles` is used instead.
    public var locations: [String: Double]
    /// Instead of locations: the distance from a child's home to a place, miles.
    public var distanceMiles: Distribution?
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case capacity, locations, distanceMiles, source }

    public init(capacity: Int, locations: [String: Double], distanceMiles: Distribution? = nil, source: String? = nil) {
        self.capacity = capacity; self.locations = locations; self.distanceMiles = distanceMiles; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        let kind = decoder.codingPath.last.flatMap { PlacementKind(rawValue: $0.stringValue) } ?? .agencyFoster
        let d = Scenario.defaults.supply.markets[kind] ?? Scenario.defaults.supply.markets.agencyFoster
        capacity = try read(.capacity, default: d.capacity)
        distanceMiles = try read.optional(.distanceMiles)
        locations = try read(.locations, default: distanceMiles == nil ? d.locations : [:])
        source = try read.optional(.source)
    }
}
