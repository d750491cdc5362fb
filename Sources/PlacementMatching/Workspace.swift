/// Work arrays kept between solves, so a solver in a simulation loop allocates only when a
/// problem is larger than any before it.
///
/// Raw buffers rather than arrays: the inner loops of the solvers index them millions of times,
/// and unchecked access with no uniqueness checks ran about 1.3x faster here than plain arrays.
final class Workspace: @unchecked Sendable {
    /// A growable buffer of trivial values; its contents are undefined after `reserve`.
    struct Buffer<Element> {
        private(set) var base: UnsafeMutablePointer<Element>
        private(set) var capacity: Int

        init() {
            base = .allocate(capacity: 1)
            capacity = 1
        }

        /// Makes room for at least `count` elements, discarding the contents when it grows.
        @inline(__always)
        mutating func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
            if count > capacity {
                base.deallocate()
                capacity = Swift.max(count, capacity * 2)
                base = .allocate(capacity: capacity)
            }
            return base
        }

        func free() { base.deallocate() }
    }

    // Dual potentials, shortest-path distances and the copy of a transposed or extended matrix.
    var u = Buffer<Double>(), v = Buffer<Double>(), distance = Buffer<Double>(), matrix = Buffer<Double>()
    // Matching, predecessor on the shortest path, columns not yet scanned, scanned columns, free rows.
    var rowForColumn = Buffer<Int>(), columnForRow = Buffer<Int>(), path = Buffer<Int>()
    var remaining = Buffer<Int>(), scanned = Buffer<Int>(), freeRows = Buffer<Int>()
    // Sparse problems: scanned flags, the heap and the columns a search reached.
    var isScanned = Buffer<Bool>()
    var heap = Buffer<HeapEntry>(), touched = Buffer<Int>()
    // Capacitated problems (with u, v, distance, path as predecessors, isScanned as settled, heap
    // and touched as the nodes reached): each column's room and load, the cost of each row's held
    // pair and of each column's predecessor pair, the rows each column holds as linked lists, and
    // the row types with their search marks.
    var room = Buffer<Int>(), load = Buffer<Int>(), heldCost = Buffer<Double>(), predecessorCost = Buffer<Double>()
    var firstHeld = Buffer<Int>(), lastHeld = Buffer<Int>(), nextHeld = Buffer<Int>(), previousHeld = Buffer<Int>()
    var rowType = Buffer<Int>(), typeStamp = Buffer<Int>(), typeColumn = Buffer<Int>()
    var typeExpandedIn = Buffer<Int>(), typeLeastPotential = Buffer<Double>()

    deinit {
        u.free(); v.free(); distance.free(); matrix.free()
        rowForColumn.free(); columnForRow.free(); path.free()
        remaining.free(); scanned.free(); freeRows.free()
        isScanned.free()
        heap.free(); touched.free()
        room.free(); load.free(); heldCost.free(); predecessorCost.free()
        firstHeld.free(); lastHeld.free(); nextHeld.free(); previousHeld.free()
        rowType.free(); typeStamp.free(); typeColumn.free(); typeExpandedIn.free(); typeLeastPotential.free()
    }
}
