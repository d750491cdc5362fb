import PlacementMatching

/// One replication: a discrete-event simulation of the scenario over its horizon.
///
/// The demand (who enters, when, with what needs and planned exits) is drawn first by
/// `DemandGenerator`; the event loop then places children, breaks placements down, recruits and
/// loses carers, matches waiting children in rounds and records metrics. Events on one day run in
/// a fixed order (see `Event.Kind`), so a replication is a pure function of (scenario, seed, index).
///
/// A class, owned by one thread: as a struct holding the whole model it was copied for every
/// helper the engine called.
final class Replication {
    let model: ScenarioModel
    let catalog: MetricCatalog
    let seed: UInt64
    let index: Int

    var children: [ChildState]
    let groups: [EntryGroup]
    var households: [HouseholdState] = []
    var homes: [HomeState]
    var markets: [MarketState]
    var queue: EventQueue
    /// Children waiting for a suitable place, in the order they started waiting.
    var waiting: ChildList
    /// Children in care or staying put, in index order (the order they entered): the monthly
    /// snapshot looks at them, not at everyone who has left.
    var present: ChildList
    /// Children in a residential placement (in-house or external), in the order they were placed
    /// there: the candidates for a step-down.
    var residential: ChildList
    var roundScheduled = false
    /// Whether anything a round depends on changed since the last round (free places, waiting
    /// children); a round with nothing changed would give the same answer and is skipped.
    var matchingStale = true
    var lastFullRound = Int.min / 2
    /// Offer places to every waiting unit in every round, not only to those due reconsideration:
    /// the same answers more slowly, for tests that check the skipping changes nothing.
    var offerEveryRound = false
    var today = 0
    var year = 0
    var result: ReplicationResult
    /// Buffers and solver the matching rounds reuse; hand them to the next replication.
    var matching: MatchingWorkspace
    /// The in-house places free now, by class.
    var freePlaces = FreePlaces()
    var recruitmentRNG: Xoshiro256StarStar
    /// The care log, kept only when a trace asks for it.
    var log: CareLog?
    /// Child-days in care by year and gap group: `[(year * groups + group) * 4 + k]`, k = 0 in
    /// care, 1 in residential care, 2 placed at a known distance, 3 of those over 20 miles.
    var gapDays: [Double]

    init(model: ScenarioModel, catalog: MetricCatalog, seed: UInt64, index: Int, matching: MatchingWorkspace = .init()) {
        self.model = model
        self.catalog = catalog
        self.seed = seed
        self.index = index
        self.matching = matching
        let demand = DemandGenerator(model: model, seed: seed, replication: index).generate()
        children = demand.children
        groups = demand.groups
        waiting = ChildList(children: children.count)
        present = ChildList(children: children.count)
        residential = ChildList(children: children.count)
        homes = model.residentialHomes.map { HomeState(area: $0.area, beds: $0.beds) }
        markets = model.markets.map { MarketState(model: $0) }
        queue = EventQueue(days: model.horizonDays + 2)
        result = ReplicationResult(catalog: catalog, snapshots: model.snapshotDays.count, years: model.financialYearStartDays.count)
        recruitmentRNG = SeedDerivation.generator(seed: seed, replication: index, purpose: .recruitment)
        gapDays = [Double](repeating: 0, count: model.financialYearStartDays.count * catalog.gapGroups.count * 4)
    }

    /// A child's three gap groups (age band on `day`, need, sibling-group size).
    func gapGroups(of c: Int, on day: Int) -> (Int, Int, Int) {
        let child = children[c]
        return catalog.gapGroupsOf(band: model.band(ageDays: day - child.birthDay), need: child.need,
                                   groupSize: child.group >= 0 ? groups[child.group].children.count : 1)
    }

    /// Adds `amount` to a gap measure of each of the child's three groups.
    func addGap(_ measure: Int, child c: Int, year y: Int, _ amount: Double) {
        let (band, need, size) = gapGroups(of: c, on: today)
        result.add(financial: catalog.gapMetric(group: band, measure: measure), year: y, amount)
        result.add(financial: catalog.gapMetric(group: need, measure: measure), year: y, amount)
        result.add(financial: catalog.gapMetric(group: size, measure: measure), year: y, amount)
    }

    /// Runs the replication to its horizon.
    func run() -> ReplicationResult {
        setUp()
        var events = 0
        while let event = queue.next() {
            // The horizon day itself belongs to the next financial year: only its snapshot (the
            // state at the start of that day) is recorded.
            guard Int(event.day) < model.horizonDays || (Int(event.day) == model.horizonDays && event.kind.rawValue <= Event.Kind.snapshot.rawValue) else { break }
            today = Int(event.day)
            events += 1
            handle(event)
        }
        today = model.horizonDays
        finish()
        finishLog()
        result.events = events
        result.pack()
        return result
    }

    private func setUp() {
        year = yearIndex(0)
        for (i, approval) in model.initialHouseholds.enumerated() {
            households.append(newHousehold(approval, availableFrom: 0))
            scheduleDeregistration(of: i)
        }
        placeInitialChildren()
        for h in households.indices { refreshFreePlaces(household: h) }
        for i in homes.indices { refreshFreePlaces(home: i) }
        for (i, group) in groups.enumerated() where group.day <= model.horizonDays {
            queue.schedule(day: group.day, .entry, subject: i)
        }
        scheduleApprovals()
        for (i, day) in model.snapshotDays.enumerated() { queue.schedule(day: day, .snapshot, subject: i) }
        for (k, day) in model.financialYearStartDays.enumerated() where k > 0 && day <= model.horizonDays {
            queue.schedule(day: day, .financialYear, subject: k)
        }
        if !waiting.isEmpty { requestRound() }
    }

    private func handle(_ event: Event) {
        let subject = Int(event.subject)
        switch event.kind {
        case .financialYear: closeFinancialYear(opening: subject)
        case .snapshot: recordSnapshot(subject)
        case .exit: leaveCare(subject)
        case .stayingPutEnd: endStayingPut(subject)
        case .deregistration: deregister(subject)
        case .approval: approveHousehold()
        case .householdReady:
            refreshFreePlaces(household: subject)
            placesChanged(.inHouseFoster, provider: subject)
        case .finalPlacement: moveToFinalPlacement(subject)
        case .breakdown: breakDown(subject, serial: event.serial)
        case .plannedMove: movePlanned(subject, serial: event.serial)
        case .entry: enter(groups[subject])
        case .matchingRound: matchingRound()
        }
    }

    // MARK: - Children

    private func enter(_ group: EntryGroup) {
        for c in group.children {
            children[c].status = .inCare
            present.append(c)
            result.add(financial: MetricCatalog.entries, year: year, 1)
            scheduleExit(of: c)
        }
        let first = children[group.children.lowerBound]
        if first.kinshipAvailable && model.kinshipFirst && first.sought == PlacementNeed.fostering.index {
            for c in group.children {
                let child = children[c]
                startPlacement(c, .kinship, provider: -1, miles: 0, outsideLA: !model.areaInsideLA[child.homeArea])
            }
        } else {
            for c in group.children { startWaiting(c) }
        }
    }

    /// Schedules the child's exit and, on the adoption and return-home routes, the move to their
    /// final placement before it.
    func scheduleExit(of c: Int) {
        let child = children[c]
        if child.exitDay <= model.horizonDays { queue.schedule(day: child.exitDay, .exit, subject: c) }
        let lead = child.route == ScenarioModel.adoptionRoute ? model.placedForAdoptionDays
            : child.route == ScenarioModel.returnHomeRoute ? model.placedWithParentsDays : 0
        // Adoption needs a placement with the adopters first: a stay shorter than the lead moves the
        // day after entry (or after the start). Children going home may go straight home.
        let earliest = max(today, child.entryDay) + 1
        let moveDay = child.route == ScenarioModel.adoptionRoute ? max(child.exitDay - lead, earliest) : child.exitDay - lead
        let target: PlacementKind = child.route == ScenarioModel.adoptionRoute ? .placedForAdoption : .placedWithParents
        if lead > 0 && moveDay >= earliest && moveDay < child.exitDay && moveDay <= model.horizonDays && child.kind != target {
            queue.schedule(day: moveDay, .finalPlacement, subject: c)
        }
    }

    private func leaveCare(_ c: Int) {
        guard children[c].status == .inCare else { return }
        result.add(financial: MetricCatalog.exits, year: year, 1)
        result.add(financial: catalog.exitsByRoute + children[c].route, year: year, 1)
        if children[c].isWaiting { stopWaiting(c) }
        let child = children[c]
        let staysPut = child.route == ScenarioModel.age18Route && child.staysPut && (child.kind == .inHouseFoster || child.kind == .agencyFoster)
        log?.exits.append((c, today, child.route, staysPut))
        if staysPut {
            // Staying put: the young person leaves care but keeps the place until the age limit.
            accrueCost(c, until: today)
            children[c].status = .stayingPut
            children[c].placementStart = today
            let end = child.birthDay + model.stayingPutUntilDays
            if end <= model.horizonDays { queue.schedule(day: max(end, today + 1), .stayingPutEnd, subject: c) }
            return
        }
        endPlacement(c)
        children[c].status = .left
        present.remove(c)
    }

    private func endStayingPut(_ c: Int) {
        guard children[c].status == .stayingPut else { return }
        endPlacement(c)
        children[c].status = .left
        present.remove(c)
    }

    private func moveToFinalPlacement(_ c: Int) {
        guard children[c].status == .inCare else { return }
        let kind: PlacementKind = children[c].route == ScenarioModel.adoptionRoute ? .placedForAdoption : .placedWithParents
        guard children[c].kind != kind else { return }  // already there
        children[c].sought = kind.need!.index
        if children[c].isWaiting { stopWaiting(c) }
        endPlacement(c)
        let home = children[c].homeArea
        startPlacement(c, kind, provider: -1, miles: 0, outsideLA: !model.areaInsideLA[home], reason: .finalPlacement)
    }

    private func breakDown(_ c: Int, serial: Int32) {
        guard children[c].status == .inCare, children[c].serial == serial, !children[c].isWaiting else { return }
        endPlacement(c)
        startWaiting(c)
    }

    /// A planned move: the child now needs another kind of placement (drawn by the rates out of
    /// the kind they are in) and waits for it.
    private func movePlanned(_ c: Int, serial: Int32) {
        guard children[c].status == .inCare, children[c].serial == serial, !children[c].isWaiting,
              let from = children[c].kind?.need?.index else { return }
        var rng = plannedMoveGenerator(c)
        _ = Sampling.exponential(mean: 1, using: &rng)  // the draw that timed the move
        let band = model.band(ageDays: today - children[c].birthDay)
        let rates = PlacementNeed.allCases.indices.map { model.needChangeRate(band: band, from: from, to: $0) }
        guard rates.contains(where: { $0 > 0 }) else { return }
        children[c].sought = Sampling.categorical(rates, using: &rng)
        children[c].plannedMove = true
        endPlacement(c)
        startWaiting(c)
    }

    func startWaiting(_ c: Int) {
        children[c].isWaiting = true
        children[c].reconsiderFrom = today
        waiting.append(c)
        matchingStale = true
        requestRound()
    }

    /// Takes the child off the waiting list; siblings still waiting form a smaller unit, which
    /// may fit places the whole could not.
    func stopWaiting(_ c: Int) {
        children[c].isWaiting = false
        waiting.remove(c)
        guard children[c].group >= 0 else { return }
        for s in groups[children[c].group].children where children[s].isWaiting {
            children[s].reconsiderFrom = min(children[s].reconsiderFrom, today)
        }
    }

    // MARK: - Carers

    private func scheduleApprovals() {
        let years = (model.horizonDays + 364) / 365
        for y in 0..<years {
            let from = y * 365, to = min(model.horizonDays, from + 365)
            guard to > from else { break }
            let perYear = model.approvalsPerYear[min(y, model.approvalsPerYear.count - 1)]
            let count = Sampling.poisson(mean: perYear * Double(to - from) / 365, using: &recruitmentRNG)
            for _ in 0..<count { queue.schedule(day: from + Sampling.below(to - from, using: &recruitmentRNG), .approval) }
        }
    }

    private func approveHousehold() {
        var approval = model.newHousehold
        approval.area = Sampling.categorical(model.newHouseholdAreaShares, using: &recruitmentRNG)
        let ready = today + model.approvalDelayDays
        households.append(newHousehold(approval, availableFrom: ready))
        let h = households.count - 1
        refreshFreePlaces(household: h)
        result.add(financial: MetricCatalog.approvals, year: year, 1)
        let cost = model.recruitmentCostPerApproval
        result.add(financial: MetricCatalog.recruitmentCost, year: year, cost)
        result.add(financial: MetricCatalog.totalCost, year: year, cost)
        scheduleDeregistration(of: h)
        if ready <= model.horizonDays { queue.schedule(day: ready, .householdReady, subject: h) }
    }

    /// A household as approved: each approved place is usable with the scenario's available share,
    /// drawn from the household's own stream.
    private func newHousehold(_ approval: HouseholdModel, availableFrom: Int) -> HouseholdState {
        var rng = SeedDerivation.generator(seed: seed, replication: index, purpose: .householdAvailability, entity: UInt64(households.count))
        var usable = 0
        for _ in 0..<approval.places where Sampling.unit(using: &rng) >= model.unavailableShare { usable += 1 }
        return HouseholdState(approval: approval, availableFrom: availableFrom, usablePlaces: usable)
    }

    private func scheduleDeregistration(of h: Int) {
        guard model.deregistrationRatePerDay > 0 else { return }
        var rng = SeedDerivation.generator(seed: seed, replication: index, purpose: .deregistration, entity: UInt64(h))
        let day = today + Int(Sampling.exponential(mean: 1 / model.deregistrationRatePerDay, using: &rng).rounded(.up))
        if day <= model.horizonDays { queue.schedule(day: day, .deregistration, subject: h) }
    }

    private func deregister(_ h: Int) {
        guard households[h].active, !households[h].closing else { return }
        households[h].closing = true
        if households[h].occupants == 0 { households[h].active = false }
        refreshFreePlaces(household: h)
        result.add(financial: MetricCatalog.deregistrations, year: year, 1)
    }

    /// A place of `kind` (at `provider`) freed up or became usable. Only a waiting child it could
    /// suit makes the next round worth running, and that round offers places again to those
    /// children; step-downs look at every freed foster place.
    func placesChanged(_ kind: PlacementKind, provider: Int) {
        if reconsiderWhoCouldUse(kind, provider: provider) {
            matchingStale = true
            requestRound()
        } else if model.stepDownEnabled && kind == .inHouseFoster {
            requestRound()
        }
    }

    /// Makes the waiting children who could use a place of `kind` at `provider` due reconsideration;
    /// returns whether there were any.
    func reconsiderWhoCouldUse(_ kind: PlacementKind, provider: Int) -> Bool {
        var any = false
        for c in waiting {
            // Once the answer is known, a child already due needs no look.
            if any && children[c].reconsiderFrom <= today { continue }
            guard couldUse(c, kind, provider: provider) else { continue }
            any = true
            children[c].reconsiderFrom = min(children[c].reconsiderFrom, today)
        }
        return any
    }

    /// Whether child `c` could take a place of `kind` at `provider`, by age and need (capacity and
    /// siblings aside).
    func couldUse(_ c: Int, _ kind: PlacementKind, provider: Int) -> Bool {
        let age = today - children[c].birthDay, need: UInt64 = 1 << UInt64(children[c].need), k = kind.index
        guard age >= model.kindMinAgeDays[k] && age < model.kindMaxAgeDays[k] && model.kindNeedsMet[k] & need != 0 else { return false }
        guard kind == .inHouseFoster else { return true }
        let approval = households[provider].approval
        return age >= approval.minAgeDays && age < approval.maxAgeDays && approval.needs & need != 0
    }

    func requestRound() {
        guard !roundScheduled else { return }
        roundScheduled = true
        queue.schedule(day: today, .matchingRound)
    }

    // MARK: - Years

    /// The financial year containing `day`.
    func yearIndex(_ day: Int) -> Int {
        var k = 0
        while k + 1 < model.financialYearStartDays.count && model.financialYearStartDays[k + 1] <= day { k += 1 }
        return k
    }

    private func closeFinancialYear(opening next: Int) {
        recordPlacementStability(year: next - 1)
        for c in children.indices where children[c].status == .inCare { children[c].placementsInYear = 1 }
        year = next
    }

    /// Share of the children in care at the year's end who had three or more placements in it.
    private func recordPlacementStability(year closing: Int) {
        var inCare = 0, unstable = 0
        for child in children where child.status == .inCare {
            inCare += 1
            if child.placementsInYear >= 3 { unstable += 1 }
        }
        result.add(financial: MetricCatalog.shareWith3PlusPlacements, year: closing, inCare > 0 ? Double(unstable) / Double(inCare) : 0)
    }

    private func finish() {
        for c in children.indices where children[c].status == .inCare || children[c].status == .stayingPut {
            accrueCost(c, until: model.horizonDays)
        }
        if let last = model.financialYearStartDays.last, model.horizonDays >= last {
            recordPlacementStability(year: model.financialYearStartDays.count - 1)
        }
        // Shares by group, over the year's child-days.
        let groupCount = catalog.gapGroups.count
        for y in model.financialYearStartDays.indices {
            for g in 0..<groupCount {
                let at = (y * groupCount + g) * 4
                if gapDays[at] > 0 {
                    result.add(financial: catalog.gapMetric(group: g, measure: MetricCatalog.shareInResidentialGap), year: y, gapDays[at + 1] / gapDays[at])
                }
                if gapDays[at + 2] > 0 {
                    result.add(financial: catalog.gapMetric(group: g, measure: MetricCatalog.shareOver20MilesGap), year: y, gapDays[at + 3] / gapDays[at + 2])
                }
            }
        }
    }
}
