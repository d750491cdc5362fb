import Foundation
import Sufficiency

/// A sweep's results: each outcome against the levers' values, median with P10-P90, as a table,
/// tidy CSV, JSON, Markdown and HTML with one chart per outcome.
public struct SweepReport: Sendable {
    /// One setting of the levers and its run.
    public struct Row: Sendable {
        public let values: [Double]
        public let result: MonteCarloResult
        public init(values: [Double], result: MonteCarloResult) { self.values = values; self.result = result }
    }

    public let scenario: String
    public let levers: [String]
    public let rows: [Row]
    /// The financial year the table and charts show.
    public let year: Int
    public let provenance: Provenance
    /// A target whose probability each setting reports (as goal-seek counts it).
    public let target: Target?

    public init(scenario: String, levers: [String], rows: [Row], year: Int, provenance: Provenance, target: Target? = nil) {
        self.scenario = scenario; self.levers = levers; self.rows = rows; self.year = year; self.provenance = provenance; self.target = target
    }

    private func chance(_ row: Row) -> Proportion? { target?.probability(row.result, year: year) }

    /// The outcomes shown: (metric, plain label, scale, decimals, percent).
    static let outcomes: [(metric: String, label: String, scale: Double, decimals: Int, percent: Bool)] = [
        ("childrenLookedAfter", "children in care (year end)", 1, 0, false),
        ("childrenWaiting", "children waiting (year end)", 1, 0, false),
        ("childDaysWaiting", "child-days waiting in the year", 1, 0, false),
        ("substitutions", "placements other than the one needed", 1, 0, false),
        ("shareOver20Miles", "placed over 20 miles (year end)", 100, 0, true),
        ("totalCost", "cost in the year, £m", 1e-6, 2, false),
    ]

    private var yearLabel: String { rows.first?.result.financialYearLabel(year) ?? "" }

    private func summary(_ metric: String, _ row: Row) -> MetricSummary {
        MetricSummary(row.result.values(of: metric, year: year) ?? [])
    }

    private static func number(_ v: Double) -> String { v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)" }

    /// One line per setting: the levers' values, then each outcome as median (P10-P90).
    public func table() -> TextTable {
        let extra = target.map { ["P(\($0))"] } ?? []
        var table = TextTable(header: levers + extra + Self.outcomes.map(\.label), rightAligned: Set(0..<(levers.count + extra.count + Self.outcomes.count)))
        for row in rows {
            let p = chance(row).map { c in [String(format: "%.0f%% (%.0f-%.0f%%)", c.value * 100, c.interval.low * 100, c.interval.high * 100)] } ?? []
            table.rows.append(row.values.map(Self.number) + p + Self.outcomes.map { o in
                RunSummary.range(summary(o.metric, row), scale: o.scale, decimals: o.decimals, suffix: o.percent ? "%" : "")
            })
        }
        return table
    }

    /// Tidy CSV: the levers' values, year, metric, statistic, value; every financial-year metric
    /// and the year-end level of every monthly metric, in every year.
    public func csv() -> String {
        var csv = CSVWriter(header: levers + ["year", "months", "metric", "statistic", "value"])
        for row in rows {
            let r = row.result
            for y in r.financialYears.indices {
                for metric in r.catalog.financialYear {
                    for (statistic, value) in RunSummary.statistics(MetricSummary(r.values(of: metric, year: y) ?? [])) {
                        csv.append(row.values.map(Self.number) + [r.financialYears[y], String(r.financialYearMonths[y]), metric, statistic, RunSummary.number(value)])
                    }
                }
                for metric in r.catalog.monthly {
                    for (statistic, value) in RunSummary.statistics(MetricSummary(r.values(of: metric, year: y) ?? [])) {
                        csv.append(row.values.map(Self.number) + [r.financialYears[y], String(r.financialYearMonths[y]), metric, statistic, RunSummary.number(value)])
                    }
                }
            }
        }
        return csv.text
    }

    public func document() -> JSONValue {
        .object([
            ("schemaVersion", .integer(1)),
            ("scenario", .string(scenario)),
            ("levers", .array(levers.map(JSONValue.string))),
            ("year", .string(yearLabel)),
            ("provenance", provenance.json),
            ("target", target.map { .string($0.description) } ?? .null),
            ("settings", .array(rows.map { row in
                .object([("values", .array(row.values.map(JSONValue.number))),
                         ("targetProbability", chance(row).map { .number($0.value) } ?? .null),
                         ("outcomes", .object(Self.outcomes.map { o in (o.metric, RunSummary.summaryObject(summary(o.metric, row))) }))])
            })),
        ])
    }

    private var note: String {
        "Every setting ran the same \(provenance.replications) replications (seed \(provenance.seed)): the same children arrive in each, "
            + "so differences between rows come from the levers, not chance. Medians with the P10-P90 range, in \(yearLabel)."
    }

    public func markdown() -> String {
        "# Sweep: \(scenario), \(levers.joined(separator: " and "))\n\n\(note)\n\n" + ReportDocument.markdownTable(table())
            + "\n- \(ReportDocument.provenanceLine(provenance, name: scenario))\n"
    }

    public func html() -> String {
        var body = "<h1>Sweep: \(SVGChart.escape(scenario)), \(SVGChart.escape(levers.joined(separator: " and ")))</h1>\n"
        body += "<p class=\"lede\">\(SVGChart.escape(note))</p>\n"
        // The first lever runs along the axis; each value of the others is a line of its own.
        let xs = Array(Set(rows.map { $0.values[0] })).sorted()
        let groups = Dictionary(grouping: rows) { $0.values.dropFirst().map(Self.number).joined(separator: ", ") }
        for o in Self.outcomes {
            let series = groups.keys.sorted().enumerated().map { k, key -> SVGChart.Series in
                let line = xs.map { x in groups[key]!.first { $0.values[0] == x } }
                let s = line.map { $0.map { summary(o.metric, $0) } }
                return .init(label: key.isEmpty ? scenario : "\(levers.dropFirst().joined(separator: ", ")) = \(key)",
                             color: SVGChart.palette[k % SVGChart.palette.count],
                             median: s.map { ($0?.p50 ?? .nan) * o.scale / (o.percent ? 100 : 1) },
                             low: s.map { ($0?.p10 ?? .nan) * o.scale / (o.percent ? 100 : 1) },
                             high: s.map { ($0?.p90 ?? .nan) * o.scale / (o.percent ? 100 : 1) })
            }
            body += "<h2>\(SVGChart.escape(o.label.prefix(1).uppercased() + o.label.dropFirst()))</h2>\n<figure>"
                + SVGChart.lines(title: "\(o.label) by \(levers[0].split(separator: ".").last ?? "") (median, P10-P90)", dates: xs.map(Self.number), series: series,
                                 percent: o.percent, labelEvery: max(1, xs.count / 10))
                + "</figure>\n"
        }
        body += "<h2>Table</h2>\n" + ReportDocument.htmlTable(table())
        body += "<h2>Provenance</h2>\n<p>\(SVGChart.escape(ReportDocument.provenanceLine(provenance, name: scenario)))</p>\n"
        return ReportDocument.page(title: "Sweep: \(scenario)", body: body)
    }
}
