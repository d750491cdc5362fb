/// Everything that happened to each child in one replication, in the detail an SSDA903 return
/// needs: when they came into care, every placement (type, area, why it started) and how they
/// left. Recorded only when asked for (`ReplicationTrace`); Monte Carlo runs never build one.
///
/// Days count from the scenario's start date (day 0); children in care at the start have a
/// negative `careStartDay`: when their current period of care began.
public struct CareLog: Sendable {
    /// Why a placement started.
    public enum Reason: UInt8, Sendable {
        /// The child's first placement of the period (on entry, or in care at the start).
        case entry
        /// The previous placement broke down.
        case breakdown
        /// The child left an emergency placement for a suitable one.
        case fromEmergency
        /// A planned move from a children's home to foster care.
        case stepDown
        /// A planned move to adopters or to parents before leaving care.
        case finalPlacement
        /// A planned move to another kind of placement (16+ to supported accommodation, say).
        case plannedMove
    }

    /// One child: the demand side and how their time in care ended within the horizon.
    public struct Child: Sendable, Equatable {
        public let birthDay: Int
        public let careStartDay: Int
        public let homeArea: Int
        public let need: Int
        /// Sibling group (children who entered together), or -1.
        public let group: Int
        /// Whether the child was in care at any time within the horizon.
        public let entered: Bool
        /// The day they left care, if within the horizon.
        public let exitDay: Int?
        /// Exit route (an index into `ScenarioModel.exitRouteNames`), if they left.
        public let route: Int?
        /// Whether they stayed put with their foster carer on leaving at 18.
        public let stayedPut: Bool
    }

    /// A placement starting.
    public struct Placement: Sendable, Equatable {
        public let child: Int
        public let day: Int
        public let kind: PlacementKind
        /// The area of the place (for a market with a distance distribution, the area nearest that
        /// distance from the child's home).
        public let area: Int
        public let reason: Reason

        public init(child: Int, day: Int, kind: PlacementKind, area: Int, reason: Reason) {
            self.child = child; self.day = day; self.kind = kind; self.area = area; self.reason = reason
        }
    }

    public let startDate: CalendarDate
    public let horizonDays: Int
    public internal(set) var children: [Child] = []
    /// Placements in the order they started.
    public internal(set) var placements: [Placement] = []
    var exits: [(child: Int, day: Int, route: Int, stayedPut: Bool)] = []

    init(startDate: CalendarDate, horizonDays: Int) {
        self.startDate = startDate
        self.horizonDays = horizonDays
    }
}

/// Runs single replications with their care log, for writing them out as SSDA903 files.
public enum ReplicationTrace {
    /// Runs replication `replication` of `model` from `seed`, recording its care log.
    ///
    /// The replication's metrics are exactly those a Monte Carlo run of the same seed gives for
    /// that index: recording changes nothing the model draws.
    ///
    /// - Returns: The care log and the replication's metrics.
    public static func run(_ model: ScenarioModel, seed: UInt64, replication: Int) -> (log: CareLog, result: ReplicationResult, catalog: MetricCatalog) {
        let catalog = MetricCatalog(model: model)
        let simulation = Replication(model: model, catalog: catalog, seed: seed, index: replication)
        simulation.log = CareLog(startDate: model.startDate, horizonDays: model.horizonDays)
        let result = simulation.run()
        return (simulation.log!, result, catalog)
    }
}

extension Replication {
    /// Records a placement's start in the care log, if one is kept.
    func logPlacement(_ c: Int, _ kind: PlacementKind, provider: Int, miles: Double, reason: CareLog.Reason) {
        guard log != nil else { return }
        let home = children[c].homeArea
        var area = home
        switch kind {
        case .inHouseFoster: area = households[provider].approval.area
        case .inHouseResidential: area = homes[provider].area
        case .agencyFoster, .externalResidential, .supportedAccommodation:
            area = markets[marketIndex(kind)].area(ofSlot: provider) ?? nearestArea(from: home, miles: miles)
        default: break
        }
        log!.placements.append(CareLog.Placement(child: c, day: today, kind: kind, area: area, reason: reason))
    }

    /// The area whose distance from `home` is closest to `miles`.
    private func nearestArea(from home: Int, miles: Double) -> Int {
        model.areaNames.indices.min { abs(model.miles(home, $0) - miles) < abs(model.miles(home, $1) - miles) } ?? home
    }

    /// Fills in the log's children once the replication has run.
    func finishLog() {
        guard log != nil else { return }
        var exitOf = [Int: (day: Int, route: Int, stayedPut: Bool)]()
        for exit in log!.exits { exitOf[exit.child] = (exit.day, exit.route, exit.stayedPut) }
        log!.children = children.indices.map { c in
            let child = children[c], exit = exitOf[c]
            return CareLog.Child(birthDay: child.birthDay, careStartDay: child.careStartDay, homeArea: child.homeArea, need: child.need,
                                 group: child.group, entered: child.status != .notYetEntered, exitDay: exit?.day, route: exit?.route,
                                 stayedPut: exit?.stayedPut ?? false)
        }
    }
}
