import Foundation
import Sufficiency

/// The written report of a run or a comparison, as Markdown (`report.md`) and as one
/// self-contained HTML file (`report.html`, inline SVG, nothing loaded from the network).
public struct ReportDocument: Sendable {
    /// The scenarios: the first is the baseline when comparing.
    public let runs: [RunSummary]
    /// Each variant against the baseline (empty for a plain run).
    public let comparisons: [PairedComparison]

    public init(runs: [RunSummary], comparisons: [PairedComparison] = []) {
        self.runs = runs
        self.comparisons = comparisons
    }

    private var title: String {
        comparisons.isEmpty ? "Sufficiency forecast: \(runs[0].name)"
            : "Sufficiency comparison: \(runs.map(\.name).joined(separator: " vs "))"
    }

    // MARK: - Markdown

    /// The note that says which numbers are hidden, when any are.
    private var suppressionNote: String? {
        let below = runs[0].suppression.below
        guard below > 0 else { return nil }
        return "Counts of children from 1 to \(below - 1) are shown as \(Suppression.marker) (suppressed for publication); charts leave them as gaps."
    }

    public func markdown() -> String {
        var out = "# \(title)\n\n"
        if let note = suppressionNote { out += note + "\n\n" }
        for run in runs {
            let p = run.provenance
            out += "## \(run.name)\n\n"
            if !run.result.model.scenario.description.isEmpty { out += run.result.model.scenario.description + "\n\n" }
            out += Self.tableNote(replications: p.replications) + "\n\n"
            out += Self.markdownTable(run.steeringTable())
            out += "\n" + Self.costNote + "\n\n" + Self.markdownTable(run.costTable()) + "\n"
        }
        for run in runs {
            let year = run.result.financialYears.count - 1
            out += "## Gaps by group: \(run.name), \(run.result.financialYearLabel(year))\n\n\(Self.gapNote)\n\n"
            for dimension in Self.gapDimensions { out += Self.markdownTable(run.gapTable(dimension: dimension, year: year)) + "\n" }
        }
        for comparison in comparisons {
            out += "## \(comparison.variant.name) against \(comparison.baseline.name)\n\n"
            out += comparison.headline + "\n\n" + Self.comparisonNote + "\n\n"
            out += Self.markdownTable(Self.differenceTable(comparison)) + "\n"
        }
        out += "## Scenarios and their assumptions\n\n"
        for run in runs {
            out += "### \(run.name)\n\n"
            let scenario = run.result.model.scenario
            if !scenario.description.isEmpty { out += scenario.description + "\n\n" }
            out += Self.markdownTable(Self.assumptionTable(scenario)) + "\n"
        }
        out += "## Provenance\n\n"
        for run in runs { out += "- " + Self.provenanceLine(run) + "\n" }
        return out
    }

    static func markdownTable(_ table: TextTable) -> String {
        var out = "| " + table.header.joined(separator: " | ") + " |\n"
        out += "|" + table.header.indices.map { table.rightAligned.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in table.rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }

    /// How to read a forecast table.
    static func tableNote(replications: Int) -> String {
        "Forecast by financial year: median, with the P10-P90 range across \(replications) replications in brackets. "
            + "Levels are at each year's end; cost is the year's total at that year's prices."
    }

    /// How to read a comparison table.
    static let costNote = "Cost by placement type, £m at each year's prices: the median in each financial year (medians of parts need not "
        + "add up to the median total), and over the whole horizon the median with its P10-P90 range."

    static let gapDimensions = ["ageBand", "need", "siblingGroupSize"]
    static let gapNote = "Who the shortfalls fall on, in the last year: median (P10-P90) across replications. Child-days waiting in emergency "
        + "placements; the shares of the group's child-days in care spent placed over 20 miles from home and in children's homes; "
        + "placements of a kind other than the one the child needed; children placed apart from the siblings they came into care with. "
        + "A child counts in the age band of their age at the time."

    static let comparisonNote = "Paired differences, variant minus baseline (both saw the same children in each replication). "
        + "The mean with its 95% interval says how well the average effect is known; P10 to P90 says how much the effect varies "
        + "from one possible future to another; the chances are the shares of futures in which the variant is lower, the same or higher."

    /// Everything needed to reproduce a run, in one sentence.
    static func provenanceLine(_ run: RunSummary) -> String { provenanceLine(run.provenance, name: run.name) }

    static func provenanceLine(_ p: Provenance, name: String) -> String {
        "\(name): sufficiency \(p.version), seed \(p.seed), \(p.replications) replications, scenario file "
            + "\(p.scenarioFile) (SHA-256 \(p.scenarioSHA256))"
    }

    /// Per year and over the whole horizon: cost, child-days waiting and distance differences,
    /// each as the mean with its 95% interval, the P10 to P90 of the paired differences, and the
    /// chances that the variant is lower, the same or higher.
    public static func differenceTable(_ c: PairedComparison) -> TextTable {
        var table = TextTable(header: ["year", "cost £m: mean (95%)", "cost £m: P10 to P90", "P(cost lower/same/higher)",
                                       "child-days waiting: mean (95%)", "P(fewer/same/more)", "over 20 miles, pts: mean (95%)", "P(fewer/same/more)"],
                              rightAligned: Set(1...7))
        let years = c.baseline.result.financialYears
        for year in Array(years.indices).map(Optional.some) + [nil] {
            let cost = c.difference(.totalCost, year: year), waiting = c.difference(.childDaysWaiting, year: year)
            let far = c.difference(.shareOver20Miles, year: year)
            table.rows.append([
                year.map { c.baseline.result.financialYearLabel($0) } ?? "all years",
                Self.interval(cost, scale: 1e-6, decimals: 2),
                String(format: "%+.2f to %+.2f", cost.p10 * 1e-6, cost.p90 * 1e-6),
                Self.chances(cost),
                Self.interval(waiting, scale: 1, decimals: 0),
                Self.chances(waiting),
                Self.interval(far, scale: 100, decimals: 1),
                Self.chances(far),
            ])
        }
        return table
    }

    /// `lower% / same% / higher%`.
    static func chances(_ d: PairedComparison.Difference) -> String {
        String(format: "%.0f / %.0f / %.0f%%", d.probabilityLower * 100, d.probabilitySame * 100, d.probabilityHigher * 100)
    }

    static func interval(_ d: PairedComparison.Difference, scale: Double, decimals: Int, suffix: String = "") -> String {
        let f = "%+.\(decimals)f"
        return String(format: f, d.mean * scale) + suffix + " (" + String(format: f, d.low * scale) + " to " + String(format: f, d.high * scale) + ")"
    }

    /// The assumptions that move the forecast most, with their values and the source the file
    /// gives for each (`source` of the section it sits in).
    static func assumptionTable(_ s: Scenario) -> TextTable {
        func n(_ v: Double, _ decimals: Int = 0) -> String { String(format: "%.\(decimals)f", v) }
        func money(_ kind: PlacementKind) -> String { "£" + n(s.placementTypes[kind].weeklyCost) + " a week" }
        let f = s.supply.inHouseFoster, m = s.supply.markets
        let households = f.households.map(\.count).reduce(0, +), places = f.households.map { $0.count * $0.profile.places }.reduce(0, +)
        let approvals = f.approvalsPerYear.map { n($0) }.joined(separator: ", ")
        let rows: [(String, String, String?)] = [
            ("Children in care at the start", String(s.initialChildren.children?.count ?? s.initialChildren.byAgeBand.values.reduce(0, +)), s.initialChildren.source),
            ("Children entering care a year", n(s.entries.ratePerYear.values.reduce(0, +)) + (s.entries.trendPerYear == 0 ? "" : ", changing \(n(s.entries.trendPerYear * 100, 1))% a year"), s.entries.source),
            ("Entrants whose family or friends can care for them", n(s.entries.kinshipAvailable * 100) + "%", s.entries.source),
            ("Council foster households (places) at the start", "\(households) (\(places))", f.source ?? s.supply.source),
            ("New council foster households a year", approvals, f.source ?? s.supply.source),
            ("Council foster households leaving a year", n(f.deregistrationRatePerYear * 100) + "% of households", f.source ?? s.supply.source),
            ("Council children's home beds", String(s.supply.inHouseResidential.homes.map(\.beds).reduce(0, +)), s.supply.inHouseResidential.source ?? s.supply.source),
            ("Agency foster places available", String(m.agencyFoster.capacity), m.agencyFoster.source ?? s.supply.source),
            ("Private children's home places available", String(m.externalResidential.capacity), m.externalResidential.source ?? s.supply.source),
            ("Supported accommodation places available", String(m.supportedAccommodation.capacity), m.supportedAccommodation.source ?? s.supply.source),
            ("Weekly cost: council foster care", money(.inHouseFoster), s.placementTypes.source),
            ("Weekly cost: agency foster care", money(.agencyFoster), s.placementTypes.source),
            ("Weekly cost: private children's home", money(.externalResidential), s.placementTypes.source),
            ("Weekly cost: supported accommodation", money(.supportedAccommodation), s.placementTypes.source),
            ("Weekly cost: emergency or unregistered", money(.emergency), s.placementTypes.source),
            ("Young people staying put at 18", n(s.exits.stayingPutShare * 100) + "%", s.exits.source),
            ("Price inflation a year", n(s.costs.inflationPerYear * 100, 1) + "%", s.costs.source),
        ]
        var table = TextTable(header: ["assumption", "value", "source"], rightAligned: [])
        // A source shared with the row above is said once.
        table.rows = rows.enumerated().map { i, row in
            let source = row.2 ?? "not given in the scenario file"
            return [row.0, row.1, i > 0 && (rows[i - 1].2 ?? "not given in the scenario file") == source ? "as above" : source]
        }
        return table
    }

    // MARK: - HTML

    public func html() -> String {
        var body = "<h1>\(SVGChart.escape(title))</h1>\n"
        body += "<p class=\"lede\">Medians with the P10-P90 range across replications. The shaded band holds 8 in 10 simulated futures.</p>\n"
        if let note = suppressionNote { body += "<p class=\"lede\">\(SVGChart.escape(note))</p>\n" }
        let dates = runs[0].result.snapshotDates
        func fan(_ name: String) -> [SVGChart.Series] {
            runs.enumerated().map { k, run in
                let s = run.monthlySummary(name)
                return .init(label: run.name, color: SVGChart.palette[k % SVGChart.palette.count], median: s.map(\.p50),
                             low: s.map(\.p10), high: s.map(\.p90), dashed: k > 0)
            }
        }
        body += section("Children in care", SVGChart.lines(title: "Children looked after", dates: dates, series: fan("childrenLookedAfter")))
        // Every placement type, one chart per scenario on one shared axis.
        let mixes = runs.map { run in
            PlacementKind.allCases.enumerated().map { k, kind in
                SVGChart.Series(label: kind.label, color: SVGChart.palette[k % SVGChart.palette.count],
                                median: run.monthlySummary("\(kind.rawValue)Placements").map(\.p50))
            }
        }
        let mixTop = mixes.flatMap { $0.flatMap(\.median) }.filter(\.isFinite).max() ?? 1
        for (run, series) in zip(runs, mixes) {
            body += section("Placement mix: \(run.name)", SVGChart.lines(title: "Children by placement type (medians): \(run.name)", dates: dates,
                                                                         series: series, yMax: mixTop))
        }
        body += section("Children waiting", SVGChart.lines(title: "Children waiting in emergency placements", dates: dates, series: fan("childrenWaiting")))
        let costs = runs.enumerated().map { k, run -> SVGChart.Series in
            let s = run.financialSummary("totalCost")
            return .init(label: run.name, color: SVGChart.palette[k % SVGChart.palette.count], median: s.map(\.p50), low: s.map(\.p10), high: s.map(\.p90))
        }
        body += section("Cost per financial year", SVGChart.bars(title: "Total cost per financial year, pounds (median, P10-P90)",
                                                                 categories: runs[0].result.financialYears.indices.map(runs[0].result.financialYearLabel), series: costs))
        body += section("Distance", SVGChart.lines(title: "Share of children placed more than 20 miles from home", dates: dates,
                                                   series: fan("shareOver20Miles"), percent: true))
        for run in runs {
            body += "<h2>Forecast by financial year: \(SVGChart.escape(run.name))</h2>\n"
            body += "<p>\(SVGChart.escape(Self.tableNote(replications: run.provenance.replications)))</p>\n"
            body += Self.htmlTable(run.steeringTable())
            body += "<p>\(SVGChart.escape(Self.costNote))</p>\n" + Self.htmlTable(run.costTable())
        }
        for run in runs {
            let year = run.result.financialYears.count - 1
            body += "<h2>Gaps by group: \(SVGChart.escape(run.name)), \(SVGChart.escape(run.result.financialYearLabel(year)))</h2>\n"
            body += "<p>\(SVGChart.escape(Self.gapNote))</p>\n"
            for dimension in Self.gapDimensions { body += Self.htmlTable(run.gapTable(dimension: dimension, year: year)) }
        }
        for comparison in comparisons {
            body += "<h2>\(SVGChart.escape(comparison.variant.name)) against \(SVGChart.escape(comparison.baseline.name))</h2>\n"
            body += "<p class=\"headline\">\(SVGChart.escape(comparison.headline))</p>\n<p>\(SVGChart.escape(Self.comparisonNote))</p>\n"
            body += Self.htmlTable(Self.differenceTable(comparison))
        }
        body += "<h2>Scenarios and their assumptions</h2>\n"
        for run in runs {
            let scenario = run.result.model.scenario
            body += "<div class=\"keep\"><h3>\(SVGChart.escape(run.name))</h3>\n"
            if !scenario.description.isEmpty { body += "<p>\(SVGChart.escape(scenario.description))</p>\n" }
            body += Self.htmlTable(Self.assumptionTable(scenario)) + "</div>\n"
        }
        body += "<h2>Provenance</h2>\n<ul class=\"provenance\">\n"
        for run in runs { body += "<li>\(SVGChart.escape(Self.provenanceLine(run)))</li>\n" }
        body += "</ul>\n"
        return Self.page(title: title, body: body)
    }

    /// A self-contained HTML page with the reports' style (print-ready), around `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(SVGChart.escape(title))</title>
        <style>
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
        .lede { color: #444; }
        figure { margin: 1rem 0; break-inside: avoid; }
        svg.chart { width: 100%; height: auto; }
        .chart-title { font-size: 14px; font-weight: 600; fill: #1b1b1b; }
        .tick { font-size: 11px; fill: #444; }
        table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0 1rem; break-inside: avoid; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; }
        th { text-align: left; background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
        dt { font-weight: 600; } dd { margin: 0 0 0.6rem 1rem; color: #333; }
        code { font-size: 0.85em; word-break: break-all; }
        td, th { white-space: nowrap; } td.wrap { white-space: normal; min-width: 18rem; }
        p.headline { font-size: 1.02rem; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 8.5pt; }
          h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
          h2 + figure, h2 + p, h3 + p, h2 + table, h3 + table { break-before: avoid; page-break-before: avoid; }
          table { font-size: 7.5pt; } th, td { padding: 0.15rem 0.35rem; }
          tr, figure, svg, div.keep { break-inside: avoid; page-break-inside: avoid; }
        }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private func section(_ heading: String, _ svg: String) -> String {
        "<h2>\(SVGChart.escape(heading))</h2>\n<figure>\(svg)</figure>\n"
    }

    static func htmlTable(_ table: TextTable) -> String {
        var out = "<table>\n<thead><tr>" + table.header.map { "<th>\(SVGChart.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.enumerated().map { i, cell in
                // Cells keep to one line (an interval is never split); long text wraps.
                "<td\(table.rightAligned.contains(i) ? " class=\"num\"" : cell.count > 40 ? " class=\"wrap\"" : "")>\(SVGChart.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }
}
