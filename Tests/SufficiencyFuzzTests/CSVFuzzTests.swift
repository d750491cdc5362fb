import Foundation
import Testing
import Sufficiency
@testable import SufficiencyCLI

/// Mutations of the shipped `match` files and of command lines, from a fixed seed: every run
/// ends with 0, 64 or 65 and a message naming the file and line (or the option), never a trap.
struct CSVFuzzTests {
    static let numericColumns: Set<String> = ["age", "home_easting", "home_northing", "easting", "northing", "free_places", "min_age", "max_age", "weekly_cost"]

    enum Expectation { case invalid(naming: [String]), either }

    /// One mutation of a CSV file's text; `numeric` says which columns must hold numbers.
    static func mutate(_ text: String, numeric: (String) -> Bool, using random: inout FuzzRandom) -> (String, Expectation) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let row = 1 + random.below(lines.count - 1)
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let column = random.below(cells.count)
        switch random.below(8) {
        case 0, 1:
            let value = random.pick(["x", "nan", "1e18", "-1e18", "", "\"", "=1+1", "inf", " 3 ", "-0", "١٢"])
            cells[column] = value
            lines[row] = cells.joined(separator: ",")
            let sure = numeric(header[column]) && ["x", "nan", "1e18", "-1e18", "", "=1+1", "inf", "١٢"].contains(value)
            return (lines.joined(separator: "\n") + "\n", value == "\"" ? .invalid(naming: ["quoted cell is not closed"]) : sure ? .invalid(naming: [":\(row + 1):"]) : .either)
        case 2:
            cells.remove(at: column)
            lines[row] = cells.joined(separator: ",")
            // A cost matrix takes its width from the first line of costs: there the header is at fault.
            return (lines.joined(separator: "\n") + "\n", .invalid(naming: row == 1 ? [":2:", ":1:"] : [":\(row + 1):"]))
        case 3:
            cells.append("9")
            lines[row] = cells.joined(separator: ",")
            // A cost matrix takes its width from the first line of costs: there the header is at fault.
            return (lines.joined(separator: "\n") + "\n", .invalid(naming: row == 1 ? [":2:", ":1:"] : [":\(row + 1):"]))
        case 4:
            lines.insert(lines[row], at: row + 1)
            return (lines.joined(separator: "\n") + "\n", .either)
        case 5:
            var names = header
            names[column] = random.pick([names[column].uppercased(), names[column] + "s", "", "extra"])
            lines[0] = names.joined(separator: ",")
            return (lines.joined(separator: "\n") + "\n", .either)
        case 6:
            // As Excel saves: a byte-order mark and CRLF line ends (valid).
            return ("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n", .either)
        default:
            lines.removeSubrange(1..<lines.count)
            return (lines.joined(separator: "\n") + "\n", .either)
        }
    }

    private func fuzz(_ name: String, count: Int, seed: UInt64, numeric: @escaping (String) -> Bool, arguments: (String) -> [String]) throws -> Int {
        let folder = try FuzzFolder()
        let text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/examples/\(name)"), encoding: .utf8)
        var random = FuzzRandom(seed: seed)
        var refused = 0
        for index in 0..<count {
            let (mutant, expectation) = Self.mutate(text, numeric: numeric, using: &random)
            let file = try folder.write("mutant-\(name)", mutant)
            let run = InProcessRun(arguments(file))
            #expect([0, 65].contains(run.exitCode), "\(name) mutation \(index): exit \(run.exitCode)\n\(run.stderr.prefix(400))")
            if run.exitCode == 65 {
                refused += 1
                #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("error: \(file)") }, "\(name) mutation \(index): \(run.stderr.prefix(400))")
            }
            if case let .invalid(naming) = expectation {
                #expect(run.exitCode == 65 && naming.contains { run.stderr.contains($0) }, "\(name) mutation \(index) must be refused naming '\(naming)'; exit \(run.exitCode)\n\(run.stderr.prefix(400))\n\(mutant.prefix(400))")
            }
        }
        return refused
    }

    @Test func mutatedReferralAndVacancyFiles() throws {
        let examples = packageRoot.appendingPathComponent("Scenarios/examples")
        let numeric = { Self.numericColumns.contains($0) }
        let children = try fuzz("referrals.csv", count: 600, seed: 1, numeric: numeric) {
            ["match", "--children", $0, "--placements", examples.appendingPathComponent("vacancies.csv").path]
        }
        let places = try fuzz("vacancies.csv", count: 600, seed: 2, numeric: numeric) {
            ["match", "--children", examples.appendingPathComponent("referrals.csv").path, "--placements", $0]
        }
        #expect(children > 100 && places > 100)
    }

    @Test func mutatedCostMatrices() throws {
        // Every cell but the ids is a cost: a cell of text in a data row is refused.
        let refused = try fuzz("cost-matrix.csv", count: 800, seed: 3, numeric: { _ in false }) { ["match", "--cost-matrix", $0, "--format", "json"] }
        #expect(refused > 100)
    }

    @Test func randomCommandLinesAreParsedOrRefusedAsUsageErrors() {
        let words = ["run", "compare", "validate", "match", "benchmark", "export-903", "check-903", "calibrate", "round-trip", "describe",
                     "--replications", "--seed", "--threads", "--output", "--format", "--suppress-below", "--children", "--placements",
                     "--cost-matrix", "--as-at", "--years", "--history-years", "--scale", "--quiet", "--repeat", "--replication",
                     "0", "-1", "1", "1e9", "99999999999999999999", "", "x", "a.json", "json", "table", "2025-03-31", "--", "-", "--help"]
        var random = FuzzRandom(seed: 4)
        for index in 0..<3_000 {
            let arguments = (0..<(1 + random.below(6))).map { _ in random.pick(words) }
            do {
                _ = try Command.parse(arguments)
            } catch {
                #expect(error.exitCode == 64, "arguments \(index) \(arguments): \(error)")
                #expect(error.description.hasPrefix("error: "), "arguments \(index) \(arguments)")
            }
        }
    }
}
