/// The cost pass of `CapacitatedAssignmentSolver`: each row with an allowed pair in turn runs a
/// Dijkstra search over the residual graph and the path found is flipped (see the solver's file
/// comment). On buffers owned by a `Workspace`: in a crowded national round the searches write
/// their distances, marks and heap tens of millions of times a replication, and as array writes
/// each paid a uniqueness and a bounds check, about as much again as the search itself.
struct CapacitatedSearch {
    // The problem: rows, the matrix's columns and, when `extraRoom` > 0, the zero-cost column
    // after them, open to every row with room for `extraRoom`.
    let rowStart: UnsafePointer<Int>, columnIndex: UnsafePointer<Int>, cost: UnsafePointer<Double>
    let rows: Int, matrixColumns: Int, columns: Int, extraRoom: Int
    let types: RowTypes
    let takesShortcuts: Bool
    /// Each column's room, the zero-cost column's included, and the rows it holds so far.
    let room: UnsafeMutablePointer<Int>, load: UnsafeMutablePointer<Int>
    let rowPotential: UnsafeMutablePointer<Double>, columnPotential: UnsafeMutablePointer<Double>
    /// Per node (rows, then columns): distance in the current search, the row a column was reached
    /// from, whether settled, and the nodes the search reached.
    let distance: UnsafeMutablePointer<Double>, predecessor: UnsafeMutablePointer<Int>
    let settled: UnsafeMutablePointer<Bool>, reached: UnsafeMutablePointer<Int>
    /// The cost of the pair each row holds, and of the pair by which each column was last reached:
    /// a full column's held rows are relaxed without looking their pairs up.
    let heldCost: UnsafeMutablePointer<Double>, predecessorCost: UnsafeMutablePointer<Double>
    /// The rows each column holds, in the order they came, as a doubly linked list through the rows.
    let firstHeld: UnsafeMutablePointer<Int>, lastHeld: UnsafeMutablePointer<Int>
    let nextHeld: UnsafeMutablePointer<Int>, previousHeld: UnsafeMutablePointer<Int>
    /// At most one entry per row and one per pair relaxed in a search.
    let heap: UnsafeMutablePointer<HeapEntry>
    let columnForRow: UnsafeMutablePointer<Int>

    init(_ m: borrowing CapacitatedCostMatrix, rowStart: UnsafePointer<Int>, columnIndex: UnsafePointer<Int>, cost: UnsafePointer<Double>,
         extraRoom: Int, types: RowTypes, takesShortcuts: Bool, columnForRow: UnsafeMutablePointer<Int>, workspace w: Workspace) {
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.cost = cost
        rows = m.rows
        matrixColumns = m.columns
        columns = m.columns + (extraRoom > 0 ? 1 : 0)
        self.extraRoom = extraRoom
        self.types = types
        self.takesShortcuts = takesShortcuts
        self.columnForRow = columnForRow
        let nodes = rows + columns
        room = w.room.reserve(columns)
        load = w.load.reserve(columns)
        rowPotential = w.u.reserve(rows)
        columnPotential = w.v.reserve(columns)
        distance = w.distance.reserve(nodes)
        predecessor = w.path.reserve(nodes)
        settled = w.isScanned.reserve(nodes)
        reached = w.touched.reserve(nodes)
        heldCost = w.heldCost.reserve(rows)
        predecessorCost = w.predecessorCost.reserve(columns)
        firstHeld = w.firstHeld.reserve(columns)
        lastHeld = w.lastHeld.reserve(columns)
        nextHeld = w.nextHeld.reserve(rows)
        previousHeld = w.previousHeld.reserve(rows)
        heap = w.heap.reserve(1 + 2 * rows + m.columnIndex.count)
        for j in 0..<m.columns { room[j] = m.capacity[j] }
        if extraRoom > 0 { room[m.columns] = extraRoom }
    }

    /// Runs the pass from scratch, writing each row's column into `columnForRow`; `searches`
    /// numbers the searches (stamps that never repeat within a solve).
    ///
    /// - Returns: The number of rows assigned.
    func run(searches: inout Int) -> Int {
        let nodes = rows + columns
        for j in 0..<columns {
            columnPotential[j] = 0
            load[j] = 0
            predecessorCost[j] = 0
            firstHeld[j] = -1
            lastHeld[j] = -1
        }
        for node in 0..<nodes {
            distance[node] = .infinity
            predecessor[node] = -1
            settled[node] = false
        }
        // Row potentials start at minus the row's least cost, so every reduced cost starts >= 0.
        for i in 0..<rows {
            columnForRow[i] = -1
            heldCost[i] = 0
            var least = extraRoom > 0 ? 0.0 : .infinity
            for e in rowStart[i]..<rowStart[i + 1] { least = min(least, cost[e]) }
            rowPotential[i] = least.isFinite ? -least : 0
        }
        var assigned = 0
        for s in 0..<rows where rowStart[s + 1] > rowStart[s] {
            searches += 1
            if takesShortcuts && takeNearestIfOpen(s) || search(from: s, stamp: searches) { assigned += 1 }
        }
        return assigned
    }

    /// Dijkstra from unassigned row `s` (nodes: rows 0..<rows, columns rows..<nodes) to the nearest
    /// column with room; flips the path and moves the potentials. Returns false when none is reached.
    private func search(from s: Int, stamp: Int) -> Bool {
        var reachedCount = 0, heapCount = 0
        distance[s] = 0
        reached[0] = s
        reachedCount = 1
        MinHeap.push(HeapEntry(key: 0, node: s), into: heap, count: &heapCount)
        var sink = -1, pathLength = 0.0
        // The nearest column with room found so far (distance, node): a node that would come
        // after it is never settled, so it is neither recorded nor pushed.
        var boundDistance = Double.infinity, boundNode = Int.max
        while heapCount > 0 {
            let (d, node) = (heap[0].key, heap[0].node)
            MinHeap.removeTop(of: heap, count: &heapCount)
            if settled[node] { continue }
            settled[node] = true
            if node < rows {
                let i = node, held = columnForRow[i], potential = rowPotential[i]
                if takesShortcuts {
                    if types.dominated(row: i, potential: potential, stamp: stamp) { continue }
                    types.recordExpanded(row: i, potential: potential, stamp: stamp)
                }
                func relax(_ j: Int, _ pairCost: Double) {
                    guard j != held else { return }
                    let column = rows + j
                    let next = d + max(0, pairCost + potential - columnPotential[j])
                    if next < distance[column] && (next < boundDistance || (next == boundDistance && column < boundNode)) {
                        if takesShortcuts && load[j] < room[j] { (boundDistance, boundNode) = (next, column) }
                        if distance[column] == .infinity {
                            reached[reachedCount] = column
                            reachedCount += 1
                        }
                        distance[column] = next
                        predecessor[column] = i
                        predecessorCost[j] = pairCost
                        MinHeap.push(HeapEntry(key: next, node: column), into: heap, count: &heapCount)
                    }
                }
                for e in rowStart[i]..<rowStart[i + 1] { relax(columnIndex[e], cost[e]) }
                if extraRoom > 0 { relax(matrixColumns, 0) }
            } else {
                let j = node - rows
                if load[j] < room[j] {
                    sink = j
                    pathLength = d
                    break
                }
                var i = firstHeld[j]
                while i >= 0 {
                    defer { i = nextHeld[i] }
                    let next = d + max(0, columnPotential[j] - heldCost[i] - rowPotential[i])
                    guard next < distance[i] && next <= boundDistance else { continue }
                    if distance[i] == .infinity {
                        reached[reachedCount] = i
                        reachedCount += 1
                    }
                    distance[i] = next
                    predecessor[i] = node
                    if (takesShortcuts && types.dominated(row: i, potential: rowPotential[i], stamp: stamp))
                        || types.alreadyExpanded(row: i, column: j, stamp: stamp) {
                        // Its edges reach the same columns at the same distances as the row of its
                        // type expanded here, or no sooner than one of its type expanded before:
                        // it is settled (its distance is final, its only way in being this
                        // column) without relaxing them.
                        settled[i] = true
                    } else {
                        MinHeap.push(HeapEntry(key: next, node: i), into: heap, count: &heapCount)
                    }
                }
            }
        }
        if sink >= 0 {
            // Potentials of the scanned nodes move by their distance less the path's.
            for r in 0..<reachedCount {
                let node = reached[r]
                guard settled[node] && distance[node] < pathLength else { continue }
                if node < rows { rowPotential[node] += distance[node] - pathLength } else { columnPotential[node - rows] += distance[node] - pathLength }
            }
            // Flip the path: each row on it moves to the column after it.
            load[sink] += 1
            var column = sink
            while true {
                let i = predecessor[rows + column]
                let previous = columnForRow[i]
                if previous >= 0 { removeHeld(i, from: previous) }
                columnForRow[i] = column
                heldCost[i] = predecessorCost[column]
                appendHeld(i, to: column)
                if i == s { break }
                column = previous
            }
        }
        for r in 0..<reachedCount {
            let node = reached[r]
            distance[node] = .infinity
            settled[node] = false
            predecessor[node] = -1
        }
        return sink >= 0
    }

    /// The search from unassigned row `s` when it ends at once: the search settles `s`, then the
    /// column of least reduced cost (the lowest index among equals); if that column has room, the
    /// path is that one pair, and only `s`'s potential moves, by the pair's reduced cost. Takes it
    /// and returns true then; returns false, changing nothing, when the column is full.
    private func takeNearestIfOpen(_ s: Int) -> Bool {
        var best = -1, bestDistance = Double.infinity, bestCost = 0.0
        for e in rowStart[s]..<rowStart[s + 1] {
            let j = columnIndex[e], pairCost = cost[e]
            let reduced = max(0, pairCost + rowPotential[s] - columnPotential[j])
            if reduced < bestDistance || (reduced == bestDistance && j < best) { (best, bestDistance, bestCost) = (j, reduced, pairCost) }
        }
        if extraRoom > 0 {
            // The zero-cost column has the highest index: it wins only when strictly nearer.
            let reduced = max(0, rowPotential[s] - columnPotential[matrixColumns])
            if reduced < bestDistance { (best, bestDistance, bestCost) = (matrixColumns, reduced, 0) }
        }
        guard best >= 0, load[best] < room[best] else { return false }
        if bestDistance > 0 { rowPotential[s] -= bestDistance }
        load[best] += 1
        columnForRow[s] = best
        appendHeld(s, to: best)
        heldCost[s] = bestCost
        return true
    }

    private func appendHeld(_ i: Int, to j: Int) {
        nextHeld[i] = -1
        previousHeld[i] = lastHeld[j]
        if lastHeld[j] >= 0 { nextHeld[lastHeld[j]] = i } else { firstHeld[j] = i }
        lastHeld[j] = i
    }

    private func removeHeld(_ i: Int, from j: Int) {
        if previousHeld[i] >= 0 { nextHeld[previousHeld[i]] = nextHeld[i] } else { firstHeld[j] = nextHeld[i] }
        if nextHeld[i] >= 0 { previousHeld[nextHeld[i]] = previousHeld[i] } else { lastHeld[j] = previousHeld[i] }
    }
}

/// Rows with identical allowed pairs and costs share a type (see
/// `CapacitatedAssignmentSolver.assignRowTypes`), and the searches mark the types they expand, on
/// buffers owned by a `Workspace`.
struct RowTypes {
    let typeOfRow: UnsafeMutablePointer<Int>
    /// The search that last expanded a row of each type at a column, and that column.
    let stamp: UnsafeMutablePointer<Int>, column: UnsafeMutablePointer<Int>
    /// The search in which a row of each type was last expanded at all, and the least potential
    /// of the rows of that type expanded in it (see `dominated`).
    let expandedIn: UnsafeMutablePointer<Int>, leastPotential: UnsafeMutablePointer<Double>

    /// The types in `typeOfRow` (numbered from 0 to `types` - 1), with their marks cleared.
    init(typeOfRow: UnsafeMutablePointer<Int>, types: Int, workspace w: Workspace) {
        self.typeOfRow = typeOfRow
        stamp = w.typeStamp.reserve(types)
        column = w.typeColumn.reserve(types)
        expandedIn = w.typeExpandedIn.reserve(types)
        leastPotential = w.typeLeastPotential.reserve(types)
        for t in 0..<types {
            stamp[t] = 0
            column[t] = -1
            expandedIn[t] = 0
            leastPotential[t] = 0
        }
    }

    /// Whether a row of row `i`'s type held by column `j` was already expanded in search `s`;
    /// marks it. Rows of one type held by one column reach the same places at the same distances.
    func alreadyExpanded(row i: Int, column j: Int, stamp s: Int) -> Bool {
        let t = typeOfRow[i]
        if stamp[t] == s && column[t] == j { return true }
        stamp[t] = s
        column[t] = j
        return false
    }

    /// Whether row `i` (with `potential`), reached in search `s`, would improve no distance: a row
    /// of its type was expanded earlier in the search (so at a distance no greater) with a potential
    /// no greater, and the same edges at the same costs from there reach every column no later.
    /// Its own column is the one edge the earlier row did not relax, and that column is settled
    /// already. Exact in floating point: each relaxed distance is monotone in the row's distance
    /// and potential.
    func dominated(row i: Int, potential: Double, stamp s: Int) -> Bool {
        expandedIn[typeOfRow[i]] == s && potential >= leastPotential[typeOfRow[i]]
    }

    /// Records that row `i` (with `potential`) is expanded in search `s`.
    func recordExpanded(row i: Int, potential: Double, stamp s: Int) {
        let t = typeOfRow[i]
        if expandedIn[t] != s || potential < leastPotential[t] {
            expandedIn[t] = s
            leastPotential[t] = potential
        }
    }
}
