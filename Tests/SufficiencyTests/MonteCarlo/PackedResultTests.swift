import Testing
@testable import Sufficiency

/// A replication's values are packed for keeping without changing any of them: whole numbers a
/// `Float` holds exactly take 4 bytes, anything else stays a `Double`.
struct PackedResultTests {
    @Test func packingKeepsEveryValueExactly() {
        // Three monthly metrics of four snapshots: counts, a fraction among counts, a count too big
        // for a Float; two financial metrics of two years: costs, and counts.
        let monthly: [Double] = [470, 0, 12, -3, 470, 0.5, 1, 2, 16_777_217, 1, 2, 3]
        let financial: [Double] = [1_234_567.891, 0.1, 158, 160]
        let packed = ReplicationResult(monthly: monthly, financial: financial, snapshots: 4, years: 2, events: 9)
        #expect(packed.monthly == monthly)
        #expect(packed.financial == financial)
        for m in 0..<3 { for s in 0..<4 { #expect(packed.monthly(m, s) == monthly[m * 4 + s]) } }
        for m in 0..<2 { for y in 0..<2 { #expect(packed.financial(m, y) == financial[m * 2 + y]) } }
    }
}
