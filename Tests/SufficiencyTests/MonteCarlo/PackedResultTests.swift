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

    /// Summaries read each replication's block of a metric at once (`copyMonthly`,
    /// `copyFinancial`): they must see exactly the values read one by one, from blocks kept as
    /// floats and as doubles, whatever the mix of the two across metrics and replications.
    @Test func summariesSeeTheValuesReadOneByOne() throws {
        let model = try ScenarioModel(validating: .defaults, file: "test"), catalog = MetricCatalog(model: model)
        let snapshots = model.snapshotDays.count, years = model.financialYearLabels.count
        var random = Xoshiro256StarStar(seed: 11)
        let replications = (0..<40).map { r in
            // Metric by metric, whole numbers (kept as floats) or fractions (kept as doubles).
            let monthly = (0..<(catalog.monthly.count * snapshots)).map { i in
                (i / snapshots + r) % 3 == 0 ? Sampling.unit(using: &random) : Double(Sampling.below(900, using: &random))
            }
            let financial = (0..<(catalog.financialYear.count * years)).map { i in
                (i / years + r) % 2 == 0 ? Sampling.unit(using: &random) * 1e6 : Double(Sampling.below(50, using: &random))
            }
            return ReplicationResult(monthly: monthly, financial: financial, snapshots: snapshots, years: years, events: 0)
        }
        let result = MonteCarloResult(model: model, catalog: catalog, seed: 1, replications: replications)
        for m in 0..<catalog.monthly.count {
            let summaries = result.monthlySummary(m)
            for s in 0..<snapshots { #expect(summaries[s] == MetricSummary(result.monthlyValues(m, snapshot: s)), "monthly \(m) at \(s)") }
        }
        for m in 0..<catalog.financialYear.count {
            let summaries = result.financialSummary(m)
            for y in 0..<years { #expect(summaries[y] == MetricSummary(result.financialValues(m, year: y)), "financial \(m) in \(y)") }
        }
    }
}
