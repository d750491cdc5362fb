/// Draws a replication's demand: the children in care at the start and everyone who enters later.
///
/// It reads only the demand parameters and the two demand streams, never supply or policy, so two
/// scenarios that share demand parameters and a seed see exactly the same children (common random
/// numbers). Per child it draws, in a fixed order: age, need, home area, exit route, time in care
/// and whether they would stay put at 18.
struct DemandGenerator {
    let model: ScenarioModel
    let seed: UInt64
    let replication: Int
    /// Each age band's exit-route probabilities, for the route draws (a child may draw dozens).
    private let routeProbabilities: [[Double]]

    init(model: ScenarioModel, seed: UInt64, replication: Int) {
        self.model = model
        self.seed = seed
        self.replication = replication
        routeProbabilities = model.exitRoutes.map { $0.map(\.probability) }
    }

    /// The children (initial ones first, then entrants in arrival order) and the entry groups.
    func generate() -> (children: [ChildState], groups: [EntryGroup]) {
        var children: [ChildState] = []
        children.reserveCapacity(model.initialByBand.reduce(0, +) + Int(model.entryRatePerDay.reduce(0, +) * Double(model.horizonDays) * 1.3) + 16)
        var rng = SeedDerivation.generator(seed: seed, replication: replication, purpose: .initialChildren)
        appendInitialChildren(to: &children, using: &rng)
        var entryRNG = SeedDerivation.generator(seed: seed, replication: replication, purpose: .entries)
        let groups = appendEntrants(to: &children, using: &entryRNG)
        return (children, groups)
    }

    // MARK: - Children in care at the start

    private func appendInitialChildren(to children: inout [ChildState], using rng: inout Xoshiro256StarStar) {
        if let list = model.initialChildren {
            for child in list {
                children.append(makeChild(birthDay: -child.ageDays, need: child.need, homeArea: child.homeArea, group: -1,
                                          entryDay: 0, initialKind: child.kind, using: &rng))
                children[children.count - 1].kind = child.kind
            }
            return
        }
        // Ages uniform within each whole year of age when the scenario counts them, else within each band.
        let ranges: [(low: Int, high: Int, count: Int)] = model.initialByYearOfAge.map { byYear in
            byYear.enumerated().map { (days(years: Double($0.offset)), days(years: Double($0.offset + 1)), $0.element) }
        } ?? model.initialByBand.enumerated().map { band, count in
            (band == 0 ? 0 : model.ageBandUpperDays[band - 1], model.ageBandUpperDays[band], count)
        }
        var ages: [Int] = []
        for range in ranges {
            for _ in 0..<range.count { ages.append(range.low + Sampling.below(max(range.high - range.low, 1), using: &rng)) }
        }
        let kinds = model.initialKindsByBand.map { kindsInBands($0, ages: ages, using: &rng) } ?? assignKinds(toAges: ages, using: &rng)
        for (age, kind) in zip(ages, kinds) {
            let band = model.band(ageDays: age)
            let need = Sampling.categorical(model.initialNeedShares[band], using: &rng)
            let home = Sampling.categorical(model.homeAreaShares, using: &rng)
            var elapsed: Int?
            if let weights = model.initialYearsInCare?[band], weights.contains(where: { $0 > 0 }) {
                // Years in care so far: a band by the profile, then uniform within it (up to the age).
                let timeBand = InitialChildren.yearsInCareBands[Sampling.categorical(weights, using: &rng)]
                let low = min(Int(timeBand.from * ScenarioModel.daysPerYear), age - 1), high = min(Int(timeBand.to * ScenarioModel.daysPerYear), age)
                elapsed = max(1, low + Sampling.below(max(high - low, 1), using: &rng))
            }
            children.append(makeChild(birthDay: -age, need: need, homeArea: home, group: -1, entryDay: 0, initialKind: kind,
                                      elapsedDays: elapsed, using: &rng))
            children[children.count - 1].kind = kind
        }
    }

    /// The placement types of each band's children, as the profile counts them together, in a
    /// random order within the band.
    private func kindsInBands(_ counts: [[Int]], ages: [Int], using rng: inout Xoshiro256StarStar) -> [PlacementKind] {
        var pools = counts.map { row in PlacementKind.allCases.flatMap { repeatElement($0, count: row[$0.index]) } }
        for b in pools.indices {
            for i in stride(from: pools[b].count - 1, to: 0, by: -1) { pools[b].swapAt(i, Sampling.below(i + 1, using: &rng)) }
        }
        var next = [Int](repeating: 0, count: counts.count)
        return ages.map { age in
            let b = model.band(ageDays: age)
            defer { next[b] += 1 }
            return next[b] < pools[b].count ? pools[b][next[b]] : .inHouseFoster
        }
    }

    /// Spreads the profile's placement types over the children: types with a minimum age go to
    /// children old enough, at random among them (the highest minimum first; the oldest children if
    /// too few are old enough), placed-for-adoption to the youngest, the rest at random.
    private func assignKinds(toAges ages: [Int], using rng: inout Xoshiro256StarStar) -> [PlacementKind] {
        var result = [PlacementKind?](repeating: nil, count: ages.count)
        let byAgeDescending = ages.indices.sorted { (ages[$0], $1) > (ages[$1], $0) }
        var counts = model.initialByKind  // by PlacementKind.index, its position in allCases
        let ageLimited = PlacementKind.allCases.filter { model.kindMinAgeDays[$0.index] > 0 }
            .sorted { model.kindMinAgeDays[$0.index] > model.kindMinAgeDays[$1.index] }
        for kind in ageLimited {
            var eligible = byAgeDescending.filter { result[$0] == nil && ages[$0] >= model.kindMinAgeDays[kind.index] }
            for i in stride(from: eligible.count - 1, to: 0, by: -1) { eligible.swapAt(i, Sampling.below(i + 1, using: &rng)) }
            for child in eligible + byAgeDescending.filter({ result[$0] == nil && ages[$0] < model.kindMinAgeDays[kind.index] })
            where counts[kind.index] > 0 && result[child] == nil {
                result[child] = kind
                counts[kind.index] -= 1
            }
        }
        let adoption = PlacementKind.placedForAdoption.index
        for child in byAgeDescending.reversed() where counts[adoption] > 0 && result[child] == nil {
            result[child] = .placedForAdoption
            counts[adoption] -= 1
        }
        var rest = PlacementKind.allCases.flatMap { repeatElement($0, count: counts[$0.index]) }
        for i in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(i, Sampling.below(i + 1, using: &rng)) }
        var next = 0
        for child in ages.indices where result[child] == nil {
            result[child] = next < rest.count ? rest[next] : .inHouseFoster
            next += 1
        }
        return result.map { $0! }
    }

    // MARK: - Entrants

    /// This replication's entry-rate multiplier and trend: drawn from their uncertainty on a
    /// stream of their own, or exactly the scenario's when it gives none.
    private func estimatedParameters() -> (rateFactor: Double, trend: Double) {
        guard model.entryRateUncertainty > 0 || model.entryTrendUncertainty > 0 else { return (1, model.entryTrendPerYear) }
        var rng = SeedDerivation.generator(seed: seed, replication: replication, purpose: .parameters)
        let rateFactor = exp(model.entryRateUncertainty * Sampling.standardNormal(using: &rng))
        let trend = model.entryTrendPerYear + model.entryTrendUncertainty * Sampling.standardNormal(using: &rng)
        return (rateFactor, min(max(trend, ScenarioLimits.trendPerYear.lowerBound), ScenarioLimits.trendPerYear.upperBound))
    }

    private func appendEntrants(to children: inout [ChildState], using rng: inout Xoshiro256StarStar) -> [EntryGroup] {
        var groups: [EntryGroup] = []
        let meanSize = zip(model.siblingGroupSizes, model.siblingGroupShares).map { Double($0) * $1 }.reduce(0, +)
        let years = (model.horizonDays + 364) / 365
        let (rateFactor, trend) = estimatedParameters()
        var arrivals: [(day: Int, band: Int)] = []
        for year in 0..<years {
            let yearStart = year * 365, yearEnd = min(model.horizonDays, yearStart + 365)
            guard yearEnd > yearStart else { break }
            let growth = pow(1 + trend, Double(year) + model.entryTrendOffsetYears)
            // A year is cut where a step change falls inside it; without changes it is one piece,
            // drawn exactly as before changes existed.
            let cuts = [yearStart] + model.entryRateChanges.map(\.day).filter { $0 > yearStart && $0 < yearEnd } + [yearEnd]
            for piece in 0..<(cuts.count - 1) {
                let from = cuts[piece], to = cuts[piece + 1]
                let step = model.entryRateChanges.reduce(1.0) { $1.day <= from ? $0 * $1.multiplier : $0 }
                for band in model.entryRatePerDay.indices {
                    let groupsExpected = model.entryRatePerDay[band] * rateFactor * growth * step * Double(to - from) / max(meanSize, 1)
                    for _ in 0..<Sampling.poisson(mean: groupsExpected, using: &rng) {
                        arrivals.append((from + Sampling.below(to - from, using: &rng), band))
                    }
                }
            }
        }
        arrivals.sort { ($0.day, $0.band) < ($1.day, $1.band) }
        for arrival in arrivals {
            let size = model.siblingGroupSizes[Sampling.categorical(model.siblingGroupShares, using: &rng)]
            let home = Sampling.categorical(model.homeAreaShares, using: &rng)
            let kin = Sampling.unit(using: &rng) < model.kinshipAvailable
            let low = arrival.band == 0 ? 0 : model.ageBandUpperDays[arrival.band - 1], high = model.ageBandUpperDays[arrival.band]
            let firstAge = low + Sampling.below(max(high - low, 1), using: &rng)
            let start = children.count
            for member in 0..<size {
                // Siblings are within four years of the first child and in the same age band, so
                // that the rates count children entering by band (as SSDA903 data does).
                let offset = member == 0 ? 0 : Sampling.below(8 * 365, using: &rng) - 4 * 365
                let age = min(max(firstAge + offset, low), max(high - 30, low))
                let need = Sampling.categorical(model.entryNeedShares[model.band(ageDays: age)], using: &rng)
                var child = makeChild(birthDay: arrival.day - age, need: need, homeArea: home, group: size > 1 ? groups.count : -1,
                                      entryDay: arrival.day, initialKind: nil, using: &rng)
                child.kinshipAvailable = kin
                // Siblings arriving together need the same kind of placement (to be placed together).
                if member > 0 { child.sought = children[start].sought }
                children.append(child)
            }
            groups.append(EntryGroup(day: arrival.day, children: start..<children.count))
        }
        return groups
    }

    // MARK: - One child

    /// A child with their exit route and day drawn: by the age band at entry (or today, for children
    /// already in care, length-biased: see below), capped at the 18th birthday.
    private func makeChild(birthDay birth: Int, need: Int, homeArea: Int, group: Int, entryDay: Int, initialKind: PlacementKind?,
                           elapsedDays: Int? = nil, using rng: inout Xoshiro256StarStar) -> ChildState {
        // A child already in care at the start came into care at least a day before it (and so
        // was born at least a day before): their period of care is not an entry of the horizon.
        let birthDay = initialKind != nil ? min(birth, entryDay - 1) : birth
        // A child in care at the start with known years in care draws from the band they entered in.
        let band = model.band(ageDays: entryDay - birthDay - (elapsedDays ?? 0))
        let routes = model.exitRoutes[band], probabilities = routeProbabilities[band]
        func draw() -> (route: Int, days: Int) {
            guard !routes.isEmpty else { return (ScenarioModel.age18Route, Int.max / 4) }
            let choice = routes[Sampling.categorical(probabilities, using: &rng)]
            return (choice.route, max(1, Int((choice.durationYears.sample(using: &rng) * ScenarioModel.daysPerYear).rounded())))
        }
        var (route, stay) = draw()
        var elapsed = 0
        if initialKind != nil, let known = elapsedDays {
            // Given the time already spent: the first draw that lasts longer than it (the longest
            // of 64 draws if none does), less the time spent.
            var chosen = (route: route, days: stay), tries = 0
            while chosen.days <= known && tries < 64 {
                let candidate = draw()
                tries += 1
                if candidate.days > known || candidate.days > chosen.days { chosen = candidate }
            }
            elapsed = known
            route = chosen.route
            stay = max(1, chosen.days - known)
        } else if initialKind != nil {
            // Children in care on a given day are the longer stayers: a spell is in care on the start
            // date with chance proportional to its length. Resample eight draws by length, then
            // place the start date uniformly within the chosen spell (no earlier than birth).
            // On the stack: about one child in two of a replication is in care at the start.
            let picked = withUnsafeTemporaryAllocation(of: (route: Int, days: Int).self, capacity: 8) { candidates in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: 8) { weights in
                    for k in 0..<8 {
                        candidates.initializeElement(at: k, to: draw())
                        weights.initializeElement(at: k, to: Double(min(candidates[k].days, 18 * 366)))
                    }
                    return candidates[Sampling.categorical(weights, using: &rng)]
                }
            }
            elapsed = max(1, min(Int(Sampling.unit(using: &rng) * Double(picked.days)), -birthDay))
            route = picked.route
            stay = max(1, picked.days - elapsed)
        }
        let staysPut = Sampling.unit(using: &rng) < model.stayingPutShare
        // The kind of placement needed: that of the placement held at the start, else drawn by band.
        let sought = initialKind?.need?.index ?? Sampling.categorical(model.needAtEntryShares[band], using: &rng)
        // Children already placed with adopters are near the end of their time in care (those placed
        // with parents may stay there for years, and keep the spell drawn).
        if initialKind == .placedForAdoption {
            route = ScenarioModel.adoptionRoute
            stay = 1 + Sampling.below(max(model.placedForAdoptionDays, 1), using: &rng)
        }
        // Care ends on the 18th birthday itself (the calendar's, as in a 903 return), which the
        // day count of the age bands can miss by a day around leap years.
        let eighteenth = CalendarDate(dayNumber: model.startDate.dayNumber + birthDay).addingMonths(12 * 18).dayNumber - model.startDate.dayNumber
        var exitDay = entryDay + stay
        if exitDay >= eighteenth {
            exitDay = eighteenth
            route = ScenarioModel.age18Route
        }
        return ChildState(birthDay: birthDay, homeArea: homeArea, group: group, entryDay: entryDay, careStartDay: entryDay - elapsed,
                          exitDay: max(exitDay, entryDay + 1), need: need, route: route, sought: sought, staysPut: staysPut, kinshipAvailable: false)
    }
}

import Foundation
