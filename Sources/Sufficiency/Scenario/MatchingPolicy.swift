/// How waiting children are matched to free places: the cost of each pairing, and the rules.
public struct MatchingPolicy: Codable, Equatable, Sendable {
    public var weights: MatchingWeights
    /// Place children with kin whenever a kinship carer is available, before any matching.
    public var kinshipFirst: Bool
    /// Days between matching rounds while anyone is waiting (1 = daily).
    public var roundEveryDays: Int
    /// The most waiting units (a child, or siblings placed together) one least-cost solve takes; a
    /// round with more solves them in batches of this size, in the order they started waiting.
    public var batchSize: Int
    /// Whether a sibling group no household can take together may be split.
    public var allowSiblingSplit: Bool
    public var stepDown: StepDownRule
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case weights, kinshipFirst, roundEveryDays, batchSize, allowSiblingSplit, stepDown, source }

    public init(weights: MatchingWeights, kinshipFirst: Bool, roundEveryDays: Int, batchSize: Int, allowSiblingSplit: Bool,
                stepDown: StepDownRule, source: String? = nil) {
        self.weights = weights; self.kinshipFirst = kinshipFirst; self.roundEveryDays = roundEveryDays; self.batchSize = batchSize
        self.allowSiblingSplit = allowSiblingSplit; self.stepDown = stepDown; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.matching
        weights = try read(.weights, default: d.weights)
        kinshipFirst = try read(.kinshipFirst, default: d.kinshipFirst)
        roundEveryDays = try read(.roundEveryDays, default: d.roundEveryDays)
        batchSize = try read(.batchSize, default: d.batchSize)
        allowSiblingSplit = try read(.allowSiblingSplit, default: d.allowSiblingSplit)
        stepDown = try read(.stepDown, default: d.stepDown)
        source = try read.optional(.source)
    }
}

/// The terms of a pairing's cost, each per child. The solver minimises their sum.
public struct MatchingWeights: Codable, Equatable, Sendable {
    /// Multiplier on the weekly price (pounds).
    public var weeklyCost: Double
    /// Cost per mile from the child's home.
    public var perMile: Double
    /// Extra cost when the place is more than 20 miles from home.
    public var over20Miles: Double
    /// Extra cost for each child of a sibling group placed apart from the others.
    public var siblingSplit: Double
    /// Reduction for an in-house place (the LA's own carers and homes).
    public var inHouseBonus: Double
    /// Reduction for a place inside the LA's boundary.
    public var inAreaBonus: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case weeklyCost, perMile, over20Miles, siblingSplit, inHouseBonus, inAreaBonus }

    public init(weeklyCost: Double, perMile: Double, over20Miles: Double, siblingSplit: Double, inHouseBonus: Double, inAreaBonus: Double) {
        self.weeklyCost = weeklyCost; self.perMile = perMile; self.over20Miles = over20Miles
        self.siblingSplit = siblingSplit; self.inHouseBonus = inHouseBonus; self.inAreaBonus = inAreaBonus
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.matching.weights
        weeklyCost = try read(.weeklyCost, default: d.weeklyCost)
        perMile = try read(.perMile, default: d.perMile)
        over20Miles = try read(.over20Miles, default: d.over20Miles)
        siblingSplit = try read(.siblingSplit, default: d.siblingSplit)
        inHouseBonus = try read(.inHouseBonus, default: d.inHouseBonus)
        inAreaBonus = try read(.inAreaBonus, default: d.inAreaBonus)
    }
}

/// Moving children from children's homes to in-house foster care when a suitable place frees up.
public struct StepDownRule: Codable, Equatable, Sendable {
    public var enabled: Bool
    /// Weeks a child must have been in the home before a step-down is considered.
    public var minimumWeeksInResidential: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case enabled, minimumWeeksInResidential }

    public init(enabled: Bool, minimumWeeksInResidential: Double) {
        self.enabled = enabled; self.minimumWeeksInResidential = minimumWeeksInResidential
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.matching.stepDown
        enabled = try read(.enabled, default: d.enabled)
        minimumWeeksInResidential = try read(.minimumWeeksInResidential, default: d.minimumWeeksInResidential)
    }
}
