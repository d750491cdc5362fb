import Foundation

/// Collects every problem with a scenario, each with its field path.
struct Validator {
    let file: String
    var problems: [ScenarioError.Problem] = []

    mutating func fail(_ path: String, _ message: String) {
        problems.append(.init(file: file, path: path, message: message))
    }

    mutating func check(_ condition: Bool, _ path: String, _ message: @autoclosure () -> String) {
        if !condition { fail(path, message()) }
    }

    /// A number within its documented range (`ScenarioLimits`).
    mutating func within(_ value: Double, _ range: ClosedRange<Double>, _ path: String) {
        check(range.contains(value), path, "must be a number from \(format(range.lowerBound)) to \(format(range.upperBound)), got \(format(value))")
    }

    mutating func within(_ value: Int, _ range: ClosedRange<Int>, _ path: String) {
        check(range.contains(value), path, "must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(value)")
    }

    mutating func probability(_ value: Double, _ path: String) {
        check(value >= 0 && value <= 1, path, "must be a probability from 0 to 1, got \(format(value))")
    }

    /// Shares keyed by name: known names, non-negative, summing to 1 within 1e-9.
    mutating func shares(_ shares: [String: Double], known: [String], what: String, _ path: String) -> [Double] {
        var out = [Double](repeating: 0, count: known.count)
        for (key, value) in shares.sorted(by: { $0.key < $1.key }) {
            guard let index = known.firstIndex(of: key) else {
                fail("\(path).\(key)", "unknown \(what) '\(key)'" + suggestion(key, known) + "; expected one of: \(known.joined(separator: ", "))")
                continue
            }
            within(value, 0...1, "\(path).\(key)")
            out[index] = value
        }
        let total = shares.values.reduce(0, +)
        check(abs(total - 1) <= 1e-9, path, "shares must sum to 1 (within 1e-9), got \(format(total))")
        return out
    }

    /// Resolves names to a set of indices (bit n = known[n]), reporting unknown ones.
    mutating func indices(_ names: [String], known: [String], what: String, _ path: String) -> UInt64 {
        var out: UInt64 = 0
        for (i, name) in names.enumerated() {
            if let index = known.firstIndex(of: name), index < 64 { out |= 1 << UInt64(index) } else {
                fail("\(path)[\(i)]", "unknown \(what) '\(name)'" + suggestion(name, known) + "; expected one of: \(known.joined(separator: ", "))")
            }
        }
        return out
    }

    mutating func index(of name: String, in known: [String], what: String, _ path: String) -> Int {
        if let index = known.firstIndex(of: name) { return index }
        fail(path, "unknown \(what) '\(name)'" + suggestion(name, known) + "; expected one of: \(known.joined(separator: ", "))")
        return 0
    }

    /// A distribution whose values lie in `range` (years in care, or miles).
    mutating func distribution(_ d: Distribution, _ path: String, range: ClosedRange<Double>) {
        switch d {
        case let .exponential(mean):
            check(mean > 0, "\(path).mean", "must be > 0, got \(format(mean))")
            within(mean, range, "\(path).mean")
        case let .lognormal(median, sigma):
            check(median > 0, "\(path).median", "must be > 0, got \(format(median))")
            within(median, range, "\(path).median")
            within(sigma, ScenarioLimits.sigma, "\(path).sigma")
        case let .fixed(value): within(value, range, "\(path).value")
        case let .empirical(quantiles):
            let wellFormed = quantiles.count >= 2 && quantiles.allSatisfy { $0.count == 2 }
            guard wellFormed else {
                return fail("\(path).quantiles", "expected at least two [probability, value] pairs, found \(quantiles.count) entries")
            }
            let ps = quantiles.map { $0[0] }, vs = quantiles.map { $0[1] }
            check(ps.first == 0 && ps.last == 1 && zip(ps, ps.dropFirst()).allSatisfy { $0 <= $1 }, "\(path).quantiles",
                  "probabilities must rise from 0 to 1, got \(ps.map(format).joined(separator: ", "))")
            check(vs.allSatisfy { range.contains($0) } && zip(vs, vs.dropFirst()).allSatisfy { $0 <= $1 }, "\(path).quantiles",
                  "values must be from \(format(range.lowerBound)) to \(format(range.upperBound)) and never fall, got \(vs.map(format).joined(separator: ", "))")
        }
    }

    func suggestion(_ word: String, _ known: [String]) -> String {
        closestKey(to: word, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    }
}

/// Whole days in `years` (any Double: a value validation refuses still converts without a trap).
func days(years: Double) -> Int {
    let days = years * ScenarioModel.daysPerYear
    return days.isFinite ? Int(min(max(days, -1e12), 1e12).rounded()) : 0
}

func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}

extension ScenarioModel {
    /// Days in a year, as the model counts ages and durations.
    public static let daysPerYear = 365.25

    /// Checks a scenario and builds the engine's model.
    ///
    /// - Throws: `ScenarioError` listing every problem, each with its field path.
    public init(validating s: Scenario, file: String) throws(ScenarioError) {
        var v = Validator(file: file)
        let year = Self.daysPerYear

        // Time
        let start = CalendarDate(iso: s.time.startDate)
        v.check(start != nil, "time.startDate", "expected a date as YYYY-MM-DD, found '\(s.time.startDate)'")
        v.check((1...50).contains(s.time.horizonYears), "time.horizonYears", "must be from 1 to 50 years, got \(s.time.horizonYears)")
        let startDate = start ?? CalendarDate(year: 2025, month: 4, day: 1)
        let horizonYears = min(max(s.time.horizonYears, 1), 50)
        let end = startDate.addingMonths(12 * horizonYears)
        let horizonDays = end.dayNumber - startDate.dayNumber
        var snapshotDates: [CalendarDate] = []
        for month in 0...(12 * horizonYears) { snapshotDates.append(startDate.addingMonths(month)) }
        var fyStarts: [Int] = [], fyLabels: [String] = []
        var fy = startDate.financialYearStart
        while fy < end {
            fyStarts.append(fy.dayNumber - startDate.dayNumber)
            fyLabels.append(fy.financialYearLabel)
            fy = fy.addingMonths(12)
        }

        // Age bands: contiguous from 0 to 18.
        let bands = s.ageBands
        v.check(!bands.isEmpty, "ageBands", "expected at least one age band, found none")
        for (i, band) in bands.enumerated() {
            v.check(!band.name.isEmpty, "ageBands[\(i)].name", "expected a name, found an empty string")
            v.check(band.from < band.to, "ageBands[\(i)]", "expected from < to, found from \(band.from) to \(band.to)")
        }
        v.check(Set(bands.map(\.name)).count == bands.count, "ageBands", "band names must be unique")
        if let first = bands.first, let last = bands.last {
            v.check(first.from == 0, "ageBands[0].from", "the first band must start at age 0, found \(first.from)")
            v.check(last.to == 18, "ageBands[\(bands.count - 1)].to", "the last band must end at age 18, found \(last.to)")
        }
        for i in 1..<max(bands.count, 1) where bands[i].from != bands[i - 1].to {
            v.fail("ageBands[\(i)].from", bands[i].from > bands[i - 1].to
                   ? "bands must not leave gaps: the previous band ends at \(bands[i - 1].to), this one starts at \(bands[i].from)"
                   : "bands must not overlap: the previous band ends at \(bands[i - 1].to), this one starts at \(bands[i].from)")
        }
        let bandNames = bands.map(\.name)
        let bandUpper = bands.map { days(years: Double($0.to)) }
        let needs = s.needs
        v.check(!needs.isEmpty && Set(needs).count == needs.count && needs.count <= 64, "needs",
                "expected a list of at most 64 distinct need names, found \(needs)")
        for (i, need) in needs.enumerated() where need.trimmingCharacters(in: .whitespaces).isEmpty {
            v.fail("needs[\(i)]", "expected a name, found an empty string")
        }
        // Everything below is by age band and need: without usable ones, stop here with what was found.
        guard v.problems.isEmpty else { throw ScenarioError(v.problems) }

        // Size: refuse, before allocating anything, a scenario one replication of which would not fit.
        let size = ScenarioSize(s)
        let memory = Double(ProcessInfo.processInfo.physicalMemory)
        if size.childrenPerReplication > ScenarioLimits.childrenPerReplication || size.workingBytes > memory / 2 {
            v.fail("entries", String(format: "one replication would simulate about %.0f children and %.0f places, needing about %@ of memory; "
                + "the limit is %.0f children and half this machine's %@", size.childrenPerReplication, size.placesPerReplication,
                ScenarioSize.describe(bytes: size.workingBytes), ScenarioLimits.childrenPerReplication, ScenarioSize.describe(bytes: memory)))
            throw ScenarioError(v.problems)
        }

        // Geography
        let areas = s.geography.areas
        let areaNames = areas.map(\.name)
        v.check(!areas.isEmpty, "geography.areas", "expected at least one area, found none")
        v.check(Set(areaNames).count == areaNames.count, "geography.areas", "area names must be unique")
        v.check(areas.contains { $0.insideLA }, "geography.areas", "expected at least one area inside the LA (insideLA: true)")
        for (i, area) in areas.enumerated() {
            v.within(area.easting, ScenarioLimits.gridMetres, "geography.areas[\(i)].easting")
            v.within(area.northing, ScenarioLimits.gridMetres, "geography.areas[\(i)].northing")
            for (k, postcode) in area.postcodes.enumerated() {
                v.check(Area.isPostcode(postcode), "geography.areas[\(i)].postcodes[\(k)]",
                        "expected a postcode in capitals with one space, like \"LE9 7TH\", found \"\(postcode)\"")
            }
        }
        var miles = [Double](repeating: 0, count: areas.count * areas.count)
        for (i, a) in areas.enumerated() {
            for (j, b) in areas.enumerated() {
                miles[i * areas.count + j] = MatchingWeights.miles(eastingA: a.easting, northingA: a.northing, eastingB: b.easting, northingB: b.northing)
            }
        }
        let insideNames = areas.filter(\.insideLA).map(\.name)
        let equalInside = areaNames.map { insideNames.contains($0) ? 1 / Double(max(insideNames.count, 1)) : 0 }
        let homeShares = s.geography.homeAreaMix.map { v.shares($0, known: areaNames, what: "area", "geography.homeAreaMix") } ?? equalInside

        // Entries
        let e = s.entries
        var ratePerDay = [Double](repeating: 0, count: bands.count)
        for (key, rate) in e.ratePerYear.sorted(by: { $0.key < $1.key }) {
            let band = v.index(of: key, in: bandNames, what: "age band", "entries.ratePerYear.\(key)")
            v.within(rate, ScenarioLimits.entriesPerYear, "entries.ratePerYear.\(key)")
            ratePerDay[band] = max(rate, 0) / year
        }
        v.within(e.trendPerYear, ScenarioLimits.trendPerYear, "entries.trendPerYear")
        v.within(e.rateUncertainty, ScenarioLimits.uncertainty, "entries.rateUncertainty")
        v.within(e.trendUncertainty, ScenarioLimits.uncertainty, "entries.trendUncertainty")
        var trendOffsetYears = 0.0
        if let measured = e.rateMeasuredAt {
            if let date = CalendarDate(iso: measured) {
                v.check(date <= startDate && date.addingMonths(12 * ScenarioLimits.rateMeasuredYearsBeforeStart) >= startDate, "entries.rateMeasuredAt",
                        "expected a date on or before the start (\(startDate.iso)) and at most \(ScenarioLimits.rateMeasuredYearsBeforeStart) years before it, found \(measured)")
                // The first year's rate is the one at its middle.
                trendOffsetYears = Double(startDate.dayNumber - date.dayNumber) / ScenarioModel.daysPerYear + 0.5
            } else {
                v.fail("entries.rateMeasuredAt", "expected a date as YYYY-MM-DD, found '\(measured)'")
            }
        }
        var rateChanges: [(day: Int, multiplier: Double)] = []
        for (i, change) in e.rateChanges.enumerated() {
            let path = "entries.rateChanges[\(i)]"
            v.within(change.multiplier, ScenarioLimits.rateMultiplier, path + ".multiplier")
            guard let date = CalendarDate(iso: change.from) else {
                v.fail(path + ".from", "expected a date as YYYY-MM-DD, found '\(change.from)'")
                continue
            }
            rateChanges.append((date.dayNumber - startDate.dayNumber, change.multiplier))
        }
        var needShares = [[Double]](repeating: [Double](repeating: 0, count: needs.count), count: bands.count)
        for (key, mix) in e.needMix.sorted(by: { $0.key < $1.key }) {
            let band = v.index(of: key, in: bandNames, what: "age band", "entries.needMix.\(key)")
            needShares[band] = v.shares(mix, known: needs, what: "need", "entries.needMix.\(key)")
        }
        for (band, name) in bandNames.enumerated() where e.needMix[name] == nil {
            v.fail("entries.needMix", "missing the need mix of age band '\(name)'")
            needShares[band][0] = 1
        }
        var groupSizes: [Int] = [], groupShares: [Double] = []
        for (key, share) in e.siblingGroupSizes.sorted(by: { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }) {
            guard let size = Int(key), ScenarioLimits.siblingGroupSize.contains(size) else {
                v.fail("entries.siblingGroupSizes.\(key)", "expected a group size (a whole number from \(ScenarioLimits.siblingGroupSize.lowerBound) to \(ScenarioLimits.siblingGroupSize.upperBound)) as the key, found '\(key)'")
                continue
            }
            v.within(share, 0...1, "entries.siblingGroupSizes.\(key)")
            groupSizes.append(size)
            groupShares.append(share)
        }
        v.check(abs(groupShares.reduce(0, +) - 1) <= 1e-9, "entries.siblingGroupSizes",
                "shares must sum to 1 (within 1e-9), got \(format(groupShares.reduce(0, +)))")
        v.probability(e.kinshipAvailable, "entries.kinshipAvailable")

        // Exits
        let x = s.exits
        var routes = [[ExitRouteModel]](repeating: [], count: bands.count)
        let routeNames = Array(Self.exitRouteNames.dropLast())
        for (key, list) in x.byAgeBand.sorted(by: { $0.key < $1.key }) {
            let band = v.index(of: key, in: bandNames, what: "age band", "exits.byAgeBand.\(key)")
            for (i, route) in list.enumerated() {
                let path = "exits.byAgeBand.\(key)[\(i)]"
                let index = v.index(of: route.route, in: routeNames, what: "exit route", "\(path).route")
                v.probability(route.probability, "\(path).probability")
                v.distribution(route.duration, "\(path).duration", range: ScenarioLimits.durationYears)
                routes[band].append(ExitRouteModel(route: index, probability: route.probability, durationYears: route.duration))
            }
            let total = list.map(\.probability).reduce(0, +)
            v.check(abs(total - 1) <= 1e-9, "exits.byAgeBand.\(key)", "route probabilities must sum to 1 (within 1e-9), got \(format(total))")
        }
        for name in bandNames where x.byAgeBand[name] == nil {
            v.fail("exits.byAgeBand", "missing the exit routes of age band '\(name)'")
        }
        v.probability(x.stayingPutShare, "exits.stayingPutShare")
        v.check(x.stayingPutUntilAge >= 18 && x.stayingPutUntilAge <= 25, "exits.stayingPutUntilAge", "must be from 18 to 25, got \(format(x.stayingPutUntilAge))")
        v.within(x.placedForAdoptionWeeks, ScenarioLimits.weeks, "exits.placedForAdoptionWeeks")
        v.within(x.placedWithParentsWeeks, ScenarioLimits.weeks, "exits.placedWithParentsWeeks")

        // Placement needs
        let pn = s.placementNeeds, needKinds = PlacementNeed.allCases.map(\.rawValue), n = needKinds.count
        var needAtEntry = [[Double]](repeating: [Double](repeating: 0, count: n), count: bands.count)
        for (key, shares) in pn.atEntry.sorted(by: { $0.key < $1.key }) {
            let band = v.index(of: key, in: bandNames, what: "age band", "placementNeeds.atEntry.\(key)")
            needAtEntry[band] = v.shares(shares, known: needKinds, what: "placement need", "placementNeeds.atEntry.\(key)")
        }
        for name in bandNames where pn.atEntry[name] == nil {
            v.fail("placementNeeds.atEntry", "missing the placement needs at entry of age band '\(name)'")
        }
        var needChangeRates = [Double](repeating: 0, count: bands.count * n * n)
        for (key, byFrom) in pn.changesPerYear.sorted(by: { $0.key < $1.key }) {
            let band = v.index(of: key, in: bandNames, what: "age band", "placementNeeds.changesPerYear.\(key)")
            for (fromName, byTo) in byFrom.sorted(by: { $0.key < $1.key }) {
                let path = "placementNeeds.changesPerYear.\(key).\(fromName)"
                let from = v.index(of: fromName, in: needKinds, what: "placement need", path)
                for (toName, rate) in byTo.sorted(by: { $0.key < $1.key }) {
                    let to = v.index(of: toName, in: needKinds, what: "placement need", "\(path).\(toName)")
                    v.check(rate >= 0 && rate <= 365, "\(path).\(toName)", "must be a rate a year from 0 to 365, got \(format(rate))")
                    v.check(from != to, "\(path).\(toName)", "a move must be to another kind of placement")
                    needChangeRates[(band * n + from) * n + to] = rate / Self.daysPerYear
                }
            }
        }
        var substitutes = [[Int]](repeating: [], count: n)
        for (key, list) in pn.substitutes.sorted(by: { $0.key < $1.key }) {
            let need = v.index(of: key, in: needKinds, what: "placement need", "placementNeeds.substitutes.\(key)")
            for (i, name) in list.enumerated() {
                let other = v.index(of: name, in: needKinds, what: "placement need", "placementNeeds.substitutes.\(key)[\(i)]")
                v.check(other != need && !substitutes[need].contains(other), "placementNeeds.substitutes.\(key)[\(i)]",
                        "expected another kind of placement, once, found '\(name)'")
                substitutes[need].append(other)
            }
        }

        // Placement types
        var kindCost: [Double] = [], kindRate: [Double] = [], kindMin: [Int] = [], kindMax: [Int] = [], kindNeeds: [UInt64] = []
        for kind in PlacementKind.allCases {
            let t = s.placementTypes[kind], path = "placementTypes.\(kind.rawValue)"
            v.within(t.weeklyCost, ScenarioLimits.pounds, "\(path).weeklyCost")
            v.within(t.breakdownRatePerYear, ScenarioLimits.ratePerYear, "\(path).breakdownRatePerYear")
            var cost = [Double](repeating: t.weeklyCost, count: bands.count)
            for (key, value) in (t.weeklyCostByAgeBand ?? [:]).sorted(by: { $0.key < $1.key }) {
                let band = v.index(of: key, in: bandNames, what: "age band", "\(path).weeklyCostByAgeBand.\(key)")
                v.within(value, ScenarioLimits.pounds, "\(path).weeklyCostByAgeBand.\(key)")
                cost[band] = value
            }
            var rate = [Double](repeating: t.breakdownRatePerYear / year, count: bands.count)
            for (key, value) in (t.breakdownRateByAgeBand ?? [:]).sorted(by: { $0.key < $1.key }) {
                let band = v.index(of: key, in: bandNames, what: "age band", "\(path).breakdownRateByAgeBand.\(key)")
                v.within(value, ScenarioLimits.ratePerYear, "\(path).breakdownRateByAgeBand.\(key)")
                rate[band] = value / year
            }
            v.check(t.minAge >= 0 && t.minAge < t.maxAge && t.maxAge <= 18, path, "expected 0 <= minAge < maxAge <= 18, found minAge \(t.minAge), maxAge \(t.maxAge)")
            kindCost += cost
            kindRate += rate
            kindMin.append(days(years: Double(t.minAge)))
            kindMax.append(days(years: Double(t.maxAge)))
            kindNeeds.append(v.indices(t.needsMet, known: needs, what: "need", "\(path).needsMet"))
        }

        // Supply
        let f = s.supply.inHouseFoster
        v.check(f.unavailableShare >= 0 && f.unavailableShare < 1, "supply.inHouseFoster.unavailableShare",
                "must be a share from 0 up to (not including) 1, got \(format(f.unavailableShare))")
        func household(_ p: HouseholdProfile, area: Int, _ path: String, _ v: inout Validator) -> HouseholdModel {
            v.within(p.places, ScenarioLimits.householdPlaces, "\(path).places")
            v.check(p.minAge >= 0 && p.minAge < p.maxAge && p.maxAge <= 18, path, "expected 0 <= minAge < maxAge <= 18, found minAge \(p.minAge), maxAge \(p.maxAge)")
            v.check(p.siblingCapacity >= 1 && p.siblingCapacity <= max(p.places, 1), "\(path).siblingCapacity",
                    "must be from 1 to places (\(p.places)), got \(p.siblingCapacity)")
            return HouseholdModel(area: area, places: max(p.places, 1), minAgeDays: days(years: Double(p.minAge)),
                                  maxAgeDays: days(years: Double(p.maxAge)),
                                  needs: v.indices(p.needs, known: needs, what: "need", "\(path).needs"),
                                  siblingCapacity: max(1, min(p.siblingCapacity, p.places)))
        }
        var households: [HouseholdModel] = []
        for (i, group) in f.households.enumerated() {
            let path = "supply.inHouseFoster.households[\(i)]"
            let area = v.index(of: group.area, in: areaNames, what: "area", "\(path).area")
            v.within(group.count, ScenarioLimits.count, "\(path).count")
            let model = household(group.profile, area: area, path, &v)
            households.append(contentsOf: repeatElement(model, count: ScenarioLimits.count.contains(group.count) ? group.count : 0))
        }
        v.check(!f.approvalsPerYear.isEmpty, "supply.inHouseFoster.approvalsPerYear", "expected at least one year's approvals, found none")
        for (i, value) in f.approvalsPerYear.enumerated() { v.within(value, ScenarioLimits.approvalsPerYear, "supply.inHouseFoster.approvalsPerYear[\(i)]") }
        let newHousehold = household(f.newHouseholds, area: 0, "supply.inHouseFoster.newHouseholds", &v)
        let newAreaShares = f.newHouseholds.areaMix.map {
            v.shares($0, known: areaNames, what: "area", "supply.inHouseFoster.newHouseholds.areaMix")
        } ?? equalInside
        v.within(f.approvalToFirstPlacementWeeks, ScenarioLimits.weeks, "supply.inHouseFoster.approvalToFirstPlacementWeeks")
        v.within(f.deregistrationRatePerYear, ScenarioLimits.ratePerYear, "supply.inHouseFoster.deregistrationRatePerYear")
        v.within(f.recruitmentCostPerApproval, ScenarioLimits.pounds, "supply.inHouseFoster.recruitmentCostPerApproval")
        var homes: [(area: Int, beds: Int)] = []
        for (i, home) in s.supply.inHouseResidential.homes.enumerated() {
            let path = "supply.inHouseResidential.homes[\(i)]"
            let area = v.index(of: home.area, in: areaNames, what: "area", "\(path).area")
            v.within(home.beds, ScenarioLimits.count, "\(path).beds")
            homes.append((area, ScenarioLimits.count.contains(home.beds) ? home.beds : 0))
        }
        var markets: [MarketModel] = []
        for kind in PlacementKind.allCases where kind.isMarket {
            let m = s.supply.markets[kind]!, path = "supply.markets.\(kind.rawValue)"
            v.within(m.capacity, ScenarioLimits.count, "\(path).capacity")
            var slotAreas: [Int] = []
            if let distance = m.distanceMiles {
                v.distribution(distance, "\(path).distanceMiles", range: ScenarioLimits.distanceMiles)
                v.check(m.locations.isEmpty, "\(path)", "give either locations or distanceMiles, not both")
            } else if m.capacity > 0, ScenarioLimits.count.contains(m.capacity) {
                let shares = v.shares(m.locations, known: areaNames, what: "area", "\(path).locations")
                slotAreas = Self.spread(max(m.capacity, 0), over: shares)
            }
            markets.append(MarketModel(kind: kind, capacity: ScenarioLimits.count.contains(m.capacity) ? m.capacity : 0, slotAreas: slotAreas, distanceMiles: m.distanceMiles))
        }

        // Children in care at the start.
        let ic = s.initialChildren
        var initialList: [InitialChild]?
        var byBand = [Int](repeating: 0, count: bands.count), byKind = [Int](repeating: 0, count: PlacementKind.allCases.count)
        if let list = ic.children {
            initialList = list.enumerated().map { i, c in
                let path = "initialChildren.children[\(i)]"
                v.check(c.age >= 0 && c.age < 18, "\(path).age", "must be from 0 to under 18, got \(format(c.age))")
                let kind = PlacementKind(rawValue: c.placementType)
                if kind == nil {
                    v.fail("\(path).placementType", "unknown placement type '\(c.placementType)'" + v.suggestion(c.placementType, PlacementKind.allCases.map(\.rawValue)))
                }
                return InitialChild(ageDays: days(years: c.age), need: v.index(of: c.need, in: needs, what: "need", "\(path).need"),
                                    kind: kind ?? .emergency, homeArea: v.index(of: c.homeArea, in: areaNames, what: "area", "\(path).homeArea"))
            }
            for child in initialList! { byKind[PlacementKind.allCases.firstIndex(of: child.kind)!] += 1 }
        } else {
            for (key, count) in ic.byAgeBand.sorted(by: { $0.key < $1.key }) {
                let band = v.index(of: key, in: bandNames, what: "age band", "initialChildren.byAgeBand.\(key)")
                v.within(count, ScenarioLimits.count, "initialChildren.byAgeBand.\(key)")
                byBand[band] = ScenarioLimits.count.contains(count) ? count : 0
            }
            for (key, count) in ic.byPlacementType.sorted(by: { $0.key < $1.key }) {
                guard let kind = PlacementKind(rawValue: key) else {
                    v.fail("initialChildren.byPlacementType.\(key)", "unknown placement type '\(key)'" + v.suggestion(key, PlacementKind.allCases.map(\.rawValue))
                           + "; expected one of: \(PlacementKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                v.within(count, ScenarioLimits.count, "initialChildren.byPlacementType.\(key)")
                byKind[PlacementKind.allCases.firstIndex(of: kind)!] = ScenarioLimits.count.contains(count) ? count : 0
            }
            v.check(byBand.reduce(0, +) == byKind.reduce(0, +), "initialChildren",
                    "byAgeBand totals \(byBand.reduce(0, +)) children but byPlacementType totals \(byKind.reduce(0, +)); they must agree")
        }
        var kindsByBand: [[Int]]?
        if let joint = ic.byAgeBandAndPlacementType {
            var counts = [[Int]](repeating: [Int](repeating: 0, count: PlacementKind.allCases.count), count: bands.count)
            for (key, byType) in joint.sorted(by: { $0.key < $1.key }) {
                let band = v.index(of: key, in: bandNames, what: "age band", "initialChildren.byAgeBandAndPlacementType.\(key)")
                for (type, count) in byType.sorted(by: { $0.key < $1.key }) {
                    let path = "initialChildren.byAgeBandAndPlacementType.\(key).\(type)"
                    guard let kind = PlacementKind(rawValue: type) else {
                        v.fail(path, "unknown placement type '\(type)'" + v.suggestion(type, PlacementKind.allCases.map(\.rawValue)))
                        continue
                    }
                    v.within(count, ScenarioLimits.count, path)
                    counts[band][kind.index] = ScenarioLimits.count.contains(count) ? count : 0
                }
            }
            for b in bands.indices {
                let total = counts[b].reduce(0, +)
                v.check(total == byBand[b], "initialChildren.byAgeBandAndPlacementType.\(bandNames[b])",
                        "totals \(total) children but byAgeBand.\(bandNames[b]) is \(byBand[b]); they must agree")
            }
            for kind in PlacementKind.allCases {
                let total = counts.map { $0[kind.index] }.reduce(0, +)
                v.check(total == byKind[kind.index], "initialChildren.byAgeBandAndPlacementType",
                        "totals \(total) children in \(kind.rawValue) but byPlacementType.\(kind.rawValue) is \(byKind[kind.index]); they must agree")
            }
            kindsByBand = counts
        }
        var byYearOfAge: [Int]?
        if let profile = ic.byYearOfAge, initialList == nil {
            let years = bands.last.map(\.to) ?? 18
            var counts = [Int](repeating: 0, count: years)
            for (key, count) in profile.sorted(by: { $0.key < $1.key }) {
                let path = "initialChildren.byYearOfAge.\(key)"
                guard let year = Int(key), (0..<years).contains(year) else {
                    v.fail(path, "expected a whole year of age from 0 to \(years - 1), found '\(key)'")
                    continue
                }
                v.within(count, ScenarioLimits.count, path)
                counts[year] = ScenarioLimits.count.contains(count) ? count : 0
            }
            for (b, band) in bands.enumerated() {
                let total = counts[band.from..<min(band.to, years)].reduce(0, +)
                v.check(total == byBand[b], "initialChildren.byYearOfAge",
                        "ages \(band.from) to \(band.to - 1) total \(total) children but byAgeBand.\(band.name) is \(byBand[b]); they must agree")
            }
            byYearOfAge = counts
        }
        var yearsInCare: [[Double]]?
        if let profile = ic.yearsInCare {
            let timeBands = InitialChildren.yearsInCareBands.map(\.name)
            var shares = [[Double]](repeating: [Double](repeating: 0, count: timeBands.count), count: bands.count)
            for (key, counts) in profile.sorted(by: { $0.key < $1.key }) {
                let band = v.index(of: key, in: bandNames, what: "age band", "initialChildren.yearsInCare.\(key)")
                for (name, count) in counts.sorted(by: { $0.key < $1.key }) {
                    let t = v.index(of: name, in: timeBands, what: "years-in-care band", "initialChildren.yearsInCare.\(key).\(name)")
                    v.within(count, ScenarioLimits.count, "initialChildren.yearsInCare.\(key).\(name)")
                    shares[band][t] = Double(ScenarioLimits.count.contains(count) ? count : 0)
                }
                let total = counts.values.reduce(0) { $0 + (ScenarioLimits.count.contains($1) ? $1 : 0) }
                v.check(total == byBand[band], "initialChildren.yearsInCare.\(key)", "totals \(total) children but byAgeBand.\(key) is \(byBand[band]); they must agree")
            }
            yearsInCare = shares
        }
        var initialNeeds = needShares
        if let shares = ic.needShares {
            let resolved = v.shares(shares, known: needs, what: "need", "initialChildren.needShares")
            initialNeeds = [[Double]](repeating: resolved, count: bands.count)
        }
        let fosterPlaces = households.map(\.places).reduce(0, +)
        let inHouseIndex = PlacementKind.allCases.firstIndex(of: .inHouseFoster)!
        v.check(byKind[inHouseIndex] <= fosterPlaces, "initialChildren.byPlacementType.inHouseFoster",
                "\(byKind[inHouseIndex]) children, but the in-house households have only \(fosterPlaces) places")
        let beds = homes.map(\.beds).reduce(0, +)
        let residentialIndex = PlacementKind.allCases.firstIndex(of: .inHouseResidential)!
        v.check(byKind[residentialIndex] <= beds, "initialChildren.byPlacementType.inHouseResidential",
                "\(byKind[residentialIndex]) children, but the in-house homes have only \(beds) beds")

        // Policy, costs, Monte Carlo
        let w = s.matching.weights
        for (name, value) in [("weeklyCost", w.weeklyCost), ("perMile", w.perMile), ("over20Miles", w.over20Miles),
                              ("siblingSplit", w.siblingSplit), ("inHouseBonus", w.inHouseBonus), ("inAreaBonus", w.inAreaBonus)] {
            v.within(value, ScenarioLimits.weight, "matching.weights.\(name)")
        }
        v.within(s.matching.roundEveryDays, ScenarioLimits.roundEveryDays, "matching.roundEveryDays")
        v.within(s.matching.batchSize, ScenarioLimits.batchSize, "matching.batchSize")
        v.within(s.matching.stepDown.minimumWeeksInResidential, ScenarioLimits.weeks, "matching.stepDown.minimumWeeksInResidential")
        v.within(s.costs.inflationPerYear, ScenarioLimits.inflationPerYear, "costs.inflationPerYear")
        v.within(s.costs.stayingPutWeeklyCost, ScenarioLimits.pounds, "costs.stayingPutWeeklyCost")
        v.within(s.monteCarlo.replications, ScenarioLimits.replications, "monteCarlo.replications")

        guard v.problems.isEmpty else { throw ScenarioError(v.problems) }

        scenario = s
        self.file = file
        self.startDate = startDate
        self.horizonDays = horizonDays
        snapshotDays = snapshotDates.map { $0.dayNumber - startDate.dayNumber }
        self.snapshotDates = snapshotDates
        financialYearStartDays = fyStarts
        financialYearLabels = fyLabels
        ageBandNames = bandNames
        ageBandUpperDays = bandUpper
        bandOfAgeDays = bandUpper.dropLast().enumerated().flatMap { band, upper in
            repeatElement(UInt8(band), count: upper - (band == 0 ? 0 : bandUpper[band - 1]))
        }
        needNames = needs
        self.areaNames = areaNames
        areaInsideLA = areas.map(\.insideLA)
        areaMiles = miles
        homeAreaShares = homeShares
        entryRatePerDay = ratePerDay
        entryTrendPerYear = e.trendPerYear
        entryTrendOffsetYears = trendOffsetYears
        entryRateUncertainty = e.rateUncertainty
        entryTrendUncertainty = e.trendUncertainty
        entryRateChanges = rateChanges.sorted { $0.day < $1.day }
        entryNeedShares = needShares
        siblingGroupSizes = groupSizes
        siblingGroupShares = groupShares
        kinshipAvailable = e.kinshipAvailable
        exitRoutes = routes
        needAtEntryShares = needAtEntry
        needChangeRatePerDay = needChangeRates
        substituteNeeds = substitutes
        matchingStages = 1 + (substitutes.map { $0.count }.max() ?? 0)
        stayingPutShare = x.stayingPutShare
        stayingPutUntilDays = Int((x.stayingPutUntilAge * year).rounded())
        placedForAdoptionDays = Int((x.placedForAdoptionWeeks * 7).rounded())
        placedWithParentsDays = Int((x.placedWithParentsWeeks * 7).rounded())
        initialChildren = initialList
        initialByBand = byBand
        initialByKind = byKind
        initialNeedShares = initialNeeds
        initialYearsInCare = yearsInCare
        initialByYearOfAge = byYearOfAge
        initialKindsByBand = kindsByBand
        kindWeeklyCost = kindCost
        kindBreakdownRatePerDay = kindRate
        kindMinAgeDays = kindMin
        kindMaxAgeDays = kindMax
        kindNeedsMet = kindNeeds
        suitabilityAgesDays = Array(Set(kindMin + kindMax + (households + [newHousehold]).flatMap { [$0.minAgeDays, $0.maxAgeDays] })).sorted()
        initialHouseholds = households
        approvalsPerYear = f.approvalsPerYear
        unavailableShare = f.unavailableShare
        self.newHousehold = newHousehold
        newHouseholdAreaShares = newAreaShares
        approvalDelayDays = Int((f.approvalToFirstPlacementWeeks * 7).rounded())
        deregistrationRatePerDay = f.deregistrationRatePerYear / year
        recruitmentCostPerApproval = f.recruitmentCostPerApproval
        residentialHomes = homes
        self.markets = markets
        weights = w
        kinshipFirst = s.matching.kinshipFirst
        roundEveryDays = s.matching.roundEveryDays
        batchSize = s.matching.batchSize
        allowSiblingSplit = s.matching.allowSiblingSplit
        stepDownEnabled = s.matching.stepDown.enabled
        stepDownMinimumDays = Int((s.matching.stepDown.minimumWeeksInResidential * 7).rounded())
        inflationPerYear = s.costs.inflationPerYear
        stayingPutWeeklyCost = s.costs.stayingPutWeeklyCost
    }

    /// `count` items spread over categories by share (largest remainder), in category order.
    static func spread(_ count: Int, over shares: [Double]) -> [Int] {
        let total = shares.reduce(0, +)
        guard total > 0 else { return [] }
        let exact = shares.map { $0 / total * Double(count) }
        var whole = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(whole[$0]), -$0) > (exact[$1] - Double(whole[$1]), -$1) }
        for index in order.prefix(count - whole.reduce(0, +)) { whole[index] += 1 }
        return whole.enumerated().flatMap { repeatElement($0.offset, count: $0.element) }
    }
}
