import Foundation
import Sufficiency

/// Tracking for the steering group: each quarter's actual children in care against an earlier
/// forecast's bands, a short on-track table, and the forecast's charts with the actual line.
public struct TrackReport: Sendable {
    public let forecast: String
    public let data: String
    public let points: [ForecastPoint]
    public let notes: [String]

    public init(forecast: String, data: String, points: [ForecastPoint], notes: [String]) {
        self.forecast = forecast; self.data = data; self.points = points; self.notes = notes
    }

    /// `on track` within P10-P90, `off track: above` or `off track: below`.
    public static func status(_ p: ForecastPoint) -> String {
        p.position.within80 ? "on track" : "off track: \(p.position.label)"
    }

    private var metrics: [String] {
        var order: [String] = []
        for p in points where !order.contains(p.metric) { order.append(p.metric) }
        return order
    }

    /// The steering group's table: each metric at the latest quarter, and how many quarters fell
    /// outside the band.
    public func table() -> TextTable {
        var table = TextTable(header: ["metric", "latest quarter", "actual", "forecast median (P10-P90)", "status", "percentile", "quarters off track"],
                              rightAligned: [2, 5, 6])
        for metric in metrics {
            let line = points.filter { $0.metric == metric }
            let last = line.last!
            table.rows.append([BacktestReport.label(metric), last.period, BacktestReport.number(last.actual),
                               "\(BacktestReport.number(last.forecast.p50)) (\(BacktestReport.number(last.forecast.p10))-\(BacktestReport.number(last.forecast.p90)))",
                               Self.status(last), last.position.percentileLabel, "\(line.filter { !$0.position.within80 }.count) of \(line.count)"])
        }
        return table
    }

    /// Every quarter, one row each.
    public func csv() -> String {
        var csv = CSVWriter(header: ["date", "quarterAhead", "metric", "actual", "p5", "p10", "p50", "p90", "p95", "status", "percentile"])
        for p in points {
            csv.append([p.period, "\(p.quarterAhead ?? 0)", p.metric, JSONValue.format(p.actual), JSONValue.format(p.forecast.p5), JSONValue.format(p.forecast.p10),
                        JSONValue.format(p.forecast.p50), JSONValue.format(p.forecast.p90), JSONValue.format(p.forecast.p95), Self.status(p), p.position.percentileLabel])
        }
        return csv.text
    }

    public func document() -> JSONValue {
        .object([
            ("schemaVersion", .integer(1)), ("forecast", .string(forecast)), ("data", .string(data)),
            ("quarters", .array(points.map { p in
                .object([("date", .string(p.period)), ("quarterAhead", .integer(p.quarterAhead ?? 0)), ("metric", .string(p.metric)),
                         ("actual", .number(p.actual)), ("p5", .number(p.forecast.p5)), ("p10", .number(p.forecast.p10)), ("p50", .number(p.forecast.p50)),
                         ("p90", .number(p.forecast.p90)), ("p95", .number(p.forecast.p95)), ("status", .string(Self.status(p))),
                         ("percentile", .string(p.position.percentileLabel))])
            })),
            ("notes", .array(notes.map { .string($0) })),
        ])
    }

    private var lede: String {
        "Each quarter's actual children in care, from \(data), against the forecast \(forecast) as it was published. "
            + "On track: inside the forecast's P10-P90 band; off track: above or below it. The percentile is interpolated between the published ones (P5, P10, P50, P90, P95). "
            + "In a well-calibrated forecast about 1 quarter in 5 is off track by chance alone; several in a row on one side is a signal."
    }

    public func markdown() -> String {
        "# Tracking: \(forecast)\n\n\(lede)\n\n" + ReportDocument.markdownTable(table())
            + notes.map { "\n- \($0)" }.joined() + "\n\nAggregate counts only.\n"
    }

    public func html() -> String {
        var body = "<h1>Tracking: \(SVGChart.escape(forecast))</h1>\n<p class=\"lede\">\(SVGChart.escape(lede))</p>\n"
        body += "<h2>On track?</h2>\n" + ReportDocument.htmlTable(table())
        if !notes.isEmpty { body += "<ul>" + notes.map { "<li>\(SVGChart.escape($0))</li>" }.joined() + "</ul>\n" }
        body += "<h2>Charts</h2>\n"
        for metric in metrics {
            body += "<figure>" + BacktestReport.fan(title: "\(BacktestReport.label(metric)): forecast and actual", points.filter { $0.metric == metric }) + "</figure>\n"
        }
        body += "<p>Aggregate counts only.</p>\n"
        return ReportDocument.page(title: "Tracking: \(forecast)", body: body)
    }
}
