// Least-cost assignment over the allowed pairs alone (compressed sparse rows).
//
// The same shortest-augmenting-path method as DenseShortestAugmentingPath (D. F. Crouse, IEEE TAES
// 52(4), 2016, pp. 1685-1686), with the Dijkstra search run on a binary heap over the edges of the
// scanned rows, as in the sparse variant of R. Jonker and A. Volgenant, Computing 38, 1987,
// pp. 325-340. A search touches only the columns it reaches, and its bookkeeping is undone from
// lists of those columns, so a search costs O(E' log E') for the E' edges it relaxes, never O(m).
//
// Start: square problems run Jonker and Volgenant's initialisation over the allowed pairs;
// rectangular ones a greedy row reduction (each row to its cheapest allowed column when free;
// u = that cost, v = 0), which keeps unused columns' potentials at 0 as rectangular optimality needs.
//
// Tie-breaking: rows are augmented in ascending order; among columns at equal distance the search
// takes a free column before an assigned one, then the lowest index.

/// One solve of a sparse problem with `rows <= columns`, on buffers owned by a `Workspace`.
struct SparseShortestAugmentingPath {
    let rowStart: UnsafePointer<Int>
    let columnIndex: UnsafePointer<Int>
    let cost: UnsafePointer<Double>
    let rows: Int
    let columns: Int
    let u: UnsafeMutablePointer<Double>
    let v: UnsafeMutablePointer<Double>
    let distance: UnsafeMutablePointer<Double>
    let rowForColumn: UnsafeMutablePointer<Int>
    let columnForRow: UnsafeMutablePointer<Int>
    let path: UnsafeMutablePointer<Int>
    let scanned: UnsafeMutablePointer<Int>
    let isScanned: UnsafeMutablePointer<Bool>
    let touched: UnsafeMutablePointer<Int>
    let heap: UnsafeMutablePointer<HeapEntry>
    let freeRows: UnsafeMutablePointer<Int>

    init(rowStart: UnsafePointer<Int>, columnIndex: UnsafePointer<Int>, cost: UnsafePointer<Double>,
         rows: Int, columns: Int, workspace: Workspace) {
        precondition(rows <= columns, "the sparse core expects rows <= columns")
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.cost = cost
        self.rows = rows
        self.columns = columns
        let edges = rowStart[rows]
        u = workspace.u.reserve(rows)
        v = workspace.v.reserve(columns)
        distance = workspace.distance.reserve(columns)
        rowForColumn = workspace.rowForColumn.reserve(columns)
        columnForRow = workspace.columnForRow.reserve(rows)
        path = workspace.path.reserve(columns)
        scanned = workspace.scanned.reserve(columns)
        isScanned = workspace.isScanned.reserve(columns)
        touched = workspace.touched.reserve(columns)
        heap = workspace.heap.reserve(edges + 1)
        freeRows = workspace.freeRows.reserve(rows)
    }

    /// Solves the problem, leaving the matching in `columnForRow` (-1 = unassigned).
    ///
    /// - Returns: The number of rows assigned, the maximum possible.
    func solve() -> Int {
        for j in 0..<columns {
            rowForColumn[j] = -1
            v[j] = 0
            distance[j] = .infinity
            isScanned[j] = false
        }
        for i in 0..<rows {
            columnForRow[i] = -1
            u[i] = 0
        }
        let freeCount = rows == columns ? jonkerVolgenantStart() : greedyStart()
        var assigned = rows - freeCount
        for f in 0..<freeCount where augment(from: freeRows[f]) {
            assigned += 1
        }
        return assigned
    }

    // MARK: - Initialisation

    /// Is column `a` preferred to column `b` at equal reduced cost? Free first, then lower index.
    @inline(__always)
    private func prefer(_ a: Int, over b: Int) -> Bool {
        let aFree = rowForColumn[a] < 0, bFree = rowForColumn[b] < 0
        return aFree != bFree ? aFree : a < b
    }

    /// Each row to its cheapest allowed column when that column is still free (u = that cost,
    /// v = 0). Returns the number of rows left free, listed in `freeRows`.
    private func greedyStart() -> Int {
        var freeCount = 0
        for i in 0..<rows {
            var best = -1
            var bestCost = Double.infinity
            for e in rowStart[i]..<rowStart[i + 1] {
                let c = cost[e], j = columnIndex[e]
                if c < bestCost || (c == bestCost && prefer(j, over: best)) {
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

    /// Jonker-Volgenant column reduction, reduction transfer and two passes of augmenting row
    /// reduction over the allowed pairs of a square problem (the same steps as the dense
    /// initialisation, with forbidden pairs simply absent). Ends with u[i] = c[i][x_i] - v[x_i] for
    /// assigned rows. Returns the number of rows left free, listed in `freeRows`.
    private func jonkerVolgenantStart() -> Int {
        let n = rows
        let argmin = path  // borrowed: path is rewritten by every augmentation
        for j in 0..<n {
            v[j] = .infinity
            argmin[j] = -1
        }
        for i in 0..<n {
            for e in rowStart[i]..<rowStart[i + 1] where cost[e] < v[columnIndex[e]] {
                v[columnIndex[e]] = cost[e]
                argmin[columnIndex[e]] = i
            }
        }
        for j in 0..<n {
            let i = argmin[j]
            if i < 0 {
                v[j] = 0
            } else if columnForRow[i] < 0 {
                columnForRow[i] = j
                rowForColumn[j] = i
            }
        }
        var freeCount = 0
        for i in 0..<n {
            let j1 = columnForRow[i]
            guard j1 >= 0 else {
                freeRows[freeCount] = i
                freeCount += 1
                continue
            }
            var second = Double.infinity
            for e in rowStart[i]..<rowStart[i + 1] where columnIndex[e] != j1 {
                second = min(second, cost[e] - v[columnIndex[e]])
            }
            if second < .infinity { v[j1] -= second }
        }
        // Row visits cost a few edges here, not a whole row as in the dense case, so chains may run
        // far longer; the factor only guards against pathological inputs.
        freeCount = RowReduction.run(freeCount: freeCount, chainFactor: 16, v: v, rowForColumn: rowForColumn,
                                     columnForRow: columnForRow, freeRows: freeRows) { i in
            var u1 = Double.infinity, u2 = Double.infinity
            var j1 = -1, j2 = -1
            for e in rowStart[i]..<rowStart[i + 1] {
                let j = columnIndex[e]
                let h = cost[e] - v[j]
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
        for i in 0..<n {
            let j = columnForRow[i]
            guard j >= 0 else { continue }
            for e in rowStart[i]..<rowStart[i + 1] where columnIndex[e] == j {
                u[i] = cost[e] - v[j]
                break
            }
        }
        return freeCount
    }

    // MARK: - Augmentation

    /// Finds a shortest augmenting path from the free row `start`, updates the potentials and
    /// augments. Returns false, changing nothing, when no free column can be reached.
    ///
    /// Free columns never enter the heap: the search keeps the nearest free column reached so far
    /// and stops when no assigned column is nearer (a free column wins a tie). An assigned column
    /// no nearer than that free column is not pushed either, as it could never be scanned first.
    private func augment(from start: Int) -> Bool {
        // Locals, so that the loops keep the buffers in registers.
        let rowStart = self.rowStart, columnIndex = self.columnIndex, cost = self.cost
        let u = self.u, v = self.v, distance = self.distance, path = self.path, heap = self.heap
        let rowForColumn = self.rowForColumn, isScanned = self.isScanned, touched = self.touched
        var heapCount = 0
        var touchedCount = 0
        var scannedCount = 0
        var nearestFree = -1
        var nearestFreeDistance = Double.infinity
        var i = start
        var base = 0.0
        while true {
            // Relax the edges of row i.
            let ui = u[i]
            for e in rowStart[i]..<rowStart[i + 1] {
                let k = columnIndex[e]
                let r = base + cost[e] - ui - v[k]
                guard r < distance[k], !isScanned[k] else { continue }
                if distance[k] == .infinity {
                    touched[touchedCount] = k
                    touchedCount += 1
                }
                distance[k] = r
                path[k] = i
                if rowForColumn[k] < 0 {
                    if r < nearestFreeDistance || (r == nearestFreeDistance && k < nearestFree) {
                        nearestFree = k
                        nearestFreeDistance = r
                    }
                } else if r < nearestFreeDistance {
                    MinHeap.push(HeapEntry(key: r, node: k), into: heap, count: &heapCount)
                }
            }
            // The nearest assigned column, if nearer than the nearest free one.
            var next = -1
            while heapCount > 0 && heap[0].key < nearestFreeDistance {
                let top = heap[0]
                MinHeap.removeTop(of: heap, count: &heapCount)
                if isScanned[top.node] || top.key > distance[top.node] { continue }  // stale entry
                next = top.node
                base = top.key
                break
            }
            guard next >= 0 else { break }
            isScanned[next] = true
            scanned[scannedCount] = next
            scannedCount += 1
            i = rowForColumn[next]
        }
        let sink = nearestFree
        if sink >= 0 {
            AugmentingPath.updatePotentials(start: start, pathLength: nearestFreeDistance, scanned: scanned, scannedCount: scannedCount,
                                            distance: distance, u: u, v: v, rowForColumn: rowForColumn)
            AugmentingPath.augment(start: start, sink: sink, path: path, rowForColumn: rowForColumn, columnForRow: columnForRow)
        }
        for t in 0..<touchedCount { distance[touched[t]] = .infinity }
        for s in 0..<scannedCount { isScanned[scanned[s]] = false }
        return sink >= 0
    }
}
