import Testing
@testable import PlacementMatching

/// Tie-breaking, partial assignments and invalid input.
struct SolverBehaviourTests {
    @Test func constantMatrixGivesTheIdentity() throws {
        var solver = AssignmentSolver()
        for (rows, columns) in [(1, 1), (4, 4), (50, 50), (3, 8), (8, 3)] {
            let matrix = try CostMatrix(rows: rows, columns: columns, costs: .init(repeating: 7, count: rows * columns))
            let identity = (0..<rows).map { $0 < columns ? Optional($0) : nil }
            #expect(solver.solve(matrix).columnForRow == identity, "\(rows)x\(columns) dense")
            #expect(solver.solve(SparseCostMatrix(matrix)).columnForRow == identity, "\(rows)x\(columns) sparse")
        }
    }

    @Test func anUnplaceableRowIsListedNotThrown() throws {
        let inf = Double.infinity
        let matrix = try CostMatrix([[1, inf], [inf, inf], [inf, 2]])
        var solver = AssignmentSolver()
        let result = solver.solve(matrix)
        #expect(result.columnForRow == [0, nil, 1])
        #expect(result.unassignedRows == [1])
        #expect(result.totalCost == 3)
    }

    @Test func competingRowsLeaveTheDearerOneOut() throws {
        // Both want the only place; the cheaper pairing wins, whichever row comes first.
        var solver = AssignmentSolver()
        let first = solver.solve(try CostMatrix([[10], [1]]))
        #expect(first.columnForRow == [nil, 0])
        #expect(first.totalCost == 1)
        let wide = solver.solve(try CostMatrix([[10, .infinity], [1, .infinity]]))
        #expect(wide.columnForRow == [nil, 0])
    }

    @Test func moreRowsAreAssignedEvenAtAHigherCost() throws {
        // Row 0 alone could take column 0 for 1; assigning both rows costs 200 but places two.
        let inf = Double.infinity
        var solver = AssignmentSolver()
        let result = solver.solve(try CostMatrix([[1, 100], [100, inf]]))
        #expect(result.assignedCount == 2)
        #expect(result.totalCost == 200)
    }

    @Test func notANumberIsRejectedWithItsPosition() {
        #expect(throws: PlacementMatchingError.notANumber(row: 1, column: 0)) {
            try CostMatrix([[1, 2], [.nan, 3]])
        }
    }

    @Test func minusInfinityIsRejectedWithItsPosition() {
        #expect(throws: PlacementMatchingError.negativeInfinity(row: 0, column: 1)) {
            try CostMatrix([[1, -.infinity]])
        }
        #expect(throws: PlacementMatchingError.negativeInfinity(row: 0, column: 2)) {
            try SparseCostMatrix(columns: 3, entries: [[(2, -.infinity)]])
        }
    }

    @Test func raggedAndOutOfRangeInputsAreRejected() {
        #expect(throws: PlacementMatchingError.shapeMismatch(rows: 2, columns: 2, count: 3)) {
            try CostMatrix([[1, 2], [3]])
        }
        #expect(throws: PlacementMatchingError.columnOutOfRange(row: 0, column: 5, columns: 3)) {
            try SparseCostMatrix(columns: 3, entries: [[(5, 1.0)]])
        }
        #expect(throws: PlacementMatchingError.duplicateColumn(row: 1, column: 0)) {
            try SparseCostMatrix(columns: 3, entries: [[], [(0, 1.0), (0, 2.0)]])
        }
    }

    @Test func errorDescriptionsSpeakInOneBasedPositions() {
        #expect(PlacementMatchingError.notANumber(row: 0, column: 2).description.contains("row 1, column 3"))
    }
}
