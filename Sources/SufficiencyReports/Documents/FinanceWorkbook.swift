import Sufficiency

/// `finance.xlsx`: the costs of a run or a comparison for finance, one sheet per table. Money in
/// pounds at each year's prices, stored as numbers with a pounds format; the same numbers as
/// `financial-years.csv`.
public enum FinanceWorkbook {
    public static func workbook(_ runs: [RunSummary], _ comparisons: [PairedComparison]) -> Workbook {
        let statistics = ["mean", "P10", "median", "P90"]
        func stats(_ s: MetricSummary) -> [Workbook.Cell] { [.pounds(s.mean), .pounds(s.p10), .pounds(s.p50), .pounds(s.p90)] }
        var byYear: [[Workbook.Cell]] = [], byType: [[Workbook.Cell]] = [], other: [[Workbook.Cell]] = []
        for run in runs {
            let r = run.result
            let total = run.financialSummary("totalCost")
            for y in r.financialYears.indices {
                let year: [Workbook.Cell] = [.text(run.name), .text(r.financialYears[y]), .number(Double(r.financialYearMonths[y]))]
                byYear.append(year + stats(total[y]))
                for kind in PlacementKind.allCases {
                    byType.append(year + [.text(kind.label)] + stats(run.financialSummary("costByType.\(kind.rawValue)")[y]))
                }
                for (metric, label) in [("stayingPutCost", "Staying put allowances"), ("recruitmentCost", "Recruiting foster carers")] {
                    other.append(year + [.text(label)] + stats(run.financialSummary(metric)[y]))
                }
            }
            let months = Double(r.financialYearMonths.reduce(0, +))
            byYear.append([.text(run.name), .text("whole horizon"), .number(months)] + stats(run.horizonTotal("totalCost")))
        }
        var sheets: [Workbook.Sheet] = [
            .init(name: "Cost by year", header: ["scenario", "year", "months"] + statistics.map { "total cost, \($0)" }, rows: byYear),
            .init(name: "Cost by placement type", header: ["scenario", "year", "months", "placement type"] + statistics, rows: byType),
            .init(name: "Other costs", header: ["scenario", "year", "months", "cost"] + statistics, rows: other),
        ]
        if !comparisons.isEmpty {
            var rows: [[Workbook.Cell]] = []
            for c in comparisons {
                let years = c.baseline.result.financialYears
                for year in Array(years.indices).map(Optional.some) + [nil] {
                    let d = c.difference(.totalCost, year: year)
                    rows.append([.text(c.variant.name), .text(c.baseline.name), .text(year.map { years[$0] } ?? "all years"),
                                 .pounds(d.mean), .pounds(d.low), .pounds(d.high), .pounds(d.p10), .pounds(d.p90),
                                 .percent(d.probabilityLower), .percent(d.probabilitySame), .percent(d.probabilityHigher)])
                }
                if let breakEven = c.breakEvenYear { rows.append([.text(c.variant.name), .text(c.baseline.name), .text("break-even year: \(years[breakEven])")]) }
            }
            sheets.append(.init(name: "Paired differences", header: ["variant", "baseline", "year", "mean difference", "95% low", "95% high",
                                                                    "P10 of differences", "P90 of differences", "P(costs less)", "P(same)", "P(costs more)"],
                                rows: rows))
        }
        return Workbook(sheets: sheets)
    }
}
