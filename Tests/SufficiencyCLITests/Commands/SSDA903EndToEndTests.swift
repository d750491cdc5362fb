import Foundation
import Testing

/// `export-903` and `check-903` run as a user would: the built binary on the shipped baseline.
struct SSDA903EndToEndTests {
    @Test func exportedFilesCheckCleanAndReportTheirYears() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("903").path
        let export = try BinaryRun(["export-903", "Scenarios/baseline.json", "--replication", "2", "--history-years", "2", "--output", out])
        #expect(export.exitCode == 0, "\(export.stderr)")
        #expect(export.stdout.contains("collection years 2023-24 to 2029-30"))
        for year in ["2023-24", "2029-30"] {
            let episodes = try String(contentsOfFile: "\(out)/\(year)/episodes.csv", encoding: .utf8)
            #expect(episodes.hasPrefix("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"))
            let header = try String(contentsOfFile: "\(out)/\(year)/header.csv", encoding: .utf8)
            #expect(header.hasPrefix("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"))
        }
        let check = try BinaryRun(["check-903", out])
        #expect(check.exitCode == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Collection years: 2023-24, 2024-25, 2025-26, 2026-27, 2027-28, 2028-29, 2029-30"))
        #expect(check.stdout.contains("Problems: 0 errors, 0 warnings"))

        let json = try BinaryRun(["check-903", out, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["schemaVersion"] as? Int == 1)
        #expect((document?["byYear"] as? [[String: Any]])?.count == 7)
    }

    @Test func unusableFilesExitWith65AndSayWhereAndWhy() throws {
        let scratch = try ScratchFolder()
        let file = try scratch.write("2020-21/episodes.csv", "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n1,01/05/2020,S,C2,U4,,\n")
        let run = try BinaryRun(["check-903", file])
        #expect(run.exitCode == 65)
        #expect(run.stdout.contains("\(file):1: error: the Episodes table has no column PLACE_PROVIDER"))
        #expect(run.stderr.contains("make the files unusable"))

        let missing = try BinaryRun(["check-903", scratch.url.appendingPathComponent("no-such-folder").path])
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("no such file or folder"))
    }

    @Test func exportArgumentsAreCheckedBeforeAnythingRuns() throws {
        let noReplication = try BinaryRun(["export-903", "Scenarios/baseline.json", "--output", "/tmp/x"])
        #expect(noReplication.exitCode == 64 && noReplication.stderr.contains("--replication"))
        let noOutput = try BinaryRun(["export-903", "Scenarios/baseline.json", "--replication", "0"])
        #expect(noOutput.exitCode == 64 && noOutput.stderr.contains("--output"))
        let tooLong = try BinaryRun(["export-903", "Scenarios/baseline.json", "--replication", "0", "--history-years", "48", "--output", "/tmp/x"])
        #expect(tooLong.exitCode == 64 && tooLong.stderr.contains("time.horizonYears"))
        let beyond = try BinaryRun(["export-903", "Scenarios/baseline.json", "--replication", "0", "--history-years", "60", "--output", "/tmp/x"])
        #expect(beyond.exitCode == 64 && beyond.stderr.contains("--history-years expects a whole number from 0 to 50, found '60'"))
    }
}
