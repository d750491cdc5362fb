// Least-cost assignment of rows to columns that each take up to `capacity` rows (a transportation
// problem with unit demands), by successive shortest paths with Johnson potentials (R. K. Ahuja,
// T. L. Magnanti and J. B. Orlin, Network Flows, 1993, ch. 9). It is the same answer as the
// assignment solver on a matrix with each column repeated `capacity` times, without the copies: a
// class of interchangeable places (the free households of one kind in one area, a market's places
// in one area) is one column, so a problem's size grows with the rows, not rows x places.
//
// First the most rows any assignment can place, k, by Kuhn's augmenting paths with costs aside
// (H. W. Kuhn, Naval Research Logistics Quarterly 2, 1955, pp. 83-97): a greedy start, then a
// depth-first search from each row left; a failed search's full columns stay dead for the rest.
// Then the least-cost assignment: each row with an allowed pair in turn runs a Dijkstra search over
// the residual graph (row to column over an allowed pair not in use, column back to each row it
// holds), stopping at the nearest column with room; the path is flipped and the scanned nodes'
// potentials move by their distance less the path's, which keeps every reduced cost non-negative.
// When fewer than all such rows fit, one extra zero-cost column open to them with room for exactly
// those left over makes the search place k rows at the least total cost, without any big-M cost.
//
// Tie-breaking: rows are augmented in ascending order; the search takes the node of lowest
// distance, then the lowest index (rows before columns), so results are deterministic.

/// Costs of the allowed (row, class) pairs and each class's room, built row by row. Reuse one
/// across solves (`removeAll`) so a simulation loop allocates only when a problem is larger than
/// any before it; its lists are `ScratchList`s, emptied by resetting their counts.
public struct CapacitatedCostMatrix: ~Copyable, Sendable {
    /// How many rows each column can take.
    public private(set) var capacity = ScratchList<Int>()
    /// Row `r`'s pairs are at positions `rowStart[r] ..< rowStart[r + 1]`.
    public private(set) var rowStart = ScratchList<Int>()
    public private(set) var columnIndex = ScratchList<Int>()
    public private(set) var costs = ScratchList<Double>()

    public init() { rowStart.append(0) }

    public var rows: Int { rowStart.count - 1 }
    public var columns: Int { capacity.count }

    /// Empties the matrix, keeping its storage.
    public mutating func removeAll() {
        capacity.removeAll()
        rowStart.removeAll()
        rowStart.append(0)
        columnIndex.removeAll()
        costs.removeAll()
    }

    /// Adds a column that takes up to `capacity` rows; returns its index.
    @discardableResult
    public mutating func appendColumn(capacity: Int) -> Int {
        precondition(capacity >= 0, "a column's capacity cannot be negative")
        self.capacity.append(capacity)
        return self.capacity.count - 1
    }

    /// Allows the current row in `column` at `cost` (finite; each column at most once per row).
    public mutating func allow(column: Int, cost: Double) {
        precondition(cost.isFinite, "an allowed pair's cost must be finite")
        columnIndex.append(column)
        costs.append(cost)
    }

    /// Ends the current row; the pairs allowed since the last call are its.
    public mutating func endRow() { rowStart.append(columnIndex.count) }
}

/// Solves `CapacitatedCostMatrix` problems exactly: among the assignments that place the most
/// rows, one of least total cost. Keep one per thread and reuse it: its work arrays persist. Not
/// copyable, so its workspace is never shared.
public struct CapacitatedAssignmentSolver: ~Copyable, Sendable {
    /// The cost pass's buffers and the row types (see `CapacitatedSearch`, `RowTypes`).
    private var workspace = Workspace()
    /// The Kuhn pass's state: each column's load (which also serves the check that each row fits
    /// its cheapest class), columns found dead, search stamps, and the rows each column holds (an
    /// array of arrays: used only when that check fails, and its recursion reads them).
    private var load = ScratchList<Int>(), dead = ScratchList<Bool>(), visit = ScratchList<Int>()
    private var rowsOfColumn: [[Int]] = []
    /// While rows are given types: the first row seen with each hash of pairs and costs.
    private var firstRowOfHash: [UInt64: Int] = [:]
    /// Counts searches, so a stamp never repeats within a solve.
    private var searches = 0
    /// Whether the shortcuts are taken: a problem whose rows each fit their cheapest class is
    /// answered without the searches (see `solveEachAtItsCheapest`), a search that would end at its
    /// row's nearest class is not run (see `takeNearestIfOpen`), and a search leaves aside the
    /// nodes beyond the nearest column with room it has found; off only in tests that check they
    /// give the plain searches' answer.
    var takesShortcuts = true

    public init() {}

    /// Solves `matrix`, writing each row's column (or -1) into `columnForRow`.
    ///
    /// - Returns: The number of rows placed, the maximum possible.
    /// - Complexity: O(R E log E) in the worst case for R rows and E allowed pairs plus held rows;
    ///   each search stops at the nearest column with room, so far less in practice.
    @discardableResult
    public mutating func solve(_ matrix: borrowing CapacitatedCostMatrix, columnForRow: inout [Int]) -> Int {
        if matrix.rows == 1 { return solveOneRow(matrix, columnForRow: &columnForRow) }
        if takesShortcuts, let placed = solveEachAtItsCheapest(matrix, columnForRow: &columnForRow) { return placed }
        let types = assignRowTypes(matrix)
        let placed = maximumPlaced(matrix, types: types, columnForRow: &columnForRow)
        guard !matrix.columnIndex.isEmpty else { return 0 }  // no allowed pair: every row is left, as Kuhn's pass left them
        var placeable = 0
        for i in 0..<matrix.rows where matrix.rowStart[i + 1] > matrix.rowStart[i] { placeable += 1 }
        // Rows with no allowed pair are unplaced in every matching; when others must be left too,
        // the zero-cost column takes exactly as many as must be left, cheapest total first.
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
            matrix.columnIndex.withUnsafeBufferPointer { columnIndex in
                matrix.costs.withUnsafeBufferPointer { costs in
                    columnForRow.withUnsafeMutableBufferPointer { columnForRow in
                        let pass = CapacitatedSearch(matrix, rowStart: rowStart.baseAddress!, columnIndex: columnIndex.baseAddress!,
                                                     cost: costs.baseAddress!, extraRoom: placeable - placed, types: types,
                                                     takesShortcuts: takesShortcuts, columnForRow: columnForRow.baseAddress!,
                                                     workspace: workspace)
                        _ = pass.run(searches: &searches)
                    }
                }
            }
        }
        let extra = matrix.columns
        for i in columnForRow.indices where columnForRow[i] == extra { columnForRow[i] = -1 }
        return placed
    }

    /// One row (most matching rounds): its cheapest allowed column with room, the lowest index
    /// among equals, which is where the search below would end.
    private func solveOneRow(_ m: borrowing CapacitatedCostMatrix, columnForRow: inout [Int]) -> Int {
        let best = cheapestColumn(m, row: 0, openOnly: true)
        columnForRow.removeAll(keepingCapacity: true)
        columnForRow.append(best)
        return best >= 0 ? 1 : 0
    }

    /// When each row in turn finds room in its cheapest class (the lowest index among equals), that
    /// is the answer, and the one the searches below give: every row that can be placed is, each
    /// at its least cost, and each row's search ends at distance 0 in that class, moving no
    /// potential, so the next row's search starts as this one did. Returns nil when a row's
    /// cheapest class is full before its turn; the full solve then starts afresh.
    mutating func solveEachAtItsCheapest(_ m: borrowing CapacitatedCostMatrix, columnForRow: inout [Int]) -> Int? {
        load.reset(repeating: 0, count: m.columns)
        columnForRow.removeAll(keepingCapacity: true)
        var placed = 0
        for i in 0..<m.rows {
            let best = cheapestColumn(m, row: i, openOnly: false)
            if best >= 0 {
                guard load[best] < m.capacity[best] else { return nil }
                load[best] += 1
                placed += 1
            }
            columnForRow.append(best)
        }
        return placed
    }

    /// Row `i`'s cheapest allowed column, the lowest index among equals (among columns with any
    /// room when `openOnly`), or -1 when it has none.
    private func cheapestColumn(_ m: borrowing CapacitatedCostMatrix, row i: Int, openOnly: Bool) -> Int {
        var best = -1, bestCost = Double.infinity
        for e in m.rowStart[i]..<m.rowStart[i + 1] where !openOnly || m.capacity[m.columnIndex[e]] > 0 {
            let j = m.columnIndex[e], cost = m.costs[e]
            if cost < bestCost || (cost == bestCost && j < best) { (best, bestCost) = (j, cost) }
        }
        return best
    }

    /// Gives rows with identical allowed pairs and costs the same type. Such rows held by one column
    /// reach the same places at the same distances, so a search need expand only one of them there.
    private mutating func assignRowTypes(_ m: borrowing CapacitatedCostMatrix) -> RowTypes {
        let typeOfRow = workspace.rowType.reserve(m.rows)
        firstRowOfHash.removeAll(keepingCapacity: true)
        var types = 0
        for i in 0..<m.rows {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for e in m.rowStart[i]..<m.rowStart[i + 1] {
                hash = (hash ^ UInt64(bitPattern: Int64(m.columnIndex[e]))) &* 0x0000_0100_0000_01b3
                hash = (hash ^ m.costs[e].bitPattern) &* 0x0000_0100_0000_01b3
            }
            if let first = firstRowOfHash[hash], m.rowStart[first + 1] - m.rowStart[first] == m.rowStart[i + 1] - m.rowStart[i],
               (0..<(m.rowStart[i + 1] - m.rowStart[i])).allSatisfy({ m.columnIndex[m.rowStart[first] + $0] == m.columnIndex[m.rowStart[i] + $0]
                                                                       && m.costs[m.rowStart[first] + $0] == m.costs[m.rowStart[i] + $0] }) {
                typeOfRow[i] = typeOfRow[first]
            } else {
                if firstRowOfHash[hash] == nil { firstRowOfHash[hash] = i }
                typeOfRow[i] = types
                types += 1
            }
        }
        return RowTypes(typeOfRow: typeOfRow, types: types, workspace: workspace)
    }

    /// The most rows any assignment places, by Kuhn's augmenting paths (costs aside): a greedy
    /// start, then a depth-first search from each row left. A search that fails leaves the full
    /// columns it reached dead for the rest (no later path through them can end in room).
    private mutating func maximumPlaced(_ m: borrowing CapacitatedCostMatrix, types: RowTypes, columnForRow: inout [Int]) -> Int {
        let rows = m.rows, columns = m.columns
        columnForRow.removeAll(keepingCapacity: true)
        columnForRow.append(contentsOf: repeatElement(-1, count: rows))
        load.reset(repeating: 0, count: columns)
        dead.reset(repeating: false, count: columns)
        visit.reset(repeating: 0, count: columns)
        prepareRowLists(columns)
        var placed = 0
        for i in 0..<rows {
            for e in m.rowStart[i]..<m.rowStart[i + 1] where load[m.columnIndex[e]] < m.capacity[m.columnIndex[e]] {
                let j = m.columnIndex[e]
                load[j] += 1
                rowsOfColumn[j].append(i)
                columnForRow[i] = j
                placed += 1
                break
            }
        }
        for i in 0..<rows where columnForRow[i] < 0 && m.rowStart[i + 1] > m.rowStart[i] {
            searches += 1
            let stamp = searches
            if augmentCardinality(m, types: types, row: i, stamp: stamp, columnForRow: &columnForRow) {
                placed += 1
            } else {
                for j in 0..<columns where visit[j] == stamp { dead[j] = true }
            }
        }
        return placed
    }

    /// Finds room for `row` along an alternating path; on success `row` holds a column.
    private mutating func augmentCardinality(_ m: borrowing CapacitatedCostMatrix, types: RowTypes, row: Int, stamp: Int, columnForRow: inout [Int]) -> Bool {
        for e in m.rowStart[row]..<m.rowStart[row + 1] {
            let j = m.columnIndex[e]
            guard !dead[j], visit[j] != stamp, j != columnForRow[row] else { continue }
            visit[j] = stamp
            if load[j] < m.capacity[j] {
                load[j] += 1
                rowsOfColumn[j].append(row)
                columnForRow[row] = j
                return true
            }
            for k in rowsOfColumn[j].indices {
                let other = rowsOfColumn[j][k]
                // Another row of a type that failed from here would fail the same way.
                if types.alreadyExpanded(row: other, column: j, stamp: stamp) { continue }
                if augmentCardinality(m, types: types, row: other, stamp: stamp, columnForRow: &columnForRow) {
                    // `other` moved on; `row` takes its place here.
                    rowsOfColumn[j][k] = row
                    columnForRow[row] = j
                    return true
                }
            }
        }
        return false
    }

    private mutating func prepareRowLists(_ columns: Int) {
        if rowsOfColumn.count < columns { rowsOfColumn.append(contentsOf: repeatElement([], count: columns - rowsOfColumn.count)) }
        for j in 0..<columns { rowsOfColumn[j].removeAll(keepingCapacity: true) }
    }
}
