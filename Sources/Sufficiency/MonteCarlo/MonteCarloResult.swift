import Foundation

/// The replications of one scenario run, with summaries across them.
public struct MonteCarloResult: Sendable {
    public let model: ScenarioModel
    public let catalog: MetricCatalog
    public let seed: UInt64
    /// Every replication, in index order.
    public let replications: [ReplicationResult]
    /// Each metric's summaries, computed once when first asked for (every output reads them).
    private let cache = SummaryCache()

    public init(model: ScenarioModel, catalog: MetricCatalog, seed: UInt64, replications: [ReplicationResult]) {
        self.model = model; self.catalog = catalog; self.seed = seed; self.replications = replications
    }

    /// Snapshot dates as `YYYY-MM-DD`.
    public var snapshotDates: [String] { model.snapshotDates.map(\.iso) }

    /// Financial-year labels (`2025-26`).
    public var financialYears: [String] { model.financialYearLabels }

    /// For each financial year, the snapshot at its end (the next 1 April, or the last snapshot).
    public var yearEndSnapshots: [Int] {
        model.financialYearStartDays.indices.map { year in
            let end = year + 1 < model.financialYearStartDays.count ? model.financialYearStartDays[year + 1] : model.horizonDays
            return model.snapshotDays.firstIndex { $0 >= end } ?? model.snapshotDays.count - 1
        }
    }

    /// A metric's value in one financial year in every replication: a financial-year metric's
    /// total (or share), a monthly metric's level at the year's end; nil for an unknown name.
    public func values(of metric: String, year: Int) -> [Double]? {
        if let index = catalog.financialIndex(metric) { return financialValues(index, year: year) }
        guard let index = catalog.monthlyIndex(metric) else { return nil }
        return monthlyValues(index, snapshot: yearEndSnapshots[year])
    }

    /// Months of each financial year inside the simulated period: 12, except where the period
    /// starts or ends part-way through a year (a run from 1 July has a first year of 9 months).
    public var financialYearMonths: [Int] {
        let starts = model.financialYearStartDays
        return starts.indices.map { year in
            let from = max(starts[year], 0), to = year + 1 < starts.count ? starts[year + 1] : model.horizonDays
            return Int((Double(to - from) / (ScenarioModel.daysPerYear / 12)).rounded())
        }
    }

    /// A financial year's label, with its months when it is partial: `2015-16 (9 months)`.
    public func financialYearLabel(_ year: Int) -> String {
        let months = financialYearMonths[year]
        return months < 12 ? "\(financialYears[year]) (\(months) month\(months == 1 ? "" : "s"))" : financialYears[year]
    }

    /// Events processed across all replications.
    public var events: Int { replications.reduce(0) { $0 + $1.events } }

    /// One monthly metric's values across replications on one snapshot.
    public func monthlyValues(_ metric: Int, snapshot: Int) -> [Double] {
        replications.map { $0.monthly(metric, snapshot) }
    }

    /// One financial-year metric's values across replications in one year.
    public func financialValues(_ metric: Int, year: Int) -> [Double] {
        replications.map { $0.financial(metric, year) }
    }

    /// The summary of a monthly metric on every snapshot.
    public func monthlySummary(_ metric: Int) -> [MetricSummary] {
        cache.summaries(metric) {
            summaries(positions: model.snapshotDays.count) { $0.copyMonthly(metric, into: $1, stride: $2) }
        }
    }

    /// The summary of a financial-year metric in every year.
    public func financialSummary(_ metric: Int) -> [MetricSummary] {
        cache.summaries(catalog.monthly.count + metric) {
            summaries(positions: model.financialYearLabels.count) { $0.copyFinancial(metric, into: $1, stride: $2) }
        }
    }

    /// A summary of each position (snapshot or year) of one metric: `copy` writes a replication's
    /// values at every position, `stride` apart, so each replication's block is read once and in
    /// order, not once a position (which, memory-bound, was most of a large run's serial time).
    private func summaries(positions: Int, copy: (ReplicationResult, UnsafeMutablePointer<Double>, Int) -> Void) -> [MetricSummary] {
        let count = replications.count
        guard count > 0, positions > 0 else { return (0..<positions).map { _ in MetricSummary([]) } }
        var table = [Double](repeating: 0, count: positions * count)  // [position * count + replication]
        table.withUnsafeMutableBufferPointer { table in
            for (r, replication) in replications.enumerated() { copy(replication, table.baseAddress! + r, count) }
        }
        return (0..<positions).map { MetricSummary(Array(table[($0 * count)..<(($0 + 1) * count)])) }
    }

    /// Summarises every metric at once, spread over `threads` (the serial part of a run that
    /// writes every output); the answers are the same on any number of threads.
    public func summariseAll(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let monthly = catalog.monthly.count, all = monthly + catalog.financialYear.count
        let workers = max(1, min(threads, all))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for m in stride(from: worker, to: all, by: workers) {
                _ = m < monthly ? monthlySummary(m) : financialSummary(m - monthly)
            }
        }
    }
}

/// Summaries by metric (monthly metrics first, then financial-year ones), shared by the copies of
/// a result and filled in from any thread.
private final class SummaryCache: @unchecked Sendable {
    private var stored: [Int: [MetricSummary]] = [:]
    private let lock = NSLock()

    func summaries(_ key: Int, compute: () -> [MetricSummary]) -> [MetricSummary] {
        if let known = lock.withLock({ stored[key] }) { return known }
        let computed = compute()
        lock.withLock { stored[key] = computed }
        return computed
    }
}
