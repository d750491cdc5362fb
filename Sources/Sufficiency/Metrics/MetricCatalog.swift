/// The names and positions of every metric a run records, built from the scenario (its age bands,
/// needs and placement types). Monthly metrics are levels on each snapshot date; financial-year
/// metrics are totals (or shares) over each year.
public struct MetricCatalog: Sendable, Equatable {
    /// Monthly metric names, camelCase.
    public let monthly: [String]
    /// Financial-year metric names; grouped ones are `group.key` (`exitsByRoute.returnHome`).
    public let financialYear: [String]

    // Monthly positions; the per-kind counts (`kinshipPlacements`, `inHouseFosterPlacements`, ...)
    // follow the fixed ones, then age bands and needs.
    static let childrenLookedAfter = 0, childrenWaiting = 1, residentialPlacements = 2, shareOver20Miles = 3
    static let shareOutsideLA = 4, weeklyCost = 5, inHouseHouseholds = 6, inHouseApprovedPlaces = 7
    static let inHouseOccupiedPlaces = 8, inHouseOccupancy = 9, stayingPut = 10, substitutePlacements = 11
    static let fixedMonthly = ["childrenLookedAfter", "childrenWaiting", "residentialPlacements", "shareOver20Miles",
                               "shareOutsideLA", "weeklyCost", "inHouseHouseholds", "inHouseApprovedPlaces",
                               "inHouseOccupiedPlaces", "inHouseOccupancy", "stayingPut", "substitutePlacements"]
    let kindMonthly: Int
    let bandMonthly: Int
    let needMonthly: Int

    // Financial-year positions.
    static let entries = 0, exits = 1, placementMoves = 2, shareWith3PlusPlacements = 3, totalCost = 4
    static let stayingPutCost = 5, recruitmentCost = 6, childDaysWaiting = 7, approvals = 8, deregistrations = 9, substitutions = 10
    static let fixedFinancial = ["entries", "exits", "placementMoves", "shareWith3PlusPlacements", "totalCost", "stayingPutCost",
                                 "recruitmentCost", "childDaysWaiting", "approvals", "deregistrations", "substitutions"]
    let exitsByRoute: Int
    let placementsStartedByType: Int
    let firstPlacementsByType: Int
    let costByType: Int
    let substitutionsBySought: Int
    /// Gaps by group: `gaps.<dimension>.<group>.<measure>`, groups in order (age bands, needs,
    /// sibling-group sizes), each with `gapMeasures` in order.
    let gaps: Int
    /// The groups gaps are counted in: (dimension, group name).
    public let gapGroups: [GapGroup]
    /// Sibling-group sizes that have a group of their own (a child's size is the largest at or below it).
    let gapSizes: [Int]
    let gapBands: Int
    static let gapMeasures = ["childDaysWaiting", "shareOver20Miles", "shareInResidential", "substitutions", "separatedFromSiblings"]
    static let childDaysWaitingGap = 0, shareOver20MilesGap = 1, shareInResidentialGap = 2, substitutionsGap = 3, separatedGap = 4

    public init(model: ScenarioModel) {
        let kinds = PlacementKind.allCases.map(\.rawValue)
        var monthly = Self.fixedMonthly
        kindMonthly = monthly.count
        monthly += kinds.map { "\($0)Placements" }
        bandMonthly = monthly.count
        monthly += model.ageBandNames.map(Self.childrenAged)
        needMonthly = monthly.count
        monthly += model.needNames.map { "childrenWithNeed" + Self.capitalised($0) }
        self.monthly = monthly
        var fy = Self.fixedFinancial
        exitsByRoute = fy.count
        fy += ScenarioModel.exitRouteNames.map { "exitsByRoute.\($0)" }
        placementsStartedByType = fy.count
        fy += kinds.map { "placementsStartedByType.\($0)" }
        firstPlacementsByType = fy.count
        fy += kinds.map { "firstPlacementsByType.\($0)" }
        costByType = fy.count
        fy += kinds.map { "costByType.\($0)" }
        substitutionsBySought = fy.count
        fy += PlacementNeed.allCases.map { "substitutionsBySought.\($0.rawValue)" }
        gaps = fy.count
        gapBands = model.ageBandNames.count
        gapSizes = Array(Set(model.siblingGroupSizes + [1])).sorted()
        gapGroups = model.ageBandNames.map { GapGroup(dimension: "ageBand", group: $0) } + model.needNames.map { GapGroup(dimension: "need", group: $0) }
            + gapSizes.map { GapGroup(dimension: "siblingGroupSize", group: String($0)) }
        for g in gapGroups { fy += Self.gapMeasures.map { "gaps.\(g.dimension).\(g.group).\($0)" } }
        financialYear = fy
    }

    /// The position of a monthly metric by name.
    public func monthlyIndex(_ name: String) -> Int? { monthly.firstIndex(of: name) }

    /// The position of a financial-year metric by name.
    public func financialIndex(_ name: String) -> Int? { financialYear.firstIndex(of: name) }

    /// Whether a metric counts children or what happened to them (children in care, entries,
    /// moves, child-days waiting), the numbers `--suppress-below` hides when small. Shares, money
    /// and carers are not counts of children; any metric not named here is treated as one, so a
    /// new metric is hidden until it is known to be safe.
    public static func countsChildren(_ name: String) -> Bool {
        let notChildren: Set<String> = ["shareOver20Miles", "shareOutsideLA", "weeklyCost", "inHouseHouseholds", "inHouseApprovedPlaces",
                                        "inHouseOccupancy", "shareWith3PlusPlacements", "totalCost", "stayingPutCost", "recruitmentCost",
                                        "approvals", "deregistrations"]
        return !notChildren.contains(name) && !name.hasPrefix("costByType.") && !(name.hasPrefix("gaps.") && name.contains(".share"))
    }

    /// The three gap groups of a child: its age band, its need and its sibling-group size.
    func gapGroupsOf(band: Int, need: Int, groupSize: Int) -> (Int, Int, Int) {
        let size = gapSizes.lastIndex { $0 <= groupSize } ?? 0
        return (band, gapBands + need, gapGroups.count - gapSizes.count + size)
    }

    /// The financial-year position of a gap measure for a group.
    func gapMetric(group: Int, measure: Int) -> Int { gaps + group * Self.gapMeasures.count + measure }

    /// The monthly metric counting children in care in an age band: `childrenAged10to15`.
    public static func childrenAged(_ band: String) -> String { "childrenAged" + capitalised(band) }

    static func capitalised(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}

/// A group the gaps are counted in: an age band, a need or a sibling-group size.
public struct GapGroup: Sendable, Equatable {
    public let dimension: String
    public let group: String
}
