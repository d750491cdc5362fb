import PlacementMatching

/// A free place offered in a matching round.
struct MatchColumn: Sendable, BitwiseCopyable {
    let kind: PlacementKind
    /// Household, home or market place index; for kinship, the unit whose kin it is.
    let provider: Int
    /// The place's area, or -1 when the market gives a distance distribution instead.
    let area: Int
}

/// Matching rounds: waiting children, grouped into sibling units, are assigned to free places at
/// least total cost by the solver (in batches of the scenario's `batchSize` units, longest waiting
/// first; see `assign`), need first: each unit is offered only places of the kind it
/// needs; units left over are offered, stage by stage, the kinds the scenario lists as substitutes
/// (a substitution, counted); whoever cannot be placed waits in an emergency placement.
///
/// A round offers places only to the units with a child due reconsideration (see
/// `ChildState.reconsiderFrom`): any other unit could take none of the free places, so leaving it
/// out changes no assignment and the round's work follows what changed, not who is waiting.
extension Replication {
    func matchingRound() {
        // Requests made while the round runs are folded into the next round.
        if !waiting.isEmpty && (matchingStale || today - lastFullRound >= 28) {
            // Re-matching with nothing changed would give the same answer; the monthly full round
            // picks up children whose birthdays made new places suitable.
            matchingStale = false
            lastFullRound = today
            formUnits()
            let stages = model.matchingStages, round = matching
            for stage in 0..<stages where !round.pending.isEmpty { place(stage: stage, splitPenalty: false) }
            if model.allowSiblingSplit {
                // The children of sibling units left over, each offered places alone.
                let left = round.pending.count, firstSingle = round.unitCount
                for i in 0..<left where round.unit(round.pending[i]).count > 1 {
                    for m in round.unit(round.pending[i]) { round.pending.append(round.appendUnit(child: round.members[m])) }
                }
                round.pending.removeFirst(left)
                for stage in 0..<stages where !round.pending.isEmpty { place(stage: stage, splitPenalty: true) }
                // Placed apart from the siblings they came with.
                for u in firstSingle..<round.unitCount where !children[round.firstChild(of: u)].isWaiting {
                    addGap(MetricCatalog.separatedGap, child: round.firstChild(of: u), year: year, 1)
                }
            }
            for c in waiting where children[c].kind == nil {
                startPlacement(c, .emergency, provider: -1, miles: 0, outsideLA: false)
            }
        }
        if model.stepDownEnabled { stepDown() }
        roundScheduled = false
        if !waiting.isEmpty {
            roundScheduled = true
            queue.schedule(day: today + model.roundEveryDays, .matchingRound)
        }
    }

    /// Groups the waiting children into units (siblings who are all waiting and need the same kind
    /// of placement form one, in the order they started waiting) and lists as pending the units
    /// with a child due reconsideration; those children are next due when their age crosses a
    /// suitability limit, unless a place frees up first.
    private func formUnits() {
        let round = matching, needCount = PlacementNeed.allCases.count
        round.removeAllUnits()
        if round.unitOfKey.count < groups.count * needCount {
            round.unitOfKey.reset(repeating: -1, count: groups.count * needCount)
        }
        // One pass: each waiting child and its unit, units numbered as first seen, and whether
        // each unit has a child due.
        var units = 0
        for c in waiting {
            let group = children[c].group, key = group * needCount + children[c].sought
            var u = units
            if group >= 0 && round.unitOfKey[key] >= 0 {
                u = round.unitOfKey[key]
            } else {
                if group >= 0 { round.unitOfKey[key] = units }
                round.unitDue.append(false)
                units += 1
            }
            round.waitingChild.append(c)
            round.unitOfWaiting.append(u)
            let due = children[c].reconsiderFrom <= today
            if due { children[c].reconsiderFrom = nextSuitabilityChange(of: c) }
            if due || offerEveryRound { round.unitDue[u] = true }
        }
        round.layOut(units: units)
        for i in round.waitingChild.indices {
            let c = round.waitingChild[i]
            if children[c].group >= 0 { round.unitOfKey[children[c].group * needCount + children[c].sought] = -1 }
        }
        for u in 0..<units where round.unitDue[u] { round.pending.append(u) }
    }

    /// The first day the child's age reaches a suitability limit it has not yet reached.
    private func nextSuitabilityChange(of c: Int) -> Int {
        let birth = children[c].birthDay, age = today - birth
        for limit in model.suitabilityAgesDays where limit > age { return birth + limit }
        return Int.max
    }

    /// The need unit `u` may be placed for at a stage: its own at stage 0, then its substitutes in
    /// order; nil when it has no more.
    private func need(of u: Int, stage: Int) -> PlacementNeed? {
        let sought = children[matching.firstChild(of: u)].sought
        if stage == 0 { return PlacementNeed.allCases[sought] }
        let substitutes = model.substituteNeeds[sought]
        return stage - 1 < substitutes.count ? PlacementNeed.allCases[substitutes[stage - 1]] : nil
    }

    /// Matches the pending units to free places of the need each may take at this stage and places
    /// them. Needs without a limited place (parents, adopters, other) are met at once. Leaves the
    /// units still unplaced pending, those this stage could not try first.
    private func place(stage: Int, splitPenalty: Bool) {
        let round = matching
        round.solving.removeAll()
        round.needs.removeAll()
        var kept = 0
        for i in round.pending.indices {
            let u = round.pending[i]
            guard let need = need(of: u, stage: stage) else {
                round.pending[kept] = u
                kept += 1
                continue
            }
            if need.isUnlimited {
                let kind = need.kinds[0]
                guard round.unit(u).allSatisfy({ couldUse(round.members[$0], kind, provider: -1) }) else {
                    round.pending[kept] = u
                    kept += 1
                    continue
                }
                for m in round.unit(u) {
                    let c = round.members[m]
                    if children[c].kind != nil { endPlacement(c) }  // leaving an emergency placement
                    stopWaiting(c)
                    startPlacement(c, kind, provider: -1, miles: 0, outsideLA: !model.areaInsideLA[children[c].homeArea])
                }
            } else {
                round.solving.append(u)
                round.needs.append(need)
            }
        }
        round.pending.truncate(to: kept)
        solve(splitPenalty: splitPenalty)
    }

    /// Assigns the units being solved to free places of their needs at least total cost and places
    /// them; those left unplaced go back to pending. A unit assigned a place that filled before it
    /// got there (a market's last places taken by an earlier sibling unit) is due again next round.
    private func solve(splitPenalty: Bool) {
        let round = matching
        guard !round.solving.isEmpty else { return }
        var wanted: UInt32 = 0  // bit per PlacementKind.index: a Set here cost more than it saved
        for row in round.needs.indices { wanted |= round.needs[row].kindBits }
        assign(rows: round.solving.count, kinds: wanted, extra: { batch, offers in
            guard !model.kinshipFirst else { return }  // kin compete on cost; each unit's own kin are a place only for it
            for row in batch where round.needs[row] == .fostering {
                let first = round.firstChild(of: round.solving[row])
                guard children[first].kinshipAvailable else { continue }
                offers.append(Offer(column: MatchColumn(kind: .kinship, provider: row, area: children[first].homeArea), room: 1, placeClass: -1))
            }
        }, cost: { row, column in
            round.needs[row].kindBits & 1 << UInt32(column.kind.index) != 0 ? unitCost(round.solving[row], row, column, splitPenalty: splitPenalty) : nil
        }, take: { row, column in
            let u = round.solving[row]
            guard let column else { return round.pending.append(u) }
            guard placeUnit(u, in: column) else {
                for m in round.unit(u) { children[round.members[m]].reconsiderFrom = today }
                return round.pending.append(u)
            }
        })
    }

    /// Offers the free places of `kinds` by class (see `FreePlaces`; and any `extra`, such as a
    /// unit's own kin) to `rows` rows at the costs `cost` gives (nil: not allowed), assigns them at
    /// least total cost with each class taking as many rows as it has places, so the work is rows x
    /// classes, and hands each row in turn the place it takes (nil: none). The buffers are reused.
    ///
    /// Rows are taken in batches of at most the scenario's `batchSize`, in order: each batch is
    /// offered what the batches before it left. A solve's search passes through the rows it has
    /// already placed, so one solve over a national round's thousand units grows with the square of
    /// the round; batches keep it in proportion to the units (and leave every council-sized round,
    /// a few dozen units at most, one solve).
    private func assign(rows: Int, kinds: UInt32, extra: (Range<Int>, inout ScratchList<Offer>) -> Void = { _, _ in },
                        cost: (Int, MatchColumn) -> Double?, take: (Int, MatchColumn?) -> Void) {
        let w = matching
        w.rowsOffered += rows
        var first = 0
        while first < rows {
            let batch = first ..< min(rows, first + model.batchSize)
            w.solves += 1
            w.offers.removeAll()
            collectOffers(of: kinds, into: &w.offers)
            extra(batch, &w.offers)
            w.matrix.removeAll()
            for j in w.offers.indices { w.matrix.appendColumn(capacity: w.offers[j].room) }
            var allowed = false
            for row in batch {
                for j in w.offers.indices {
                    guard let c = cost(row, w.offers[j].column) else { continue }
                    w.matrix.allow(column: j, cost: c)
                    allowed = true
                }
                w.matrix.endRow()
            }
            if allowed { w.solver.solve(w.matrix, columnForRow: &w.columnForRow) }
            for row in batch {
                let j = allowed ? w.columnForRow[row - first] : -1
                take(row, j >= 0 ? member(of: w.offers[j]) : nil)
            }
            first = batch.upperBound
        }
    }

    /// The classes of places of `kinds` (a bit per `PlacementKind.index`) free now: in-house
    /// households and homes by class, each market's places area by area.
    func collectOffers(of kinds: UInt32, into offers: inout ScratchList<Offer>) {
        for word in freePlaces.withRoom.indices {
            var bits = freePlaces.withRoom[word]
            while bits != 0 {
                let k = word << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                let key = freePlaces.keys[k]
                guard kinds & 1 << UInt32(key.kind.index) != 0 else { continue }
                offers.append(Offer(column: MatchColumn(kind: key.kind, provider: freePlaces.members[k][freePlaces.members[k].count - 1], area: key.area),
                                    room: freePlaces.members[k].count, placeClass: k))
            }
        }
        for m in markets.indices where markets[m].available > 0 && kinds & 1 << UInt32(markets[m].model.kind.index) != 0 {
            markets[m].offerClasses(into: &offers)
        }
    }

    /// The place a unit assigned to `offer` takes: a class's next free member (the one offered may
    /// have filled), or the offered market place or kin.
    private func member(of offer: Offer) -> MatchColumn? {
        guard offer.placeClass >= 0 else { return offer.column }
        guard let provider = freePlaces.members[offer.placeClass].last else { return nil }
        return MatchColumn(kind: offer.column.kind, provider: provider, area: offer.column.area)
    }

    /// The cost of placing a unit in a column, or nil when the place cannot take it.
    func unitCost(_ unit: Int, _ row: Int, _ column: MatchColumn, splitPenalty: Bool) -> Double? {
        let members = matching.unit(unit)
        switch column.kind {
        case .inHouseFoster:
            let household = households[column.provider]
            guard members.count <= household.freePlaces, members.count <= household.approval.siblingCapacity else { return nil }
        case .inHouseResidential:
            guard members.count <= homes[column.provider].freeBeds else { return nil }
        case .kinship:
            guard column.provider == row else { return nil }
        default:
            guard members.count <= markets[marketIndex(column.kind)].available else { return nil }
        }
        var total = 0.0
        for m in members {
            guard let cost = childCost(matching.members[m], column) else { return nil }
            total += cost
        }
        if splitPenalty { total += model.weights.siblingSplit * Double(members.count) }
        return total
    }

    /// One child's cost in a place under the matching weights, or nil when unsuitable (age, need,
    /// or the household's approval; see `couldUse`).
    func childCost(_ c: Int, _ column: MatchColumn) -> Double? {
        guard couldUse(c, column.kind, provider: column.provider) else { return nil }
        let child = children[c]
        let age = today - child.birthDay
        let k = column.kind.index
        let (miles, inside) = placeDistance(home: child.homeArea, column)
        return model.weights.cost(weeklyPrice: model.weeklyCost(kind: k, band: model.band(ageDays: age)), miles: miles,
                                  inHouse: column.kind == .inHouseFoster || column.kind == .inHouseResidential, insideLA: inside)
    }

    /// Miles from the child's home to the place, and whether the place is inside the LA. A market
    /// with a distance distribution is costed at its mean and outside the LA.
    private func placeDistance(home: Int, _ column: MatchColumn) -> (miles: Double, inside: Bool) {
        if column.area >= 0 { return (model.miles(home, column.area), model.areaInsideLA[column.area]) }
        return (markets[marketIndex(column.kind)].model.meanMiles, false)
    }

    /// Places every child of a unit in the column's provider (in a market, one place each: the
    /// offered one, then others of its area). Returns false, placing nobody, if there is no room.
    private func placeUnit(_ unit: Int, in column: MatchColumn) -> Bool {
        let members = matching.unit(unit)
        if column.kind.isMarket {
            guard markets[marketIndex(column.kind)].available >= members.count else { return false }
        } else if column.kind == .inHouseFoster {
            guard households[column.provider].freePlaces >= members.count else { return false }
        }
        for position in members {
            let c = matching.members[position]
            if children[c].kind != nil { endPlacement(c) }  // leaving an emergency placement
            stopWaiting(c)
            // In a market each child takes the offered place if still free (a sibling of an earlier
            // unit may have taken it), else another free place, of the same area first.
            let m = column.kind.isMarket ? marketIndex(column.kind) : 0
            let provider = column.kind.isMarket
                ? (markets[m].occupant[column.provider] < 0 ? column.provider : markets[m].freeSlot(preferring: markets[m].area(ofSlot: column.provider))!)
                : column.kind == .kinship ? -1 : column.provider
            let home = children[c].homeArea
            var (miles, inside) = placeDistance(home: home, column)
            if column.kind.isMarket {
                if let area = markets[m].area(ofSlot: provider) {
                    (miles, inside) = (model.miles(children[c].homeArea, area), model.areaInsideLA[area])
                } else if let distance = markets[m].model.distanceMiles {
                    var rng = SeedDerivation.generator(seed: seed, replication: index, purpose: .placementDistance,
                                                       entity: UInt64(c) << 20 | UInt64(UInt32(bitPattern: children[c].serial)))
                    miles = (distance.sample(using: &rng) * 10).rounded() / 10
                }
            }
            startPlacement(c, column.kind, provider: provider, miles: miles, outsideLA: !inside)
        }
        // A class offers each household or home once a solve: one with room left may suit a unit
        // this solve left over.
        let roomLeft = column.kind == .inHouseFoster ? households[column.provider].freePlaces
            : column.kind == .inHouseResidential ? homes[column.provider].freeBeds : 0
        if roomLeft > 0 { _ = reconsiderWhoCouldUse(column.kind, provider: column.provider) }
        return true
    }

    /// Moves children who have been in a children's home long enough to free in-house foster
    /// places that suit them, at least total cost.
    private func stepDown() {
        // Among the children in residential care (a round may run every day, so not a look at
        // everyone), in index order, which breaks ties between equal costs; the buffer is reused.
        matching.stepDownCandidates.removeAll(keepingCapacity: true)
        for c in residential {
            let child = children[c]
            if child.status == .inCare && !child.isWaiting && today - child.placementStart >= model.stepDownMinimumDays {
                matching.stepDownCandidates.append(c)
            }
        }
        guard !matching.stepDownCandidates.isEmpty else { return }
        matching.stepDownCandidates.sort()
        let candidates = matching.stepDownCandidates
        assign(rows: candidates.count, kinds: 1 << UInt32(PlacementKind.inHouseFoster.index), cost: { row, column in
            childCost(candidates[row], column)
        }, take: { row, column in
            guard let column else { return }
            let c = candidates[row]
            endPlacement(c)
            children[c].sought = PlacementNeed.fostering.index
            startPlacement(c, .inHouseFoster, provider: column.provider, miles: model.miles(children[c].homeArea, column.area),
                           outsideLA: !model.areaInsideLA[column.area], reason: .stepDown)
        })
    }
}

/// A class of free places offered in a round, with room for `room` units; `placeClass` is its
/// `FreePlaces` class, or -1 for a market's area or a unit's kin.
struct Offer: BitwiseCopyable {
    let column: MatchColumn
    let room: Int
    let placeClass: Int
}

/// What matching rounds reuse from one round (and replication) to the next, so a round in steady
/// state allocates nothing. A class: the steps of a round fill and read it in turn.
final class MatchingWorkspace {
    var solver = CapacitatedAssignmentSolver()
    var matrix = CapacitatedCostMatrix()
    var offers = ScratchList<Offer>()
    var columnForRow: [Int] = []
    /// Rows offered places so far, and the solves they took: the matching work done, which tests
    /// compare.
    var rowsOffered = 0, solves = 0
    /// The round's units, flat: unit u's children are `members[unit(u)]`.
    private(set) var members = ScratchList<Int>()
    private var unitStart = ScratchList<Int>()
    /// Units still to place, in order; the units a stage's solve takes, and their needs.
    var pending = ScratchList<Int>(), solving = ScratchList<Int>(), needs = ScratchList<PlacementNeed>()
    /// The children a step-down round offers in-house foster places to.
    var stepDownCandidates: [Int] = []
    /// Per (sibling group, need) while units are formed: its unit, or -1.
    var unitOfKey = ScratchList<Int>()
    /// While units are formed: the waiting children in order, each one's unit, whether each unit
    /// has a child due, and each unit's next free position.
    var waitingChild = ScratchList<Int>(), unitOfWaiting = ScratchList<Int>(), unitDue = ScratchList<Bool>()
    private var fill = ScratchList<Int>()

    init() { unitStart.append(0) }

    var unitCount: Int { unitStart.count - 1 }

    /// Positions in `members` of unit `u`'s children.
    func unit(_ u: Int) -> Range<Int> { unitStart[u] ..< unitStart[u + 1] }

    /// Unit `u`'s first child, who stands for the unit's need and kin.
    func firstChild(of u: Int) -> Int { members[unitStart[u]] }

    func removeAllUnits() {
        waitingChild.removeAll()
        unitOfWaiting.removeAll()
        unitDue.removeAll()
        members.removeAll()
        unitStart.removeAll()
        unitStart.append(0)
        pending.removeAll()
    }

    /// Lays out `units` units from `waitingChild` and `unitOfWaiting`, keeping the children of
    /// each unit in waiting order.
    func layOut(units: Int) {
        unitStart.removeAll()
        unitStart.append(repeating: 0, count: units + 1)
        for i in unitOfWaiting.indices { unitStart[unitOfWaiting[i] + 1] += 1 }
        for u in 0..<units { unitStart[u + 1] += unitStart[u] }
        fill.removeAll()
        for u in 0..<units { fill.append(unitStart[u]) }
        members.removeAll()
        members.append(repeating: 0, count: waitingChild.count)
        for i in unitOfWaiting.indices {
            let u = unitOfWaiting[i]
            members[fill[u]] = waitingChild[i]
            fill[u] += 1
        }
    }

    /// Adds a unit of one child; returns its index.
    func appendUnit(child c: Int) -> Int {
        members.append(c)
        unitStart.append(members.count)
        return unitStart.count - 2
    }
}

