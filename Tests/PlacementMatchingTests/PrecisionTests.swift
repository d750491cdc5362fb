import Testing
@testable import PlacementMatching

/// Costs whose differences are below the precision of other costs in the same problem.
struct PrecisionTests {
    @Test func gapsBelowPrecisionDoNotStallTheSolver() throws {
        // Rows 0 and 1 prefer column 0 (potential 1e6) to column 1 by 1e-13, less than half a unit in
        // the last place of 1e6. Lowering column 0's potential by that gap changes nothing, so before
        // the guard in the row reduction the two rows displaced each other forever.
        let costs: [[Double]] = [[1e6, 1 + 1e-13, 5], [1e6, 1 + 1e-13, 5], [2e6, 1, 0]]
        let flat = costs.flatMap { $0 }
        var solver = AssignmentSolver()
        let result = solver.solve(try CostMatrix(costs))
        let expected = bruteForce(rows: 3, columns: 3, costs: flat)
        #expect(result.assignedCount == 3)
        #expect(result.totalCost == expected.cost)
    }
}
