import Foundation
import Sufficiency

/// Mappings and small statistics used by the calibration.
extension CalibrationData {
    /// The model's placement type of a 903 category (`other` for other placements).
    static func kind(_ category: PlacementCategory) -> PlacementKind {
        category == .other ? .other : PlacementKind(rawValue: category.rawValue)!
    }

    /// The kind of placement a category meets.
    static func need(_ category: PlacementCategory) -> PlacementNeed { kind(category).need! }

    /// Counts as shares to four places, summing to 1 (the largest takes the rounding).
    static func shares(_ counts: [String: Int]) -> [String: Double] {
        let total = Double(counts.values.reduce(0, +))
        guard total > 0 else { return [:] }
        var out = counts.mapValues { round(Double($0) / total, 4) }
        let largest = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
        out[largest]! += 1 - out.values.reduce(0, +)
        return out.filter { $0.value > 0 }
    }

    /// The spread of councils' yearly trends in entries assumed before the files are read: a
    /// normal prior on the log growth with this standard deviation (growth beyond about +/-10% a
    /// year sustained is rare). A few years of a few hundred entries estimate a trend with a
    /// standard error of several points, so the fitted slope is shrunk toward no trend by the
    /// prior's weight, and its uncertainty is the posterior's.
    static let trendPriorStandardDeviation = 0.05

    /// The yearly growth of entries: the slope of a least-squares line through the logarithms of
    /// each whole collection year's entries in `window` (0 with fewer than two), with its standard
    /// error from the counts (a Poisson count's logarithm has variance about 1/count), shrunk
    /// toward 0 by `trendPriorStandardDeviation`. Also returns the unshrunk slope's growth and error,
    /// for the report.
    static func trend(_ byYear: [Int: Int], window: ClosedRange<CalendarDate>)
        -> (trend: Double, standardError: Double, fitted: Double, fittedError: Double, years: Int) {
        let whole = byYear.filter { year, count in
            count > 0 && CalendarDate(year: year, month: 4, day: 1) >= window.lowerBound && CalendarDate(year: year + 1, month: 3, day: 31) <= window.upperBound
        }
        guard whole.count >= 2 else { return (0, 0, 0, 0, whole.count) }
        let xs = whole.keys.map(Double.init), ys = whole.keys.map { log(Double(whole[$0]!)) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +), sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let slope = sxy / sxx
        let slopeVariance = whole.keys.map { (Double($0) - mx) * (Double($0) - mx) / Double(whole[$0]!) }.reduce(0, +) / (sxx * sxx)
        let prior = trendPriorStandardDeviation * trendPriorStandardDeviation
        let weight = prior / (prior + slopeVariance)
        let shrunk = slope * weight, shrunkError = (weight * slopeVariance).squareRoot()
        func growth(_ b: Double) -> Double { min(max(exp(b) - 1, -0.5), 0.5) }
        return (growth(shrunk), min(exp(shrunk) * shrunkError, 1), growth(slope), min(exp(slope) * slopeVariance.squareRoot(), 1), whole.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func round(_ value: Double, _ places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }

    static func format(_ value: Double) -> String { String(format: abs(value) >= 100 ? "%.0f" : "%.2f", value) }

    /// A rate's 95% interval from its Poisson count over `years`.
    static func rateInterval(_ n: Int, _ years: Double) -> String {
        let half = 1.96 * Double(n).squareRoot() / years
        return "\(format(max(0, Double(n) / years - half)))-\(format(Double(n) / years + half))"
    }

    /// `k of n` as a percentage with its 95% Wilson interval.
    static func percent(_ k: Int, of n: Int) -> String {
        guard n > 0 else { return "-" }
        let p = Double(k) / Double(n), z = 1.96, nn = Double(n)
        let centre = (p + z * z / (2 * nn)) / (1 + z * z / nn)
        let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / (1 + z * z / nn)
        return String(format: "%.1f%% (%.1f-%.1f)", p * 100, max(0, centre - half) * 100, min(1, centre + half) * 100)
    }
}

/// `calibration.md`, built section by section. Aggregates only: nothing here names a child.
struct Report {
    private var lines: [String]

    init(title: String, data: String, period: String) {
        lines = ["# \(title)", "", "Data: \(data). Rates over \(period).", ""]
    }

    mutating func section(_ title: String, _ text: String) { lines += ["## \(title)", "", text, ""] }
    mutating func line(_ text: String) { lines += [text, ""] }
    mutating func note(_ text: String) { lines += ["- \(text)"] }

    mutating func table(_ header: [String], _ rows: [[String]], caption: String? = nil) {
        if let caption { lines += [caption, ""] }
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.map { _ in "---" }.joined(separator: "|") + "|")
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
        lines.append("")
    }

    /// The data problems found, counted by DfE rule (no child ids).
    mutating func problems(_ history: CareHistory) {
        let byRule = history.problems.reduce(into: [String: Int]()) { $0[$1.rule.map { "rule \($0)" } ?? $1.message.prefix(60).description, default: 0] += 1 }
        lines += ["", "## Data problems", "",
                  "\(history.problems.count) found by `check-903` (run it for the list with lines and child ids); handled as its README section says."]
        if !byRule.isEmpty {
            lines += [""] + byRule.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "- \($0.key): \($0.value)" }
        }
        let setAside = history.summary.setAside
        if !setAside.isEmpty { lines += ["", "Rows set aside: " + setAside.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ") + "."] }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
