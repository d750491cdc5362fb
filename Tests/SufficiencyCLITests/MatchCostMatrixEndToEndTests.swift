import Foundation
import Testing

/// The built binary on the shipped sample and on bad files.
struct MatchCostMatrixEndToEndTests {
    @Test func sampleMatrixPrintsTheDocumentedJSON() throws {
        let run = try BinaryRun(["match", "--cost-matrix", "Scenarios/examples/cost-matrix.csv", "--format", "json", "--repeat", "3"])
        #expect(run.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["schemaVersion", "rows", "columns", "assigned", "totalCost", "assignment", "unassigned", "solveMilliseconds"])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["rows"] as? Int == 6)
        #expect(json["columns"] as? Int == 8)
        #expect(json["assigned"] as? Int == 5)
        #expect(json["unassigned"] as? [String] == ["age16-disability"])
        let pairs = try #require(json["assignment"] as? [[String: Any]])
        #expect(pairs.first?["row"] as? String == "sibling-A-age4")
        // The documented key order.
        #expect(run.stdout.hasPrefix("{\"schemaVersion\": 1, \"rows\": 6, \"columns\": 8, \"assigned\": 5, \"totalCost\": "))
    }

    @Test func tableAndCSVFormatsListEveryChild() throws {
        let table = try BinaryRun(["match", "--cost-matrix", "Scenarios/examples/cost-matrix.csv"])
        #expect(table.exitCode == 0)
        #expect(table.stdout.contains("Matched 5 of 6 children to 8 places"))
        #expect(table.stdout.contains("Unassigned (no allowed place left): age16-disability"))
        let csv = try BinaryRun(["match", "--cost-matrix", "Scenarios/examples/cost-matrix.csv", "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 7)  // header + 5 matched + 1 unassigned
        #expect(csv.stdout.contains("age16-disability,,\n"))
    }

    @Test func badFilesExitWith65AndNameTheCell() throws {
        let scratch = try ScratchFolder()
        let ragged = try scratch.write("ragged.csv", "1,2\n3\n")
        let nan = try scratch.write("nan.csv", "1,2\n3,NaN\n")
        let empty = try scratch.write("empty.csv", "")
        for (file, expected) in [(ragged, "ragged.csv:2: expected 2 cells"), (nan, "nan.csv:2:2:"),
                                 (empty, "empty.csv:1: the file is empty"), ("missing.csv", "missing.csv: no such file")] {
            let run = try BinaryRun(["match", "--cost-matrix", file])
            #expect(run.exitCode == 65)
            #expect(run.stderr.contains(expected), "\(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func badArgumentsExitWith64AndShowUsage() throws {
        let run = try BinaryRun(["match", "--repeat", "x", "--cost-matrix", "Scenarios/examples/cost-matrix.csv"])
        #expect(run.exitCode == 64)
        #expect(run.stderr.contains("usage: sufficiency match --cost-matrix FILE.csv"))
    }
}
