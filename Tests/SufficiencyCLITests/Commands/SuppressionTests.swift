import Foundation
import Testing
@testable import Sufficiency

/// `--suppress-below N` hides every small count of children in every output, and nothing else.
struct SuppressionTests {
    /// The values of child-count metrics in a tidy CSV (..., metric, statistic, value).
    private func childCounts(_ csv: String) -> [String] {
        csv.split(separator: "\n").dropFirst().compactMap { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 4, cells[cells.count - 2] != "sd", MetricCatalog.countsChildren(cells[cells.count - 3]) else { return nil }
            return cells[cells.count - 1]
        }
    }

    @Test func smallCountsAreHiddenEverywhereAndOnlyThem() throws {
        let scratch = try ScratchFolder()
        let open = scratch.url.appendingPathComponent("open").path, hidden = scratch.url.appendingPathComponent("hidden").path
        for (folder, extra) in [(open, [String]()), (hidden, ["--suppress-below", "10"])] {
            let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "6", "--output", folder, "--quiet"] + extra)
            #expect(run.exitCode == 0, "\(run.stderr)")
        }
        let small = { (value: String) in Double(value).map { $0 > 0 && $0.rounded() < 10 } ?? false }
        for file in ["monthly.csv", "financial-years.csv"] {
            let plain = childCounts(try String(contentsOfFile: open + "/" + file, encoding: .utf8))
            let published = childCounts(try String(contentsOfFile: hidden + "/" + file, encoding: .utf8))
            #expect(plain.contains(where: small), "\(file): the test needs small counts to hide")
            #expect(!published.contains(where: small), "\(file): a small count is shown")
            #expect(published.filter { $0 == "c" }.count == plain.filter(small).count)
        }
        // Money is never hidden: the cost lines are identical.
        let costs = { (path: String) in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { $0.contains(",totalCost,") } }
        #expect(try costs(open + "/financial-years.csv") == costs(hidden + "/financial-years.csv"))
        let report = try String(contentsOfFile: hidden + "/report.md", encoding: .utf8)
        #expect(report.contains("Counts of children from 1 to 9 are shown as c"))
        let json = try String(contentsOfFile: hidden + "/summary.json", encoding: .utf8)
        #expect(json.contains("\"suppressedBelow\": 10"))
    }
}
