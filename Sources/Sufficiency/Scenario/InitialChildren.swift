/// The children in care on the start date: an aggregate profile, expanded reproducibly from the
/// seed, or an explicit list.
public struct InitialChildren: Codable, Equatable, Sendable {
    /// Children by age band (band name -> count).
    public var byAgeBand: [String: Int]
    /// Children by whole year of age (`"0"` to `"17"` -> count), when known: each band's years
    /// total `byAgeBand`. Ages are then drawn within each year rather than evenly across the band
    /// (children in care at 10-15 are mostly the older ones, and they reach 16 sooner).
    public var byYearOfAge: [String: Int]?
    /// Children by placement type (type name -> count); must total the same as `byAgeBand`.
    public var byPlacementType: [String: Int]
    /// Children by age band and placement type together (band -> type -> count), when known:
    /// each band's counts total `byAgeBand`, each type's `byPlacementType`. Without it the types
    /// are spread over the ages (see the README).
    public var byAgeBandAndPlacementType: [String: [String: Int]]?
    /// Share of children with each need (need name -> share); the entrants' mix when absent.
    public var needShares: [String: Double]?
    /// Children by age band and years in care so far (band -> `under1`, `1to2`, `2to5`, `5to10`,
    /// `10plus` -> count, each band's counts totalling `byAgeBand`). With it, each child's remaining
    /// time comes from the exit routes of their age band at entry, given the time already spent;
    /// without it, from their present band's routes, drawn in proportion to length (those in care
    /// on a day are the long stayers).
    public var yearsInCare: [String: [String: Int]]?
    /// An explicit list; when given, the profile above is not used.
    public var children: [ChildRecord]?
    public var source: String?

    /// The years-in-care bands: name, from, to (years; the last open-ended).
    public static let yearsInCareBands: [(name: String, from: Double, to: Double)] = [
        ("under1", 0, 1), ("1to2", 1, 2), ("2to5", 2, 5), ("5to10", 5, 10), ("10plus", 10, 18),
    ]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case byAgeBand, byYearOfAge, byPlacementType, byAgeBandAndPlacementType, needShares, yearsInCare, children, source
    }

    public init(byAgeBand: [String: Int], byYearOfAge: [String: Int]? = nil, byPlacementType: [String: Int], byAgeBandAndPlacementType: [String: [String: Int]]? = nil,
                needShares: [String: Double]? = nil, yearsInCare: [String: [String: Int]]? = nil, children: [ChildRecord]? = nil,
                source: String? = nil) {
        self.byAgeBand = byAgeBand; self.byYearOfAge = byYearOfAge; self.byPlacementType = byPlacementType; self.byAgeBandAndPlacementType = byAgeBandAndPlacementType
        self.needShares = needShares
        self.yearsInCare = yearsInCare; self.children = children; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.initialChildren
        byAgeBand = try read(.byAgeBand, default: d.byAgeBand)
        byYearOfAge = try read.optional(.byYearOfAge)
        byPlacementType = try read(.byPlacementType, default: d.byPlacementType)
        byAgeBandAndPlacementType = try read.optional(.byAgeBandAndPlacementType)
        needShares = try read.optional(.needShares)
        yearsInCare = try read.optional(.yearsInCare)
        children = try read.optional(.children)
        source = try read.optional(.source)
    }
}

/// One child in an explicit starting list.
public struct ChildRecord: Codable, Equatable, Sendable {
    /// Age in years on the start date (fractions allowed).
    public var age: Double
    public var need: String
    public var placementType: String
    public var homeArea: String

    enum CodingKeys: String, CodingKey, CaseIterable { case age, need, placementType, homeArea }

    public init(age: Double, need: String, placementType: String, homeArea: String) {
        self.age = age; self.need = need; self.placementType = placementType; self.homeArea = homeArea
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        age = try read(.age, default: 0)
        need = try read(.need, default: "standard")
        placementType = try read(.placementType, default: "inHouseFoster")
        homeArea = try read(.homeArea, default: "")
    }
}
