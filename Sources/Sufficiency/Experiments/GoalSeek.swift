/// The least value of a lever, on a grid from `low` to `high` by `step`, at which a target holds
/// with at least a given probability in a given year.
///
/// Method: every value is run on the same seeds (`LeverExperiment`), so the probability moves
/// only because the lever does. The highest value is run first: if the target fails there, it is
/// out of reach in the range. Then the lowest: if it holds there, the answer is the lowest. Else
/// a bisection on the grid, assuming the probability rises with the lever, keeps a value where it
/// fails below a value where it holds until they are one step apart (about log2(grid) runs). Every
/// value run is reported; if one run's probability is clearly lower than a smaller value's (their
/// 95% intervals apart), the response is said not to be monotone, and the answer is to be read
/// with care. The cost of getting there is the paired difference in total cost over the horizon
/// between the answer and the lowest value.
public struct GoalSeek: Sendable {
    public struct Point: Sendable {
        public let value: Double
        public let probability: Proportion
        public let result: MonteCarloResult
    }

    public enum Outcome: Sendable, Equatable {
        /// The target holds at the lowest value already.
        case metAtLowest
        /// The least value at which it holds; the point one step below does not.
        case found
        /// It does not hold even at the highest value.
        case outOfReach
    }

    public let target: Target
    public let year: Int
    public let probability: Double
    public let outcome: Outcome
    /// The answer (or, out of reach, the highest value) and the value one step below it.
    public let answer: Point
    public let below: Point?
    /// Every value run, in order of value.
    public let points: [Point]
    /// Whether the probabilities never fall clearly as the lever rises.
    public let monotone: Bool

    /// Searches; `lever`'s values are `low`, `low + step`, ... up to `high`.
    ///
    /// - Throws: `ScenarioError` when a value makes the scenario invalid.
    public init(_ experiment: LeverExperiment, lever: ScenarioLever, low: Double, high: Double, step: Double,
                target: Target, year: Int?, probability: Double) throws(ScenarioError) {
        let count = Int(((high - low) / step).rounded(.down)) + 1
        let grid = (0..<max(count, 1)).map { low + Double($0) * step }
        var evaluated: [Int: Point] = [:]
        func point(_ i: Int) throws(ScenarioError) -> Point {
            if let known = evaluated[i] { return known }
            let result = try experiment.result(at: [(lever, grid[i])])
            let y = year ?? result.model.financialYearLabels.count - 1
            let p = Point(value: grid[i], probability: target.probability(result, year: y), result: result)
            evaluated[i] = p
            return p
        }
        let top = try point(grid.count - 1)
        self.target = target
        self.probability = probability
        self.year = year ?? top.result.model.financialYearLabels.count - 1
        if top.probability.value < probability {
            outcome = .outOfReach
            answer = top
            below = nil
        } else if try point(0).probability.value >= probability {
            outcome = .metAtLowest
            answer = try point(0)
            below = nil
        } else {
            var failing = 0, holding = grid.count - 1
            while holding - failing > 1 {
                let middle = (failing + holding) / 2
                if try point(middle).probability.value >= probability { holding = middle } else { failing = middle }
            }
            outcome = .found
            answer = try point(holding)
            below = try point(failing)
        }
        let all = evaluated.keys.sorted().map { evaluated[$0]! }
        points = all
        monotone = !all.indices.contains { i in
            all[(i + 1)...].contains { $0.probability.interval.high < all[i].probability.interval.low }
        }
    }

    /// The paired difference in total cost over the horizon, answer minus the lowest value: mean
    /// and its 95% interval, in pounds at each year's prices.
    public func costOfGettingThere(lowest: MonteCarloResult) -> (mean: Double, low: Double, high: Double) {
        let metric = lowest.catalog.financialIndex("totalCost")!
        let years = lowest.model.financialYearLabels.indices
        let differences = zip(answer.result.replications, lowest.replications).map { a, b in
            years.map { a.financial(metric, $0) - b.financial(metric, $0) }.reduce(0, +)
        }
        let n = Double(max(differences.count, 1))
        let mean = differences.reduce(0, +) / n
        let sd = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / max(n - 1, 1)).squareRoot()
        return (mean, mean - 1.96 * sd / n.squareRoot(), mean + 1.96 * sd / n.squareRoot())
    }
}
