/// What one replication recorded: every monthly metric on every snapshot date and every
/// financial-year metric in every year, in flat arrays (metric-major).
public struct ReplicationResult: Sendable, Equatable {
    /// `monthly[metric * snapshots + snapshot]`.
    public internal(set) var monthly: [Double]
    /// `financial[metric * years + year]`.
    public internal(set) var financial: [Double]
    public let snapshots: Int
    public let years: Int
    /// Events the engine processed (for the benchmark).
    public internal(set) var events: Int = 0

    /// A replication's metrics as stored elsewhere (a shard file read back).
    public init(monthly: [Double], financial: [Double], snapshots: Int, years: Int, events: Int) {
        self.monthly = monthly; self.financial = financial; self.snapshots = snapshots; self.years = years; self.events = events
    }

    init(catalog: MetricCatalog, snapshots: Int, years: Int) {
        self.snapshots = snapshots
        self.years = years
        monthly = [Double](repeating: 0, count: catalog.monthly.count * snapshots)
        financial = [Double](repeating: 0, count: catalog.financialYear.count * years)
    }

    /// A monthly metric's value on one snapshot.
    public func monthly(_ metric: Int, _ snapshot: Int) -> Double { monthly[metric * snapshots + snapshot] }

    /// A financial-year metric's value in one year.
    public func financial(_ metric: Int, _ year: Int) -> Double { financial[metric * years + year] }

    @inline(__always)
    mutating func add(financial metric: Int, year: Int, _ amount: Double) {
        guard year >= 0 && year < years else { return }
        financial[metric * years + year] += amount
    }

    @inline(__always)
    mutating func set(monthly metric: Int, snapshot: Int, _ value: Double) {
        monthly[metric * snapshots + snapshot] = value
    }
}
