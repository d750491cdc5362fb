/// Children coming into care: a Poisson process by age band.
public struct Entries: Codable, Equatable, Sendable {
    /// Expected entrants a year by age band (band name -> children a year) in the first year.
    public var ratePerYear: [String: Double]
    /// Growth of every band's rate a year (0.02 = +2% a year, compounding).
    public var trendPerYear: Double
    /// The date the rates describe, `YYYY-MM-DD` (calibrate writes the middle of the years they
    /// were averaged over): the trend carries them from there to each year of the horizon. Absent:
    /// the rates are the first year's.
    public var rateMeasuredAt: String?
    /// Step changes in every band's rate from a date on (a new threshold, a service closing): each
    /// multiplies the rate, on top of the trend, from its date; none by default.
    public var rateChanges: [RateChange]
    /// The rates' relative standard error when they were estimated (calibrate writes
    /// 1/sqrt(entries counted)): each replication multiplies every rate by exp(this x z), z a
    /// standard normal draw, so the bands carry the estimate's uncertainty. 0: rates are known.
    public var rateUncertainty: Double
    /// The trend's standard error: each replication's trend is `trendPerYear` + this x z.
    public var trendUncertainty: Double
    /// For each age band, the share of entrants with each need (band -> need -> share, summing to 1).
    public var needMix: [String: [String: Double]]
    /// Share of entries that are sibling groups of each size ("1", "2", "3", ...; summing to 1).
    /// Rates count children; groups arrive at rate / mean group size.
    public var siblingGroupSizes: [String: Double]
    /// Chance that a kinship carer is available for an entrant (or sibling group).
    public var kinshipAvailable: Double
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case ratePerYear, trendPerYear, rateMeasuredAt, rateChanges, rateUncertainty, trendUncertainty, needMix, siblingGroupSizes, kinshipAvailable, source }

    public init(ratePerYear: [String: Double], trendPerYear: Double, rateMeasuredAt: String? = nil, rateChanges: [RateChange] = [],
                rateUncertainty: Double = 0, trendUncertainty: Double = 0,
                needMix: [String: [String: Double]], siblingGroupSizes: [String: Double], kinshipAvailable: Double, source: String? = nil) {
        self.ratePerYear = ratePerYear; self.trendPerYear = trendPerYear; self.rateMeasuredAt = rateMeasuredAt; self.rateChanges = rateChanges
        self.rateUncertainty = rateUncertainty; self.trendUncertainty = trendUncertainty; self.needMix = needMix
        self.siblingGroupSizes = siblingGroupSizes; self.kinshipAvailable = kinshipAvailable; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.entries
        ratePerYear = try read(.ratePerYear, default: d.ratePerYear)
        trendPerYear = try read(.trendPerYear, default: d.trendPerYear)
        rateMeasuredAt = try read.optional(.rateMeasuredAt)
        rateChanges = try read(.rateChanges, default: d.rateChanges)
        rateUncertainty = try read(.rateUncertainty, default: d.rateUncertainty)
        trendUncertainty = try read(.trendUncertainty, default: d.trendUncertainty)
        needMix = try read(.needMix, default: d.needMix)
        siblingGroupSizes = try read(.siblingGroupSizes, default: d.siblingGroupSizes)
        kinshipAvailable = try read(.kinshipAvailable, default: d.kinshipAvailable)
        source = try read.optional(.source)
    }
}

/// A step change in the rate of entries: from `from` on, every band's rate is multiplied by
/// `multiplier` (1.3 = 30% more children coming into care).
public struct RateChange: Codable, Equatable, Sendable {
    /// `YYYY-MM-DD`.
    public var from: String
    public var multiplier: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case from, multiplier }

    public init(from: String, multiplier: Double) { self.from = from; self.multiplier = multiplier }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        from = try read(.from, default: "")
        multiplier = try read(.multiplier, default: 1)
    }
}

/// Time in care and how children leave, drawn at entry by age band.
public struct Exits: Codable, Equatable, Sendable {
    /// For each age band at entry, the competing exit routes.
    public var byAgeBand: [String: [ExitRoute]]
    /// Share of young people in foster care at 18 who stay put with their carer, keeping the place.
    public var stayingPutShare: Double
    /// Age at which staying put ends.
    public var stayingPutUntilAge: Double
    /// Weeks before an adoption order that a child moves to their adopters (placed for adoption).
    public var placedForAdoptionWeeks: Double
    /// Weeks before returning home that a child lives placed with parents (0 = none).
    public var placedWithParentsWeeks: Double
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case byAgeBand, stayingPutShare, stayingPutUntilAge, placedForAdoptionWeeks, placedWithParentsWeeks, source
    }

    public init(byAgeBand: [String: [ExitRoute]], stayingPutShare: Double, stayingPutUntilAge: Double,
                placedForAdoptionWeeks: Double, placedWithParentsWeeks: Double, source: String? = nil) {
        self.byAgeBand = byAgeBand; self.stayingPutShare = stayingPutShare; self.stayingPutUntilAge = stayingPutUntilAge
        self.placedForAdoptionWeeks = placedForAdoptionWeeks; self.placedWithParentsWeeks = placedWithParentsWeeks
        self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.exits
        byAgeBand = try read(.byAgeBand, default: d.byAgeBand)
        stayingPutShare = try read(.stayingPutShare, default: d.stayingPutShare)
        stayingPutUntilAge = try read(.stayingPutUntilAge, default: d.stayingPutUntilAge)
        placedForAdoptionWeeks = try read(.placedForAdoptionWeeks, default: d.placedForAdoptionWeeks)
        placedWithParentsWeeks = try read(.placedWithParentsWeeks, default: d.placedWithParentsWeeks)
        source = try read.optional(.source)
    }
}

/// One way out of care: its probability and how long children on it stay (years).
/// Anyone still in care at 18 leaves then, whatever their route.
public struct ExitRoute: Codable, Equatable, Sendable {
    /// `returnHome`, `adoption`, `specialGuardianship` or `other`.
    public var route: String
    public var probability: Double
    /// Time in care on this route, in years.
    public var duration: Distribution

    enum CodingKeys: String, CodingKey, CaseIterable { case route, probability, duration }

    public init(route: String, probability: Double, duration: Distribution) {
        self.route = route; self.probability = probability; self.duration = duration
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        route = try read(.route, default: "")
        probability = try read(.probability, default: 0)
        duration = try read(.duration, default: .exponential(mean: 1))
    }
}
