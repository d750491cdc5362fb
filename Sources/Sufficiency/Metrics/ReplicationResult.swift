/// What one replication recorded: every monthly metric on every snapshot date and every
/// financial-year metric in every year (metric-major).
///
/// A run keeps every replication's values (exact percentiles need them all), so a finished
/// replication is packed: a metric whose values are all whole numbers small enough for a `Float`
/// (counts of children, places, days) is kept in 4 bytes a value, exactly; others in 8.
public struct ReplicationResult: Sendable, Equatable {
    private var monthlyValues: PackedValues
    private var financialValues: PackedValues
    public let snapshots: Int
    public let years: Int
    /// Events the engine processed (for the benchmark).
    public internal(set) var events: Int = 0

    /// A replication's metrics as stored elsewhere (a shard file read back), packed.
    public init(monthly: [Double], financial: [Double], snapshots: Int, years: Int, events: Int) {
        monthlyValues = PackedValues(monthly, width: snapshots)
        financialValues = PackedValues(financial, width: years)
        self.snapshots = snapshots; self.years = years; self.events = events
        pack()
    }

    init(catalog: MetricCatalog, snapshots: Int, years: Int) {
        self.snapshots = snapshots
        self.years = years
        monthlyValues = PackedValues([Double](repeating: 0, count: catalog.monthly.count * snapshots), width: snapshots)
        financialValues = PackedValues([Double](repeating: 0, count: catalog.financialYear.count * years), width: years)
    }

    /// Every monthly value, `monthly[metric * snapshots + snapshot]`.
    public var monthly: [Double] { monthlyValues.all }
    /// Every financial-year value, `financial[metric * years + year]`.
    public var financial: [Double] { financialValues.all }

    /// A monthly metric's value on one snapshot.
    public func monthly(_ metric: Int, _ snapshot: Int) -> Double { monthlyValues[metric, snapshot] }

    /// A financial-year metric's value in one year.
    public func financial(_ metric: Int, _ year: Int) -> Double { financialValues[metric, year] }

    /// Writes a monthly metric's value on every snapshot into `values[snapshot * stride]`.
    func copyMonthly(_ metric: Int, into values: UnsafeMutablePointer<Double>, stride: Int) {
        monthlyValues.copy(metric, into: values, stride: stride)
    }

    /// Writes a financial-year metric's value in every year into `values[year * stride]`.
    func copyFinancial(_ metric: Int, into values: UnsafeMutablePointer<Double>, stride: Int) {
        financialValues.copy(metric, into: values, stride: stride)
    }

    @inline(__always)
    mutating func add(financial metric: Int, year: Int, _ amount: Double) {
        guard year >= 0 && year < years else { return }
        financialValues.add(amount, at: metric * years + year)
    }

    @inline(__always)
    mutating func set(monthly metric: Int, snapshot: Int, _ value: Double) {
        monthlyValues.set(value, at: metric * snapshots + snapshot)
    }

    /// Packs the values for keeping (the replication has finished).
    mutating func pack() {
        monthlyValues.pack()
        financialValues.pack()
    }
}

/// Metric-major values, `width` per metric: plain doubles while a replication records them, then
/// packed, each metric's block as `Float` when every value in it converts exactly.
struct PackedValues: Sendable, Equatable {
    let width: Int
    private var doubles: [Double]
    private var floats: [Float] = []
    /// Bit m set when metric m's block is in `floats`; empty while unpacked.
    private var inFloats: [UInt64] = []

    init(_ values: [Double], width: Int) {
        self.width = width
        doubles = values
    }

    @inline(__always)
    mutating func add(_ amount: Double, at index: Int) { doubles[index] += amount }

    @inline(__always)
    mutating func set(_ value: Double, at index: Int) { doubles[index] = value }

    subscript(metric: Int, position: Int) -> Double {
        guard !inFloats.isEmpty else { return doubles[metric * width + position] }
        let (isFloat, block) = place(of: metric)
        return isFloat ? Double(floats[block * width + position]) : doubles[block * width + position]
    }

    /// Whether a packed metric's block is among the floats, and its index among them or among
    /// the doubles.
    private func place(of metric: Int) -> (isFloat: Bool, block: Int) {
        let word = metric >> 6, bit = UInt64(1) << UInt64(metric & 63)
        var before = (inFloats[word] & (bit &- 1)).nonzeroBitCount
        for w in 0..<word { before += inFloats[w].nonzeroBitCount }
        return inFloats[word] & bit != 0 ? (true, before) : (false, metric - before)
    }

    /// Writes metric `metric`'s values into `values[position * stride]`, finding its block once
    /// (summaries read a metric's whole block from every replication: reading it value by value
    /// found the block each time and visited every replication once a position).
    func copy(_ metric: Int, into values: UnsafeMutablePointer<Double>, stride: Int) {
        guard !inFloats.isEmpty else {
            for p in 0..<width { values[p * stride] = doubles[metric * width + p] }
            return
        }
        let (isFloat, block) = place(of: metric)
        if isFloat {
            floats.withUnsafeBufferPointer { floats in
                for p in 0..<width { values[p * stride] = Double(floats[block * width + p]) }
            }
        } else {
            doubles.withUnsafeBufferPointer { doubles in
                for p in 0..<width { values[p * stride] = doubles[block * width + p] }
            }
        }
    }

    /// Every value in order, unpacked.
    var all: [Double] {
        guard !inFloats.isEmpty, width > 0 else { return doubles }
        let metrics = (doubles.count + floats.count) / width
        return (0..<metrics).flatMap { m in (0..<width).map { self[m, $0] } }
    }

    mutating func pack() {
        guard inFloats.isEmpty, width > 0 else { return }
        let metrics = doubles.count / width
        var mask = [UInt64](repeating: 0, count: (metrics + 63) / 64 + 1)  // one word more: never empty once packed
        var packedFloats: [Float] = [], packedDoubles: [Double] = []
        for m in 0..<metrics {
            let block = doubles[(m * width)..<((m + 1) * width)]
            if block.allSatisfy({ $0 == $0.rounded() && abs($0) <= 16_777_216 }) {
                mask[m >> 6] |= UInt64(1) << UInt64(m & 63)
                packedFloats.append(contentsOf: block.map { Float($0) })
            } else {
                packedDoubles.append(contentsOf: block)
            }
        }
        doubles = packedDoubles
        floats = packedFloats
        inFloats = mask
    }
}
