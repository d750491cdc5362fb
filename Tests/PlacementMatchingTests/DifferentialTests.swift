import Testing
@testable import PlacementMatching

/// The solver against exhaustive enumeration, and dense against sparse.
struct DifferentialTests {
    @Test func matchesBruteForceOnTwelveHundredSmallInstances() throws {
        var random = TestRandom(seed: 20_261_123)
        var solver = AssignmentSolver()
        var partial = 0, transposed = 0
        for trial in 0..<1_200 {
            let rows = 1 + random.below(7), columns = 1 + random.below(7)
            let kind = InstanceKind.allCases[trial % InstanceKind.allCases.count]
            let costs = randomCosts(rows: rows, columns: columns, kind: kind, random: &random)
            let expected = bruteForce(rows: rows, columns: columns, costs: costs)
            let matrix = try CostMatrix(rows: rows, columns: columns, costs: costs)
            for result in [solver.solve(matrix), solver.solve(SparseCostMatrix(matrix))] {
                #expect(result.assignedCount == expected.assigned, "trial \(trial): \(rows)x\(columns) \(kind) \(costs)")
                #expect(abs(result.totalCost - expected.cost) <= 1e-9 * max(1, abs(expected.cost)),
                        "trial \(trial): \(rows)x\(columns) \(kind) \(costs)")
                #expect(isConsistent(result, costs: costs, columns: columns))
            }
            if expected.assigned < min(rows, columns) { partial += 1 }
            if rows > columns { transposed += 1 }
        }
        // The generator really exercised the awkward cases.
        #expect(partial > 200)
        #expect(transposed > 300)
    }

    @Test func denseAndSparseAgreeOnLargeRandomInstances() throws {
        var random = TestRandom(seed: 7)
        var solver = AssignmentSolver()
        for trial in 0..<4 {
            let rows = 200, columns = 1_000
            var costs = [Double](repeating: .infinity, count: rows * columns)
            for r in 0..<rows {
                for _ in 0..<(trial < 2 ? 10 : 300) {
                    costs[r * columns + random.below(columns)] = Double(random.below(10_000))
                }
            }
            let dense = try CostMatrix(rows: rows, columns: columns, costs: costs)
            let a = solver.solve(dense)
            let b = solver.solve(SparseCostMatrix(dense))
            #expect(a.assignedCount == b.assignedCount)
            #expect(abs(a.totalCost - b.totalCost) <= 1e-9 * abs(a.totalCost))
            #expect(isConsistent(a, costs: costs, columns: columns))
            #expect(isConsistent(b, costs: costs, columns: columns))
        }
    }

    @Test func reusingOneSolverGivesTheSameAnswersAsFreshOnes() throws {
        var random = TestRandom(seed: 99)
        var shared = AssignmentSolver()
        for _ in 0..<50 {
            let rows = 1 + random.below(30), columns = 1 + random.below(30)
            let costs = randomCosts(rows: rows, columns: columns, kind: .unplaceableRows, random: &random)
            let matrix = try CostMatrix(rows: rows, columns: columns, costs: costs)
            var fresh = AssignmentSolver()
            #expect(shared.solve(matrix) == fresh.solve(matrix))
        }
    }
}
