import PlacementMatching

/// A free place offered in a matching round.
struct MatchColumn: Sendable {
    let kind: PlacementKind
    /// Household, home or market place index; for kinship, the unit whose kin it is.
    let provider: Int
    /// The place's area, or -1 when the market gives a distance distribution instead.
    let area: Int
}

/// Matching rounds: waiting children, grouped into sibling units, are assigned to free places at
/// least total cost by the solver, need first: each unit is offered only places of the kind it
/// needs; units left over are offered, stage by stage, the kinds the scenario lists as substitutes
/// (a substitution, counted); whoever cannot be placed waits in an emergency placement.
extension Replication {
    func matchingRound() {
        // Requests made while the round runs are folded into the next round.
        if !waiting.isEmpty && (matchingStale || today - lastFullRound >= 28) {
            // Re-matching with nothing changed would give the same answer; the monthly full round
            // picks up children whose birthdays made new places suitable.
            matchingStale = false
            lastFullRound = today
            let stages = model.matchingStages
            var unplaced = units()
            for stage in 0..<stages where !unplaced.isEmpty { unplaced = place(unplaced, stage: stage, splitPenalty: false) }
            if model.allowSiblingSplit {
                var singles = unplaced.filter { $0.count > 1 }.flatMap { $0.map { [$0] } }
                let tried = singles.map { $0[0] }
                for stage in 0..<stages where !singles.isEmpty { singles = place(singles, stage: stage, splitPenalty: true) }
                // Placed apart from the siblings they came with.
                let left = Set(singles.map { $0[0] })
                for c in tried where !left.contains(c) { addGap(MetricCatalog.separatedGap, child: c, year: year, 1) }
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

    /// The waiting children as units: siblings who are all waiting and need the same kind of
    /// placement form one unit.
    private func units() -> [[Int]] {
        var units: [[Int]] = []
        var unitOfGroup: [Int: Int] = [:]
        for c in waiting {
            let group = children[c].group, key = group * PlacementNeed.allCases.count + children[c].sought
            if group >= 0, let u = unitOfGroup[key] {
                units[u].append(c)
            } else {
                if group >= 0 { unitOfGroup[key] = units.count }
                units.append([c])
            }
        }
        return units
    }

    /// The need a unit may be placed for at a stage: its own at stage 0, then its substitutes in
    /// order; nil when it has no more.
    private func need(of unit: [Int], stage: Int) -> PlacementNeed? {
        let sought = children[unit[0]].sought
        if stage == 0 { return PlacementNeed.allCases[sought] }
        let substitutes = model.substituteNeeds[sought]
        return stage - 1 < substitutes.count ? PlacementNeed.allCases[substitutes[stage - 1]] : nil
    }

    /// Matches units to free places of the need each may take at this stage and places them.
    /// Needs without a limited place (parents, adopters, other) are met at once. Returns the
    /// units left unplaced.
    private func place(_ units: [[Int]], stage: Int, splitPenalty: Bool) -> [[Int]] {
        var unplaced: [[Int]] = []
        var matched: [[Int]] = [], needs: [PlacementNeed] = []
        for unit in units {
            guard let need = need(of: unit, stage: stage) else {
                unplaced.append(unit)
                continue
            }
            if need.isUnlimited {
                let kind = need.kinds[0]
                guard unit.allSatisfy({ couldUse($0, kind, provider: -1) }) else {
                    unplaced.append(unit)
                    continue
                }
                for c in unit {
                    if children[c].kind != nil { endPlacement(c) }  // leaving an emergency placement
                    stopWaiting(c)
                    startPlacement(c, kind, provider: -1, miles: 0, outsideLA: !model.areaInsideLA[children[c].homeArea])
                }
            } else {
                matched.append(unit)
                needs.append(need)
            }
        }
        return unplaced + solve(matched, needs: needs, splitPenalty: splitPenalty)
    }

    /// Assigns units to free places of their needs at least total cost and places them. Returns
    /// the units left unplaced.
    private func solve(_ units: [[Int]], needs: [PlacementNeed], splitPenalty: Bool) -> [[Int]] {
        guard !units.isEmpty else { return [] }
        var wanted: UInt32 = 0  // bit per PlacementKind.index: a Set here cost more than it saved
        for need in needs { for kind in need.kinds { wanted |= 1 << UInt32(kind.index) } }
        var unplaced: [[Int]] = []
        assign(rows: units.count, kinds: wanted, extra: { offers in
            guard !model.kinshipFirst else { return }  // kin compete on cost; each unit's own kin are a place only for it
            for (u, unit) in units.enumerated() where children[unit[0]].kinshipAvailable && needs[u] == .fostering {
                offers.append(Offer(column: MatchColumn(kind: .kinship, provider: u, area: children[unit[0]].homeArea), room: 1, placeClass: -1))
            }
        }, cost: { u, column in
            column.kind.need == needs[u] ? unitCost(units[u], u, column, splitPenalty: splitPenalty) : nil
        }, take: { u, column in
            guard let column, placeUnit(units[u], in: column) else { return unplaced.append(units[u]) }
        })
        return unplaced
    }

    /// Offers the free places of `kinds` by class (see `FreePlaces`; and any `extra`, such as a
    /// unit's own kin) to `rows` rows at the costs `cost` gives (nil: not allowed), assigns them at
    /// least total cost with each class taking as many rows as it has places, so the work is rows x
    /// classes, and hands each row in turn the place it takes (nil: none). The buffers are reused.
    private func assign(rows: Int, kinds: UInt32, extra: (inout [Offer]) -> Void = { _ in },
                        cost: (Int, MatchColumn) -> Double?, take: (Int, MatchColumn?) -> Void) {
        var offers: [Offer] = [], matrix = CapacitatedCostMatrix(), columnForRow: [Int] = []
        swap(&offers, &matching.offers)
        swap(&matrix, &matching.matrix)
        swap(&columnForRow, &matching.columnForRow)
        defer {
            swap(&offers, &matching.offers)
            swap(&matrix, &matching.matrix)
            swap(&columnForRow, &matching.columnForRow)
        }
        offers.removeAll(keepingCapacity: true)
        collectOffers(of: kinds, into: &offers)
        extra(&offers)
        matrix.removeAll()
        for offer in offers { matrix.appendColumn(capacity: offer.room) }
        var allowed = false
        for row in 0..<rows {
            for j in offers.indices {
                guard let c = cost(row, offers[j].column) else { continue }
                matrix.allow(column: j, cost: c)
                allowed = true
            }
            matrix.endRow()
        }
        if allowed { matching.solver.solve(matrix, columnForRow: &columnForRow) }
        for row in 0..<rows {
            let j = allowed ? columnForRow[row] : -1
            take(row, j >= 0 ? member(of: offers[j]) : nil)
        }
    }

    /// The classes of places of `kinds` (a bit per `PlacementKind.index`) free now: in-house
    /// households and homes by class, each market's places area by area.
    func collectOffers(of kinds: UInt32, into offers: inout [Offer]) {
        for k in freePlaces.keys.indices where kinds & 1 << UInt32(freePlaces.keys[k].kind.index) != 0 {
            guard let provider = freePlaces.members[k].last else { continue }
            let key = freePlaces.keys[k]
            offers.append(Offer(column: MatchColumn(kind: key.kind, provider: provider, area: key.area), room: freePlaces.members[k].count, placeClass: k))
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
    func unitCost(_ unit: [Int], _ u: Int, _ column: MatchColumn, splitPenalty: Bool) -> Double? {
        switch column.kind {
        case .inHouseFoster:
            let household = households[column.provider]
            guard unit.count <= household.freePlaces, unit.count <= household.approval.siblingCapacity else { return nil }
        case .inHouseResidential:
            guard unit.count <= homes[column.provider].beds - homes[column.provider].occupants else { return nil }
        case .kinship:
            guard column.provider == u else { return nil }
        default:
            guard unit.count <= markets[marketIndex(column.kind)].available else { return nil }
        }
        var total = 0.0
        for c in unit {
            guard let cost = childCost(c, column) else { return nil }
            total += cost
        }
        if splitPenalty { total += model.weights.siblingSplit * Double(unit.count) }
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
        return (markets[marketIndex(column.kind)].model.distanceMiles?.mean ?? 0, false)
    }

    /// Places every child of a unit in the column's provider (in a market, one place each: the
    /// offered one, then others of its area). Returns false, placing nobody, if there is no room.
    private func placeUnit(_ unit: [Int], in column: MatchColumn) -> Bool {
        if column.kind.isMarket {
            guard markets[marketIndex(column.kind)].available >= unit.count else { return false }
        } else if column.kind == .inHouseFoster {
            guard households[column.provider].freePlaces >= unit.count else { return false }
        }
        for c in unit {
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
        return true
    }

    /// Moves children who have been in a children's home long enough to free in-house foster
    /// places that suit them, at least total cost.
    private func stepDown() {
        let candidates = children.indices.filter { c in
            let child = children[c]
            return child.status == .inCare && !child.isWaiting && (child.kind?.isResidential ?? false)
                && today - child.placementStart >= model.stepDownMinimumDays
        }
        guard !candidates.isEmpty else { return }
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
struct Offer {
    let column: MatchColumn
    let room: Int
    let placeClass: Int
}

/// What matching rounds reuse from one round (and replication) to the next, so a round in steady
/// state allocates nothing.
struct MatchingWorkspace: Sendable {
    var solver = CapacitatedAssignmentSolver()
    var matrix = CapacitatedCostMatrix()
    var offers: [Offer] = []
    var columnForRow: [Int] = []

    init() {}
}
