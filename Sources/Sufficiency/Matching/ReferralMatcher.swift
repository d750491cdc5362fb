import PlacementMatching

/// A child referred for a placement today.
public struct Referral: Equatable, Sendable {
    public var id: String
    /// Age in years.
    public var age: Double
    public var need: String
    public var homeEasting: Double
    public var homeNorthing: Double
    /// Children with the same sibling group are placed together where possible; empty = none.
    public var siblingGroup: String

    public init(id: String, age: Double, need: String, homeEasting: Double, homeNorthing: Double, siblingGroup: String = "") {
        self.id = id; self.age = age; self.need = need; self.homeEasting = homeEasting; self.homeNorthing = homeNorthing
        self.siblingGroup = siblingGroup
    }
}

/// A vacancy today: a provider's free places of one placement type.
public struct Vacancy: Equatable, Sendable {
    public var id: String
    public var kind: PlacementKind
    public var provider: String
    public var easting: Double
    public var northing: Double
    public var freePlaces: Int
    public var minAge: Double
    /// Age from which the places no longer take children (exclusive).
    public var maxAge: Double
    public var needs: [String]
    public var weeklyCost: Double
    public var insideLA: Bool

    public init(id: String, kind: PlacementKind, provider: String, easting: Double, northing: Double, freePlaces: Int,
                minAge: Double, maxAge: Double, needs: [String], weeklyCost: Double, insideLA: Bool = false) {
        self.id = id; self.kind = kind; self.provider = provider; self.easting = easting; self.northing = northing
        self.freePlaces = freePlaces; self.minAge = minAge; self.maxAge = maxAge; self.needs = needs
        self.weeklyCost = weeklyCost; self.insideLA = insideLA
    }
}

/// Today's referrals matched to today's vacancies under a matching policy, with the reasons.
///
/// Sibling groups are matched first, each to a vacancy with room for the whole group, so that
/// they can stay together; then single children (and, if the policy allows, the children of groups
/// that could not be kept together, at the split penalty) are matched to the places left. Each
/// stage is one least-cost assignment by `AssignmentSolver`.
public struct ReferralMatcher: Sendable {
    public let policy: MatchingPolicy

    public init(policy: MatchingPolicy) { self.policy = policy }

    /// A child placed: where, how far, at what price, and the cost terms that decided it.
    public struct Placement: Equatable, Sendable {
        public let child: String
        public let vacancy: String
        public let provider: String
        public let kind: PlacementKind
        public let miles: Double
        public let weeklyCost: Double
        public let terms: [Term]
        public let splitFromSiblings: Bool

        public var cost: Double { terms.map(\.amount).reduce(0, +) }
    }

    public struct Term: Equatable, Sendable {
        public let name: String
        public let amount: Double
    }

    /// Why no place of one type could take an unmatched child.
    public struct Exclusion: Equatable, Sendable {
        public let kind: PlacementKind
        /// Reason -> vacancies it ruled out: "age", "need", "siblings", "capacity".
        public let reasons: [(reason: String, vacancies: Int)]

        public static func == (a: Exclusion, b: Exclusion) -> Bool {
            a.kind == b.kind && a.reasons.map(\.reason) == b.reasons.map(\.reason) && a.reasons.map(\.vacancies) == b.reasons.map(\.vacancies)
        }
    }

    public struct Unmatched: Equatable, Sendable {
        public let child: String
        public let exclusions: [Exclusion]
    }

    public struct Result: Equatable, Sendable {
        public let placements: [Placement]
        public let unmatched: [Unmatched]
    }

    /// Matches referrals to vacancies.
    ///
    /// - Complexity: two sparse assignments over the feasible pairs.
    public func match(_ referrals: [Referral], _ vacancies: [Vacancy]) -> Result {
        var free = vacancies.map(\.freePlaces)
        var solver = AssignmentSolver()
        var placements: [Placement] = []
        // Units: sibling groups (in order of first appearance) and single children.
        var groups: [[Int]] = [], singles: [Int] = []
        var groupIndex: [String: Int] = [:]
        for (i, referral) in referrals.enumerated() {
            if referral.siblingGroup.isEmpty { singles.append(i); continue }
            if let g = groupIndex[referral.siblingGroup] { groups[g].append(i) } else {
                groupIndex[referral.siblingGroup] = groups.count
                groups.append([i])
            }
        }
        let together = groups.filter { $0.count > 1 }
        singles += groups.filter { $0.count == 1 }.flatMap { $0 }
        // Stage 1: sibling groups together.
        var split: [Int] = []
        let groupAssignment = assign(together, referrals, vacancies, free, split: false, solver: &solver)
        for (g, unit) in together.enumerated() {
            guard let v = groupAssignment[g] else {
                split += unit
                continue
            }
            free[v] -= unit.count
            placements += unit.map { placement(referrals[$0], vacancies[v], split: false) }
        }
        // Stage 2: single children, and siblings apart if allowed.
        let stage2 = singles.map { [$0] } + (policy.allowSiblingSplit ? split.map { [$0] } : [])
        let splitSet = Set(split)
        let singleAssignment = assign(stage2, referrals, vacancies, free, split: true, splitChildren: splitSet, solver: &solver)
        var placed = Set(placements.map(\.child))
        for (u, unit) in stage2.enumerated() {
            guard let v = singleAssignment[u] else { continue }
            free[v] -= 1
            placements.append(placement(referrals[unit[0]], vacancies[v], split: splitSet.contains(unit[0])))
            placed.insert(referrals[unit[0]].id)
        }
        let order = Dictionary(uniqueKeysWithValues: referrals.enumerated().map { ($0.element.id, $0.offset) })
        placements.sort { order[$0.child]! < order[$1.child]! }
        let unmatched = referrals.enumerated().filter { !placed.contains($0.element.id) }.map { i, referral in
            Unmatched(child: referral.id, exclusions: explain(referral, groupSize: groupOf(i, groups)?.count ?? 1, vacancies, free))
        }
        return Result(placements: placements, unmatched: unmatched)
    }

    private func groupOf(_ child: Int, _ groups: [[Int]]) -> [Int]? { groups.first { $0.contains(child) } }

    /// One least-cost assignment of units to vacancies with room for them.
    private func assign(_ units: [[Int]], _ referrals: [Referral], _ vacancies: [Vacancy], _ free: [Int], split: Bool,
                        splitChildren: Set<Int> = [], solver: inout AssignmentSolver) -> [Int?] {
        guard !units.isEmpty else { return [] }
        // Single children may share a vacancy with several places: one column per free place.
        var columns: [Int] = []
        for (v, places) in free.enumerated() where places > 0 {
            columns += repeatElement(v, count: split ? places : 1)
        }
        var entries: [[(column: Int, cost: Double)]] = []
        for unit in units {
            var row: [(column: Int, cost: Double)] = []
            for (j, v) in columns.enumerated() where unit.count <= free[v] {
                var total = 0.0
                var feasible = true
                for c in unit {
                    guard let cost = cost(of: referrals[c], in: vacancies[v]) else { feasible = false; break }
                    total += cost + (splitChildren.contains(c) ? policy.weights.siblingSplit : 0)
                }
                if feasible { row.append((j, total)) }
            }
            entries.append(row)
        }
        guard let matrix = try? SparseCostMatrix(columns: columns.count, entries: entries) else { return units.map { _ in nil } }
        return solver.solve(matrix).columnForRow.map { $0.map { columns[$0] } }
    }

    private func cost(of referral: Referral, in vacancy: Vacancy) -> Double? {
        guard suits(referral, vacancy) == nil else { return nil }
        return policy.weights.cost(weeklyPrice: vacancy.weeklyCost, miles: miles(referral, vacancy),
                                   inHouse: vacancy.kind == .inHouseFoster || vacancy.kind == .inHouseResidential, insideLA: vacancy.insideLA)
    }

    /// Nil when the vacancy suits the child by age and need, else the reason it does not.
    func suits(_ referral: Referral, _ vacancy: Vacancy) -> String? {
        if referral.age < vacancy.minAge || referral.age >= vacancy.maxAge { return "age" }
        if !vacancy.needs.contains(referral.need) { return "need" }
        return nil
    }

    func miles(_ referral: Referral, _ vacancy: Vacancy) -> Double {
        MatchingWeights.miles(eastingA: referral.homeEasting, northingA: referral.homeNorthing, eastingB: vacancy.easting, northingB: vacancy.northing)
    }

    private func placement(_ referral: Referral, _ vacancy: Vacancy, split: Bool) -> Placement {
        let miles = miles(referral, vacancy)
        var terms = policy.weights.terms(weeklyPrice: vacancy.weeklyCost, miles: miles,
                                         inHouse: vacancy.kind == .inHouseFoster || vacancy.kind == .inHouseResidential,
                                         insideLA: vacancy.insideLA).map { Term(name: $0.term, amount: $0.amount) }
        if split { terms.append(Term(name: "siblings apart", amount: policy.weights.siblingSplit)) }
        return Placement(child: referral.id, vacancy: vacancy.id, provider: vacancy.provider, kind: vacancy.kind, miles: miles,
                         weeklyCost: vacancy.weeklyCost, terms: terms, splitFromSiblings: split)
    }

    /// For each placement type with vacancies, the constraints that ruled out each of its
    /// vacancies for this child: age, need, siblings (not enough places for the group together)
    /// or capacity (no place left after the others were matched).
    private func explain(_ referral: Referral, groupSize: Int, _ vacancies: [Vacancy], _ free: [Int]) -> [Exclusion] {
        var byKind: [PlacementKind: [String: Int]] = [:]
        for (v, vacancy) in vacancies.enumerated() {
            let reason = suits(referral, vacancy)
                ?? (groupSize > 1 && vacancy.freePlaces < groupSize && !policy.allowSiblingSplit ? "siblings" : nil)
                ?? (free[v] < 1 ? "capacity" : "siblings")
            byKind[vacancy.kind, default: [:]][reason, default: 0] += 1
        }
        let reasonOrder = ["age", "need", "siblings", "capacity"]
        return PlacementKind.allCases.compactMap { kind in
            byKind[kind].map { counts in
                Exclusion(kind: kind, reasons: reasonOrder.compactMap { r in counts[r].map { (r, $0) } })
            }
        }
    }
}
