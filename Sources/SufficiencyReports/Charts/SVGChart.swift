import Foundation

/// Small inline SVG charts for reports: no scripts, no fonts or images from the network, readable
/// on screen and in print.
public enum SVGChart {
    /// A series drawn as a P10-P90 band with a median line (a fan chart), or a line alone.
    public struct Series: Sendable {
        public var label: String
        public var color: String
        public var median: [Double]
        public var low: [Double]?
        public var high: [Double]?
        /// Drawn dashed and thinner, so that a line on top of another (a variant equal to the
        /// baseline) leaves the one below visible.
        public var dashed: Bool

        public init(label: String, color: String, median: [Double], low: [Double]? = nil, high: [Double]? = nil, dashed: Bool = false) {
            self.label = label; self.color = color; self.median = median; self.low = low; self.high = high; self.dashed = dashed
        }
    }

    public static let palette = ["#1f5fa8", "#c8511b", "#2b8a3e", "#7b3fa0", "#b8860b", "#0e7c86", "#a61e4d", "#495057", "#e8590c", "#5c940d"]

    static let width = 720.0, plotHeight = 280.0
    static let left = 64.0, right = 36.0, top = 36.0, bottom = 48.0
    static let legendRow = 18.0

    /// Lines (with optional bands) over monthly dates; x labels once a year.
    /// Lines over `dates` (or any labels: `labelEvery` says which are written under the axis).
    /// `yMax` fixes the top of the scale, so that charts of one metric for several scenarios
    /// share one axis.
    public static func lines(title: String, dates: [String], series: [Series], percent: Bool = false, labelEvery: Int = 12, yMax: Double? = nil) -> String {
        let values = series.flatMap { $0.median + ($0.low ?? []) + ($0.high ?? []) }.filter(\.isFinite)
        let (lo, hi, ticks) = scale(min: min(0, values.min() ?? 0), max: yMax ?? values.max() ?? 1)
        let n = max(dates.count - 1, 1)
        func x(_ i: Int) -> Double { left + (width - left - right) * Double(i) / Double(n) }
        func y(_ v: Double) -> Double { top + (plotHeight - top - bottom) * (1 - (v - lo) / max(hi - lo, 1e-12)) }
        let legendItems = series.map { ($0.label, $0.color, $0.low != nil) }
        var svg = open(title: title, legendRows: legendRows(legendItems))
        svg += grid(ticks: ticks, y: y, percent: percent)
        for (i, date) in dates.enumerated() where i % max(labelEvery, 1) == 0 {
            svg += "<text x=\"\(f(x(i)))\" y=\"\(f(plotHeight - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(String(date.prefix(10))))</text>"
        }
        for s in series {
            // A value that is not a number (a suppressed small count) leaves a gap.
            if let low = s.low, let high = s.high {
                for run in runs(high.indices.filter { low[$0].isFinite && high[$0].isFinite }) {
                    let upper = run.map { "\(f(x($0))),\(f(y(high[$0])))" }
                    let lower = run.reversed().map { "\(f(x($0))),\(f(y(low[$0])))" }
                    svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(s.color)\" fill-opacity=\"0.18\" stroke=\"none\"/>"
                }
            }
            for run in runs(s.median.indices.filter { s.median[$0].isFinite }) {
                let points = run.map { "\(f(x($0))),\(f(y(s.median[$0])))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"\(s.dashed ? 2 : 3)\"\(s.dashed ? " stroke-dasharray=\"7 4\"" : "")/>"
            }
        }
        svg += legend(legendItems)
        return svg + "</svg>"
    }

    /// Consecutive positions split into unbroken runs: [0, 1, 2, 5, 6] -> [[0, 1, 2], [5, 6]].
    static func runs(_ positions: [Int]) -> [[Int]] {
        var out: [[Int]] = []
        for p in positions {
            if let last = out.last?.last, last == p - 1 { out[out.count - 1].append(p) } else { out.append([p]) }
        }
        return out
    }

    /// Bars of medians with P10-P90 whiskers, grouped by category (financial years).
    public static func bars(title: String, categories: [String], series: [Series], unit: String = "") -> String {
        let values = series.flatMap { $0.median + ($0.high ?? []) }.filter(\.isFinite)
        let (lo, hi, ticks) = scale(min: 0, max: values.max() ?? 1)
        func y(_ v: Double) -> Double { top + (plotHeight - top - bottom) * (1 - (v - lo) / max(hi - lo, 1e-12)) }
        let groupWidth = (width - left - right) / Double(max(categories.count, 1))
        let barWidth = groupWidth * 0.7 / Double(max(series.count, 1))
        let legendItems = series.map { ($0.label, $0.color, false) }
        var svg = open(title: title, legendRows: legendRows(legendItems))
        svg += grid(ticks: ticks, y: y, percent: false, unit: unit)
        for (c, category) in categories.enumerated() {
            let x0 = left + groupWidth * Double(c) + groupWidth * 0.15
            svg += "<text x=\"\(f(left + groupWidth * (Double(c) + 0.5)))\" y=\"\(f(plotHeight - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(category))</text>"
            for (k, s) in series.enumerated() where c < s.median.count && s.median[c].isFinite {
                let x = x0 + barWidth * Double(k)
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y(s.median[c])))\" width=\"\(f(barWidth * 0.92))\" height=\"\(f(max(0, y(lo) - y(s.median[c]))))\" fill=\"\(s.color)\" fill-opacity=\"0.8\"/>"
                if let low = s.low, let high = s.high {
                    let mid = x + barWidth * 0.46
                    svg += "<line x1=\"\(f(mid))\" x2=\"\(f(mid))\" y1=\"\(f(y(low[c])))\" y2=\"\(f(y(high[c])))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                    svg += "<line x1=\"\(f(mid - 5))\" x2=\"\(f(mid + 5))\" y1=\"\(f(y(low[c])))\" y2=\"\(f(y(low[c])))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                    svg += "<line x1=\"\(f(mid - 5))\" x2=\"\(f(mid + 5))\" y1=\"\(f(y(high[c])))\" y2=\"\(f(y(high[c])))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
                }
            }
        }
        svg += legend(legendItems)
        return svg + "</svg>"
    }

    // MARK: - Parts

    private static func open(title: String, legendRows: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(plotHeight + Double(legendRows) * legendRow))\" role=\"img\" aria-label=\"\(escape(title))\">"
            + "<title>\(escape(title))</title>"
            + "<text x=\"\(Int(left))\" y=\"20\" class=\"chart-title\">\(escape(title))</text>"
    }

    private static func grid(ticks: [Double], y: (Double) -> Double, percent: Bool, unit: String = "") -> String {
        ticks.map { tick in
            let label = percent ? String(format: "%.0f%%", tick * 100) : axisLabel(tick) + unit
            return "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(tick)))\" y2=\"\(f(y(tick)))\" stroke=\"#ddd\"/>"
                + "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\" class=\"tick\">\(label)</text>"
        }.joined()
    }

    /// Legend items laid out left to right, wrapping onto new rows below the plot.
    private static func legendLayout(_ items: [(String, String, Bool)]) -> [(x: Double, row: Int)] {
        var x = left, row = 0, out: [(Double, Int)] = []
        for (label, _, band) in items {
            let itemWidth = 28 + Double(label.count) * 6.5 + (band ? 110 : 0)
            if x + itemWidth > width - right && x > left {
                x = left
                row += 1
            }
            out.append((x, row))
            x += itemWidth + 12
        }
        return out
    }

    private static func legendRows(_ items: [(String, String, Bool)]) -> Int { (legendLayout(items).map(\.row).max() ?? 0) + 1 }

    private static func legend(_ items: [(String, String, Bool)]) -> String {
        var out = ""
        for ((label, color, band), place) in zip(items, legendLayout(items)) {
            let y = plotHeight - 16 + Double(place.row) * legendRow
            out += "<rect x=\"\(f(place.x))\" y=\"\(f(y))\" width=\"14\" height=\"8\" fill=\"\(color)\" fill-opacity=\"\(band ? 0.5 : 0.9)\"/>"
            out += "<text x=\"\(f(place.x + 18))\" y=\"\(f(y + 8))\" class=\"tick\">\(escape(label))\(band ? " (median, P10-P90)" : "")</text>"
        }
        return out
    }

    /// A range from 0 (or below) to a round number above the maximum, with 4-6 round ticks.
    static func scale(min lower: Double, max upper: Double) -> (Double, Double, [Double]) {
        let span = Swift.max(upper - lower, 1e-9)
        let raw = span / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let lo = (lower / step).rounded(.down) * step, hi = (upper / step).rounded(.up) * step
        let ticks = stride(from: lo, through: hi + step / 2, by: step).map { $0 }
        return (lo, Swift.max(hi, lo + step), ticks)
    }

    static func axisLabel(_ v: Double) -> String {
        if abs(v) >= 1e6 { return String(format: "%.1fm", v / 1e6).replacingOccurrences(of: ".0m", with: "m") }
        if abs(v) >= 1e4 { return String(format: "%.0fk", v / 1e3) }
        return v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    private static func f(_ v: Double) -> String { String(format: "%.1f", v) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
