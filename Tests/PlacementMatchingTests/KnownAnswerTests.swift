import Testing
@testable import PlacementMatching

/// Published problems with known optima. Each is solved dense and sparse.
struct KnownAnswerTests {
    private func solveBoth(_ rows: [[Double]]) throws -> (dense: Assignment, sparse: Assignment) {
        let matrix = try CostMatrix(rows)
        var solver = AssignmentSolver()
        return (solver.solve(matrix), solver.solve(SparseCostMatrix(matrix)))
    }

    @Test func scipyDocumentationExampleCostsFive() throws {
        // SciPy reference, scipy.optimize.linear_sum_assignment, Examples: optimum 5 with columns 1, 0, 2.
        let (dense, sparse) = try solveBoth([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
        #expect(dense.totalCost == 5)
        #expect(dense.columnForRow == [1, 0, 2])
        #expect(sparse.totalCost == 5)
    }

    @Test func cranesExampleCosts275() throws {
        // University of Oulu, "Assignment problem" exercise (s-mat-pcs.oulu.fi/~mpa/matreng/eem1_2-1.htm):
        // four cranes to four sites, least total distance 275.
        let (dense, sparse) = try solveBoth([[90, 75, 75, 80], [35, 85, 55, 65], [125, 95, 90, 105], [45, 110, 95, 115]])
        #expect(dense.totalCost == 275)
        #expect(sparse.totalCost == 275)
    }

    @Test func murrayStateExampleCosts10() throws {
        // R. Pilgrim, "Munkres' assignment algorithm", Murray State University CSC 445 notes: optimum 10.
        let (dense, sparse) = try solveBoth([[1, 2, 3], [2, 4, 6], [3, 6, 9]])
        #expect(dense.totalCost == 10)
        #expect(sparse.totalCost == 10)
    }

    @Test func hungarianAlgorithmDotComExampleCosts140() throws {
        // hungarianalgorithm.com, "Solve an assignment problem online" worked example: optimum 140.
        let (dense, sparse) = try solveBoth([[82, 83, 69, 92], [77, 37, 49, 92], [11, 69, 5, 86], [8, 9, 98, 23]])
        #expect(dense.totalCost == 140)
        #expect(dense.columnForRow == [2, 1, 0, 3])
        #expect(sparse.totalCost == 140)
    }

    @Test func projectEuler345ExampleMaximumIs3315() throws {
        // Project Euler problem 345, "Matrix Sum": the 5 x 5 example's maximum sum is 3315.
        // Maximising the sum is minimising its negation.
        let example: [[Double]] = [
            [7, 53, 183, 439, 863], [497, 383, 563, 79, 973], [287, 63, 343, 169, 583],
            [627, 343, 773, 959, 943], [767, 473, 103, 699, 303],
        ]
        let (dense, sparse) = try solveBoth(example.map { $0.map { -$0 } })
        #expect(dense.totalCost == -3315)
        #expect(sparse.totalCost == -3315)
    }

    @Test func rectangularMaximisationExampleIs376() throws {
        // A 4 workers x 5 jobs maximisation worked on video ("Hungarian method, unbalanced", youtube
        // aPVtIhnwHPE): maximum 376 with jobs 4, 2, 3, 5 (1-based). Solved here as a minimisation of
        // negated values, and transposed (5 x 4) too.
        let profit: [[Double]] = [[62, 78, 50, 101, 82], [71, 84, 61, 73, 59], [87, 92, 111, 71, 81], [48, 64, 87, 77, 80]]
        let (dense, sparse) = try solveBoth(profit.map { $0.map { -$0 } })
        #expect(dense.totalCost == -376)
        #expect(dense.columnForRow == [3, 1, 2, 4])
        #expect(sparse.totalCost == -376)
        let transposed = (0..<5).map { c in profit.map { -$0[c] } }
        let (tall, tallSparse) = try solveBoth(transposed)
        #expect(tall.totalCost == -376)
        #expect(tall.rowForColumn == [3, 1, 2, 4])
        #expect(tallSparse.totalCost == -376)
    }

    @Test func emptyProblemsAssignNothing() throws {
        var solver = AssignmentSolver()
        let none = solver.solve(try CostMatrix(rows: 0, columns: 3, costs: []))
        #expect(none.totalCost == 0)
        #expect(none.rowForColumn == [nil, nil, nil])
        let noPlaces = solver.solve(try CostMatrix(rows: 2, columns: 0, costs: []))
        #expect(noPlaces.unassignedRows == [0, 1])
    }
}
