import Foundation

/// A condition on one metric in one financial year, such as `childDaysWaiting <= 0` or
/// `totalCost <= 28000000`: a financial-year metric is the year's total (or share), a monthly
/// metric its level at the year's end. Each replication meets it or not; the share that do is the
/// probability the target holds.
public struct Target: Sendable, Equatable, CustomStringConvertible {
    public enum Comparison: String, Sendable, CaseIterable {
        case atMost = "<=", below = "<", atLeast = ">=", above = ">", equal = "=="

        func holds(_ value: Double, _ threshold: Double) -> Bool {
            switch self {
            case .atMost: return value <= threshold
            case .below: return value < threshold
            case .atLeast: return value >= threshold
            case .above: return value > threshold
            case .equal: return value == threshold
            }
        }
    }

    public let metric: String
    public let comparison: Comparison
    public let threshold: Double

    public var description: String { "\(metric) \(comparison.rawValue) \(format(threshold))" }

    /// Parses `METRIC OP VALUE`; the metric must be one the model records.
    ///
    /// - Throws: a message saying what was expected.
    public init(parsing text: String, model: ScenarioModel) throws(TargetError) {
        let catalog = MetricCatalog(model: model)
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3, let comparison = Comparison(rawValue: parts[1]), let threshold = Double(parts[2]), threshold.isFinite else {
            throw TargetError(message: "expected a target like 'childDaysWaiting <= 0' (a metric, one of <= < >= > ==, a number), found '\(text)'")
        }
        let known = catalog.financialYear + catalog.monthly
        guard known.contains(parts[0]) else {
            let hint = closestKey(to: parts[0], among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw TargetError(message: "unknown metric '\(parts[0])'\(hint) (the README lists them)")
        }
        metric = parts[0]
        self.comparison = comparison
        self.threshold = threshold
    }

    /// The metric's value in `year` in every replication.
    public func values(_ result: MonteCarloResult, year: Int) -> [Double] {
        result.values(of: metric, year: year) ?? []
    }

    /// The share of replications in which the target holds in `year`.
    public func probability(_ result: MonteCarloResult, year: Int) -> Proportion {
        let values = values(result, year: year)
        return Proportion(successes: values.filter { comparison.holds($0, threshold) }.count, of: values.count)
    }
}

/// A target that cannot be read.
public struct TargetError: Error, Equatable, Sendable {
    public let message: String
}

/// A share of replications with its 95% Wilson score interval (which stays inside 0 to 1 and
/// is sound at 0% and 100%).
public struct Proportion: Sendable, Equatable {
    public let successes: Int
    public let trials: Int

    public init(successes: Int, of trials: Int) {
        self.successes = successes
        self.trials = trials
    }

    public var value: Double { Double(successes) / Double(max(trials, 1)) }

    public var interval: (low: Double, high: Double) {
        let n = Double(max(trials, 1)), p = value, z = 1.96
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
        return (max(0, centre - half), min(1, centre + half))
    }
}
