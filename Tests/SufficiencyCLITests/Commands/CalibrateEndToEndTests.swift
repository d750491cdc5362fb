import Foundation
import Testing

/// `calibrate` run as a user would, on files `export-903` wrote.
struct CalibrateEndToEndTests {
    @Test func calibrateWritesAScenarioThatRunsAndAReport() throws {
        let scratch = try ScratchFolder()
        let files = scratch.url.appendingPathComponent("903").path
        #expect(try BinaryRun(["export-903", "Scenarios/baseline.json", "--replication", "1", "--history-years", "3", "--output", files]).exitCode == 0)
        let scenario = scratch.url.appendingPathComponent("fitted/our-council.json").path
        let calibrate = try BinaryRun(["calibrate", files, "--as-at", "2025-03-31", "--postcodes", "Scenarios/examples/postcodes.csv", "--output", scenario])
        #expect(calibrate.exitCode == 0, "\(calibrate.stderr)")
        let report = try String(contentsOfFile: scratch.url.appendingPathComponent("fitted/calibration.md").path, encoding: .utf8)
        #expect(report.contains("## Geography") && report.contains("## Moves"))
        let run = try BinaryRun(["run", scenario, "--replications", "5", "--output", scratch.url.appendingPathComponent("out").path, "--quiet"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("our-council: median"))
    }

    @Test func calibrateArgumentsAreChecked() throws {
        let noDate = try BinaryRun(["calibrate", "Scenarios", "--output", "/tmp/x.json"])
        #expect(noDate.exitCode == 64 && noDate.stderr.contains("--as-at"))
        let badDate = try BinaryRun(["calibrate", "Scenarios", "--as-at", "31/03/2024", "--output", "/tmp/x.json"])
        #expect(badDate.exitCode == 64 && badDate.stderr.contains("YYYY-MM-DD"))
        let roundTrip = try BinaryRun(["round-trip", "Scenarios/baseline.json", "--replications", "0"])
        #expect(roundTrip.exitCode == 64)
    }
}
