import Foundation
import Sufficiency

/// A goal-seek's answer for people (a paragraph and the table of every value run) and as JSON.
public struct GoalSeekReport: Sendable {
    public let search: GoalSeek
    public let lever: String
    public let lowest: MonteCarloResult
    public let step: Double
    public let replications: Int
    public let seed: UInt64

    public init(search: GoalSeek, lever: String, lowest: MonteCarloResult, step: Double, replications: Int, seed: UInt64) {
        self.search = search; self.lever = lever; self.lowest = lowest; self.step = step; self.replications = replications; self.seed = seed
    }

    private var yearLabel: String { lowest.financialYearLabel(search.year) }
    private static func number(_ v: Double) -> String { RunSummary.number(v) }

    private static func percent(_ p: Proportion) -> String {
        let (low, high) = p.interval
        return String(format: "%.0f%% (95%%: %.0f-%.0f%%)", p.value * 100, low * 100, high * 100)
    }

    /// The answer in a sentence or two.
    public var headline: String {
        let goal = "\(search.target) in \(yearLabel)"
        let share = String(format: "%.0f%%", search.probability * 100)
        switch search.outcome {
        case .outOfReach:
            return "Out of reach: even at \(lever) = \(Self.number(search.answer.value)), the top of the range, \(goal) holds in "
                + "\(Self.percent(search.answer.probability)) of replications, short of \(share). Widen the range or try another lever."
        case .metAtLowest:
            return "Already met: at \(lever) = \(Self.number(search.answer.value)), the bottom of the range, \(goal) holds in "
                + "\(Self.percent(search.answer.probability)) of replications (at least \(share) asked)."
        case .found:
            let cost = search.costOfGettingThere(lowest: lowest)
            return "Answer: \(lever) = \(Self.number(search.answer.value)), the least value at which \(goal) holds in at least \(share) of "
                + "replications: there \(Self.percent(search.answer.probability)); at \(Self.number(search.below!.value)) "
                + "\(Self.percent(search.below!.probability)). "
                + String(format: "From %@ to %@, the total cost over the horizon changes by %@£%.2fm (95%%: %.2f to %.2f).",
                         Self.number(search.points[0].value), Self.number(search.answer.value), cost.mean < 0 ? "-" : "+",
                         abs(cost.mean) / 1e6, cost.low / 1e6, cost.high / 1e6)
        }
    }

    private var caveat: String? {
        search.monotone ? nil : "Warning: the response is not monotone: a higher value gave a clearly lower probability than a lower one (see the table), so a bisection may have missed the least value. Check with sweep."
    }

    public func text() -> String {
        var table = TextTable(header: [lever, "P(target holds)", "95% interval", "median \(search.target.metric)"], rightAligned: [0, 1, 2, 3])
        for point in search.points {
            let (low, high) = point.probability.interval
            let median = MetricSummary(search.target.values(point.result, year: search.year)).p50
            table.rows.append([Self.number(point.value), String(format: "%.0f%%", point.probability.value * 100),
                               String(format: "%.0f-%.0f%%", low * 100, high * 100), Self.number((median * 100).rounded() / 100)])
        }
        return headline + "\n" + (caveat.map { $0 + "\n" } ?? "")
            + "\nValues run (\(replications) replications each, seed \(seed), the same children in every run):\n\n" + table.rendered()
    }

    public func document() -> JSONValue {
        let outcome: String = switch search.outcome { case .found: "found"; case .metAtLowest: "metAtLowest"; case .outOfReach: "outOfReach" }
        func point(_ p: GoalSeek.Point) -> JSONValue {
            let (low, high) = p.probability.interval
            return .object([("value", .number(p.value)), ("probability", .number(p.probability.value)), ("low95", .number(low)), ("high95", .number(high))])
        }
        var members: [(String, JSONValue)] = [
            ("schemaVersion", .integer(1)), ("lever", .string(lever)), ("target", .string(search.target.description)),
            ("year", .string(yearLabel)), ("probability", .number(search.probability)), ("outcome", .string(outcome)),
            ("answer", point(search.answer)), ("below", search.below.map(point) ?? .null), ("monotone", .bool(search.monotone)),
            ("replications", .integer(replications)), ("seed", .number(Double(seed))), ("points", .array(search.points.map(point))),
        ]
        if search.outcome == .found {
            let cost = search.costOfGettingThere(lowest: lowest)
            members.append(("costOfGettingThere", .object([("mean", .number(cost.mean)), ("low95", .number(cost.low)), ("high95", .number(cost.high))])))
        }
        return .object(members)
    }
}
