/// Finds least-cost assignments of rows (children, sibling groups) to columns (places).
///
/// The answer is exact: among all assignments that place the most rows possible, one of least
/// total cost. Rows that cannot be placed are reported, not thrown. Results are deterministic
/// (see the tie-breaking rules in `DenseShortestAugmentingPath` and `SparseShortestAugmentingPath`).
///
/// A solver keeps its work buffers between calls: keep one per thread and reuse it.
///
/// How it works: the problem is oriented so that rows <= columns (a tall matrix is transposed),
/// then solved by shortest augmenting paths (Crouse 2016; Jonker-Volgenant initialisation on
/// square dense problems). If some row cannot be reached, the rows assigned so far are already a
/// maximum matching of size k (Kuhn's lemma); the problem is then solved again with n - k extra
/// zero-cost columns open to every row, which forces exactly k real assignments and lets the
/// search choose the cheapest such k, without any big-M cost.
public struct AssignmentSolver: Sendable {
    private var workspace = Workspace()

    /// Creates a solver with empty work buffers.
    public init() {}

    /// Solves a dense problem.
    ///
    /// - Parameter matrix: The costs; `+infinity` = not allowed.
    /// - Returns: A maximum-cardinality assignment of least total cost.
    /// - Complexity: O(n^2 m) for n = min(rows, columns), m = max(rows, columns), in the worst case.
    public mutating func solve(_ matrix: CostMatrix) -> Assignment {
        ensureUniqueWorkspace()
        let (rows, columns) = (matrix.rows, matrix.columns)
        guard rows > 0, columns > 0 else { return .init(columnForRow: .init(repeating: nil, count: rows), columns: columns, totalCost: 0) }
        let transposed = rows > columns
        let n = min(rows, columns), m = max(rows, columns)
        let solverColumnForRow: [Int] = matrix.costs.withUnsafeBufferPointer { source in
            var oriented = UnsafePointer(source.baseAddress!)
            if transposed {
                let target = workspace.matrix.reserve(n * m)
                for r in 0..<rows {
                    for c in 0..<columns { target[c * m + r] = source[r * columns + c] }
                }
                oriented = UnsafePointer(target)
            }
            let core = DenseShortestAugmentingPath(cost: oriented, rows: n, columns: m, workspace: workspace)
            let assigned = core.solve()
            if assigned == n { return Array(UnsafeBufferPointer(start: core.columnForRow, count: n)) }
            // Maximum cardinality is `assigned`: add n - assigned zero-cost columns and solve again.
            let width = m + n - assigned
            var extended = [Double](repeating: 0, count: n * width)
            for i in 0..<n {
                for j in 0..<m { extended[i * width + j] = oriented[i * m + j] }
            }
            return extended.withUnsafeBufferPointer { wide in
                let core = DenseShortestAugmentingPath(cost: wide.baseAddress!, rows: n, columns: width, workspace: workspace)
                let complete = core.solve()
                assert(complete == n, "zero-cost columns make every row assignable")
                return (0..<n).map { core.columnForRow[$0] < m ? core.columnForRow[$0] : -1 }
            }
        }
        return assignment(solverColumnForRow, transposed: transposed, rows: rows, columns: columns) { matrix[$0, $1] }
    }

    /// Solves a problem given by its allowed pairs alone.
    ///
    /// - Parameter matrix: The allowed pairs and their costs.
    /// - Returns: A maximum-cardinality assignment of least total cost.
    /// - Complexity: O(n E log E) for n = min(rows, columns) and E allowed pairs, in the worst
    ///   case; far less in practice, as each search stops at the nearest free column.
    public mutating func solve(_ matrix: SparseCostMatrix) -> Assignment {
        ensureUniqueWorkspace()
        let (rows, columns) = (matrix.rows, matrix.columns)
        guard rows > 0, columns > 0 else { return .init(columnForRow: .init(repeating: nil, count: rows), columns: columns, totalCost: 0) }
        let transposed = rows > columns
        let n = min(rows, columns), m = max(rows, columns)
        var structure = (rowStart: matrix.rowStart, columnIndex: matrix.columnIndex, costs: matrix.costs)
        if transposed { structure = Self.transpose(matrix) }
        let workspace = self.workspace
        func solveCore(_ rowStart: [Int], _ columnIndex: [Int], _ costs: [Double], width: Int) -> (assigned: Int, columnForRow: [Int]) {
            rowStart.withUnsafeBufferPointer { starts in
                columnIndex.withUnsafeBufferPointer { indices in
                    costs.withUnsafeBufferPointer { values in
                        let core = SparseShortestAugmentingPath(
                            rowStart: starts.baseAddress!, columnIndex: indices.baseAddress!, cost: values.baseAddress!,
                            rows: n, columns: width, workspace: workspace)
                        let assigned = core.solve()
                        return (assigned, Array(UnsafeBufferPointer(start: core.columnForRow, count: n)))
                    }
                }
            }
        }
        var (assigned, solverColumnForRow) = solveCore(structure.rowStart, structure.columnIndex, structure.costs, width: m)
        if assigned < n {
            // Maximum cardinality is `assigned`: open n - assigned zero-cost columns to every row.
            let extra = n - assigned
            var rowStart = [0], columnIndex: [Int] = [], costs: [Double] = []
            for i in 0..<n {
                for e in structure.rowStart[i]..<structure.rowStart[i + 1] {
                    columnIndex.append(structure.columnIndex[e])
                    costs.append(structure.costs[e])
                }
                for d in 0..<extra {
                    columnIndex.append(m + d)
                    costs.append(0)
                }
                rowStart.append(columnIndex.count)
            }
            let complete: Int
            (complete, solverColumnForRow) = solveCore(rowStart, columnIndex, costs, width: m + extra)
            assert(complete == n, "zero-cost columns make every row assignable")
            solverColumnForRow = solverColumnForRow.map { $0 < m ? $0 : -1 }
        }
        return assignment(solverColumnForRow, transposed: transposed, rows: rows, columns: columns) {
            matrix.cost(row: $0, column: $1)
        }
    }

    /// Translates the oriented solution back to the caller's rows and columns and totals the cost
    /// in row order.
    private func assignment(_ solverColumnForRow: [Int], transposed: Bool, rows: Int, columns: Int,
                            cost: (Int, Int) -> Double) -> Assignment {
        var columnForRow = [Int?](repeating: nil, count: rows)
        for (i, j) in solverColumnForRow.enumerated() where j >= 0 {
            if transposed { columnForRow[j] = i } else { columnForRow[i] = j }
        }
        var total = 0.0
        for (row, column) in columnForRow.enumerated() {
            if let column { total += cost(row, column) }
        }
        return Assignment(columnForRow: columnForRow, columns: columns, totalCost: total)
    }

    /// The compressed-sparse-row form of the transpose.
    private static func transpose(_ matrix: SparseCostMatrix) -> (rowStart: [Int], columnIndex: [Int], costs: [Double]) {
        var rowStart = [Int](repeating: 0, count: matrix.columns + 1)
        for column in matrix.columnIndex { rowStart[column + 1] += 1 }
        for c in 0..<matrix.columns { rowStart[c + 1] += rowStart[c] }
        var next = rowStart
        var columnIndex = [Int](repeating: 0, count: matrix.allowedCount)
        var costs = [Double](repeating: 0, count: matrix.allowedCount)
        for row in 0..<matrix.rows {
            for e in matrix.rowStart[row]..<matrix.rowStart[row + 1] {
                let c = matrix.columnIndex[e]
                columnIndex[next[c]] = row
                costs[next[c]] = matrix.costs[e]
                next[c] += 1
            }
        }
        return (rowStart, columnIndex, costs)
    }

    private mutating func ensureUniqueWorkspace() {
        if !isKnownUniquelyReferenced(&workspace) { workspace = Workspace() }
    }
}
