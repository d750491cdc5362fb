import Foundation
import Testing

/// Outputs are replaced as a whole: an interrupted run leaves the previous complete set or the
/// new one, never a mix, and no staging folder once the next run has been.
struct OutputSafetyTests {
    /// The seed each output file says it came from (summary.json and report.md both name it).
    private func seeds(in folder: URL) throws -> Set<String> {
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        func seed(_ text: String, after marker: String) -> String {
            guard let range = text.range(of: marker) else { return "none" }
            return String(text[range.upperBound...].prefix { $0.isNumber })
        }
        return [seed(summary, after: "\"seed\": "), seed(report, after: "seed ")]
    }

    @Test func anInterruptedRunLeavesTheOldSetOrTheNewOneNeverAMix() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("out")
        let first = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "4", "--seed", "1", "--output", out.path, "--quiet"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(try seeds(in: out) == ["1"])
        for attempt in 0..<8 {
            let process = Process()
            process.executableURL = BinaryRun.binary
            process.arguments = ["run", "Scenarios/baseline.json", "--replications", "40", "--seed", "\(attempt + 2)", "--output", out.path, "--quiet"]
            process.currentDirectoryURL = BinaryRun.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: 0.1 + 0.25 * Double(attempt))
            let killed = attempt % 2 == 0 ? SIGTERM : SIGKILL
            kill(process.processIdentifier, killed)
            process.waitUntilExit()
            let found = try seeds(in: out)
            #expect(found.count == 1, "attempt \(attempt): files from different runs \(found)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
            #expect(files == ["finance.xlsx", "financial-years.csv", "monthly.csv", "report.html", "report.md", "summary.json"], "\(files)")
            if killed == SIGTERM {
                let staging = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).filter { $0.contains(".partial-") }
                #expect(staging.isEmpty, "attempt \(attempt): SIGTERM left \(staging)")
            }
        }
        // A staging folder a killed run left behind is removed by the next run beside it.
        let again = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "2", "--output", out.path, "--quiet"])
        #expect(again.exitCode == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out"])
    }

    @Test func aFolderOfOtherFilesIsNeverReplaced() throws {
        let scratch = try ScratchFolder()
        try scratch.write("notes.txt", "mine")
        let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "2", "--output", scratch.url.path, "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("holds files this command does not write (notes.txt)"))
        #expect(try String(contentsOf: scratch.url.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func anUnwritableDestinationSaysWhyInPlainWords() throws {
        let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "2", "--output", "/dev/full/x", "--quiet"])
        #expect(run.exitCode == 1)
        #expect(run.stderr == "error: cannot create the output folder /dev/full/x: /dev/full is a file, not a folder\n")
    }
}

/// Runs too large for the machine are refused before anything runs, with what they would need.
struct RunSizeTests {
    @Test func replicationsBeyondTheLimitOrTheMemoryAreUsageErrors() throws {
        let beyond = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "1000000000000"])
        #expect(beyond.exitCode == 64)
        #expect(beyond.stderr.contains("--replications expects a whole number from 1 to 10000000, found '1000000000000'"))
        let scratch = try ScratchFolder()
        let tooMany = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "10000000", "--output", scratch.url.path + "/out"])
        #expect(tooMany.exitCode == 64)
        #expect(tooMany.stderr.contains("10000000 replications of baseline would need about"))
        #expect(tooMany.stderr.contains("run fewer replications"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/out"))
    }
}
