import Foundation
import Sufficiency

/// The counts behind a calibration, gathered in one pass over the history, and the scenario and
/// report built from them.
struct CalibrationData {
    let history: CareHistory
    let options: Calibrator.Options
    let bands: [AgeBand]
    /// The rate window: from `windowStart` to `asAt`, both included.
    let windowStart: CalendarDate
    let windowYears: Double
    var notes: [String] = []

    init(history: CareHistory, options: Calibrator.Options) throws(SSDA903Error) {
        self.history = history
        self.options = options
        bands = options.base.ageBands
        let coverage = history.coverage
        guard coverage.contains(options.asAt) else {
            throw SSDA903Error([DataProblem(.error, file: options.dataName, column: "--as-at",
                                            "expected a date the files cover (\(format903Date(coverage.lowerBound)) to \(format903Date(coverage.upperBound))), found \(format903Date(options.asAt))")])
        }
        var start = CalendarDate(dayNumber: options.asAt.addingMonths(-12 * options.years).dayNumber + 1)
        if start < coverage.lowerBound {
            notes.append("The files begin on \(format903Date(coverage.lowerBound)): rates use \(format903Date(coverage.lowerBound)) to \(format903Date(options.asAt)), not \(options.years) years.")
            start = coverage.lowerBound
        }
        windowStart = start
        windowYears = Double(options.asAt.dayNumber - start.dayNumber + 1) / ScenarioModel.daysPerYear
    }

    var window: ClosedRange<CalendarDate> { windowStart...options.asAt }
    var period: String { "\(format903Date(windowStart)) to \(format903Date(options.asAt))" }

    func band(of child: ChildHistory, on date: CalendarDate) -> Int? {
        guard let age = child.age(on: date) else { return nil }
        return bands.firstIndex { age >= $0.from && age < $0.to }
    }

    /// The model's need for the child's CIN code: N2 (disability) as `disability` where the
    /// scenario has it, everything else `standard`.
    func need(cin: String) -> String {
        cin == "N2" && options.base.needs.contains("disability") ? "disability" : (options.base.needs.first { $0 == "standard" } ?? options.base.needs[0])
    }

    // MARK: - The scenario

    mutating func calibration() -> Calibrator.Calibration {
        var s = options.base
        let source = "Calibrated from the SSDA903 files \(options.dataName)"
        s.time.startDate = CalendarDate(dayNumber: options.asAt.dayNumber + 1).iso
        s.time.source = "\(source): the day after the as-at date \(format903Date(options.asAt))."
        var report = Report(title: "Calibration as at \(format903Date(options.asAt))", data: options.dataName, period: period)

        let stock = stockSection(source: source, report: &report)
        s.initialChildren = stock.initial
        let entrants = entrySection(source: source, report: &report)
        s.entries = entrants.entries
        s.placementNeeds = entrants.needs
        s.exits = exitSection(source: source, report: &report)
        let moves = movesSection(source: source, report: &report)
        s.placementNeeds.changesPerYear = moves.changes
        s.placementNeeds.source = (s.placementNeeds.source ?? "") + " " + moves.source
        for kind in PlacementKind.allCases {
            guard let rates = moves.breakdowns[kind] else { continue }
            s.placementTypes[kind].breakdownRatePerYear = rates.overall
            s.placementTypes[kind].breakdownRateByAgeBand = rates.byBand.isEmpty ? nil : rates.byBand
        }
        s.placementTypes.source = (s.placementTypes.source ?? "") + " Breakdown rates: \(source), \(period) (moves within a kind of placement per year in it)."
        var locations: [PlacementKind: [String: Double]]?
        if let lookup = options.postcodes {
            if let geography = CalibratedGeography(data: self, lookup: lookup, report: &report) {
                s.geography = geography.geography
                s.supply.inHouseFoster.newHouseholds.areaMix = nil
                locations = geography.locations
            } else {
                notes.append("No HOME_POST of a child in care on the as-at date is in the postcode lookup: the base scenario's geography is kept.")
            }
        } else {
            notes.append("No postcode lookup given (--postcodes): the base scenario's geography (areas, distances, where places are) is kept.")
        }
        s.supply = supplySection(stock: stock.byKind, geography: s.geography, locations: locations, source: source, report: &report)
        for note in notes { report.note(note) }
        report.problems(history)
        return Calibrator.Calibration(scenario: s, report: report.text)
    }

    /// Children in care on the as-at date, as counts.
    private mutating func stockSection(source: String, report: inout Report) -> (initial: InitialChildren, byKind: [PlacementKind: Int]) {
        var byBand = [Int](repeating: 0, count: bands.count)
        var byKind = [PlacementKind: Int]()
        var joint = [String: [String: Int]]()
        var needs = [String: Int]()
        var yearsInCare = [String: [String: Int]]()
        var byYearOfAge = [String: Int]()
        var unplaced = 0
        for child in history.children {
            guard let placement = child.placement(on: options.asAt) else { continue }
            guard let band = band(of: child, on: options.asAt), let age = child.age(on: options.asAt) else { unplaced += 1; continue }
            byBand[band] += 1
            byYearOfAge["\(age)", default: 0] += 1
            if let period = child.periods.last(where: { $0.start <= options.asAt }) {
                let years = Double(options.asAt.dayNumber - period.start.dayNumber + 1) / ScenarioModel.daysPerYear
                let timeBand = InitialChildren.yearsInCareBands.last { years >= $0.from }!.name
                yearsInCare[bands[band].name, default: [:]][timeBand, default: 0] += 1
            }
            byKind[Self.kind(placement.category), default: 0] += 1
            joint[bands[band].name, default: [:]][Self.kind(placement.category).rawValue, default: 0] += 1
            let cin = child.episodes.last { $0.start <= options.asAt }?.need ?? ""
            needs[need(cin: cin), default: 0] += 1
        }
        if unplaced > 0 { notes.append("\(unplaced) children in care on \(format903Date(options.asAt)) have no date of birth or are 18 or over: left out of the starting profile.") }
        let total = byBand.reduce(0, +)
        report.section("Children in care on \(format903Date(options.asAt))", "\(total) children (aggregate counts only).")
        report.table(["age band", "children"], bands.indices.map { [bands[$0].name, "\(byBand[$0])"] })
        report.table(["age band"] + InitialChildren.yearsInCareBands.map { "\($0.name) years in care" }, bands.map { band in
            [band.name] + InitialChildren.yearsInCareBands.map { "\(yearsInCare[band.name]?[$0.name] ?? 0)" }
        })
        report.table(["placement type", "children"], PlacementKind.allCases.filter { byKind[$0, default: 0] > 0 }.map { [$0.rawValue, "\(byKind[$0]!)"] })
        let shares: [String: Double]? = needs.isEmpty ? nil : Self.shares(needs)
        return (InitialChildren(byAgeBand: Dictionary(uniqueKeysWithValues: bands.indices.map { (bands[$0].name, byBand[$0]) }), byYearOfAge: byYearOfAge,
                                byPlacementType: Dictionary(uniqueKeysWithValues: byKind.map { ($0.key.rawValue, $0.value) }),
                                byAgeBandAndPlacementType: joint, needShares: shares, yearsInCare: yearsInCare,
                                source: "\(source): children looked after at the end of \(format903Date(options.asAt)), counted by age band, whole year of age, placement type, need (CIN N2 as disability) and years in care (since the start of the period of care, or of its first episode in the files)."),
                byKind)
    }

    /// Entries: rates, trend, needs, sibling groups, kin, and the kind of placement needed at entry.
    private mutating func entrySection(source: String, report: inout Report) -> (entries: Entries, needs: PlacementNeeds) {
        var counts = [Int](repeating: 0, count: bands.count)
        var needMix = [[String: Int]](repeating: [:], count: bands.count)
        var atEntry = [[String: Int]](repeating: [:], count: bands.count)
        var byYear = [Int: Int]()
        var groups = [String: Int]()
        var fostering = 0, kin = 0, unknownAge = 0
        for child in history.children {
            for period in child.periods where period.startObserved && period.start <= options.asAt {
                // The trend is fitted to every whole collection year in the files; rates and
                // mixes come from the window alone.
                byYear[period.start.financialYearStart.components.year, default: 0] += 1
                guard window.contains(period.start) else { continue }
                guard let band = band(of: child, on: period.start), let first = period.placements.first else { unknownAge += 1; continue }
                counts[band] += 1
                let cin = child.episodes.first { $0.start == period.start }?.need ?? ""
                needMix[band][need(cin: cin), default: 0] += 1
                let placementNeed = Self.need(first.category)
                atEntry[band][placementNeed.rawValue, default: 0] += 1
                if !first.homePostcode.isEmpty { groups[period.start.iso + first.homePostcode, default: 0] += 1 }
                if placementNeed == .fostering {
                    fostering += 1
                    if first.category == .kinship { kin += 1 }
                }
            }
        }
        if unknownAge > 0 { notes.append("\(unknownAge) entries have no date of birth (or none at 0-17): left out of entry rates.") }
        let base = options.base
        let rates = Dictionary(uniqueKeysWithValues: bands.indices.map { (bands[$0].name, Self.round(Double(counts[$0]) / windowYears, 2)) })
        let (trend, trendError, fitted, fittedError, trendYears) = Self.trend(byYear, window: history.coverage.lowerBound...options.asAt)
        let middle = CalendarDate(dayNumber: (windowStart.dayNumber + options.asAt.dayNumber + 1) / 2)
        let entered = counts.reduce(0, +)
        var sizes = [Int: Int]()
        for size in groups.values { sizes[min(size, 6), default: 0] += 1 }
        let siblingShares = groups.isEmpty ? base.entries.siblingGroupSizes : Self.shares(Dictionary(uniqueKeysWithValues: sizes.map { ("\($0.key)", $0.value) }))
        if groups.isEmpty { notes.append("No HOME_POST on entrants' episodes: sibling groups kept from the base scenario.") }
        let kinship = fostering > 0 ? Self.round(Double(kin) / Double(fostering), 4) : base.entries.kinshipAvailable

        report.section("Entries", "Periods of care that started \(period) (\(Self.format(windowYears)) years), by age at entry; 95% intervals from the Poisson count.")
        report.table(["age band", "entries", "a year", "95% interval"], bands.indices.map { b in
            let n = Double(counts[b]), half = 1.96 * n.squareRoot() / windowYears
            return [bands[b].name, "\(counts[b])", Self.format(n / windowYears), "\(Self.format(max(0, n / windowYears - half)))-\(Self.format(n / windowYears + half))"]
        })
        report.line("Trend: \(Self.format(trend * 100))% a year (standard error \(Self.format(trendError * 100)) points): the log-linear fit to the \(trendYears) whole collection years of entries in the files, \(Self.format(fitted * 100))% (standard error \(Self.format(fittedError * 100))), shrunk toward no trend by a prior that councils' yearly trends spread with a standard deviation of \(Self.format(Self.trendPriorStandardDeviation * 100)) points. The rates are dated at the middle of the window (`rateMeasuredAt`, \(middle.iso)), and the trend carries them from there. The rates' relative standard error, 1/sqrt(\(entered) entries) = \(Self.format(100 / Double(max(entered, 1)).squareRoot()))%, and the trend's are written as `rateUncertainty` and `trendUncertainty`: each replication draws its own rate and trend from them, so forecasts carry the estimate's uncertainty. Sibling groups: children starting on the same day with the same home postcode (\(groups.count) groups: \(sizes.sorted { $0.key < $1.key }.map { "\($0.value) of \($0.key == 6 ? "6+" : "\($0.key)")" }.joined(separator: ", "))). Kin available: \(kin) of \(fostering) entrants needing foster care went to kinship carers first (\(Self.format(Double(kin) / Double(max(fostering, 1)) * 100))%).")
        report.table(["age band", "entrants"] + PlacementNeed.allCases.map(\.rawValue), bands.indices.map { b in
            [bands[b].name, "\(counts[b])"] + PlacementNeed.allCases.map { need in Self.percent(atEntry[b][need.rawValue, default: 0], of: counts[b]) }
        }, caption: "Kind of placement at entry (the first placement's category), as shares with 95% Wilson intervals.")

        let entries = Entries(
            ratePerYear: rates, trendPerYear: Self.round(trend, 4), rateMeasuredAt: middle.iso,
            rateUncertainty: entered > 0 ? Self.round(1 / Double(entered).squareRoot(), 4) : 0, trendUncertainty: Self.round(trendError, 4),
            needMix: Dictionary(uniqueKeysWithValues: bands.indices.map { b in (bands[b].name, needMix[b].isEmpty ? base.entries.needMix[bands[b].name] ?? [:] : Self.shares(needMix[b])) }),
            siblingGroupSizes: siblingShares, kinshipAvailable: kinship,
            source: "\(source), \(period): periods of care started (RNE S) by age band at entry, a log-linear trend over the collection years, the standard errors of both (drawn per replication), need mix from CIN (N2 disability), sibling groups as children starting on the same day with the same HOME_POST, kin available as the share of entrants needing foster care first placed with kin (U1-U3).")
        let needs = PlacementNeeds(
            atEntry: Dictionary(uniqueKeysWithValues: bands.indices.map { b in
                (bands[b].name, atEntry[b].isEmpty ? base.placementNeeds.atEntry[bands[b].name] ?? ["fostering": 1] : Self.shares(atEntry[b]))
            }),
            changesPerYear: [:], substitutes: base.placementNeeds.substitutes,
            source: "\(source), \(period): kind of placement needed at entry = the category of the first placement, by age band.")
        return (entries, needs)
    }

    /// Exit routes and time in care by age band at entry, with right-censoring.
    private mutating func exitSection(source: String, report: inout Report) -> Exits {
        var spells = [[(days: Int, route: LeavingRoute?, entered: Int)]](repeating: [], count: bands.count)
        var stayingPut = 0, fosterAt18 = 0
        var adopterWeeks: [Double] = [], parentWeeks: [Double] = []
        let end = CalendarDate(dayNumber: options.asAt.dayNumber + 1)
        for child in history.children {
            // Periods begun before the files are seen because they lasted (length-biased): they
            // count from the day the files begin (delayed entry), never from their start.
            for period in child.periods where period.start <= options.asAt && (options.delayedEntry || period.start >= history.coverage.lowerBound) {
                guard let band = band(of: child, on: period.start) else { continue }
                let left = period.end.map { $0 <= options.asAt } ?? false
                let days = max(1, (left ? period.end! : end).dayNumber - period.start.dayNumber)
                let route = left ? period.exitRoute : nil
                let entered = max(0, history.coverage.lowerBound.dayNumber - period.start.dayNumber)
                guard days > entered else { continue }
                spells[band].append((days, route == .age18 ? nil : route, entered))
                guard left, let last = period.placements.last, window.contains(period.end!) else { continue }
                if route == .age18 && Self.need(last.category) == .fostering {
                    fosterAt18 += 1
                    if child.episodes.last(where: { $0.end == period.end })?.reasonCeased == "E17" { stayingPut += 1 }
                }
                let weeks = Double(period.end!.dayNumber - last.start.dayNumber) / 7
                if route == .adoption && last.category == .placedForAdoption { adopterWeeks.append(weeks) }
                if route == .returnHome && last.category == .placedWithParents { parentWeeks.append(weeks) }
            }
        }
        let base = options.base.exits
        var byBand = [String: [Sufficiency.ExitRoute]]()
        report.section("Exits and time in care", "By age band at entry, for every period of care in the files that began by \(format903Date(options.asAt)); one begun before the files (\(format903Date(history.coverage.lowerBound))) counts from the day they begin (delayed entry), so it informs long stays without length bias. Leaving at 18, an unknown route, and still being in care on the as-at date are censored (Aalen-Johansen cumulative incidence); the share still in care at the longest time seen becomes an `other` route of 30 years, which the 18th birthday ends.")
        var rows: [[String]] = []
        for b in bands.indices {
            let fit = ExitFit(spells: spells[b])
            let name = bands[b].name
            if fit.exits < 5 {
                byBand[name] = base.byAgeBand[name]
                notes.append("Age band \(name): \(fit.exits) exits by a route in the files; its exit routes are kept from the base scenario.")
                continue
            }
            byBand[name] = fit.routes.map { Sufficiency.ExitRoute(route: $0.route, probability: $0.probability, duration: .empirical(quantiles: $0.quantiles)) }
            for route in fit.routes {
                // An approximate interval: binomial on the band's periods.
                let p = route.probability, half = 1.96 * (p * (1 - p) / Double(max(fit.periods, 1))).squareRoot()
                rows.append([name, route.route, "\(route.exits)", Self.format(p * 100) + "%",
                             "\(Self.format(max(0, p - half) * 100))-\(Self.format(min(1, p + half) * 100))%",
                             route.quantiles.count > 2 ? Self.format(route.quantiles[10][1]) : "past 18"])
            }
            rows.append([name, "(periods, median years in care)", "\(fit.periods)", "", "", fit.medianYears.map(Self.format) ?? "over \(Self.format(Double(spells[b].map(\.days).max() ?? 0) / ScenarioModel.daysPerYear))"])
        }
        report.table(["age band at entry", "route", "exits", "probability", "95% interval", "median years"], rows)
        let share = fosterAt18 > 0 ? Self.round(Double(stayingPut) / Double(fosterAt18), 4) : base.stayingPutShare
        report.line("Staying put: \(stayingPut) of \(fosterAt18) young people leaving foster care at 18 in the window stayed put (E17): \(Self.percent(stayingPut, of: fosterAt18)). Time with adopters before an adoption order: median \(Self.format(Self.median(adopterWeeks) ?? base.placedForAdoptionWeeks)) weeks (\(adopterWeeks.count) adoptions); with parents before going home: median \(Self.format(Self.median(parentWeeks) ?? base.placedWithParentsWeeks)) weeks (\(parentWeeks.count)).")
        return Exits(byAgeBand: byBand, stayingPutShare: share, stayingPutUntilAge: base.stayingPutUntilAge,
                     placedForAdoptionWeeks: Self.round(Self.median(adopterWeeks) ?? base.placedForAdoptionWeeks, 1),
                     placedWithParentsWeeks: Self.round(Self.median(parentWeeks) ?? base.placedWithParentsWeeks, 1),
                     source: "\(source): periods of care in the files (those begun before \(format903Date(history.coverage.lowerBound)) with delayed entry), censored at \(format903Date(options.asAt)); routes from REC (age18 for endings on or after the 18th birthday, censored here because the model caps time in care at 18); staying put as the share of foster leavers at 18 with REC E17, \(period); weeks with adopters or parents before leaving, medians over \(period).")
    }

    /// Planned moves between kinds of placement and breakdowns within a kind, per year in them.
    private func movesSection(source: String, report: inout Report) -> (changes: [String: [String: [String: Double]]], breakdowns: [PlacementKind: (overall: Double, byBand: [String: Double])], source: String) {
        let needs = PlacementNeed.allCases.count
        var needDays = [[Double]](repeating: [Double](repeating: 0, count: needs), count: bands.count)
        var kindDays = [[Double]](repeating: [Double](repeating: 0, count: PlacementKind.allCases.count), count: bands.count)
        var moves = [[[Int]]](repeating: [[Int]](repeating: [Int](repeating: 0, count: needs), count: needs), count: bands.count)
        var breakdowns = [[Int]](repeating: [Int](repeating: 0, count: PlacementKind.allCases.count), count: bands.count)
        let after = CalendarDate(dayNumber: options.asAt.dayNumber + 1)
        for child in history.children {
            guard let birth = child.birthDate else { continue }
            let bandStarts = bands.map { birth.addingMonths(12 * $0.from) }, bandEnds = bands.map { birth.addingMonths(12 * $0.to) }
            for period in child.periods {
                for (k, placement) in period.placements.enumerated() {
                    // Exposure inside the window, split at birthdays.
                    let from = max(placement.start, windowStart), to = min(placement.end ?? after, after)
                    if from < to {
                        for b in bands.indices {
                            let days = min(to, bandEnds[b]).dayNumber - max(from, bandStarts[b]).dayNumber
                            guard days > 0 else { continue }
                            needDays[b][Self.need(placement.category).index] += Double(days)
                            kindDays[b][Self.kind(placement.category).index] += Double(days)
                        }
                    }
                    guard k + 1 < period.placements.count else { continue }
                    let next = period.placements[k + 1]
                    guard window.contains(next.start), let band = band(of: child, on: next.start) else { continue }
                    let a = Self.need(placement.category), z = Self.need(next.category)
                    let finalMove = (z == .placedForAdoption && period.exitRoute == .adoption) || (z == .placedWithParents && period.exitRoute == .returnHome)
                    if finalMove { continue }  // the model moves children to adopters and parents by their exit route
                    if a == z { breakdowns[band][Self.kind(placement.category).index] += 1 } else { moves[band][a.index][z.index] += 1 }
                }
            }
        }
        var changes = [String: [String: [String: Double]]]()
        var rows: [[String]] = []
        for b in bands.indices {
            for a in PlacementNeed.allCases {
                let years = needDays[b][a.index] / ScenarioModel.daysPerYear
                for z in PlacementNeed.allCases where moves[b][a.index][z.index] > 0 && years > 0 {
                    let n = moves[b][a.index][z.index]
                    changes[bands[b].name, default: [:]][a.rawValue, default: [:]][z.rawValue] = Self.round(Double(n) / years, 4)
                    rows.append([bands[b].name, "\(a.rawValue) -> \(z.rawValue)", "\(n)", Self.format(years), Self.format(Double(n) / years), Self.rateInterval(n, years)])
                }
            }
        }
        var rates = [PlacementKind: (overall: Double, byBand: [String: Double])]()
        var breakdownRows: [[String]] = []
        for kind in PlacementKind.allCases where kind != .emergency {
            let n = bands.indices.map { breakdowns[$0][kind.index] }.reduce(0, +)
            let years = bands.indices.map { kindDays[$0][kind.index] }.reduce(0, +) / ScenarioModel.daysPerYear
            guard years >= 1 else { continue }
            var byBand = [String: Double]()
            for b in bands.indices where kindDays[b][kind.index] / ScenarioModel.daysPerYear >= 1 {
                byBand[bands[b].name] = Self.round(Double(breakdowns[b][kind.index]) / (kindDays[b][kind.index] / ScenarioModel.daysPerYear), 4)
            }
            rates[kind] = (Self.round(Double(n) / years, 4), byBand)
            breakdownRows.append([kind.rawValue, "\(n)", Self.format(years), Self.format(Double(n) / years), Self.rateInterval(n, years)])
        }
        report.section("Moves", "Placement changes \(period): a change to another kind of placement is a planned move (rate a year in the kind left, by age band at the move); a change within a kind is a breakdown. Moves to adopters or parents by children whose care then ended by adoption or going home are the model's final moves, set by the exit route, and are not counted here. Which moves were planned and which broke down is not in the files: a breakdown that ended in another kind of placement counts as a planned move, and a need met by a substitute (no foster place, so a children's home) counts as that kind's need.")
        report.table(["age band", "planned move", "moves", "years in care", "a year", "95% interval"], rows)
        report.table(["placement type", "breakdowns", "years in care", "a year", "95% interval"], breakdownRows)
        return (changes, rates, "Planned moves: \(source), \(period): changes to another kind of placement per year in the kind left, by age band.")
    }

    /// Supply sized to the placements in use on the as-at date, with 15% headroom.
    private func supplySection(stock: [PlacementKind: Int], geography: Geography, locations: [PlacementKind: [String: Double]]?,
                               source: String, report: inout Report) -> Supply {
        var supply = options.base.supply
        let inside = geography.areas.filter(\.insideLA).map(\.name)
        /// Whole counts spread over areas by the shares of `kind`'s placements inside the LA (equally without them).
        func spread(_ total: Int, _ kind: PlacementKind) -> [(area: String, count: Int)] {
            let shares = locations?[kind]?.filter { inside.contains($0.key) } ?? [:]
            let weights = inside.map { shares.isEmpty ? 1.0 : shares[$0, default: 0] }
            let sum = weights.reduce(0, +)
            var counts = weights.map { Int((Double(total) * $0 / sum).rounded(.down)) }
            // Largest remainders first, so the counts total exactly.
            while counts.reduce(0, +) < total {
                let remainder = weights.indices.map { Double(total) * weights[$0] / sum - Double(counts[$0]) }
                counts[remainder.indices.max { (remainder[$0], -$0) < (remainder[$1], -$1) }!] += 1
            }
            return zip(inside, counts).filter { $0.1 > 0 }.map { ($0.0, $0.1) }
        }
        let unavailable = supply.inHouseFoster.unavailableShare
        let fostered = stock[.inHouseFoster, default: 0]
        // The council's own carers and homes are sized to what is in use, without headroom: the
        // model fills them first (they cost least), so spare places there would draw children
        // away from agency carers and external homes that the files show in use.
        let places = Int((Double(fostered) / (1 - unavailable)).rounded(.up))
        let households = (places + 1) / 2
        let profile = HouseholdProfile(places: 2, minAge: 0, maxAge: 18, needs: options.base.needs, siblingCapacity: 2)
        supply.inHouseFoster.households = spread(households, .inHouseFoster).map { HouseholdGroup(area: $0.area, count: $0.count, profile: profile) }
        supply.inHouseFoster.newHouseholds = profile
        // A deregistering household keeps its children until they move on, so its places stay in
        // use for about a placement's length (Little's law: in use / placements ended a year).
        // Approvals replace the places that actually leave: rate x households / (1 + rate x length).
        let ended = history.children.reduce(0) { sum, child in
            sum + child.periods.reduce(0) { $0 + $1.placements.filter { $0.category == .inHouseFoster && $0.end.map(window.contains) == true }.count }
        }
        let rate = supply.inHouseFoster.deregistrationRatePerYear
        let placementYears = ended > 0 ? Double(fostered) / (Double(ended) / windowYears) : 0
        let approvals = Self.round(Double(households) * rate / (1 + rate * placementYears), 1)
        supply.inHouseFoster.approvalsPerYear = [approvals]
        let beds = stock[.inHouseResidential, default: 0]
        // Homes of four beds, the last with what remains.
        supply.inHouseResidential.homes = spread((beds + 3) / 4, .inHouseResidential).flatMap { Array(repeating: ResidentialHome(area: $0.area, beds: 4), count: $0.count) }
        if beds % 4 != 0, let last = supply.inHouseResidential.homes.indices.last { supply.inHouseResidential.homes[last].beds = beds % 4 }
        func capacity(_ kind: PlacementKind) -> Int { Int((Double(stock[kind, default: 0]) * 1.15).rounded(.up)) + 2 }
        supply.markets.agencyFoster.capacity = capacity(.agencyFoster)
        supply.markets.externalResidential.capacity = capacity(.externalResidential)
        supply.markets.supportedAccommodation.capacity = capacity(.supportedAccommodation)
        if let locations {
            // Where each market's places were on the as-at date; equally inside the LA where none were.
            let equal = Dictionary(uniqueKeysWithValues: inside.map { ($0, 1 / Double(inside.count)) })
            supply.markets.agencyFoster.locations = locations[.agencyFoster] ?? equal
            supply.markets.externalResidential.locations = locations[.externalResidential] ?? equal
            supply.markets.supportedAccommodation.locations = locations[.supportedAccommodation] ?? equal
        }
        supply.source = "Sized to the SSDA903 files \(options.dataName): the placements in use on \(format903Date(options.asAt)): the council's own foster places (allowing for the unavailable share) and children's home beds as in use, because the model fills them first and spare places there would move children away from agency carers and external homes; markets with 15% headroom; households of two places taking any child, spread over the areas inside the LA; approvals replacing the places deregistrations take out of use (a deregistering household keeps its children until they move on, for about an in-house placement's mean length). Replace with the council's own carers, homes and commissioned capacity."
        report.section("Supply (a starting point)", supply.source!)
        report.table(["supply", "size"], [
            ["in-house foster households (2 places each)", "\(households)"], ["approvals a year", Self.format(approvals)],
            ["in-house foster placements ended a year; mean length (years)", "\(Self.format(Double(ended) / windowYears)); \(Self.format(placementYears))"],
            ["in-house children's home beds", "\(supply.inHouseResidential.homes.count * 4)"],
            ["agency foster places", "\(supply.markets.agencyFoster.capacity)"], ["external children's home places", "\(supply.markets.externalResidential.capacity)"],
            ["supported accommodation places", "\(supply.markets.supportedAccommodation.capacity)"],
        ])
        return supply
    }
}
