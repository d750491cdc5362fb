import PlacementMatching

/// Where a child is in their journey through care.
enum ChildStatus: UInt8 {
    case notYetEntered, inCare, left, stayingPut
}

/// One child of a replication. Everything about the child's demand side (age, need, home, planned
/// exit) is fixed when the child is generated; the placement fields change as the engine runs.
///
/// Stored compactly (days and indices in 32 bits, codes in 8) behind `Int` properties: a national
/// run holds hundreds of thousands of children, and the monthly snapshot and the yearly counts
/// read them all, so fewer bytes a child is less memory traffic.
struct ChildState {
    // Fields in order of size, so they pack into 64 bytes.

    // Demand side, drawn from the demand streams.
    @Stored32 var birthDay: Int
    @Stored32 var homeArea: Int
    /// The child's sibling group, or -1.
    @Stored32 var group: Int
    @Stored32 var entryDay: Int
    /// When the current period of care began: the entry day, or before the start for children
    /// already in care then.
    @Stored32 var careStartDay: Int
    @Stored32 var exitDay: Int
    /// The child's need (a `PlacementNeed` index), as drawn at entry.
    @Stored8 var need: Int
    /// The exit route (an index into `ScenarioModel.exitRouteNames`).
    @Stored8 var route: Int
    /// The kind of placement the child needs now (a `PlacementNeed` index): drawn at entry, changed
    /// by planned moves and the move to adopters or parents.
    @Stored8 var sought: Int
    var staysPut: Bool
    var kinshipAvailable: Bool

    // Placement side.
    var status = ChildStatus.notYetEntered
    var kind: PlacementKind?
    /// The kind of the placement that ended last (nil before any has ended).
    var lastKind: PlacementKind?
    var outsideLA = false
    var hadPlacement = false
    var isWaiting = false
    /// Whether the placement being sought follows a planned move (for the care log).
    var plannedMove = false
    /// The household, home or market place the child is placed with, or -1.
    @Stored32 var provider = -1
    @Stored32 var placementStart = 0
    var serial: Int32 = 0
    @Stored32 var placementsInYear = 0
    /// While waiting: the day from which a round must offer the child places again (`Int.max`:
    /// never). A round that leaves a child unplaced leaves no free place the child could take, so
    /// until a suitable place frees up or the child's age crosses a suitability limit
    /// (`suitabilityAgesDays`), offering the same places again would change nothing.
    @Stored32 var reconsiderFrom = 0
    var miles = 0.0
}

/// A whole number the engine keeps per child (a day or an index) in 32 bits. `Int.max`, which
/// stands for "never", is kept as `Int32.max` and comes back as `Int.max`.
@propertyWrapper
struct Stored32 {
    private var stored: Int32

    init(wrappedValue: Int) { stored = Self.stored(wrappedValue) }

    var wrappedValue: Int {
        get { stored == .max ? .max : Int(stored) }
        set { stored = Self.stored(newValue) }
    }

    private static func stored(_ value: Int) -> Int32 { value >= Int(Int32.max) ? .max : Int32(value) }
}

/// A small code the engine keeps per child (a need or route index) in 8 bits.
@propertyWrapper
struct Stored8 {
    private var stored: UInt8

    init(wrappedValue: Int) { stored = UInt8(wrappedValue) }

    var wrappedValue: Int {
        get { Int(stored) }
        set { stored = UInt8(newValue) }
    }
}

/// An in-house foster household during a replication.
struct HouseholdState {
    var approval: HouseholdModel
    var availableFrom: Int
    /// Approved places that can be used: the rest are not available (carers' own circumstances,
    /// a place held for a particular child), drawn when the household is approved.
    var usablePlaces: Int
    var occupants = 0
    var closing = false
    var active = true

    /// Places free for a new child.
    var freePlaces: Int { max(0, usablePlaces - occupants) }
}

/// An in-house children's home during a replication.
struct HomeState {
    let area: Int
    let beds: Int
    var occupants = 0

    /// Beds free for a new child.
    var freeBeds: Int { beds - occupants }
}

/// A market's places during a replication. Places past `capacity` exist only for children placed
/// before a capacity cut; they are not offered again once vacated.
struct MarketState {
    let model: MarketModel
    var occupant: [Int]
    var occupied = 0
    /// Free places (below capacity) of each area run, and each place's position in its list.
    private var freeByRun: [[Int]] = []
    private var runOfSlot: [Int]
    private var positionInRun: [Int]

    init(model: MarketModel) {
        self.model = model
        occupant = [Int](repeating: -1, count: model.capacity)
        runOfSlot = [Int](repeating: 0, count: model.capacity)
        positionInRun = [Int](repeating: 0, count: model.capacity)
        // slotAreas lists each area's places contiguously: one run per area (one in all with a
        // distance distribution).
        for slot in 0..<model.capacity {
            if slot == 0 || (!model.slotAreas.isEmpty && model.slotAreas[slot] != model.slotAreas[slot - 1]) { freeByRun.append([]) }
            runOfSlot[slot] = freeByRun.count - 1
            positionInRun[slot] = freeByRun[freeByRun.count - 1].count
            freeByRun[freeByRun.count - 1].append(slot)
        }
    }

    /// Places that may be offered now.
    var available: Int { max(0, model.capacity - occupied) }

    /// The area of place `slot`, or nil when the market uses a distance distribution.
    func area(ofSlot slot: Int) -> Int? {
        model.slotAreas.isEmpty ? nil : model.slotAreas[slot % model.slotAreas.count]
    }

    /// A free place below capacity, preferring `area`'s; nil if none.
    func freeSlot(preferring area: Int?) -> Int? {
        if let area, let run = freeByRun.indices.first(where: { !freeByRun[$0].isEmpty && self.area(ofSlot: freeByRun[$0][0]) == area }) {
            return freeByRun[run].last
        }
        return freeByRun.first { !$0.isEmpty }?.last
    }

    mutating func occupy(_ slot: Int, by child: Int) {
        if slot >= occupant.count { occupant.append(contentsOf: repeatElement(-1, count: slot - occupant.count + 1)) }
        occupant[slot] = child
        occupied += 1
        guard slot < model.capacity else { return }
        let run = runOfSlot[slot], position = positionInRun[slot]
        let last = freeByRun[run].removeLast()
        if last != slot {
            freeByRun[run][position] = last
            positionInRun[last] = position
        }
    }

    mutating func vacate(_ slot: Int) {
        occupant[slot] = -1
        occupied -= 1
        guard slot < model.capacity else { return }
        let run = runOfSlot[slot]
        positionInRun[slot] = freeByRun[run].count
        freeByRun[run].append(slot)
    }

    /// The market's free places as classes, one per area (places of one area are alike), each
    /// offering its last free place with room for as many units as the area has free places (and
    /// the market has room).
    /// Mutating though it only reads: called on an element of the engine's array of markets, a
    /// non-mutating method copied the whole market (retaining each of its arrays) to lend it.
    mutating func offerClasses(into offers: inout ScratchList<Offer>) {
        for run in freeByRun where !run.isEmpty {
            let slot = run[run.count - 1]
            offers.append(Offer(column: MatchColumn(kind: model.kind, provider: slot, area: area(ofSlot: slot) ?? -1),
                                room: min(run.count, available), placeClass: -1))
        }
    }
}

/// A sibling group (or single child) arriving together.
struct EntryGroup {
    var day: Int
    var children: Range<Int>
}

/// Children in the order they were added (those waiting for a place, those present). Removing a
/// child leaves a hole, closed up once the holes outnumber the children by more than four, so it
/// costs O(1) rather than a search of the list (at national scale hundreds wait at once), keeps the
/// order, and leaves few holes for the loops over a short waiting list to skip.
struct ChildList: Sequence {
    private var slots: [Int] = []
    private var slotOfChild: [Int]
    private(set) var count = 0

    init(children: Int) { slotOfChild = [Int](repeating: -1, count: children) }

    var isEmpty: Bool { count == 0 }

    mutating func append(_ c: Int) {
        slotOfChild[c] = slots.count
        slots.append(c)
        count += 1
    }

    mutating func remove(_ c: Int) {
        let slot = slotOfChild[c]
        guard slot >= 0 else { return }
        slots[slot] = -1
        slotOfChild[c] = -1
        count -= 1
        if slots.count > 2 * count + 4 {
            var kept = 0
            for s in slots.indices where slots[s] >= 0 {
                slots[kept] = slots[s]
                slotOfChild[slots[s]] = kept
                kept += 1
            }
            slots.removeLast(slots.count - kept)
        }
    }

    func makeIterator() -> LazyFilterSequence<[Int]>.Iterator { slots.lazy.filter { $0 >= 0 }.makeIterator() }

    /// Calls `body` with each child in order, reading the list in place: for the loops that visit
    /// every child present every month, where the iterator's own work was a fifth of the loop's.
    /// `body` must not add to or remove from this list (the iterator, which reads a copy, may).
    @inline(__always)
    func forEachChild(_ body: (Int) -> Void) {
        slots.withUnsafeBufferPointer { slots in
            for c in slots where c >= 0 { body(c) }
        }
    }
}
