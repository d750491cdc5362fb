@testable import PlacementMatching

/// SplitMix64 (Steele, Lea and Flood, OOPSLA 2014): a tiny seeded generator for test inputs.
struct TestRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

/// The kinds of random instance the differential tests draw.
enum InstanceKind: CaseIterable {
    case uniform, integerTies, negative, mostlyForbidden, unplaceableRows
}

/// A random dense instance of the given kind.
func randomCosts(rows: Int, columns: Int, kind: InstanceKind, random: inout TestRandom) -> [Double] {
    var costs = [Double](repeating: 0, count: rows * columns)
    for index in costs.indices {
        switch kind {
        case .uniform: costs[index] = (random.unit() * 1000).rounded() / 10
        case .integerTies: costs[index] = Double(random.below(3))
        case .negative: costs[index] = Double(random.below(21) - 10)
        case .mostlyForbidden: costs[index] = random.below(10) < 7 ? .infinity : Double(random.below(50))
        case .unplaceableRows: costs[index] = random.below(10) < 4 ? .infinity : Double(random.below(9) - 2)
        }
    }
    if kind == .unplaceableRows, rows > 0 {  // at least one row with no allowed place at all
        let row = random.below(rows)
        for c in 0..<columns { costs[row * columns + c] = .infinity }
    }
    return costs
}

/// Exhaustive answer: the most rows assignable, and the least total cost among such assignments.
/// Dynamic programming over (row, set of used columns); fine up to about 10 columns.
func bruteForce(rows: Int, columns: Int, costs: [Double]) -> (assigned: Int, cost: Double) {
    var memo = [Int: (Int, Double)]()
    func best(_ row: Int, _ used: Int) -> (Int, Double) {
        if row == rows { return (0, 0) }
        let key = row << columns | used
        if let known = memo[key] { return known }
        var answer = best(row + 1, used)  // leave this row unassigned
        for c in 0..<columns where used & (1 << c) == 0 && costs[row * columns + c].isFinite {
            let rest = best(row + 1, used | (1 << c))
            let candidate = (rest.0 + 1, rest.1 + costs[row * columns + c])
            if candidate.0 > answer.0 || (candidate.0 == answer.0 && candidate.1 < answer.1) { answer = candidate }
        }
        memo[key] = answer
        return answer
    }
    return best(0, 0)
}

/// Checks that an assignment is a matching of allowed pairs whose total is its stated cost.
func isConsistent(_ assignment: Assignment, costs: [Double], columns: Int) -> Bool {
    var seen = Set<Int>()
    var total = 0.0
    for (row, column) in assignment.pairs {
        guard costs[row * columns + column].isFinite, seen.insert(column).inserted else { return false }
        guard assignment.rowForColumn[column] == row else { return false }
        total += costs[row * columns + column]
    }
    return abs(total - assignment.totalCost) <= 1e-9 * max(1, abs(total))
        && assignment.rowForColumn.compactMap { $0 }.count == assignment.assignedCount
}
