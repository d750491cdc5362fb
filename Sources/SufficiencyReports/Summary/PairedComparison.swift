import Foundation
import Sufficiency

/// A variant against the baseline, replication by replication: both ran on the same seed, so
/// replication r of each saw the same children and the differences are paired.
public struct PairedComparison: Sendable {
    public let baseline: RunSummary
    public let variant: RunSummary

    public init(baseline: RunSummary, variant: RunSummary) {
        self.baseline = baseline
        self.variant = variant
    }

    /// A paired difference (variant - baseline) across replications.
    public struct Difference: Sendable, Equatable {
        public let mean: Double
        /// 95% interval for the mean difference (normal approximation, paired sd / sqrt(n)).
        public let low: Double
        public let high: Double
        /// Share of replications in which the variant is lower than the baseline.
        public let probabilityLower: Double

        init(_ differences: [Double]) {
            let n = Double(differences.count)
            let average = differences.reduce(0, +) / max(n, 1)
            let variance = differences.reduce(0) { $0 + ($1 - average) * ($1 - average) } / max(n - 1, 1)
            let half = 1.96 * (variance / max(n, 1)).squareRoot()
            mean = average
            low = average - half
            high = average + half
            probabilityLower = Double(differences.filter { $0 < 0 }.count) / max(n, 1)
        }
    }

    /// Per financial year: total cost difference.
    public func costDifference(year: Int) -> Difference {
        let metric = baseline.result.catalog.financialIndex("totalCost")!
        return Difference(zip(variant.result.financialValues(metric, year: year), baseline.result.financialValues(metric, year: year)).map { $0 - $1 })
    }

    /// Per financial year: the difference in a monthly metric averaged over the year's snapshots.
    public func yearAverageDifference(_ name: String, year: Int) -> Difference {
        let metric = baseline.result.catalog.monthlyIndex(name)!
        let snapshots = snapshotsIn(year: year)
        func average(_ run: MonteCarloResult, _ r: Int) -> Double {
            snapshots.map { run.replications[r].monthly(metric, $0) }.reduce(0, +) / Double(max(snapshots.count, 1))
        }
        return Difference((0..<baseline.result.replications.count).map { average(variant.result, $0) - average(baseline.result, $0) })
    }

    /// The snapshots taken during a financial year.
    func snapshotsIn(year: Int) -> [Int] {
        let model = baseline.result.model
        let start = model.financialYearStartDays[year]
        let end = year + 1 < model.financialYearStartDays.count ? model.financialYearStartDays[year + 1] : model.horizonDays + 1
        return model.snapshotDays.indices.filter { model.snapshotDays[$0] >= start && model.snapshotDays[$0] < end }
    }

    /// The comparison as JSON: per year, the paired differences and probabilities.
    public func document() -> JSONValue {
        .object([
            ("baseline", .string(baseline.name)),
            ("variant", .string(variant.name)),
            ("financialYears", .array(baseline.result.financialYears.indices.map { year in
                let cost = costDifference(year: year), waiting = yearAverageDifference("childrenWaiting", year: year)
                let far = yearAverageDifference("shareOver20Miles", year: year)
                return .object([
                    ("year", .string(baseline.result.financialYears[year])),
                    ("totalCostDifference", Self.json(cost)),
                    ("childrenWaitingDifference", Self.json(waiting)),
                    ("shareOver20MilesDifference", Self.json(far)),
                    ("probabilityCostsLess", .number(cost.probabilityLower)),
                    ("probabilityFewerWaiting", .number(waiting.probabilityLower)),
                    ("probabilityFewerOver20Miles", .number(far.probabilityLower)),
                ])
            })),
        ])
    }

    static func json(_ d: Difference) -> JSONValue {
        .object([("mean", .number(d.mean)), ("low95", .number(d.low)), ("high95", .number(d.high))])
    }
}
