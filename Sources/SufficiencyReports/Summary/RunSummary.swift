import Sufficiency

/// The numbers of one scenario run as people and spreadsheets read them: summaries of every
/// metric, the steering group's table, and tidy CSV.
public struct RunSummary: Sendable {
    public let result: MonteCarloResult
    public let provenance: Provenance
    /// Small numbers hidden in every output made from this summary.
    public let suppression: Suppression

    public init(result: MonteCarloResult, provenance: Provenance, suppression: Suppression = .none) {
        self.result = result
        self.provenance = provenance
        self.suppression = suppression
        result.summariseAll()
    }

    /// A monthly metric's summary on every snapshot, small counts hidden as `suppression` says.
    public func monthlySummary(_ name: String) -> [MetricSummary] {
        result.monthlySummary(result.catalog.monthlyIndex(name)!).map { suppression.apply($0, metric: name) }
    }

    /// A monthly metric's summary on one snapshot, small counts hidden as `suppression` says.
    public func monthlySummary(_ name: String, snapshot: Int) -> MetricSummary {
        suppression.apply(result.monthlySummary(result.catalog.monthlyIndex(name)!)[snapshot], metric: name)
    }

    /// A financial-year metric's summary in every year, small counts hidden as `suppression` says.
    public func financialSummary(_ name: String) -> [MetricSummary] {
        result.financialSummary(result.catalog.financialIndex(name)!).map { suppression.apply($0, metric: name) }
    }

    public var name: String { result.model.scenario.name }

    // MARK: - summary.json

    /// The `summary.json` document (also `--format json` on standard output).
    public func document() -> JSONValue {
        let catalog = result.catalog, dates = result.snapshotDates
        let metrics: [(String, JSONValue)] = catalog.monthly.map { name in
            (name, .array(monthlySummary(name).enumerated().map { snapshot, summary in
                Self.summaryObject(summary, leading: [("date", .string(dates[snapshot]))])
            }))
        }
        let summaries = catalog.financialYear.map { financialSummary($0) }
        let years: [JSONValue] = result.financialYears.enumerated().map { year, label in
            var members: [(String, JSONValue)] = [("year", .string(label)), ("months", .integer(result.financialYearMonths[year]))]
            // Dotted names nest: exitsByRoute.returnHome, gaps.ageBand.10to15.childDaysWaiting.
            for (index, name) in catalog.financialYear.enumerated() {
                Self.insert(Self.summaryObject(summaries[index][year]), at: name.split(separator: ".").map(String.init)[...], into: &members)
            }
            return .object(members)
        }
        return .object([
            ("schemaVersion", .integer(1)),
            ("scenario", .string(name)),
            ("seed", .number(Double(result.seed))),
            ("replications", .integer(result.replications.count)),
            ("ageBands", .array(result.model.scenario.ageBands.map { .object([("name", .string($0.name)), ("from", .integer($0.from)), ("to", .integer($0.to))]) })),
            ("provenance", provenance.json),
            ("suppressedBelow", suppression.below > 0 ? .integer(suppression.below) : .null),
            ("metrics", .object(metrics)),
            ("financialYears", .array(years)),
        ])
    }

    /// Puts `value` at a key path in ordered JSON members, creating objects on the way.
    static func insert(_ value: JSONValue, at path: ArraySlice<String>, into members: inout [(String, JSONValue)]) {
        guard let key = path.first else { return }
        guard path.count > 1 else { members.append((key, value)); return }
        if let at = members.firstIndex(where: { $0.0 == key }), case var .object(inner) = members[at].1 {
            insert(value, at: path.dropFirst(), into: &inner)
            members[at].1 = .object(inner)
        } else {
            var inner: [(String, JSONValue)] = []
            insert(value, at: path.dropFirst(), into: &inner)
            members.append((key, .object(inner)))
        }
    }

    static func summaryObject(_ s: MetricSummary, leading: [(String, JSONValue)] = []) -> JSONValue {
        .object(leading + [("mean", .number(s.mean)), ("sd", .number(s.sd)), ("p5", .number(s.p5)), ("p10", .number(s.p10)),
                           ("p50", .number(s.p50)), ("p90", .number(s.p90)), ("p95", .number(s.p95))])
    }

    // MARK: - CSV

    /// `monthly.csv`, tidy: one line per date, metric and statistic.
    public func monthlyCSV(scenarioColumn: Bool = false) -> String {
        var csv = CSVWriter(header: (scenarioColumn ? ["scenario"] : []) + ["date", "metric", "statistic", "value"])
        appendMonthly(to: &csv, scenarioColumn: scenarioColumn)
        return csv.text
    }

    func appendMonthly(to csv: inout CSVWriter, scenarioColumn: Bool) {
        let dates = result.snapshotDates
        for name in result.catalog.monthly {
            for (snapshot, summary) in monthlySummary(name).enumerated() {
                for (statistic, value) in Self.statistics(summary) {
                    csv.append((scenarioColumn ? [self.name] : []) + [dates[snapshot], name, statistic, Self.number(value)])
                }
            }
        }
    }

    /// `financial-years.csv`, tidy: one line per year, metric and statistic. Money in pounds at each
    /// year's prices.
    public func financialYearsCSV(scenarioColumn: Bool = false) -> String {
        var csv = CSVWriter(header: (scenarioColumn ? ["scenario"] : []) + ["year", "months", "metric", "statistic", "value"])
        appendFinancialYears(to: &csv, scenarioColumn: scenarioColumn)
        return csv.text
    }

    func appendFinancialYears(to csv: inout CSVWriter, scenarioColumn: Bool) {
        for name in result.catalog.financialYear {
            for (year, summary) in financialSummary(name).enumerated() {
                for (statistic, value) in Self.statistics(summary) {
                    csv.append((scenarioColumn ? [self.name] : []) + [result.financialYears[year], String(result.financialYearMonths[year]), name, statistic,
                                                                       Self.number(value)])
                }
            }
        }
    }

    static func statistics(_ s: MetricSummary) -> [(String, Double)] {
        [("mean", s.mean), ("sd", s.sd), ("p5", s.p5), ("p10", s.p10), ("p50", s.p50), ("p90", s.p90), ("p95", s.p95)]
    }

    /// Numbers in CSV: up to six decimals, no trailing zeros; a hidden small count (NaN) as the marker.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return Suppression.marker }
        guard value.isFinite else { return "" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    // MARK: - The steering group's table

    /// Per financial year: children in care at the year's end, where they live, who waits, distance
    /// and cost, as medians with the P10-P90 range.
    public func steeringTable() -> TextTable {
        var table = TextTable(header: ["year", "children in care", "in-house foster", "agency foster", "residential", "waiting",
                                       "over 20 miles", "cost £m"], rightAligned: Set(1...7))
        let ends = result.yearEndSnapshots
        func level(_ name: String, _ snapshot: Int, percent: Bool = false) -> String {
            let s = monthlySummary(name, snapshot: snapshot)
            return percent ? Self.range(s, scale: 100, decimals: 0, suffix: "%") : Self.range(s, scale: 1, decimals: 0)
        }
        let cost = financialSummary("totalCost")
        for year in result.financialYears.indices {
            let snapshot = ends[year]
            table.rows.append([result.financialYearLabel(year), level("childrenLookedAfter", snapshot), level("inHouseFosterPlacements", snapshot),
                               level("agencyFosterPlacements", snapshot), level("residentialPlacements", snapshot),
                               level("childrenWaiting", snapshot), level("shareOver20Miles", snapshot, percent: true),
                               Self.range(cost[year], scale: 1e-6, decimals: 1)])
        }
        return table
    }

    /// A financial-year metric summed over the whole horizon, replication by replication.
    public func horizonTotal(_ metric: String) -> MetricSummary {
        let index = result.catalog.financialIndex(metric)!
        let years = result.financialYears.count
        return MetricSummary(result.replications.map { r in
            var total = 0.0  // summed in year order, as a reduce would, without an array a replication
            for year in 0..<years { total += r.financial(index, year) }
            return total
        })
    }

    /// Cost by placement type, £m: the median in each financial year, and over the whole horizon
    /// the median with its P10-P90 range; staying put, recruitment and the total below.
    public func costTable() -> TextTable {
        let years = result.financialYears.indices
        var table = TextTable(header: ["cost, £m"] + years.map(result.financialYearLabel) + ["whole horizon"], rightAligned: Set(1...(years.count + 1)))
        func row(_ label: String, _ metric: String) -> [String] {
            let s = financialSummary(metric)
            return [label] + years.map { String(format: "%.2f", s[$0].p50 / 1e6) } + [Self.range(horizonTotal(metric), scale: 1e-6, decimals: 2)]
        }
        for kind in PlacementKind.allCases { table.rows.append(row(kind.label, "costByType.\(kind.rawValue)")) }
        table.rows.append(row("Staying put allowances", "stayingPutCost"))
        table.rows.append(row("Recruiting foster carers", "recruitmentCost"))
        table.rows.append(row("Total", "totalCost"))
        return table
    }

    /// Gaps in one financial year by the groups of one dimension (`ageBand`, `need`,
    /// `siblingGroupSize`): who waits, who is placed far away or in residential care, who gets a
    /// placement other than the one needed, and who is separated from their siblings.
    public func gapTable(dimension: String, year: Int) -> TextTable {
        let titles = ["ageBand": "age band", "need": "need", "siblingGroupSize": "sibling group size"]
        var table = TextTable(header: [titles[dimension] ?? dimension, "child-days waiting", "placed over 20 miles", "in residential care",
                                       "placements other than the one needed", "separated from siblings"], rightAligned: Set(1...5))
        for g in result.catalog.gapGroups where g.dimension == dimension {
            let base = "gaps.\(g.dimension).\(g.group)."
            func cell(_ measure: String, percent: Bool = false) -> String {
                let s = financialSummary(base + measure)[year]
                return percent ? Self.range(s, scale: 100, decimals: 0, suffix: "%") : Self.range(s, scale: 1, decimals: 0)
            }
            table.rows.append([Self.words(g.group), cell("childDaysWaiting"), cell("shareOver20Miles", percent: true), cell("shareInResidential", percent: true),
                               cell("substitutions"), cell("separatedFromSiblings")])
        }
        return table
    }

    /// A scenario's name for a group in words: `parentAndChild` -> "parent and child", `10to15` ->
    /// "10 to 15", `under1` -> "under 1".
    static func words(_ name: String) -> String {
        var out = ""
        for (i, ch) in name.enumerated() {
            let previous = i > 0 ? Array(name)[i - 1] : nil
            if let previous, (ch.isUppercase && previous.isLowercase) || (ch.isLetter != previous.isLetter) { out += " " }
            out += ch.isUppercase ? ch.lowercased() : String(ch)
        }
        return out
    }

    /// `median (p10-p90)`; a hidden small count as the marker.
    static func range(_ s: MetricSummary, scale: Double, decimals: Int, suffix: String = "") -> String {
        func text(_ v: Double) -> String { v.isNaN ? Suppression.marker : String(format: "%.\(decimals)f", v * scale) }
        return text(s.p50) + (s.p50.isNaN ? "" : suffix) + " (" + text(s.p10) + "-" + text(s.p90) + ")"
    }
}

import Foundation
