/// A validated scenario in the form the engine runs: names resolved to indices, ages in days,
/// rates per day, distances precomputed. Built only by `init(validating:file:)`, so an instance is
/// always consistent.
public struct ScenarioModel: Sendable {
    /// The scenario as written (defaults and extends applied), for reports and `describe`.
    public let scenario: Scenario
    /// The file it came from.
    public let file: String

    // Time
    public let startDate: CalendarDate
    public let horizonDays: Int
    /// Snapshot days (0 = start date), one a month, and their dates.
    public let snapshotDays: [Int]
    public let snapshotDates: [CalendarDate]
    /// Financial years overlapping the horizon: first day of each (relative, may be negative for
    /// the first) and labels like `2025-26`.
    public let financialYearStartDays: [Int]
    public let financialYearLabels: [String]

    // Children
    public let ageBandNames: [String]
    /// Upper age of each band in days (exclusive); the last is the 18th birthday.
    let ageBandUpperDays: [Int]
    /// The band of each age in days younger than the last band (older children are in it):
    /// matching costs, snapshots and costs ask for a child's band many times a day of simulation.
    let bandOfAgeDays: [UInt8]
    public let needNames: [String]
    public let areaNames: [String]
    let areaInsideLA: [Bool]
    /// Straight-line miles between areas to one decimal (DfE measure), `[from * areas + to]`.
    let areaMiles: [Double]
    let homeAreaShares: [Double]

    // Demand
    let entryRatePerDay: [Double]  // by band, first year
    let entryTrendPerYear: Double
    /// Years of trend between the rates as given and the first year's: 0 when the rates are the
    /// first year's, more when they were measured before the start.
    let entryTrendOffsetYears: Double
    /// Standard errors of the estimated rate (relative) and trend, drawn once per replication.
    let entryRateUncertainty: Double
    let entryTrendUncertainty: Double
    /// Step changes in the entry rate: from `day` (since the start; earlier days count from the
    /// start) every rate is multiplied by `multiplier`, in day order.
    let entryRateChanges: [(day: Int, multiplier: Double)]
    let entryNeedShares: [[Double]]  // [band][need]
    let siblingGroupSizes: [Int]
    let siblingGroupShares: [Double]
    let kinshipAvailable: Double
    let exitRoutes: [[ExitRouteModel]]  // by band at entry
    let stayingPutShare: Double
    let stayingPutUntilDays: Int
    let placedForAdoptionDays: Int
    let placedWithParentsDays: Int
    let initialChildren: [InitialChild]?
    let initialByBand: [Int]
    let initialByKind: [Int]
    let initialNeedShares: [[Double]]  // [band][need]
    /// Weights of each years-in-care band by age band, when the profile gives them.
    let initialYearsInCare: [[Double]]?
    /// Children at the start by whole year of age, when the scenario gives them.
    let initialByYearOfAge: [Int]?
    /// Counts by age band and placement kind, when the profile gives them together.
    let initialKindsByBand: [[Int]]?

    // Placement needs (indexed by PlacementNeed.index)
    let needAtEntryShares: [[Double]]  // [band][placement need]
    /// Planned moves a day, `[(band * needs + from) * needs + to]`.
    let needChangeRatePerDay: [Double]
    /// For each placement need, the needs to try instead when no suitable place is free.
    let substituteNeeds: [[Int]]
    /// Matching stages a round runs: the needs themselves, then one per substitute of the longest list.
    let matchingStages: Int

    // Placement types, indexed by PlacementKind.index (prices and rates [kind * bands + band]):
    // flat arrays, read in the matching loops without reference counting.
    let kindWeeklyCost: [Double]
    let kindBreakdownRatePerDay: [Double]
    let kindMinAgeDays: [Int]
    let kindMaxAgeDays: [Int]
    /// Bit n set when the kind meets need n.
    let kindNeedsMet: [UInt64]
    /// The ages in days, ascending, at which a child may start or stop suiting a kind of placement
    /// or a household's approval: between two of them the places a child could take stay the same.
    let suitabilityAgesDays: [Int]

    // Supply
    let initialHouseholds: [HouseholdModel]
    let approvalsPerYear: [Double]
    let unavailableShare: Double
    let newHousehold: HouseholdModel
    let newHouseholdAreaShares: [Double]
    let approvalDelayDays: Int
    let deregistrationRatePerDay: Double
    public let recruitmentCostPerApproval: Double
    let residentialHomes: [(area: Int, beds: Int)]
    let markets: [MarketModel]  // agencyFoster, externalResidential, supportedAccommodation

    // Policy and costs
    let weights: MatchingWeights
    let kinshipFirst: Bool
    let roundEveryDays: Int
    let batchSize: Int
    let allowSiblingSplit: Bool
    let stepDownEnabled: Bool
    let stepDownMinimumDays: Int
    public let inflationPerYear: Double
    let stayingPutWeeklyCost: Double

    /// Exit route names, in the order metrics use; the last is leaving care at 18.
    public static let exitRouteNames = ["returnHome", "adoption", "specialGuardianship", "other", "age18"]
    static let age18Route = 4
    static let adoptionRoute = 1
    static let returnHomeRoute = 0

    /// Children in care on the start date.
    public var initialChildrenCount: Int { initialChildren?.count ?? initialByBand.reduce(0, +) }

    /// The age band of a child `ageDays` old.
    @inline(__always)
    func band(ageDays: Int) -> Int {
        ageDays < bandOfAgeDays.count ? Int(bandOfAgeDays[max(0, ageDays)]) : ageBandUpperDays.count - 1
    }

    /// Weekly price of a kind for a child in an age band, at start-date prices.
    @inline(__always)
    func weeklyCost(kind: Int, band: Int) -> Double { kindWeeklyCost[kind * ageBandNames.count + band] }

    /// Planned moves a day from placement need `from` to `to` for a child in an age band.
    @inline(__always)
    func needChangeRate(band: Int, from: Int, to: Int) -> Double {
        let n = PlacementNeed.allCases.count
        return needChangeRatePerDay[(band * n + from) * n + to]
    }

    /// Breakdowns a day of a kind for a child in an age band.
    @inline(__always)
    func breakdownRatePerDay(kind: Int, band: Int) -> Double { kindBreakdownRatePerDay[kind * ageBandNames.count + band] }

    /// Miles between two areas.
    @inline(__always)
    func miles(_ from: Int, _ to: Int) -> Double { areaMiles[from * areaNames.count + to] }

    /// Price factor of a financial year (0 = the first) for annual inflation.
    func inflationFactor(financialYear: Int) -> Double {
        var factor = 1.0
        for _ in 0..<max(financialYear, 0) { factor *= 1 + inflationPerYear }
        return factor
    }
}

/// One exit route of an age band.
struct ExitRouteModel: Sendable {
    let route: Int
    let probability: Double
    let durationYears: Distribution
}

/// One child of an explicit starting list.
struct InitialChild: Sendable {
    let ageDays: Int
    let need: Int
    let kind: PlacementKind
    let homeArea: Int
}

/// A foster household's approval: where it is and what it takes.
struct HouseholdModel: Sendable {
    var area: Int
    let places: Int
    let minAgeDays: Int
    let maxAgeDays: Int
    /// Bit n set when the household takes need n.
    let needs: UInt64
    let siblingCapacity: Int
}

/// A market's capacity and where its places are.
struct MarketModel: Sendable {
    let kind: PlacementKind
    let capacity: Int
    /// Area of each place, in order, spread over the locations by share; empty with a distance
    /// distribution instead.
    let slotAreas: [Int]
    let distanceMiles: Distribution?
    /// The distribution's mean (0 without one): the distance matching costs a place at.
    let meanMiles: Double

    init(kind: PlacementKind, capacity: Int, slotAreas: [Int], distanceMiles: Distribution?) {
        self.kind = kind
        self.capacity = capacity
        self.slotAreas = slotAreas
        self.distanceMiles = distanceMiles
        meanMiles = distanceMiles?.mean ?? 0
    }
}

extension ScenarioModel {
    /// The youngest age, in days, at which a child can be placed in `kind`.
    public func minimumAgeDays(of kind: PlacementKind) -> Int { kindMinAgeDays[kind.index] }

    /// How long before leaving care a child on the adoption or return-home route moves to
    /// adopters or parents, in days (0 for other kinds).
    public func leadDays(before kind: PlacementKind) -> Int {
        kind == .placedForAdoption ? placedForAdoptionDays : kind == .placedWithParents ? placedWithParentsDays : 0
    }
}
