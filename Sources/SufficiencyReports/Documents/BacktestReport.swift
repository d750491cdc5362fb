import Foundation
import Sufficiency

/// A backtest for people and programs: how close the forecasts came, how often the bands held
/// the actual values, and whether the model beat the naive forecasts; with a fan chart per origin
/// and metric, the actual line drawn over it.
public struct BacktestReport: Sendable {
    public let data: String
    public let origins: [ForecastOrigin]
    public let points: [ForecastPoint]
    public let horizonYears: Int
    /// Years of history each calibration took its rates from.
    public let rateYears: Int
    public let replications: Int
    public let seed: UInt64
    public let version: String

    public init(data: String, origins: [ForecastOrigin], points: [ForecastPoint], horizonYears: Int, rateYears: Int, replications: Int, seed: UInt64,
                version: String) {
        self.data = data; self.origins = origins; self.points = points; self.horizonYears = horizonYears; self.rateYears = rateYears
        self.replications = replications; self.seed = seed; self.version = version
    }

    /// What coverage means, in plain English.
    public static let coverageMeaning = "If the bands are honest, about 8 in 10 actual values fall inside the P10-P90 band and about 9 in 10 inside P5-P95. "
        + "Much less means the bands are too narrow: the forecasts were more certain than they had a right to be. Much more means the bands are wider than they need to be."

    /// A metric in plain English.
    public static func label(_ metric: String) -> String {
        if metric == "childrenLookedAfter" { return "Children in care" }
        if metric == "entries" { return "Entries to care (a year)" }
        if metric == "exits" { return "Exits from care (a year)" }
        let parts = metric.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return metric }
        switch parts[0] {
        case "byCategory":
            return parts[1] == "other" ? "Other arrangements (emergency placements included)" : PlacementKind(rawValue: parts[1])?.label ?? parts[1]
        case "byAgeBand": return "Children in care aged \(parts[1])"
        case "exitsByRoute":
            let route = ["returnHome": "returned home", "adoption": "adopted", "specialGuardianship": "special guardianship order",
                         "other": "other routes", "age18": "at 18"][parts[1]] ?? parts[1]
            return "Exits: \(route) (a year)"
        default: return metric
        }
    }

    private static func percent(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0 * 100) } ?? "-" }
    /// A count to one decimal place, as tables show it.
    static func number(_ v: Double) -> String { RunSummary.number((v * 10).rounded() / 10) }

    /// Accuracy by family (and all points) at each year ahead.
    public func table(byMetric: Bool = false) -> TextTable {
        var table = TextTable(header: ["metric", "years ahead", "points", "MAPE", "persistence MAPE", "trend MAPE", "beats naive",
                                       "mean error", "within P10-P90", "within P5-P95"], rightAligned: [1, 2, 3, 4, 5, 7, 8, 9])
        for row in ForecastAccuracy.rows(points, byMetric: byMetric) {
            let a = row.accuracy
            table.rows.append([byMetric ? Self.label(row.group) : row.group, row.yearAhead.map(String.init) ?? "all", "\(a.points)",
                               Self.percent(a.mape), Self.percent(a.persistenceMAPE), Self.percent(a.trendMAPE),
                               a.beatsNaive.map { $0 ? "yes" : "no" } ?? "-", Self.number(a.meanError),
                               Self.percent(a.coverage80), Self.percent(a.coverage90)])
        }
        return table
    }

    /// The origins and what calibration found at each.
    public func originTable() -> TextTable {
        var table = TextTable(header: ["origin", "children in care", "entries a year", "entry trend a year"], rightAligned: [1, 2, 3])
        for o in origins {
            table.rows.append([o.date.iso, "\(o.childrenInCare)", Self.number(o.entriesPerYear), String(format: "%+.1f%%", o.trendPerYear * 100)])
        }
        return table
    }

    /// The result in words: coverage overall, and where the model does and does not beat the naive forecasts.
    public var headline: String {
        let all = ForecastAccuracy(points)
        var text = String(format: "Across %d points (%d origin%@, up to %d year%@ ahead), %.0f%% of actual values fell within the P10-P90 band and %.0f%% within P5-P95.",
                          all.points, origins.count, origins.count == 1 ? "" : "s", horizonYears, horizonYears == 1 ? "" : "s",
                          all.coverage80 * 100, all.coverage90 * 100)
        let rows = ForecastAccuracy.rows(points).filter { $0.group != "all" && $0.yearAhead != nil }
        let lost = rows.filter { $0.accuracy.beatsNaive == false }
        if lost.isEmpty {
            text += " The model's median was at least as accurate (MAPE) as the better naive forecast for every group of metrics and horizon."
        } else {
            text += " The model's median was less accurate (MAPE) than the better naive forecast for: "
                + lost.map { "\($0.group), \($0.yearAhead!) year\($0.yearAhead! == 1 ? "" : "s") ahead" }.joined(separator: "; ") + "."
        }
        return text
    }

    // MARK: - Files

    /// `points.csv`: tidy, one value a row.
    public func pointsCSV() -> String {
        var csv = CSVWriter(header: ["origin", "metric", "period", "quarterAhead", "yearAhead", "series", "value"])
        for p in points {
            let series: [(String, Double)] = [("actual", p.actual), ("p5", p.forecast.p5), ("p10", p.forecast.p10), ("p50", p.forecast.p50),
                                              ("p90", p.forecast.p90), ("p95", p.forecast.p95), ("persistence", p.persistence), ("trend", p.trend)]
            for (name, value) in series {
                csv.append([p.origin.iso, p.metric, p.period, p.quarterAhead.map(String.init) ?? "", "\(p.yearAhead)", name, JSONValue.format(value)])
            }
        }
        return csv.text
    }

    /// `accuracy.csv`: tidy, by family and by metric, at each year ahead and over all.
    public func accuracyCSV() -> String {
        var csv = CSVWriter(header: ["group", "yearAhead", "statistic", "value"])
        for row in ForecastAccuracy.rows(points) + ForecastAccuracy.rows(points, byMetric: true) {
            for (name, value) in Self.statistics(row.accuracy) {
                csv.append([row.group, row.yearAhead.map(String.init) ?? "all", name, value.map(JSONValue.format) ?? ""])
            }
        }
        return csv.text
    }

    private static func statistics(_ a: ForecastAccuracy) -> [(String, Double?)] {
        [("points", Double(a.points)), ("mape", a.mape), ("persistenceMAPE", a.persistenceMAPE), ("trendMAPE", a.trendMAPE),
         ("meanAbsoluteError", a.meanAbsoluteError), ("meanError", a.meanError), ("coverage80", a.coverage80), ("coverage90", a.coverage90)]
    }

    /// `backtest.json`.
    public func document() -> JSONValue {
        func accuracy(_ rows: [ForecastAccuracy.Row]) -> JSONValue {
            .array(rows.map { row in
                .object([("group", .string(row.group)), ("yearAhead", row.yearAhead.map { .integer($0) } ?? .null)]
                    + Self.statistics(row.accuracy).map { ($0.0, $0.1.map { .number($0) } ?? .null) }
                    + [("beatsNaive", row.accuracy.beatsNaive.map { .bool($0) } ?? .null)])
            })
        }
        return .object([
            ("schemaVersion", .integer(1)), ("data", .string(data)), ("version", .string(version)),
            ("horizonYears", .integer(horizonYears)), ("replications", .integer(replications)), ("seed", .string(String(seed))),
            ("origins", .array(origins.map { o in
                .object([("date", .string(o.date.iso)), ("childrenInCare", .integer(o.childrenInCare)),
                         ("entriesPerYear", .number(o.entriesPerYear)), ("trendPerYear", .number(o.trendPerYear))])
            })),
            ("accuracy", accuracy(ForecastAccuracy.rows(points))), ("accuracyByMetric", accuracy(ForecastAccuracy.rows(points, byMetric: true))),
            ("points", .array(points.map { p in
                .object([("origin", .string(p.origin.iso)), ("metric", .string(p.metric)), ("period", .string(p.period)),
                         ("quarterAhead", p.quarterAhead.map { .integer($0) } ?? .null), ("yearAhead", .integer(p.yearAhead)),
                         ("actual", .number(p.actual)), ("p5", .number(p.forecast.p5)), ("p10", .number(p.forecast.p10)),
                         ("p50", .number(p.forecast.p50)), ("p90", .number(p.forecast.p90)), ("p95", .number(p.forecast.p95)),
                         ("persistence", .number(p.persistence)), ("trend", .number(p.trend)),
                         ("position", .string(p.position.label)), ("percentile", .string(p.position.percentileLabel))])
            })),
        ])
    }

    private var method: String {
        "For each origin the model was calibrated from the files up to that day only (rates from the \(rateYears) years before it), "
            + "run \(replications) times (seed \(seed)) for \(horizonYears) years, and set against what the same files show afterwards: children in care "
            + "at each quarter's end (in all, by placement category and by age band) and entries and exits by route in each collection year. "
            + "MAPE is the mean absolute percentage error of the forecast's median (points whose actual is 0 are left out of it). "
            + "The naive forecasts: persistence (the value at the origin, or in the year before it) and trend (the least-squares line through the last three years, carried forward)."
    }

    public func markdown() -> String {
        var md = "# Backtest: \(data)\n\n\(headline)\n\n\(Self.coverageMeaning)\n\n\(method)\n\n"
        md += "## Accuracy and coverage\n\n" + ReportDocument.markdownTable(table())
        md += "\n## By metric, all horizons\n\n" + ReportDocument.markdownTable(onlyAllHorizons(table(byMetric: true)))
        md += "\n## Origins\n\n" + ReportDocument.markdownTable(originTable())
        md += "\n- Sufficiency \(version), \(replications) replications, seed \(seed). Aggregate counts only.\n"
        return md
    }

    private func onlyAllHorizons(_ table: TextTable) -> TextTable {
        var t = table
        t.rows = t.rows.filter { $0[1] == "all" }
        return t
    }

    public func html() -> String {
        var body = "<h1>Backtest: \(SVGChart.escape(data))</h1>\n<p class=\"headline\">\(SVGChart.escape(headline))</p>\n"
        body += "<p class=\"lede\">\(SVGChart.escape(Self.coverageMeaning))</p>\n<p>\(SVGChart.escape(method))</p>\n"
        body += "<h2>Accuracy and coverage</h2>\n" + ReportDocument.htmlTable(table())
        body += "<h2>By metric, all horizons</h2>\n" + ReportDocument.htmlTable(onlyAllHorizons(table(byMetric: true)))
        body += "<h2>Origins</h2>\n" + ReportDocument.htmlTable(originTable())
        body += "<h2>Fan charts</h2>\n<p>Each chart is one origin: the forecast's median with its P10-P90 and P5-P95 bands, and the actual values drawn over them.</p>\n"
        var metrics: [String] = []
        for p in points where !metrics.contains(p.metric) { metrics.append(p.metric) }
        for metric in metrics {
            body += "<h3>\(SVGChart.escape(Self.label(metric)))</h3>\n"
            for origin in origins {
                let line = points.filter { $0.metric == metric && $0.origin == origin.date }
                guard !line.isEmpty else { continue }
                body += "<figure>" + Self.fan(title: "\(Self.label(metric)), from \(origin.date.iso)", line) + "</figure>\n"
            }
        }
        body += "<h2>Provenance</h2>\n<p>Sufficiency \(SVGChart.escape(version)), \(replications) replications, seed \(seed); data \(SVGChart.escape(data)). Aggregate counts only.</p>\n"
        return ReportDocument.page(title: "Backtest: \(data)", body: body)
    }

    /// One origin's fan for one metric, with the actual line. A stock starts at the origin,
    /// where forecast and actual are the same count.
    static func fan(title: String, _ line: [ForecastPoint]) -> String {
        let isStock = line[0].quarterAhead != nil
        let start = isStock ? [line[0].persistence] : []
        let labels = (isStock ? [line[0].origin.iso] : []) + line.map(\.period)
        let nan = [Double](repeating: .nan, count: labels.count)
        return SVGChart.lines(title: title, dates: labels, series: [
            .init(label: "P5-P95", color: SVGChart.palette[0], median: nan, low: start + line.map(\.forecast.p5), high: start + line.map(\.forecast.p95)),
            .init(label: "forecast median, P10-P90", color: SVGChart.palette[0], median: start + line.map(\.forecast.p50),
                  low: start + line.map(\.forecast.p10), high: start + line.map(\.forecast.p90)),
            .init(label: "actual", color: "#1b1b1b", median: start + line.map(\.actual)),
        ], labelEvery: isStock ? 4 : 1)
    }
}
