import Foundation

/// How much a scenario will simulate and the memory that takes, estimated from the file alone,
/// before anything is allocated: validation refuses a scenario that would not fit, and the
/// commands refuse a run whose replications would not (README, "Limits").
public struct ScenarioSize: Sendable, Equatable {
    /// Children one replication holds: those in care at the start plus the expected entrants
    /// over the horizon, with the yearly trend.
    public let childrenPerReplication: Double
    /// Foster places (at the start and from expected approvals), residential beds and market places.
    public let placesPerReplication: Double

    /// Working memory per child or place while a replication runs. Measured with `benchmark
    /// --scale`: the baseline scaled by 180 (227,000 children over its horizon) peaked at 443 MB.
    public static let bytesPerChildOrPlace = 2_048.0

    public init(_ s: Scenario) {
        let counted = { (n: Int) in Double(ScenarioLimits.count.contains(n) ? n : 0) }
        let initial = s.initialChildren.children.map { Double($0.count) } ?? s.initialChildren.byAgeBand.values.map(counted).reduce(0, +)
        let years = Double(min(max(s.time.horizonYears, 1), 50))
        let trend = min(max(s.entries.trendPerYear, ScenarioLimits.trendPerYear.lowerBound), ScenarioLimits.trendPerYear.upperBound)
        // Step changes counted as if all applied from the start: an upper bound.
        let steps = s.entries.rateChanges.map { $0.multiplier.isFinite ? min(max($0.multiplier, 1), ScenarioLimits.rateMultiplier.upperBound) : 1 }.reduce(1, *)
        let growth = stride(from: 0.0, to: years, by: 1).map { pow(1 + trend, $0) }.reduce(0, +) * min(steps, 1e6)
        let perYear = s.entries.ratePerYear.values.map { $0.isFinite ? min(max($0, 0), ScenarioLimits.entriesPerYear.upperBound) : 0 }.reduce(0, +)
        childrenPerReplication = initial + perYear * growth
        let f = s.supply.inHouseFoster
        let fosterNow = f.households.map { counted($0.count) * Double(max(1, min($0.profile.places, ScenarioLimits.householdPlaces.upperBound))) }.reduce(0, +)
        let approvals = f.approvalsPerYear.map { $0.isFinite ? min(max($0, 0), ScenarioLimits.approvalsPerYear.upperBound) : 0 }
        let fosterNew = approvals.isEmpty ? 0 : (0..<Int(years)).map { approvals[min($0, approvals.count - 1)] }.reduce(0, +)
            * Double(max(1, min(f.newHouseholds.places, ScenarioLimits.householdPlaces.upperBound)))
        let beds = s.supply.inHouseResidential.homes.map { counted($0.beds) }.reduce(0, +)
        let market = PlacementKind.allCases.compactMap { s.supply.markets[$0] }.map { counted($0.capacity) }.reduce(0, +)
        placesPerReplication = fosterNow + fosterNew + beds + market
    }

    /// Bytes one worker needs for one replication.
    public var workingBytes: Double { (childrenPerReplication + placesPerReplication) * Self.bytesPerChildOrPlace }

    /// "1.2 GiB", "340 MiB".
    public static func describe(bytes: Double) -> String {
        bytes >= 1_073_741_824 ? String(format: "%.1f GiB", bytes / 1_073_741_824) : String(format: "%.0f MiB", bytes / 1_048_576)
    }
}

extension MonteCarloRunner {
    /// Peak memory a run of `replications` needs, at most: each worker's replication in flight,
    /// plus every replication's monthly and yearly metrics kept for exact percentiles at 8 bytes a
    /// value (whole-number metrics take 4, so this is an upper bound; summaries sort one metric
    /// at a time), plus 64 MiB for the program itself.
    public static func estimatedBytes(_ model: ScenarioModel, replications: Int, threads: Int) -> Double {
        let catalog = MetricCatalog(model: model)
        let kept = Double(catalog.monthly.count * model.snapshotDays.count + catalog.financialYear.count * model.financialYearLabels.count) * 8
        let workers = Double(max(1, min(threads, replications)))
        return workers * ScenarioSize(model.scenario).workingBytes + kept * Double(replications) + 64 * 1_048_576
    }

    /// Why a run would not fit in this machine's memory, or nil when it fits (with a quarter spare).
    public static func memoryProblem(_ model: ScenarioModel, replications: Int, threads: Int) -> String? {
        let needed = estimatedBytes(model, replications: replications, threads: threads)
        let memory = Double(ProcessInfo.processInfo.physicalMemory)
        guard needed > memory * 0.75 else { return nil }
        return "\(replications) replications of \(model.scenario.name) would need about \(ScenarioSize.describe(bytes: needed)) of memory "
            + "and this machine has \(ScenarioSize.describe(bytes: memory)); run fewer replications"
    }
}
