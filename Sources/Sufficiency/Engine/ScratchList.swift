/// A list of plain values that a matching round fills and empties: the round's units, the units
/// still to place and the places offered. A round runs most days of a replication with a handful
/// of units, so an array's fixed costs there (a uniqueness check on every change, emptying through
/// the general range replacement) were a large part of the round's own work; emptying this list
/// only resets its count, and growing it is the one path that allocates.
///
/// Not copyable: it owns its storage, freed when the list goes. Indices are checked, as an
/// array's are.
struct ScratchList<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            precondition(i >= 0 && i < count, "index out of range")
            return base[i]
        }
        @inline(__always) set {
            precondition(i >= 0 && i < count, "index out of range")
            base[i] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    /// Appends `element` `n` times.
    mutating func append(repeating element: Element, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(repeating: element, count: n)
        count += n
    }

    /// Empties the list, keeping its storage.
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Removes and returns the last element.
    @inline(__always)
    mutating func removeLast() -> Element {
        precondition(count > 0, "cannot remove from an empty list")
        count -= 1
        return base[count]
    }

    /// Keeps the first `n` elements.
    mutating func truncate(to n: Int) {
        precondition(n >= 0 && n <= count, "cannot keep \(n) of \(count) elements")
        count = n
    }

    /// Removes the first `n` elements, the rest moving up in order.
    mutating func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= count, "cannot remove \(n) of \(count) elements")
        for k in 0..<(count - n) { base[k] = base[k + n] }
        count -= n
    }

    private mutating func grow(to needed: Int) {
        let larger = Swift.max(needed, 2 * capacity)
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}
