// Least-cost assignment on a dense cost matrix by shortest augmenting paths.
//
// Rectangular problems (rows < columns) follow D. F. Crouse, "On implementing 2D rectangular
// assignment algorithms", IEEE Transactions on Aerospace and Electronic Systems 52(4), 2016,
// pp. 1679-1696, Algorithm 1 and the dual updates of pp. 1685-1686: a Dijkstra search over reduced
// costs c[i][j] - u[i] - v[j] from one free row to the nearest free column, an augmentation along
// that path, and an update of the row and column potentials u and v. They start from a greedy row
// reduction that keeps every column potential at 0, as the optimality of a rectangular assignment
// requires of the columns left unused.
//
// Square problems follow R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for
// dense and sparse linear assignment problems", Computing 38, 1987, pp. 325-340: column reduction,
// reduction transfer and two passes of augmenting row reduction assign most rows cheaply, then
// their augmentation procedure (column potentials only) handles the rest, gathering all columns at
// the least distance in one pass, which is what makes tied weekly prices cheap.
//
// A row with no augmenting path is skipped, not an error: by Kuhn's lemma it never gets one
// later, so the rows assigned at the end form a maximum-cardinality matching (AssignmentSolver
// then finds the least-cost one among those).
//
// Tie-breaking, fixed for a given matrix: rows are augmented in ascending order. The initial
// reductions take, among equal reduced costs, a free column before an assigned one, then the lowest
// index, so a constant matrix gives the identity. In the searches a free column is taken before an
// assigned one at equal distance; between free columns at equal distance the rectangular search
// takes the lowest index and the square one the first it reaches, scanning columns in ascending
// order from each search's start.
//
// Complexity: O(n^2 m) for n rows and m columns in the worst case; the initialisation usually
// leaves few rows for the O(n m) searches.

/// One solve of a dense problem with `rows <= columns`, on buffers owned by a `Workspace`.
struct DenseShortestAugmentingPath {
    let cost: UnsafePointer<Double>
    let rows: Int
    let columns: Int
    let u: UnsafeMutablePointer<Double>
    let v: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    let rowForColumn: UnsafeMutablePointer<Int>
    let columnForRow: UnsafeMutablePointer<Int>
    let path: UnsafeMutablePointer<Int>
    let remaining: UnsafeMutablePointer<Int>
    let scanned: UnsafeMutablePointer<Int>
    let freeRows: UnsafeMutablePointer<Int>

    init(cost: UnsafePointer<Double>, rows: Int, columns: Int, workspace: Workspace) {
        precondition(rows <= columns, "the dense core expects rows <= columns")
        self.cost = cost
        self.rows = rows
        self.columns = columns
        u = workspace.u.reserve(rows)
        v = workspace.v.reserve(columns)
        distance = workspace.distance.reserve(columns)
        rowForColumn = workspace.rowForColumn.reserve(columns)
        columnForRow = workspace.columnForRow.reserve(rows)
        path = workspace.path.reserve(columns)
        remaining = workspace.remaining.reserve(columns)
        scanned = workspace.scanned.reserve(columns)
        freeRows = workspace.freeRows.reserve(rows)
    }

    /// Solves the problem, leaving the matching in `columnForRow` (-1 = unassigned).
    ///
    /// - Returns: The number of rows assigned, the maximum possible.
    func solve() -> Int {
        for j in 0..<columns {
            rowForColumn[j] = -1
            v[j] = 0
        }
        for i in 0..<rows {
            columnForRow[i] = -1
            u[i] = 0
        }
        let square = rows == columns
        let freeCount = square ? jonkerVolgenantStart() : greedyStart()
        var assigned = rows - freeCount
        for f in 0..<freeCount where square ? augmentSquare(from: freeRows[f]) : augment(from: freeRows[f]) {
            assigned += 1
        }
        return assigned
    }

    // MARK: - Initialisation

    /// Assigns each row to its cheapest column when that column is still free (u = row minimum,
    /// v = 0). Returns the number of rows left free, listed in `freeRows`.
    private func greedyStart() -> Int {
        var freeCount = 0
        for i in 0..<rows {
            let row = cost + i * columns
            var best = -1
            var bestCost = Double.infinity
            for j in 0..<columns {
                let c = row[j]
                if c < bestCost || (c == bestCost && best >= 0 && rowForColumn[best] >= 0 && rowForColumn[j] < 0) {
                    best = j
                    bestCost = c
                }
            }
            if best >= 0 && rowForColumn[best] < 0 {
                columnForRow[i] = best
                rowForColumn[best] = i
                u[i] = bestCost
            } else {
                freeRows[freeCount] = i
                freeCount += 1
            }
        }
        return freeCount
    }

    /// Jonker-Volgenant column reduction, reduction transfer and augmenting row reduction for a
    /// square matrix. Returns the number of rows left free, listed in `freeRows`.
    private func jonkerVolgenantStart() -> Int {
        let n = rows
        // Column reduction, read row by row for the cache: v[j] = min over i, arg = lowest such row.
        let argmin = path  // borrowed: path is rewritten by every augmentation
        for j in 0..<n {
            v[j] = .infinity
            argmin[j] = -1
        }
        for i in 0..<n {
            let row = cost + i * n
            for j in 0..<n where row[j] < v[j] {
                v[j] = row[j]
                argmin[j] = i
            }
        }
        for j in 0..<n {
            let i = argmin[j]
            if i < 0 {
                v[j] = 0  // a column nobody may take
            } else if columnForRow[i] < 0 {
                columnForRow[i] = j
                rowForColumn[j] = i
            }
        }
        // Reduction transfer: lower v of each assigned column by its row's second-best reduced cost.
        var freeCount = 0
        for i in 0..<n {
            let j1 = columnForRow[i]
            guard j1 >= 0 else {
                freeRows[freeCount] = i
                freeCount += 1
                continue
            }
            let row = cost + i * n
            var second = Double.infinity
            for j in 0..<n where j != j1 {
                let h = row[j] - v[j]
                if h < second { second = h }
            }
            if second < .infinity { v[j1] -= second }
        }
        // Augmenting row reduction. Unbounded chains of displaced rows cost 2x the whole solve on
        // matrices with many forbidden pairs, so a pass re-reduces at most one per free row at once.
        freeCount = RowReduction.run(freeCount: freeCount, chainFactor: 1, v: v, rowForColumn: rowForColumn,
                                     columnForRow: columnForRow, freeRows: freeRows) { i in
            let row = cost + i * n
            var u1 = Double.infinity, u2 = Double.infinity
            var j1 = -1, j2 = -1
            for j in 0..<n {
                let h = row[j] - v[j]
                guard h < .infinity else { continue }
                if h < u2 || (h == u2 && (j2 < 0 || prefer(j, over: j2))) {
                    if h < u1 || (h == u1 && (j1 < 0 || prefer(j, over: j1))) {
                        u2 = u1; j2 = j1
                        u1 = h; j1 = j
                    } else {
                        u2 = h; j2 = j
                    }
                }
            }
            return (u1, j1, u2, j2)
        }
        return freeCount
    }

    // MARK: - Augmentation, square (Jonker and Volgenant 1987, procedure AUGMENT)

    /// Shortest augmenting path from the free row `start` with column potentials only (a row's
    /// potential is implicit: c[i][x_i] - v[x_i]). All columns at the current least distance are
    /// gathered in one pass and scanned without searching again, which matters when costs tie
    /// (weekly prices do): Crouse's search would make a full pass per tied column.
    /// Returns false, changing nothing, when no free column can be reached.
    ///
    /// `remaining` holds the columns in three runs: [0, ready) scanned before the current least
    /// distance, [ready, low) scanned at it, [low, up) waiting at it, [up, n) not yet reached.
    private func augmentSquare(from start: Int) -> Bool {
        let cost = self.cost, n = self.columns, v = self.v, distance = self.distance
        let path = self.path, order = self.remaining, rowForColumn = self.rowForColumn
        do {
            let row = cost + start * n
            for j in 0..<n {
                order[j] = j
                distance[j] = row[j] - v[j]
                path[j] = start
            }
        }
        var ready = 0, low = 0, up = 0
        var minimum = 0.0
        var sink = -1
        search: while true {
            if low == up {
                // Gather the columns at the least distance among those not yet reached.
                ready = low
                minimum = .infinity
                for k in up..<n {
                    let j = order[k]
                    let h = distance[j]
                    if h <= minimum {
                        if h < minimum {
                            up = low
                            minimum = h
                        }
                        order[k] = order[up]
                        order[up] = j
                        up += 1
                    }
                }
                guard minimum < .infinity else { return false }
                for k in low..<up where rowForColumn[order[k]] < 0 {
                    sink = order[k]
                    break search
                }
            }
            // Scan the row assigned to the next waiting column.
            let j1 = order[low]
            low += 1
            let i = rowForColumn[j1]
            let row = cost + i * n
            let offset = row[j1] - v[j1] - minimum
            for k in up..<n {
                let j = order[k]
                let h = row[j] - v[j] - offset
                if h < distance[j] {
                    distance[j] = h
                    path[j] = i
                    if h <= minimum {  // equal, bar rounding
                        if rowForColumn[j] < 0 {
                            sink = j
                            break search
                        }
                        order[k] = order[up]
                        order[up] = j
                        up += 1
                    }
                }
            }
        }
        // Potentials of the columns scanned before the last least distance.
        for k in 0..<ready {
            let j = order[k]
            v[j] += distance[j] - minimum
        }
        AugmentingPath.augment(start: start, sink: sink, path: path, rowForColumn: rowForColumn, columnForRow: columnForRow)
        return true
    }

    // MARK: - Augmentation, rectangular (Crouse 2016)

    /// Is column `a` preferred to column `b` at equal distance? Free first, then lower index.
    @inline(__always)
    private func prefer(_ a: Int, over b: Int) -> Bool {
        let aFree = rowForColumn[a] < 0, bFree = rowForColumn[b] < 0
        return aFree != bFree ? aFree : a < b
    }

    /// Finds a shortest augmenting path from the free row `start`, updates the potentials and
    /// augments. Returns false, changing nothing, when no free column can be reached.
    private func augment(from start: Int) -> Bool {
        // Locals, so that the loops keep the buffers in registers.
        let cost = self.cost, columns = self.columns, v = self.v, distance = self.distance
        let path = self.path, remaining = self.remaining, rowForColumn = self.rowForColumn
        var unscanned = columns  // remaining[0..<unscanned] are the columns not yet scanned
        var scannedCount = 0
        var lowest = Double.infinity
        var index = -1
        // First row: initialise every distance, and the unscanned list in column order, so that the
        // scans read the cost rows nearly sequentially.
        do {
            let row = cost + start * columns
            let ui = u[start]
            for j in 0..<columns {
                remaining[j] = j
                let r = row[j] - ui - v[j]
                distance[j] = r
                path[j] = start
                if r < lowest || (r == lowest && index >= 0 && prefer(j, over: index)) {
                    lowest = r
                    index = j
                }
            }
        }
        var sink = -1
        var minVal = 0.0
        while true {
            guard index >= 0 else { return false }
            minVal = lowest
            let j = remaining[index]
            unscanned -= 1
            remaining[index] = remaining[unscanned]
            let i = rowForColumn[j]
            if i < 0 {
                sink = j
                break
            }
            scanned[scannedCount] = j
            scannedCount += 1
            let row = cost + i * columns
            let ui = u[i]
            lowest = .infinity
            index = -1
            for it in 0..<unscanned {
                let k = remaining[it]
                let r = minVal + row[k] - ui - v[k]
                var d = distance[k]
                if r < d {
                    d = r
                    distance[k] = r
                    path[k] = i
                }
                if d < lowest || (d == lowest && index >= 0 && prefer(k, over: remaining[index])) {
                    lowest = d
                    index = it
                }
            }
        }
        AugmentingPath.updatePotentials(start: start, pathLength: minVal, scanned: scanned, scannedCount: scannedCount,
                                        distance: distance, u: u, v: v, rowForColumn: rowForColumn)
        AugmentingPath.augment(start: start, sink: sink, path: path, rowForColumn: rowForColumn, columnForRow: columnForRow)
        return true
    }
}
