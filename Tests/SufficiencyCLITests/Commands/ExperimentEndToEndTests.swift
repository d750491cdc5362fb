import Foundation
import Testing

/// `sweep` and `goal-seek` from the command line.
struct ExperimentEndToEndTests {
    @Test func sweepWritesEveryOutputAndPrintsOneRowPerSetting() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("sweep").path
        let run = try BinaryRun(["sweep", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalsPerYear=12,30",
                                 "--set", "supply.markets.agencyFoster.capacity=150,200", "--replications", "8", "--output", out, "--quiet"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Wrote \(out)"))
        let rows = run.stdout.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true }
        #expect(rows.count == 4, "\(run.stdout)")
        for file in ["sweep.json", "sweep.csv", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        let csv = try String(contentsOfFile: out + "/sweep.csv", encoding: .utf8)
        #expect(csv.hasPrefix("supply.inHouseFoster.approvalsPerYear,supply.markets.agencyFoster.capacity,year,months,metric,statistic,value\n"))
        #expect(csv.contains("30,200,2029-30,12,childDaysWaiting,p50,"))
    }

    @Test func badLeversAreUsageOrInputErrors() throws {
        let missing = try BinaryRun(["sweep", "Scenarios/baseline.json"])
        #expect(missing.exitCode == 64 && missing.stderr.contains("sweep needs at least one --set"))
        let range = try BinaryRun(["sweep", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalsPerYear=1..9"])
        #expect(range.exitCode == 64 && range.stderr.contains("ranges are for goal-seek"))
        let typo = try BinaryRun(["sweep", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalPerYear=12", "--replications", "2"])
        #expect(typo.exitCode == 65 && typo.stderr.contains("did you mean 'approvalsPerYear'?"))
        let outside = try BinaryRun(["sweep", "Scenarios/baseline.json", "--set", "costs.inflationPerYear=0.03,5", "--replications", "2"])
        #expect(outside.exitCode == 65 && outside.stderr.contains("costs.inflationPerYear: must be a number from -0.5 to 1, got 5"))
        let target = try BinaryRun(["goal-seek", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalsPerYear=12..20", "--target", "waiting <= 0"])
        #expect(target.exitCode == 64 && target.stderr.contains("unknown metric 'waiting'"))
        let year = try BinaryRun(["goal-seek", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalsPerYear=12..20",
                                  "--target", "childDaysWaiting <= 0", "--year", "2040-41"])
        #expect(year.exitCode == 64 && year.stderr.contains("--year expects one of the run's financial years"))
    }

    @Test func goalSeekAnswersInJSON() throws {
        let run = try BinaryRun(["goal-seek", "Scenarios/baseline.json", "--set", "supply.inHouseFoster.approvalsPerYear=12..40", "--step", "4",
                                 "--target", "shareOver20Miles <= 0.1", "--probability", "0.8", "--replications", "30", "--format", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["outcome"] as? String == "found")
        let answer = try #require(json["answer"] as? [String: Any]), below = try #require(json["below"] as? [String: Any])
        #expect((answer["probability"] as? Double ?? 0) >= 0.8 && (below["probability"] as? Double ?? 1) < 0.8)
        #expect((answer["value"] as? Double ?? 0) - (below["value"] as? Double ?? 0) == 4)
    }

    /// The commissioners' question on the baseline: how many private children's home places must be
    /// available so that, 9 times in 10, no child waits in 2029-30? A sweep on the same seeds,
    /// run afresh, confirms the answer holds and one place fewer does not.
    @Test func goalSeekOnTheBaselineIsConfirmedBySweep() throws {
        let seek = try BinaryRun(["goal-seek", "Scenarios/baseline.json", "--set", "supply.markets.externalResidential.capacity=45..150",
                                  "--target", "childDaysWaiting <= 0", "--probability", "0.9", "--replications", "100", "--format", "json"])
        #expect(seek.exitCode == 0, "\(seek.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(seek.stdout.utf8)) as? [String: Any])
        #expect(json["outcome"] as? String == "found", "\(seek.stdout.prefix(400))")
        let answer = try #require((json["answer"] as? [String: Any])?["value"] as? Double)
        let scratch = try ScratchFolder()
        let sweep = try BinaryRun(["sweep", "Scenarios/baseline.json", "--set", "supply.markets.externalResidential.capacity=\(Int(answer) - 1),\(Int(answer))",
                                   "--target", "childDaysWaiting <= 0", "--replications", "100", "--output", scratch.url.path + "/s", "--quiet"])
        #expect(sweep.exitCode == 0, "\(sweep.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: scratch.url.path + "/s/sweep.json"))) as? [String: Any])
        let chances = ((document["settings"] as? [[String: Any]]) ?? []).compactMap { $0["targetProbability"] as? Double }
        #expect(chances.count == 2)
        #expect(chances.first.map { $0 < 0.9 } == true && chances.last.map { $0 >= 0.9 } == true, "\(chances)")
    }
}
