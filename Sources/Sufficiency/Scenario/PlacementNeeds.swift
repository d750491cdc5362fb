/// What kind of placement children need, before supply is asked: at entry, and the planned moves
/// between kinds while in care (16+ to supported accommodation, step-down from residential, ...).
/// Breakdowns are separate (`placementTypes.<type>.breakdownRatePerYear`): a child whose placement
/// breaks down needs the same kind again.
///
/// Needs are `fostering`, `residential`, `supportedAccommodation`, `placedWithParents`,
/// `placedForAdoption` and `other` (`PlacementNeed`).
public struct PlacementNeeds: Codable, Equatable, Sendable {
    /// For each age band, the share of entrants needing each kind (band -> need -> share, summing
    /// to 1).
    public var atEntry: [String: [String: Double]]
    /// For each age band, planned moves a year from the kind a child is in to another
    /// (band -> from -> to -> rate a year). A child's next planned move comes after an exponential
    /// time at the total rate out of their kind, redrawn at each placement.
    public var changesPerYear: [String: [String: [String: Double]]]
    /// When no suitable place of the needed kind is free: the kinds to try instead, in order
    /// (need -> needs). A child placed so is a *substitution*, counted; one placed nowhere waits in
    /// an emergency placement.
    public var substitutes: [String: [String]]
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case atEntry, changesPerYear, substitutes, source }

    public init(atEntry: [String: [String: Double]], changesPerYear: [String: [String: [String: Double]]],
                substitutes: [String: [String]], source: String? = nil) {
        self.atEntry = atEntry; self.changesPerYear = changesPerYear; self.substitutes = substitutes; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.placementNeeds
        atEntry = try read(.atEntry, default: d.atEntry)
        changesPerYear = try read(.changesPerYear, default: d.changesPerYear)
        substitutes = try read(.substitutes, default: d.substitutes)
        source = try read.optional(.source)
    }
}
