/// Starting and ending placements: providers' occupancy, placement counts, breakdown draws, costs.
extension Replication {
    /// Places child `c` with a provider (household, home or market place; -1 for none) and draws
    /// when the placement would break down. Without a `reason`, a first placement is an entry, a
    /// move out of an emergency placement is that, and any other move follows a breakdown.
    func startPlacement(_ c: Int, _ kind: PlacementKind, provider: Int, miles: Double, outsideLA: Bool, reason: CareLog.Reason? = nil) {
        if log != nil {
            let child = children[c]
            logPlacement(c, kind, provider: provider, miles: miles,
                         reason: reason ?? (!child.hadPlacement ? .entry : child.plannedMove ? .plannedMove
                                            : child.lastKind == .emergency ? .fromEmergency : .breakdown))
        }
        if kind != .emergency { children[c].plannedMove = false }
        if let need = kind.need?.index, need != children[c].sought {
            result.add(financial: MetricCatalog.substitutions, year: year, 1)
            result.add(financial: catalog.substitutionsBySought + children[c].sought, year: year, 1)
            addGap(MetricCatalog.substitutionsGap, child: c, year: year, 1)
        }
        switch kind {
        case .inHouseFoster:
            households[provider].occupants += 1
            refreshFreePlaces(household: provider)
        case .inHouseResidential:
            homes[provider].occupants += 1
            refreshFreePlaces(home: provider)
        case .agencyFoster, .externalResidential, .supportedAccommodation:
            markets[marketIndex(kind)].occupy(provider, by: c)
        default: break
        }
        var child = children[c]
        result.add(financial: catalog.placementsStartedByType + kind.index, year: year, 1)
        if child.hadPlacement {
            result.add(financial: MetricCatalog.placementMoves, year: year, 1)
        } else {
            result.add(financial: catalog.firstPlacementsByType + kind.index, year: year, 1)
        }
        child.hadPlacement = true
        child.placementsInYear += 1
        child.kind = kind
        if kind.isResidential { residential.append(c) }
        child.provider = provider
        child.placementStart = today
        child.serial &+= 1
        child.miles = miles
        child.outsideLA = outsideLA
        children[c] = child
        scheduleBreakdown(of: c)
        schedulePlannedMove(of: c)
    }

    /// Draws the placement's breakdown time from the child's own stability stream (the same
    /// uniform for the child's n-th placement in every scenario), at the rate of the child's age
    /// band as it changes, and schedules it if it comes before the child leaves.
    func scheduleBreakdown(of c: Int) {
        let child = children[c]
        guard let kind = child.kind else { return }
        var rng = SeedDerivation.generator(seed: seed, replication: index, purpose: .placementStability,
                                           entity: UInt64(c) << 20 | UInt64(UInt32(bitPattern: child.serial)))
        if let day = firstEventDay(of: c, using: &rng, .breakdown(kind: kind.index)) {
            queue.schedule(day: day, .breakdown, subject: c, serial: child.serial)
        }
    }

    /// A rate a day that depends on the child's age band.
    enum BandedRate {
        case breakdown(kind: Int)
        case plannedMove(from: Int)
    }

    /// The rate a day in an age band.
    func rate(_ rate: BandedRate, band: Int) -> Double {
        switch rate {
        case let .breakdown(kind): return model.breakdownRatePerDay(kind: kind, band: band)
        case let .plannedMove(from):
            var total = 0.0
            for to in 0..<PlacementNeed.allCases.count { total += model.needChangeRate(band: band, from: from, to: to) }
            return total
        }
    }

    /// The day of the first event of a process whose rate a day depends on the child's age band
    /// (a piecewise-constant hazard: a unit exponential draw spent band by band from today), if
    /// it comes before the child leaves and within the horizon. One draw from `rng`.
    func firstEventDay(of c: Int, using rng: inout Xoshiro256StarStar, _ banded: BandedRate) -> Int? {
        let birth = children[c].birthDay, end = min(children[c].exitDay - 1, model.horizonDays)
        var budget = Sampling.exponential(mean: 1, using: &rng)
        var day = Double(today)
        var band = model.band(ageDays: today - birth)
        while day <= Double(end) {
            let bandEnd = band + 1 < model.ageBandUpperDays.count ? Double(birth + model.ageBandUpperDays[band]) : .infinity
            let r = rate(banded, band: band)
            if r > 0 && budget <= r * (bandEnd - day) {
                let event = max(today + 1, Int((day + budget / r).rounded(.up)))
                return event <= end ? event : nil
            }
            if r > 0 { budget -= r * (bandEnd - day) }
            guard bandEnd.isFinite else { return nil }
            day = bandEnd
            band += 1
        }
        return nil
    }

    /// Draws when the child would next move to another kind of placement as planned, at the total
    /// rate out of the kind they are in for their age band as it changes, from the child's own
    /// stream for this placement.
    func schedulePlannedMove(of c: Int) {
        let child = children[c]
        guard let from = child.kind?.need?.index else { return }
        var rng = plannedMoveGenerator(c)
        if let day = firstEventDay(of: c, using: &rng, .plannedMove(from: from)) { queue.schedule(day: day, .plannedMove, subject: c, serial: child.serial) }
    }

    /// The stream of the child's current placement's planned move.
    func plannedMoveGenerator(_ c: Int) -> Xoshiro256StarStar {
        SeedDerivation.generator(seed: seed, replication: index, purpose: .plannedMoves,
                                 entity: UInt64(c) << 20 | UInt64(UInt32(bitPattern: children[c].serial)))
    }

    /// Ends the child's current placement: its cost is accrued and the place freed.
    func endPlacement(_ c: Int) {
        accrueCost(c, until: today)
        let child = children[c]
        guard let kind = child.kind else { return }
        switch kind {
        case .inHouseFoster:
            households[child.provider].occupants -= 1
            if households[child.provider].closing && households[child.provider].occupants == 0 { households[child.provider].active = false }
            refreshFreePlaces(household: child.provider)
            placesChanged(kind, provider: child.provider)
        case .inHouseResidential:
            homes[child.provider].occupants -= 1
            refreshFreePlaces(home: child.provider)
            placesChanged(kind, provider: child.provider)
        case .agencyFoster, .externalResidential, .supportedAccommodation:
            markets[marketIndex(kind)].vacate(child.provider)
            placesChanged(kind, provider: child.provider)
        default: break
        }
        if kind.isResidential { residential.remove(c) }
        children[c].lastKind = kind
        children[c].kind = nil
        children[c].provider = -1
    }

    /// Adds the cost of the child's current spell from its start (or last accrual) to `end`, split
    /// by financial year at that year's prices; emergency days also count as days waiting.
    func accrueCost(_ c: Int, until end: Int) {
        let child = children[c]
        guard let kind = child.kind, end > child.placementStart else { return }
        var day = child.placementStart
        while day < end {
            let y = yearIndex(day)
            let yearEnd = y + 1 < model.financialYearStartDays.count ? model.financialYearStartDays[y + 1] : Int.max
            let segmentEnd = min(end, yearEnd)
            let days = Double(segmentEnd - day)
            let band = model.band(ageDays: day - child.birthDay)
            let stayingPut = child.status == .stayingPut
            let weekly = stayingPut ? model.stayingPutWeeklyCost : model.weeklyCost(kind: kind.index, band: band)
            let amount = weekly / 7 * days * model.inflationFactor(financialYear: y)
            result.add(financial: stayingPut ? MetricCatalog.stayingPutCost : catalog.costByType + kind.index, year: y, amount)
            result.add(financial: MetricCatalog.totalCost, year: y, amount)
            if kind == .emergency { result.add(financial: MetricCatalog.childDaysWaiting, year: y, days) }
            if !stayingPut {
                // Gaps by group: days in care, in residential care and at a distance (the child's
                // age band at the start of each segment).
                let (ageGroup, needGroup, sizeGroup) = gapGroups(of: c, on: day)
                gapDays.withUnsafeMutableBufferPointer { tallies in
                    accrueGapDays(group: ageGroup, year: y, days: days, kind: kind, miles: child.miles, into: tallies)
                    accrueGapDays(group: needGroup, year: y, days: days, kind: kind, miles: child.miles, into: tallies)
                    accrueGapDays(group: sizeGroup, year: y, days: days, kind: kind, miles: child.miles, into: tallies)
                }
            }
            day = segmentEnd
        }
        children[c].placementStart = end
    }

    /// Adds a spell segment's days to one gap group's tallies (in care, residential, at a known
    /// distance, over 20 miles; `gapDays` in place, checked once a segment rather than once a
    /// tally) and, in an emergency placement, to its child-days waiting.
    private func accrueGapDays(group g: Int, year y: Int, days: Double, kind: PlacementKind, miles: Double,
                               into gapDays: UnsafeMutableBufferPointer<Double>) {
        let at = (y * catalog.gapGroups.count + g) * 4, known = kind != .emergency && kind != .placedForAdoption
        gapDays[at] += days
        if kind.isResidential { gapDays[at + 1] += days }
        if known { gapDays[at + 2] += days }
        if known && miles > 20 { gapDays[at + 3] += days }
        if kind == .emergency { result.add(financial: catalog.gapMetric(group: g, measure: MetricCatalog.childDaysWaitingGap), year: y, days) }
    }

    func marketIndex(_ kind: PlacementKind) -> Int {
        switch kind {
        case .agencyFoster: return 0
        case .externalResidential: return 1
        default: return 2
        }
    }

    /// Puts the children in care at the start into their placements: in-house foster children into
    /// households that can take them (any with room otherwise), others into homes and market places
    /// (past a market's capacity if the scenario starts over it). The first placements of the
    /// horizon are these, so they are not counted as placements started.
    func placeInitialChildren() {
        var fill = StartingFill(households)
        var nextHome = 0
        for c in children.indices where children[c].entryDay == 0 && children[c].kind != nil && children[c].status == .notYetEntered {
            let kind = children[c].kind!
            let child = children[c]
            var provider = -1
            var area = child.homeArea
            switch kind {
            case .inHouseFoster:
                provider = fill.household(ageDays: -child.birthDay, need: child.need, in: households)
                households[provider].occupants += 1
                area = households[provider].approval.area
            case .inHouseResidential:
                while homes[nextHome].occupants >= homes[nextHome].beds { nextHome += 1 }
                provider = nextHome
                homes[provider].occupants += 1
                area = homes[provider].area
            case .agencyFoster, .externalResidential, .supportedAccommodation:
                let m = marketIndex(kind)
                // Past capacity: a place that will not be offered again once vacated.
                provider = markets[m].freeSlot(preferring: nil) ?? markets[m].occupant.count
                markets[m].occupy(provider, by: c)
                area = markets[m].area(ofSlot: provider) ?? child.homeArea
            default: break
            }
            var miles = model.miles(child.homeArea, area)
            if kind.isMarket, let distance = markets[marketIndex(kind)].model.distanceMiles {
                var rng = SeedDerivation.generator(seed: seed, replication: index, purpose: .placementDistance, entity: UInt64(c))
                miles = (distance.sample(using: &rng) * 10).rounded() / 10
            }
            children[c].status = .inCare
            present.append(c)
            if kind.isResidential { residential.append(c) }
            children[c].provider = provider
            children[c].placementStart = 0
            children[c].miles = miles
            children[c].outsideLA = !model.areaInsideLA[area]
            children[c].hadPlacement = true
            children[c].placementsInYear = 1
            if log != nil { logPlacement(c, kind, provider: provider, miles: miles, reason: .entry) }
            scheduleExit(of: c)
            if kind == .emergency {
                children[c].isWaiting = true
                waiting.append(c)
            } else {
                scheduleBreakdown(of: c)
                schedulePlannedMove(of: c)
            }
        }
    }
}

/// Where the children in in-house foster care at the start go. A place in use is available by
/// definition: children fill the first household (in order) that takes their age and need within
/// its usable places, so the unavailable share falls on the empty places, as in the statistics it
/// comes from; then within its approved places; then any household with an approved place free.
/// Households are grouped by the children they take, each group with cursors past its full
/// households (occupants only grow here), so a child costs the groups, not the households.
private struct StartingFill {
    private struct Accepts: Hashable {
        let minAgeDays: Int, maxAgeDays: Int, needs: UInt64
    }
    private var groups: [(accepts: Accepts, members: [Int], usableCursor: Int, approvedCursor: Int)] = []
    private var anyCursor = 0

    init(_ households: [HouseholdState]) {
        var groupOf: [Accepts: Int] = [:]
        for (h, household) in households.enumerated() {
            let a = household.approval, accepts = Accepts(minAgeDays: a.minAgeDays, maxAgeDays: a.maxAgeDays, needs: a.needs)
            if let g = groupOf[accepts] {
                groups[g].members.append(h)
            } else {
                groupOf[accepts] = groups.count
                groups.append((accepts, [h], 0, 0))
            }
        }
    }

    mutating func household(ageDays age: Int, need: Int, in households: [HouseholdState]) -> Int {
        var best = Int.max
        for withinUsable in [true, false] {
            for g in groups.indices {
                let a = groups[g].accepts
                guard age >= a.minAgeDays && age < a.maxAgeDays && a.needs & (1 << UInt64(need)) != 0 else { continue }
                var cursor = withinUsable ? groups[g].usableCursor : groups[g].approvedCursor
                while cursor < groups[g].members.count {
                    let h = groups[g].members[cursor]
                    if households[h].occupants < (withinUsable ? households[h].usablePlaces : households[h].approval.places) { break }
                    cursor += 1
                }
                if withinUsable { groups[g].usableCursor = cursor } else { groups[g].approvedCursor = cursor }
                if cursor < groups[g].members.count { best = min(best, groups[g].members[cursor]) }
            }
            if best < Int.max { return best }
        }
        while households[anyCursor].occupants >= households[anyCursor].approval.places { anyCursor += 1 }
        return anyCursor
    }
}
