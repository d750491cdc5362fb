/// A heap entry: a node (a column, or in the capacitated solver a row or a column) and its
/// tentative distance.
struct HeapEntry {
    var key: Double
    var node: Int
}

/// A binary min-heap on a raw buffer, ordered by distance, then node index: the searches pop
/// entries in one fixed order, whatever order they were pushed in.
enum MinHeap {
    @inline(__always)
    static func less(_ a: HeapEntry, _ b: HeapEntry) -> Bool {
        a.key < b.key || (a.key == b.key && a.node < b.node)
    }

    @inline(__always)
    static func push(_ entry: HeapEntry, into heap: UnsafeMutablePointer<HeapEntry>, count: inout Int) {
        var position = count
        count += 1
        while position > 0 {
            let parent = (position - 1) >> 1
            guard less(entry, heap[parent]) else { break }
            heap[position] = heap[parent]
            position = parent
        }
        heap[position] = entry
    }

    @inline(__always)
    static func removeTop(of heap: UnsafeMutablePointer<HeapEntry>, count: inout Int) {
        count -= 1
        let last = heap[count]
        var position = 0
        while true {
            var child = 2 * position + 1
            guard child < count else { break }
            if child + 1 < count && less(heap[child + 1], heap[child]) { child += 1 }
            guard less(heap[child], last) else { break }
            heap[position] = heap[child]
            position = child
        }
        heap[position] = last
    }
}
