/// The children in care on the start date: an aggregate profile, expanded reproducibly from the
/// seed, or an explicit list.
public struct InitialChildren: Codable, Equatable, Sendable {
    /// Children by age band (band name -> count).
    public var byAgeBand: [String: Int]
    /// Children by placement type (type name -> count); must total the same as `byAgeBand`.
    public var byPlacementType: [String: Int]
    /// Share of children with each need (need name -> share); the entrants' mix when absent.
    public var needShares: [String: Double]?
    /// An explicit list; when given, the profile above is not used.
    public var children: [ChildRecord]?
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case byAgeBand, byPlacementType, needShares, children, source }

    public init(byAgeBand: [String: Int], byPlacementType: [String: Int], needShares: [String: Double]? = nil,
                children: [ChildRecord]? = nil, source: String? = nil) {
        self.byAgeBand = byAgeBand; self.byPlacementType = byPlacementType; self.needShares = needShares
        self.children = children; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.initialChildren
        byAgeBand = try read(.byAgeBand, default: d.byAgeBand)
        byPlacementType = try read(.byPlacementType, default: d.byPlacementType)
        needShares = try read.optional(.needShares)
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
