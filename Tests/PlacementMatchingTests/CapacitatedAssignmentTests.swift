import Testing
@testable import PlacementMatching

/// The capacitated solver against the assignment solver on the same problem with each column
/// repeated `capacity` times.
struct CapacitatedAssignmentTests {
    @Test func matchesTheAssignmentSolverOnExpandedColumns() throws {
        var random = TestRandom(seed: 2026_11_23)
        var capacitated = CapacitatedAssignmentSolver()
        var assignment = AssignmentSolver()
        var matrix = CapacitatedCostMatrix()  // reused, as the engine does
        var columnForRow: [Int] = []
        var partial = 0, shared = 0
        for trial in 0..<3_000 {
            let rows = 1 + random.below(12), classes = 1 + random.below(6)
            let kind = InstanceKind.allCases[trial % InstanceKind.allCases.count]
            var costs = randomCosts(rows: rows, columns: classes, kind: kind, random: &random)
            if trial % 3 == 0 {  // rows copied from a few patterns: identical rows share a type in the search
                let patterns = 1 + random.below(3)
                for r in patterns..<max(patterns, rows) {
                    let source = random.below(patterns)
                    for c in 0..<classes { costs[r * classes + c] = costs[source * classes + c] }
                }
            }
            matrix.removeAll()
            var expandedColumns: [[Double]] = []  // one list of row costs per copy
            for c in 0..<classes {
                let room = random.below(4)
                matrix.appendColumn(capacity: room)
                for _ in 0..<room { expandedColumns.append((0..<rows).map { costs[$0 * classes + c] }) }
            }
            for r in 0..<rows {
                for c in 0..<classes where costs[r * classes + c].isFinite { matrix.allow(column: c, cost: costs[r * classes + c]) }
                matrix.endRow()
            }
            let placed = capacitated.solve(matrix, columnForRow: &columnForRow)

            // Every placed row is in an allowed class with room, and the count is what was placed.
            var used = [Int](repeating: 0, count: classes), total = 0.0
            for (r, c) in columnForRow.enumerated() where c >= 0 {
                #expect(costs[r * classes + c].isFinite, "trial \(trial): row \(r) in a class it may not take")
                used[c] += 1
                total += costs[r * classes + c]
            }
            #expect(columnForRow.filter { $0 >= 0 }.count == placed)
            for c in 0..<classes { #expect(used[c] <= matrix.capacity[c], "trial \(trial): class \(c) over its room") }

            let expected: Assignment
            if expandedColumns.isEmpty {
                expected = Assignment(columnForRow: [Int?](repeating: nil, count: rows), columns: 0, totalCost: 0)
            } else {
                var dense = [Double](repeating: .infinity, count: rows * expandedColumns.count)
                for (j, column) in expandedColumns.enumerated() { for r in 0..<rows { dense[r * expandedColumns.count + j] = column[r] } }
                expected = assignment.solve(try CostMatrix(rows: rows, columns: expandedColumns.count, costs: dense))
            }
            #expect(placed == expected.assignedCount, "trial \(trial): \(kind)")
            #expect(abs(total - expected.totalCost) <= 1e-9 * max(1, abs(expected.totalCost)), "trial \(trial): \(kind)")
            if placed < rows { partial += 1 }
            if used.contains(where: { $0 > 1 }) { shared += 1 }
        }
        // The generator exercised rows left unplaced and classes holding several rows.
        #expect(partial > 300)
        #expect(shared > 300)
    }

    /// The shortcuts (rows that each fit their cheapest class; a search ending at its row's nearest
    /// class) must give exactly the searches' assignment, ties included: the engine's results depend
    /// on which of equal places is taken.
    @Test func theShortcutsGiveTheSearchesAssignment() {
        var random = TestRandom(seed: 2026_11_24)
        var quick = CapacitatedAssignmentSolver(), searching = CapacitatedAssignmentSolver()
        searching.takesShortcuts = false
        var matrix = CapacitatedCostMatrix(), a: [Int] = [], b: [Int] = []
        var shortcuts = 0, searches = 0, sharedCheapest = 0, leftOver = 0
        for trial in 0..<4_000 {
            matrix.removeAll()
            // Mostly roomy classes and few distinct costs: most rows fit their cheapest, with many
            // ties; one problem in four crowded, many rows for few places, as in a national round.
            let crowded = trial % 4 == 3
            let rows = crowded ? 10 + random.below(40) : 2 + random.below(8), classes = 1 + random.below(6)
            for _ in 0..<classes { matrix.appendColumn(capacity: random.below(crowded ? 8 : 5)) }
            for _ in 0..<rows {
                for c in 0..<classes where random.below(4) > 0 { matrix.allow(column: c, cost: Double(random.below(4))) }
                matrix.endRow()
            }
            #expect(quick.solve(matrix, columnForRow: &a) == searching.solve(matrix, columnForRow: &b))
            #expect(a == b)
            var probe = CapacitatedAssignmentSolver(), c: [Int] = []
            if probe.solveEachAtItsCheapest(matrix, columnForRow: &c) != nil { shortcuts += 1 } else { searches += 1 }
            if Set(a.filter { $0 >= 0 }).count < a.filter({ $0 >= 0 }).count { sharedCheapest += 1 }
            if (0..<matrix.rows).contains(where: { a[$0] < 0 && matrix.rowStart[$0 + 1] > matrix.rowStart[$0] }) { leftOver += 1 }
        }
        // Both ways were exercised, classes holding several rows, and rows that could be placed
        // left over (the searches' zero-cost column).
        #expect(shortcuts > 500 && searches > 500)
        #expect(sharedCheapest > 300)
        #expect(leftOver > 300)
    }

    @Test func aReusedSolverGivesTheSameAnswersAsAFreshOne() {
        var random = TestRandom(seed: 5)
        var shared = CapacitatedAssignmentSolver()
        for _ in 0..<40 {
            var matrix = CapacitatedCostMatrix()
            let classes = 1 + random.below(5)
            for _ in 0..<classes { matrix.appendColumn(capacity: random.below(3)) }
            for _ in 0..<(1 + random.below(10)) {
                for c in 0..<classes where random.below(3) > 0 { matrix.allow(column: c, cost: Double(random.below(20))) }
                matrix.endRow()
            }
            var fresh = CapacitatedAssignmentSolver(), a: [Int] = [], b: [Int] = []
            shared.solve(matrix, columnForRow: &a)
            fresh.solve(matrix, columnForRow: &b)
            #expect(a == b)
        }
    }
}
