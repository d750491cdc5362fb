import Foundation
import Sufficiency

/// A variant against the baseline, replication by replication: both ran on the same seed, so
/// replication r of each saw the same children and the differences are paired.
///
/// Three outcomes, per financial year and over the whole horizon: total cost, child-days spent
/// waiting in emergency placements, and the share placed over 20 miles (averaged over the year's
/// monthly snapshots; over the horizon, over every snapshot).
public struct PairedComparison: Sendable {
    public let baseline: RunSummary
    public let variant: RunSummary

    public init(baseline: RunSummary, variant: RunSummary) {
        self.baseline = baseline
        self.variant = variant
    }

    /// A paired difference (variant - baseline) across replications.
    public struct Difference: Sendable, Equatable {
        /// The mean difference and its 95% interval (normal approximation, paired sd / sqrt(n)):
        /// how well the average effect is known.
        public let mean: Double
        public let low: Double
        public let high: Double
        /// P10 and P90 of the differences themselves: how much the effect varies from one
        /// possible future to another (much wider than the interval of the mean).
        public let p10: Double
        public let p90: Double
        /// Shares of replications in which the variant is lower, the same (equal to within a
        /// millionth of the baseline's scale), or higher.
        public let probabilityLower: Double
        public let probabilitySame: Double
        public let probabilityHigher: Double

        init(_ differences: [Double], tolerance: Double) {
            let n = Double(differences.count)
            let average = differences.reduce(0, +) / max(n, 1)
            let variance = differences.reduce(0) { $0 + ($1 - average) * ($1 - average) } / max(n - 1, 1)
            let half = 1.96 * (variance / max(n, 1)).squareRoot()
            mean = average
            low = average - half
            high = average + half
            let sorted = differences.sorted()
            p10 = MetricSummary.percentile(sorted, 0.1)
            p90 = MetricSummary.percentile(sorted, 0.9)
            let lower = differences.filter { $0 < -tolerance }.count, higher = differences.filter { $0 > tolerance }.count
            probabilityLower = Double(lower) / max(n, 1)
            probabilityHigher = Double(higher) / max(n, 1)
            probabilitySame = Double(differences.count - lower - higher) / max(n, 1)
        }
    }

    public enum Outcome: String, CaseIterable, Sendable {
        case totalCost, childDaysWaiting, shareOver20Miles
    }

    /// The outcome's value in one replication, in `year` (nil: over the whole horizon).
    private func value(_ outcome: Outcome, _ run: MonteCarloResult, _ r: Int, year: Int?) -> Double {
        let years = year.map { [$0] } ?? Array(run.financialYears.indices)
        switch outcome {
        case .totalCost, .childDaysWaiting:
            let metric = run.catalog.financialIndex(outcome.rawValue)!
            return years.map { run.replications[r].financial(metric, $0) }.reduce(0, +)
        case .shareOver20Miles:
            let metric = run.catalog.monthlyIndex(outcome.rawValue)!
            let snapshots = years.flatMap(snapshotsIn)
            return snapshots.map { run.replications[r].monthly(metric, $0) }.reduce(0, +) / Double(max(snapshots.count, 1))
        }
    }

    /// The paired difference in an outcome in `year`, or over the whole horizon when nil.
    public func difference(_ outcome: Outcome, year: Int?) -> Difference {
        let n = baseline.result.replications.count
        let base = (0..<n).map { value(outcome, baseline.result, $0, year: year) }
        let other = (0..<n).map { value(outcome, variant.result, $0, year: year) }
        let scale = max(base.map(abs).max() ?? 0, 1)
        return Difference(zip(other, base).map { $0 - $1 }, tolerance: scale * 1e-6)
    }

    /// The first financial year at whose end the variant's cumulative cost (mean, paired) has
    /// come down to the baseline's and stays there to the horizon; nil when it never does, or
    /// when it costs no more from the first year (nothing to break even from).
    public var breakEvenYear: Int? {
        let years = baseline.result.financialYears.indices
        var cumulative = 0.0, running: [Double] = []
        for year in years {
            cumulative += difference(.totalCost, year: year).mean
            running.append(cumulative)
        }
        guard let first = running.first, first > 0 else { return nil }
        guard let year = years.first(where: { y in running[y...].allSatisfy { $0 <= 0 } }) else { return nil }
        return year
    }

    /// The snapshots taken during a financial year.
    func snapshotsIn(year: Int) -> [Int] {
        let model = baseline.result.model
        let start = model.financialYearStartDays[year]
        let end = year + 1 < model.financialYearStartDays.count ? model.financialYearStartDays[year + 1] : model.horizonDays + 1
        return model.snapshotDays.indices.filter { model.snapshotDays[$0] >= start && model.snapshotDays[$0] < end }
    }

    /// The comparison in plain English, one paragraph.
    public var headline: String {
        let years = baseline.result.financialYears
        let span = "\(years.first ?? "")\(years.count > 1 ? " to \(years.last!)" : "")"
        let cost = difference(.totalCost, year: nil), waiting = difference(.childDaysWaiting, year: nil)
        let far = difference(.shareOver20Miles, year: years.count - 1)
        func money(_ v: Double) -> String { String(format: "£%.1fm", abs(v) / 1e6) }
        func signed(_ v: Double) -> String { String(format: "%@£%.1fm", v < 0 ? "-" : "+", abs(v) / 1e6) }
        var text = "From \(span), \(variant.name) "
        text += abs(cost.mean) < 0.05e6 ? "costs about the same as \(baseline.name)" : "costs \(money(cost.mean)) \(cost.mean < 0 ? "less" : "more") than \(baseline.name)"
        text += String(format: " on average (95%% interval %@ to %@); it costs less in %.0f%% of simulated futures, ", signed(cost.low), signed(cost.high), cost.probabilityLower * 100)
        text += "and in 8 futures out of 10 the difference lies between \(signed(cost.p10)) and \(signed(cost.p90)). "
        if let breakEven = breakEvenYear { text += "Its extra early costs are paid back by the end of \(years[breakEven]). " }
        text += String(format: "Child-days spent waiting in emergency placements change by %+.0f on average over the period (fewer in %.0f%% of futures, the same in %.0f%%). ",
                       waiting.mean, waiting.probabilityLower * 100, waiting.probabilitySame * 100)
        text += String(format: "In %@ the share of children placed over 20 miles from home changes by %+.1f percentage points (95%% interval %+.1f to %+.1f).",
                       years.last ?? "", far.mean * 100, far.low * 100, far.high * 100)
        return text
    }

    /// The comparison as JSON: per year and over the horizon, the paired differences.
    public func document() -> JSONValue {
        func outcomes(_ year: Int?) -> [(String, JSONValue)] {
            Outcome.allCases.map { ($0.rawValue, Self.json(difference($0, year: year))) }
        }
        return .object([
            ("baseline", .string(baseline.name)),
            ("variant", .string(variant.name)),
            ("headline", .string(headline)),
            ("breakEvenYear", breakEvenYear.map { .string(baseline.result.financialYears[$0]) } ?? .null),
            ("horizon", .object(outcomes(nil))),
            ("financialYears", .array(baseline.result.financialYears.indices.map { year in
                .object([("year", .string(baseline.result.financialYears[year]))] + outcomes(year))
            })),
        ])
    }

    static func json(_ d: Difference) -> JSONValue {
        .object([("mean", .number(d.mean)), ("low95", .number(d.low)), ("high95", .number(d.high)), ("p10", .number(d.p10)),
                 ("p90", .number(d.p90)), ("probabilityLower", .number(d.probabilityLower)), ("probabilitySame", .number(d.probabilitySame)),
                 ("probabilityHigher", .number(d.probabilityHigher))])
    }
}
