import Foundation
import Sufficiency

/// The check that calibration recovers what made the data: simulate a known scenario with a
/// history, write each replication as 903 files, calibrate from them, and compare the fitted
/// figures (averaged over replications) with the scenario's own; then run the first calibrated
/// scenario forward with ample supply and measure how still it holds.
public enum CalibrationRoundTrip {
    /// One compared figure.
    public struct Row: Sendable, Equatable {
        public let figure: String
        public let scenario: Double
        public let fitted: Double
        /// How far apart they may be, as said in the table: `5%`, `3 points`.
        public let tolerance: String
        public let holds: Bool
    }

    public struct Result: Sendable {
        public let recovery: [Row]
        public let stationarity: [Row]
        /// Figures the files cannot identify, and why.
        public let notIdentifiable: [String]
    }

    /// Runs the check.
    ///
    /// - Parameters:
    ///   - truth: The scenario that makes the data.
    ///   - historyYears: Years simulated before its start date; calibration uses them all, as at
    ///     the day before the start.
    ///   - replications: Simulated councils, each calibrated on its own; fitted figures are averaged.
    ///   - forwardReplications: Replications of the calibrated scenario run forward.
    /// - Throws: `SSDA903Error` or `ScenarioError` when a step cannot run.
    public static func run(_ truth: Scenario, historyYears: Int, replications: Int, seed: UInt64,
                           forwardReplications: Int, threads: Int) throws -> Result {
        let model = try ScenarioModel(validating: truth, file: "round trip")
        let asAt = CalendarDate(dayNumber: model.startDate.dayNumber - 1)
        var fits: [Scenario] = []
        for replication in 0..<replications {
            let export = try ReturnWriter.export(model, seed: seed, replication: replication, historyYears: historyYears)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-round-trip-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            for file in export.files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url)
            }
            let history = try ReturnReader.read(paths: [folder.path])
            var options = Calibrator.Options(asAt: asAt, years: historyYears, base: truth, dataName: "replication \(replication)")
            options.delayedEntry = false
            fits.append(try Calibrator.calibrate(history, options: options).scenario)
        }
        return Result(recovery: recovery(truth, fits),
                      stationarity: try stationarity(ample(fits[0]), seed: seed, replications: forwardReplications, threads: threads),
                      notIdentifiable: [
                          "Planned moves against breakdowns: the files record a change of placement, not whether it was planned; a change to another kind counts as a planned move, within a kind as a breakdown (the model's breakdowns keep the kind, so the split is exact for data the model made).",
                          "Need against supply: a child who needed foster care but was placed in a children's home for want of a place looks the same as one who needed the home. With ample supply (as here) there are no such substitutions; with a council's real data the calibrated needs include them.",
                          "Routes of children who leave at 18: their would-be route is never seen, so routes are fitted treating leaving at 18 as censoring; time in care beyond the longest seen becomes an 'other' route that lasts past 18.",
                      ])
    }

    /// The scenario with every limit on supply lifted: no substitutions, nobody waits for long.
    public static func ample(_ scenario: Scenario) -> Scenario {
        var s = scenario
        s.supply.inHouseFoster.households = s.supply.inHouseFoster.households.map { var h = $0; h.count *= 10; h.profile.needs = s.needs; h.profile.minAge = 0; h.profile.maxAge = 18; return h }
        s.supply.inHouseResidential.homes = s.supply.inHouseResidential.homes.flatMap { Array(repeating: $0, count: 10) }
        s.supply.markets.agencyFoster.capacity = max(1_000, s.supply.markets.agencyFoster.capacity * 10)
        s.supply.markets.externalResidential.capacity = max(1_000, s.supply.markets.externalResidential.capacity * 10)
        s.supply.markets.supportedAccommodation.capacity = max(1_000, s.supply.markets.supportedAccommodation.capacity * 10)
        for kind in PlacementKind.allCases where kind != .emergency {
            s.placementTypes[kind].needsMet = s.needs
            s.placementTypes[kind].minAge = 0
        }
        return s
    }

    // MARK: - Recovery

    static func recovery(_ truth: Scenario, _ fits: [Scenario]) -> [Row] {
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
        var rows: [Row] = []
        let bands = truth.ageBands
        for band in bands.map(\.name) {
            let scenario = truth.entries.ratePerYear[band, default: 0]
            let fitted = mean(fits.map { $0.entries.ratePerYear[band, default: 0] })
            rows.append(relative("entries a year, \(band)", scenario, fitted, 0.05))
        }
        for band in bands.map(\.name) {
            let scenario = routeShares(truth.exits.byAgeBand[band] ?? [])
            let fitted = fits.map { routeShares($0.exits.byAgeBand[band] ?? []) }
            for route in ["returnHome", "adoption", "specialGuardianship", "other"] where scenario[route] != nil {
                rows.append(absolute("exit route \(route), entered \(band)", scenario[route]!, mean(fitted.map { $0[route, default: 0] }), 0.03))
            }
        }
        for band in bands {
            let scenario = medianYears(truth.exits.byAgeBand[band.name] ?? [], band: band)
            let fitted = mean(fits.map { medianYears($0.exits.byAgeBand[band.name] ?? [], band: band) })
            rows.append(relative("median years in care, entered \(band.name)", scenario, fitted, 0.10))
        }
        for band in bands.map(\.name) {
            for (need, share) in (truth.placementNeeds.atEntry[band] ?? [:]).sorted(by: { $0.key < $1.key }) where share > 0 {
                rows.append(absolute("needs \(need) at entry, \(band)", share, mean(fits.map { $0.placementNeeds.atEntry[band]?[need] ?? 0 }), 0.03))
            }
        }
        for (band, byFrom) in truth.placementNeeds.changesPerYear.sorted(by: { $0.key < $1.key }) {
            for (from, byTo) in byFrom.sorted(by: { $0.key < $1.key }) {
                for (to, rate) in byTo.sorted(by: { $0.key < $1.key }) where rate > 0 {
                    let fitted = mean(fits.map { $0.placementNeeds.changesPerYear[band]?[from]?[to] ?? 0 })
                    rows.append(relative("planned moves a year, \(band) \(from) to \(to)", rate, fitted, 0.10))
                }
            }
        }
        return rows
    }

    static func relative(_ figure: String, _ scenario: Double, _ fitted: Double, _ tolerance: Double) -> Row {
        Row(figure: figure, scenario: scenario, fitted: fitted, tolerance: "\(Int((tolerance * 100).rounded()))%",
            holds: scenario == 0 ? fitted == 0 : abs(fitted / scenario - 1) <= tolerance)
    }

    static func absolute(_ figure: String, _ scenario: Double, _ fitted: Double, _ tolerance: Double) -> Row {
        Row(figure: figure, scenario: scenario, fitted: fitted, tolerance: "\(Int((tolerance * 100).rounded())) points",
            holds: abs(fitted - scenario) <= tolerance)
    }

    /// Each route's probability, `other` entries added together.
    public static func routeShares(_ routes: [Sufficiency.ExitRoute]) -> [String: Double] {
        routes.reduce(into: [:]) { $0[$1.route, default: 0] += $1.probability }
    }

    /// The median time in care of a band's entrants under a set of routes: route and duration
    /// drawn, capped at 18 for ages uniform in the band (the model's own draw), by 40,000 draws
    /// from a fixed seed.
    public static func medianYears(_ routes: [Sufficiency.ExitRoute], band: AgeBand) -> Double {
        guard !routes.isEmpty else { return 0 }
        var rng = Xoshiro256StarStar(seed: 99)
        let times = (0..<40_000).map { _ -> Double in
            let route = routes[Sampling.categorical(routes.map(\.probability), using: &rng)]
            let age = Double(band.from) + Sampling.unit(using: &rng) * Double(band.to - band.from)
            return min(route.duration.sample(using: &rng), 18 - age)
        }.sorted()
        return times[times.count / 2]
    }

    // MARK: - Stationarity

    /// Runs `scenario` forward and compares every month's placement mix, the number in care and
    /// each year's cost with the start (the cost with last year's times inflation).
    static func stationarity(_ scenario: Scenario, seed: UInt64, replications: Int, threads: Int) throws -> [Row] {
        // Stillness is a property of the point estimates: the estimate's uncertainty, drawn per
        // replication, would only add noise to the average of a few replications.
        var scenario = scenario
        scenario.entries.rateUncertainty = 0
        scenario.entries.trendUncertainty = 0
        let model = try ScenarioModel(validating: scenario, file: "calibrated, ample supply")
        let result = MonteCarloRunner.run(model, replications: replications, seed: seed, threads: threads)
        let snapshots = result.snapshotDates.count
        func mean(_ name: String, _ snapshot: Int) -> Double {
            let values = result.monthlyValues(result.catalog.monthlyIndex(name)!, snapshot: snapshot)
            return values.reduce(0, +) / Double(values.count)
        }
        var rows: [Row] = []
        let total = (0..<snapshots).map { mean("childrenLookedAfter", $0) }
        for need in PlacementNeed.allCases {
            let share = (0..<snapshots).map { s in need.kinds.map { mean("\($0.rawValue)Placements", s) }.reduce(0, +) / total[s] }
            let worst = share.max { abs($0 - share[0]) < abs($1 - share[0]) }!
            rows.append(absolute("share in \(need.rawValue), furthest month from the start", share[0], worst, 0.02))
        }
        let worstTotal = total.max { abs($0 - total[0]) < abs($1 - total[0]) }!
        rows.append(relative("children in care, furthest month from the start", total[0], worstTotal, 0.03))
        let cost = result.catalog.financialIndex("totalCost")!
        let years = (0..<result.financialYears.count).map { y in result.financialValues(cost, year: y).reduce(0, +) / Double(replications) }
        let inflation = scenario.costs.inflationPerYear
        for y in years.indices.dropFirst() where years[y - 1] > 0 {
            rows.append(relative("cost \(result.financialYears[y]) against \(result.financialYears[y - 1]) with inflation", years[y - 1] * (1 + inflation), years[y], 0.03))
        }
        return rows
    }
}
