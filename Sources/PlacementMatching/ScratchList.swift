/// A list of plain values that a loop fills and empties many times: a matching round's units and
/// offers, a solve's cost matrix, a day's events. Such a loop runs thousands of times a
/// replication with a handful of elements, so an array's fixed costs there (a uniqueness check on
/// every change, emptying through the general range replacement) were a large part of its work;
/// emptying this list only resets its count, and growing it is the one path that allocates.
///
/// Not copyable: it owns its storage, freed when the list goes. Indices are checked, as an
/// array's are.
public struct ScratchList<Element: BitwiseCopyable>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    @usableFromInline var storedCount = 0

    public init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    @inlinable public var count: Int { storedCount }
    @inlinable public var isEmpty: Bool { storedCount == 0 }
    @inlinable public var indices: Range<Int> { 0..<count }

    @inlinable
    public subscript(i: Int) -> Element {
        @inline(__always) get {
            precondition(i >= 0 && i < count, "index out of range")
            return base[i]
        }
        @inline(__always) set {
            precondition(i >= 0 && i < count, "index out of range")
            base[i] = newValue
        }
    }

    @inlinable @inline(__always)
    public mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        storedCount += 1
    }

    /// Appends `element` `n` times.
    @inlinable
    public mutating func append(repeating element: Element, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(repeating: element, count: n)
        storedCount += n
    }

    /// Empties the list, keeping its storage.
    @inlinable @inline(__always)
    public mutating func removeAll() { storedCount = 0 }

    /// Empties the list and appends `element` `n` times.
    @inlinable
    public mutating func reset(repeating element: Element, count n: Int) {
        storedCount = 0
        append(repeating: element, count: n)
    }

    /// Removes and returns the last element.
    @inlinable @inline(__always)
    public mutating func removeLast() -> Element {
        precondition(count > 0, "cannot remove from an empty list")
        storedCount -= 1
        return base[count]
    }

    /// Keeps the first `n` elements.
    @inlinable
    public mutating func truncate(to n: Int) {
        precondition(n >= 0 && n <= count, "cannot keep \(n) of \(count) elements")
        storedCount = n
    }

    /// Removes the first `n` elements, the rest moving up in order.
    @inlinable
    public mutating func removeFirst(_ n: Int) {
        precondition(n >= 0 && n <= count, "cannot remove \(n) of \(count) elements")
        for k in 0..<(count - n) { base[k] = base[k + n] }
        storedCount -= n
    }

    /// Calls `body` with the elements in place.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        let larger = Swift.max(needed, 2 * capacity)
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}

/// It owns its storage alone (it cannot be copied), so it may move to another thread.
extension ScratchList: @unchecked Sendable where Element: Sendable {}
