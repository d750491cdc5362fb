/// The in-house places free now, kept current as places open and close, grouped into classes of
/// interchangeable places: households of one kind, area, approval (ages, needs, siblings) and
/// number of free places, or homes of one area and number of free beds. Every member of a class
/// costs a child the same and suits the same children, so a matching round offers each class once,
/// with room for as many units as it has members, and its work grows with the waiting units, not
/// with units x places.
struct FreePlaces {
    /// What makes places interchangeable.
    struct ClassKey: Hashable {
        let kind: PlacementKind
        let area: Int
        let minAgeDays: Int
        let maxAgeDays: Int
        let needs: UInt64
        let siblingCapacity: Int
        let free: Int
    }

    /// Each class's key, in the order classes were first seen (a replication's own order, so
    /// rounds are deterministic).
    private(set) var keys: [ClassKey] = []
    /// Each class's free providers (household or home indices).
    private(set) var members: [[Int]] = []
    /// A bit per class with a free provider (class k: bit k % 64 of word k / 64), so a round finds
    /// the classes with room, in class order, without looking at those that have none.
    private(set) var withRoom: [UInt64] = []
    private var classOfKey: [ClassKey: Int] = [:]
    /// Per provider, for households (table 0) and homes (table 1): its class (-1 when not free) and
    /// its position in that class's list.
    private var classOf: [[Int]] = [[], []], position: [[Int]] = [[], []]
    /// Per provider (tables as `classOf`), the class it was last filed under with each number of
    /// free places modulo 4, or -1: checked against the key, it spares hashing the key, which was
    /// most of the work of re-filing a household as its children come and go.
    private var recentClass: [[Int]] = [[], []]

    /// Lists provider `provider` of `kind` (a household or a home) under `key`, or nowhere when nil.
    mutating func set(_ provider: Int, of kind: PlacementKind, to key: ClassKey?) {
        let table = kind == .inHouseFoster ? 0 : 1
        while classOf[table].count <= provider {
            classOf[table].append(-1)
            position[table].append(0)
            recentClass[table].append(contentsOf: repeatElement(-1, count: 4))
        }
        var target = -1
        if let key {
            let recent = provider * 4 + (key.free & 3)
            target = recentClass[table][recent]
            if target < 0 || keys[target] != key {
                target = classIndex(key)
                recentClass[table][recent] = target
            }
        }
        Self.move(provider, to: target, members: &members, withRoom: &withRoom, classOf: &classOf[table], position: &position[table])
    }

    private static func move(_ provider: Int, to target: Int, members: inout [[Int]], withRoom: inout [UInt64],
                             classOf: inout [Int], position: inout [Int]) {
        let current = classOf[provider]
        guard target != current else { return }
        if current >= 0 {  // swap-remove from the old list
            let at = position[provider], last = members[current].removeLast()
            if last != provider {
                members[current][at] = last
                position[last] = at
            }
            if members[current].isEmpty { withRoom[current >> 6] &= ~(1 << UInt64(current & 63)) }
        }
        classOf[provider] = target
        if target >= 0 {
            position[provider] = members[target].count
            members[target].append(provider)
            withRoom[target >> 6] |= 1 << UInt64(target & 63)
        }
    }

    private mutating func classIndex(_ key: ClassKey) -> Int {
        if let known = classOfKey[key] { return known }
        keys.append(key)
        members.append([])
        if withRoom.count * 64 < keys.count { withRoom.append(0) }
        classOfKey[key] = keys.count - 1
        return keys.count - 1
    }
}

extension Replication {
    /// Re-files household `h` after anything about it changed (occupants, closing, readiness).
    func refreshFreePlaces(household h: Int) {
        let household = households[h]
        let offered = household.active && !household.closing && household.availableFrom <= today && household.freePlaces > 0
        let a = household.approval
        freePlaces.set(h, of: .inHouseFoster, to: offered ? .init(kind: .inHouseFoster, area: a.area, minAgeDays: a.minAgeDays, maxAgeDays: a.maxAgeDays,
                                                   needs: a.needs, siblingCapacity: a.siblingCapacity, free: household.freePlaces) : nil)
    }

    /// Re-files home `i` after its occupants changed.
    func refreshFreePlaces(home i: Int) {
        let free = homes[i].freeBeds
        freePlaces.set(i, of: .inHouseResidential, to: free > 0 ? .init(kind: .inHouseResidential, area: homes[i].area, minAgeDays: 0, maxAgeDays: 0,
                                               needs: 0, siblingCapacity: 0, free: free) : nil)
    }
}
