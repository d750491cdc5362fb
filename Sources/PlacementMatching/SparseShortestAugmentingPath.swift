// Least-cost assignment over the allowed pairs alone (compressed sparse rows).
//
// The same shortest-augmenting-path method as DenseShortestAugmentingPath (D. F. Crouse, IEEE TAES
// 52(4), 2016, pp. 1685-1686), with the Dijkstra search run on a binary heap over the edges of the
// scanned rows, as in the sparse variant of R. Jonker and A. Volgenant, Computing 38, 1987,
// pp. 325-340. A search touches only the columns it reaches, and its bookkeeping is undone from
// lists of those columns, so a search costs O(E' log E') for the E' edges it relaxes, never O(m).
//
// Start: greedy row reduction (each row to its cheapest allowed column when free; u = that cost,
// v = 0), valid for rectangular problems.
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
    let heapKey: UnsafeMutablePointer<Double>
    let heapTie: UnsafeMutablePointer<Int>
    let freeRows: UnsafeMutablePointer<Int>

    /// Heap tie value of an assigned column: above every free column's.
    private static let assignedFlag = 1 << 48

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
        heapKey = workspace.heapKey.reserve(edges + 1)
        heapTie = workspace.heapTie.reserve(edges + 1)
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
        var freeCount = 0
        for i in 0..<rows {
            columnForRow[i] = -1
            u[i] = 0
            var best = -1
            var bestCost = Double.infinity
            for e in rowStart[i]..<rowStart[i + 1] {
                let c = cost[e], j = columnIndex[e]
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
        var assigned = rows - freeCount
        for f in 0..<freeCount where augment(from: freeRows[f]) {
            assigned += 1
        }
        return assigned
    }

    // MARK: - Heap of (distance, tie) pairs; tie = column, plus assignedFlag when assigned.

    @inline(__always)
    private func less(_ key: Double, _ tie: Int, than position: Int) -> Bool {
        key < heapKey[position] || (key == heapKey[position] && tie < heapTie[position])
    }

    @inline(__always)
    private func push(_ key: Double, _ tie: Int, count: inout Int) {
        var position = count
        count += 1
        while position > 0 {
            let parent = (position - 1) >> 1
            guard less(key, tie, than: parent) else { break }
            heapKey[position] = heapKey[parent]
            heapTie[position] = heapTie[parent]
            position = parent
        }
        heapKey[position] = key
        heapTie[position] = tie
    }

    @inline(__always)
    private func pop(count: inout Int) -> (key: Double, tie: Int) {
        let top = (heapKey[0], heapTie[0])
        count -= 1
        let key = heapKey[count], tie = heapTie[count]
        var position = 0
        while true {
            var child = 2 * position + 1
            guard child < count else { break }
            if child + 1 < count && (heapKey[child + 1] < heapKey[child]
                || (heapKey[child + 1] == heapKey[child] && heapTie[child + 1] < heapTie[child])) {
                child += 1
            }
            guard !less(key, tie, than: child) else { break }
            heapKey[position] = heapKey[child]
            heapTie[position] = heapTie[child]
            position = child
        }
        heapKey[position] = key
        heapTie[position] = tie
        return top
    }

    // MARK: - Augmentation

    /// Finds a shortest augmenting path from the free row `start`, updates the potentials and
    /// augments. Returns false, changing nothing, when no free column can be reached.
    private func augment(from start: Int) -> Bool {
        var heapCount = 0
        var touchedCount = 0
        var scannedCount = 0
        var sink = -1
        var minVal = 0.0
        var i = start
        var base = 0.0
        while true {
            // Relax the edges of row i.
            let ui = u[i]
            for e in rowStart[i]..<rowStart[i + 1] {
                let k = columnIndex[e]
                if isScanned[k] { continue }
                let r = base + cost[e] - ui - v[k]
                if r < distance[k] {
                    if distance[k] == .infinity {
                        touched[touchedCount] = k
                        touchedCount += 1
                    }
                    distance[k] = r
                    path[k] = i
                    push(r, rowForColumn[k] < 0 ? k : k | Self.assignedFlag, count: &heapCount)
                }
            }
            // Take the nearest unscanned column.
            var next = -1
            while heapCount > 0 {
                let (key, tie) = pop(count: &heapCount)
                let j = tie & (Self.assignedFlag - 1)
                if isScanned[j] || key > distance[j] { continue }
                next = j
                base = key
                break
            }
            guard next >= 0 else { break }
            if rowForColumn[next] < 0 {
                sink = next
                minVal = base
                break
            }
            isScanned[next] = true
            scanned[scannedCount] = next
            scannedCount += 1
            i = rowForColumn[next]
        }
        if sink >= 0 {
            u[start] += minVal
            for s in 0..<scannedCount {
                let j = scanned[s]
                let delta = minVal - distance[j]
                u[rowForColumn[j]] += delta
                v[j] -= delta
            }
            var j = sink
            while true {
                let i = path[j]
                rowForColumn[j] = i
                let previous = columnForRow[i]
                columnForRow[i] = j
                if i == start { break }
                j = previous
            }
        }
        for t in 0..<touchedCount { distance[touched[t]] = .infinity }
        for s in 0..<scannedCount { isScanned[scanned[s]] = false }
        return sink >= 0
    }
}
