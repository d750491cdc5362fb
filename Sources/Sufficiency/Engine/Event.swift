import PlacementMatching

/// Something that happens on a day. Events of one day run in `Kind` order (the raw value is the
/// priority), then in the order they were scheduled: simultaneous events always run the same way.
struct Event {
    enum Kind: UInt8, CaseIterable {
        /// A financial year begins: close the last year's per-child counts.
        case financialYear = 0
        /// Record the monthly metrics (the state at the start of the day; subject: the snapshot).
        case snapshot
        /// A child leaves care (subject: child).
        case exit
        /// A young person's staying-put arrangement ends (subject: child).
        case stayingPutEnd
        /// A household stops taking children (subject: household).
        case deregistration
        /// A household is approved (subject: unused).
        case approval
        /// A newly approved household can take its first child (subject: household).
        case householdReady
        /// A child moves to their final placement: adopters or parents (subject: child).
        case finalPlacement
        /// A placement breaks down (subject: child; serial: the placement's).
        case breakdown
        /// A planned move to another kind of placement (subject: child; serial: the placement's).
        case plannedMove
        /// A sibling group or child comes into care (subject: entry group).
        case entry
        /// Waiting children are matched to free places.
        case matchingRound
    }

    var day: Int32
    var kind: Kind
    var sequence: UInt32
    var subject: Int32
    var serial: Int32

    /// Run order: day, then kind, then scheduling order.
    @inline(__always)
    static func runsBefore(_ a: Event, _ b: Event) -> Bool {
        if a.day != b.day { return a.day < b.day }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        return a.sequence < b.sequence
    }
}

/// The pending events, run in (day, kind, sequence) order: a chain per day up to `days` (events
/// arrive for whole days, so finding the next costs nothing like a heap over every pending event
/// of a national run). A day's chain is put in run order by a counting sort on kind when the day
/// begins (a chain lists its events newest first, so each kind's come out in scheduling order);
/// events scheduled for the day being run join a small heap beside it, and the earlier of the two
/// runs next. Days beyond the chains wait in a heap of their own.
///
/// Chained events live in one pool whose slots are reused as days are run, so scheduling and
/// running allocate nothing once the pool has grown to the most events ever pending.
///
/// Its lists are `ScratchList`s: a day is loaded and its events scheduled and run thousands of
/// times a replication, and arrays' uniqueness checks and emptying were much of that work.
struct EventQueue: ~Copyable {
    private var pool = ScratchList<Event>()
    /// Per pool slot: the next slot of its day's chain (or of the free slots), or -1.
    private var link = ScratchList<Int32>()
    /// Per day: the first slot of its chain, or -1.
    private var head = ScratchList<Int32>()
    private var freeSlot: Int32 = -1
    /// The day whose events are in `today`; earlier days are spent.
    private var current = -1
    /// The day's chained events in run order, those before `cursor` run.
    private var today = ScratchList<Event>()
    private var cursor = 0
    /// Events scheduled for the day while it runs: a heap.
    private var sameDay = ScratchList<Event>()
    private var later = ScratchList<Event>()
    /// The counting sort's buffers: a day's chain as found, and where each kind's events go.
    private var chain = ScratchList<Event>()
    private var kindEnd = ScratchList<Int>()
    private var nextSequence: UInt32 = 0

    /// A queue with a chain for each of days 0 ..< `days`.
    init(days: Int) {
        head.append(repeating: -1, count: max(0, days))
        kindEnd.append(repeating: 0, count: Event.Kind.allCases.count)
    }

    mutating func schedule(day: Int, _ kind: Event.Kind, subject: Int = 0, serial: Int32 = 0) {
        let event = Event(day: Int32(day), kind: kind, sequence: nextSequence, subject: Int32(subject), serial: serial)
        nextSequence &+= 1
        if day <= current {
            precondition(day == current, "an event cannot be scheduled for a day already run")
            Self.push(event, into: &sameDay)
        } else if day < head.count {
            let slot: Int32
            if freeSlot >= 0 {
                slot = freeSlot
                freeSlot = link[Int(slot)]
                pool[Int(slot)] = event
                link[Int(slot)] = head[day]
            } else {
                slot = Int32(pool.count)
                pool.append(event)
                link.append(head[day])
            }
            head[day] = slot
        } else {
            Self.push(event, into: &later)
        }
    }

    mutating func next() -> Event? {
        while cursor == today.count && sameDay.isEmpty {
            guard current + 1 < head.count else { return later.isEmpty ? nil : Self.pop(&later) }
            current += 1
            loadDay()
        }
        if cursor < today.count && (sameDay.isEmpty || Event.runsBefore(today[cursor], sameDay[0])) {
            cursor += 1
            return today[cursor - 1]
        }
        return Self.pop(&sameDay)
    }

    /// Moves day `current`'s chain into `today` in run order and frees its slots.
    private mutating func loadDay() {
        chain.removeAll()
        for k in kindEnd.indices { kindEnd[k] = 0 }
        var slot = head[current]
        head[current] = -1
        while slot >= 0 {
            let event = pool[Int(slot)]
            chain.append(event)
            kindEnd[Int(event.kind.rawValue)] += 1
            let following = link[Int(slot)]
            link[Int(slot)] = freeSlot
            freeSlot = slot
            slot = following
        }
        for k in kindEnd.indices.dropFirst() { kindEnd[k] += kindEnd[k - 1] }
        today.removeAll()
        cursor = 0
        guard !chain.isEmpty else { return }
        today.append(repeating: chain[0], count: chain.count)
        // Newest first in the chain: each kind's events fill its part from the back.
        for i in chain.indices {
            let event = chain[i]
            kindEnd[Int(event.kind.rawValue)] -= 1
            today[kindEnd[Int(event.kind.rawValue)]] = event
        }
    }

    /// Pushes onto a min-heap.
    private static func push(_ event: Event, into heap: inout ScratchList<Event>) {
        heap.append(event)
        var position = heap.count - 1
        while position > 0 {
            let parent = (position - 1) / 2
            guard Event.runsBefore(event, heap[parent]) else { break }
            heap[position] = heap[parent]
            position = parent
        }
        heap[position] = event
    }

    /// Pops a min-heap's first event.
    private static func pop(_ heap: inout ScratchList<Event>) -> Event {
        let top = heap[0]
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        var position = 0
        let count = heap.count
        while true {
            var child = 2 * position + 1
            guard child < count else { break }
            if child + 1 < count && Event.runsBefore(heap[child + 1], heap[child]) { child += 1 }
            guard Event.runsBefore(heap[child], last) else { break }
            heap[position] = heap[child]
            position = child
        }
        heap[position] = last
        return top
    }
}
