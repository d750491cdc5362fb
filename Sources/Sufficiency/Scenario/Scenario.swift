/// A scenario: everything the model assumes about one local authority, as written in a scenario
/// file (JSON, `"version": 1`). Every field has a documented default (`Scenario+Defaults.swift`),
/// so a variant file needs only what differs; `ScenarioLoader` also resolves `"extends"`.
///
/// A scenario is checked once by `ScenarioModel(validating:)`, which the engine then trusts.
public struct Scenario: Codable, Equatable, Sendable {
    /// The newest file version this build reads.
    public static let currentVersion = 1

    public var version: Int
    /// A short name, used for output folders (defaults to the file name).
    public var name: String
    public var description: String
    public var time: TimeSettings
    public var ageBands: [AgeBand]
    public var needs: [String]
    public var geography: Geography
    public var initialChildren: InitialChildren
    public var entries: Entries
    public var exits: Exits
    public var placementNeeds: PlacementNeeds
    public var placementTypes: PlacementTypes
    public var supply: Supply
    public var matching: MatchingPolicy
    public var costs: Costs
    public var monteCarlo: MonteCarloSettings

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version, name, description, extends, time, ageBands, needs, geography, initialChildren, entries, exits
        case placementNeeds, placementTypes, supply, matching, costs, monteCarlo
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        let d = Scenario.defaults
        version = try read(.version, default: d.version)
        guard version <= Scenario.currentVersion, version >= 1 else {
            throw ScenarioDecodingProblem(path: ["version"], message: version > Scenario.currentVersion
                ? "this file is version \(version), newer than this build reads (version \(Scenario.currentVersion)); update sufficiency"
                : "expected version 1, found \(version)")
        }
        name = try read(.name, default: d.name)
        description = try read(.description, default: d.description)
        time = try read(.time, default: d.time)
        ageBands = try read(.ageBands, default: d.ageBands)
        needs = try read(.needs, default: d.needs)
        geography = try read(.geography, default: d.geography)
        initialChildren = try read(.initialChildren, default: d.initialChildren)
        entries = try read(.entries, default: d.entries)
        exits = try read(.exits, default: d.exits)
        placementNeeds = try read(.placementNeeds, default: d.placementNeeds)
        placementTypes = try read(.placementTypes, default: d.placementTypes)
        supply = try read(.supply, default: d.supply)
        matching = try read(.matching, default: d.matching)
        costs = try read(.costs, default: d.costs)
        monteCarlo = try read(.monteCarlo, default: d.monteCarlo)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(time, forKey: .time)
        try c.encode(ageBands, forKey: .ageBands)
        try c.encode(needs, forKey: .needs)
        try c.encode(geography, forKey: .geography)
        try c.encode(initialChildren, forKey: .initialChildren)
        try c.encode(entries, forKey: .entries)
        try c.encode(exits, forKey: .exits)
        try c.encode(placementNeeds, forKey: .placementNeeds)
        try c.encode(placementTypes, forKey: .placementTypes)
        try c.encode(supply, forKey: .supply)
        try c.encode(matching, forKey: .matching)
        try c.encode(costs, forKey: .costs)
        try c.encode(monteCarlo, forKey: .monteCarlo)
    }

    init(version: Int, name: String, description: String, time: TimeSettings, ageBands: [AgeBand], needs: [String],
         geography: Geography, initialChildren: InitialChildren, entries: Entries, exits: Exits, placementNeeds: PlacementNeeds,
         placementTypes: PlacementTypes, supply: Supply, matching: MatchingPolicy, costs: Costs, monteCarlo: MonteCarloSettings) {
        self.version = version; self.name = name; self.description = description; self.time = time
        self.ageBands = ageBands; self.needs = needs; self.geography = geography; self.initialChildren = initialChildren
        self.entries = entries; self.exits = exits; self.placementNeeds = placementNeeds; self.placementTypes = placementTypes; self.supply = supply
        self.matching = matching; self.costs = costs; self.monteCarlo = monteCarlo
    }
}

/// The simulated period.
public struct TimeSettings: Codable, Equatable, Sendable {
    /// First simulated day, `YYYY-MM-DD`. Snapshots fall on the same day of each month.
    public var startDate: String
    /// Length of the simulation in years (whole years).
    public var horizonYears: Int
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case startDate, horizonYears, source }

    public init(startDate: String, horizonYears: Int, source: String? = nil) {
        self.startDate = startDate; self.horizonYears = horizonYears; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.time
        startDate = try read(.startDate, default: d.startDate)
        horizonYears = try read(.horizonYears, default: d.horizonYears)
        source = try read.optional(.source)
    }
}

/// An age band `[from, to)` in whole years; the bands must cover 0 to 18 without gaps or overlaps.
public struct AgeBand: Codable, Equatable, Sendable {
    /// The band's name, used as a key elsewhere in the file and in metric names (`under1`, `1to4`).
    public var name: String
    public var from: Int
    public var to: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case name, from, to }

    public init(name: String, from: Int, to: Int) { self.name = name; self.from = from; self.to = to }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        name = try read(.name, default: "")
        from = try read(.from, default: 0)
        to = try read(.to, default: 0)
    }
}

/// Annual cost inflation and other cost settings.
public struct Costs: Codable, Equatable, Sendable {
    /// Price inflation a year (0.03 = 3%), applied from the second financial year on.
    public var inflationPerYear: Double
    /// Weekly allowance for a young person staying put with their former foster carer (18-21).
    public var stayingPutWeeklyCost: Double
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case inflationPerYear, stayingPutWeeklyCost, source }

    public init(inflationPerYear: Double, stayingPutWeeklyCost: Double, source: String? = nil) {
        self.inflationPerYear = inflationPerYear; self.stayingPutWeeklyCost = stayingPutWeeklyCost; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.costs
        inflationPerYear = try read(.inflationPerYear, default: d.inflationPerYear)
        stayingPutWeeklyCost = try read(.stayingPutWeeklyCost, default: d.stayingPutWeeklyCost)
        source = try read.optional(.source)
    }
}

/// Monte Carlo defaults; the command line may override both.
public struct MonteCarloSettings: Codable, Equatable, Sendable {
    public var replications: Int
    public var seed: UInt64

    enum CodingKeys: String, CodingKey, CaseIterable { case replications, seed }

    public init(replications: Int, seed: UInt64) { self.replications = replications; self.seed = seed }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.monteCarlo
        replications = try read(.replications, default: d.replications)
        seed = try read(.seed, default: d.seed)
    }
}
