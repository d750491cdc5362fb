/// The range every number in a scenario must fall in, checked by validation (README, "Limits").
///
/// The ranges are wide enough for any English council, a regional consortium or all of England
/// at once, and narrow enough that nothing the engine computes overflows, turns into NaN or asks
/// for more memory than a machine has: a scenario beyond them is refused with its field path.
public enum ScenarioLimits {
    /// Children a year entering care, per age band (England: about 33,000 a year in all).
    public static let entriesPerYear = 0.0...100_000
    /// Yearly growth of entries: from -90% to +200% a year.
    public static let trendPerYear = -0.9...2.0
    /// How long before the start rates may have been measured, in years.
    public static let rateMeasuredYearsBeforeStart = 20
    /// A step change's multiplier of the entry rate.
    public static let rateMultiplier = 0.0...10
    /// A standard error of the entry rate (relative) or of its trend.
    public static let uncertainty = 0.0...1
    /// Children in one sibling group.
    public static let siblingGroupSize = 1...20
    /// A time in care, in years.
    public static let durationYears = 0.0...100
    /// A distance to a market placement, in miles.
    public static let distanceMiles = 0.0...1_000
    /// A lognormal distribution's sigma.
    public static let sigma = 0.0...5
    /// A length in weeks (short placements before an exit, approval to first placement, ...).
    public static let weeks = 0.0...1_000
    /// A rate a year of a planned move, a breakdown or a deregistration.
    public static let ratePerYear = 0.0...365
    /// Pounds a week or per approval.
    public static let pounds = 0.0...1_000_000
    /// Households in one group, beds in one home, places in one market, children at the start.
    public static let count = 0...1_000_000
    /// Places in one foster household.
    public static let householdPlaces = 1...20
    /// In-house foster approvals a year.
    public static let approvalsPerYear = 0.0...100_000
    /// British National Grid coordinates, metres.
    public static let gridMetres = -1_000_000.0...2_000_000
    /// A matching weight, in pounds-a-week equivalents.
    public static let weight = -1_000_000.0...1_000_000
    /// Days between full matching rounds.
    public static let roundEveryDays = 1...365
    /// Waiting units one matching solve takes.
    public static let batchSize = 1...1_000_000
    /// Yearly price inflation: from -50% to +100%.
    public static let inflationPerYear = -0.5...1.0
    /// Replications in the file's Monte Carlo settings (the command line is checked the same way).
    public static let replications = 1...10_000_000
    /// Children one replication may simulate (at start plus expected entries over the horizon,
    /// sibling groups counted in full): England's whole care population for 50 years fits.
    public static let childrenPerReplication = 20_000_000.0
}
