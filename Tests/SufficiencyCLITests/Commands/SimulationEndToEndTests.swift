import Foundation
import Testing

/// The built binary on the shipped scenarios.
struct SimulationEndToEndTests {
    @Test func runWritesEveryOutputAndPrintsTheSummaryAsJSON() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("baseline").path
        let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "8", "--seed", "3", "--output", out, "--format", "json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["finance.xlsx", "financial-years.csv", "monthly.csv", "report.html", "report.md", "summary.json"])  // no temporary files left
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? NSDictionary)
        let written = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? NSDictionary)
        #expect(printed == written)
        #expect(printed["schemaVersion"] as? Int == 1)
        #expect(printed["scenario"] as? String == "baseline")
        #expect(printed["seed"] as? Int == 3)
        #expect(printed["replications"] as? Int == 8)
        let metrics = try #require(printed["metrics"] as? [String: [[String: Any]]])
        for name in ["childrenLookedAfter", "childrenWaiting", "inHouseFosterPlacements", "agencyFosterPlacements",
                     "residentialPlacements", "shareOver20Miles", "weeklyCost"] {
            let series = try #require(metrics[name], "missing \(name)")
            #expect(series.count == 61)
            #expect(Set(series[0].keys) == ["date", "mean", "sd", "p5", "p10", "p50", "p90", "p95"])
        }
        #expect(metrics["childrenLookedAfter"]?[0]["date"] as? String == "2025-04-01")
        let years = try #require(printed["financialYears"] as? [[String: Any]])
        #expect(years.map { $0["year"] as? String } == ["2025-26", "2026-27", "2027-28", "2028-29", "2029-30"])
        #expect(years[0]["totalCost"] is [String: Any])
        #expect(years[0]["entries"] is [String: Any])
        #expect((years[0]["exitsByRoute"] as? [String: Any])?["returnHome"] is [String: Any])
        #expect((years[0]["firstPlacementsByType"] as? [String: Any])?["agencyFoster"] is [String: Any])
        let monthly = try String(contentsOfFile: out + "/monthly.csv", encoding: .utf8)
        #expect(monthly.hasPrefix("date,metric,statistic,value\n2025-04-01,childrenLookedAfter,mean,470\n"))
    }

    @Test func compareWritesOneFolderWithPairedDifferences() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.appendingPathComponent("cmp").path
        let run = try BinaryRun(["compare", "Scenarios/baseline.json", "Scenarios/recruit-20.json", "--replications", "6", "--output", out])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("recruit-20 minus baseline, paired"))
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any])
        #expect((summary["scenarios"] as? [Any])?.count == 2)
        let comparison = try #require((summary["comparisons"] as? [[String: Any]])?.first)
        let year = try #require((comparison["financialYears"] as? [[String: Any]])?.first)
        let cost = try #require(year["totalCost"] as? [String: Any])
        for key in ["mean", "low95", "high95", "p10", "p90", "probabilityLower", "probabilitySame", "probabilityHigher"] {
            #expect(cost[key] is Double, "\(key)")
        }
        let chances = ["probabilityLower", "probabilitySame", "probabilityHigher"].compactMap { cost[$0] as? Double }.reduce(0, +)
        #expect(abs(chances - 1) < 1e-12)
        #expect(comparison["horizon"] is [String: Any] && year["childDaysWaiting"] is [String: Any])
        #expect((comparison["headline"] as? String)?.hasPrefix("From 2025-26 to 2029-30, recruit-20 costs") == true)
        let csv = try String(contentsOfFile: out + "/financial-years.csv", encoding: .utf8)
        #expect(csv.hasPrefix("scenario,year,months,metric,statistic,value\n"))
        #expect(csv.contains("\nrecruit-20,2025-26,"))
        // finance.xlsx holds the same total costs as the CSV (its parts are stored, not compressed,
        // so the first sheet's XML can be read straight from the bytes).
        let book = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/finance.xlsx")), as: UTF8.self)
        #expect(book.hasPrefix("PK"))
        let sheet = try #require(book.range(of: "<worksheet").flatMap { start in book.range(of: "</worksheet>", range: start.upperBound..<book.endIndex).map { book[start.lowerBound..<$0.upperBound] } })
        let row2 = try #require(sheet.range(of: "<row r=\"2\">").flatMap { r in sheet.range(of: "</row>", range: r.upperBound..<sheet.endIndex).map { sheet[r.upperBound..<$0.lowerBound] } })
        let numbers = row2.components(separatedBy: "<v>").dropFirst().compactMap { Double($0.components(separatedBy: "</v>")[0]) }
        #expect(numbers.count == 5, "months and four statistics: \(row2)")
        for (statistic, value) in zip(["mean", "p10", "p50", "p90"], numbers.dropFirst()) {
            let line = try #require(csv.split(separator: "\n").first { $0.hasPrefix("baseline,2025-26,12,totalCost,\(statistic),") })
            #expect(abs(Double(line.split(separator: ",").last!)! - value) < 1e-5, "\(statistic)")
        }
    }

    @Test func aBadScenarioExitsWith65AndNamesTheField() throws {
        let scratch = try ScratchFolder()
        let bad = try scratch.write("bad.json", #"{"entries": {"ratePerYear": {"under1": -5}}, "matching": {"roundEveryDay": 2}}"#)
        let run = try BinaryRun(["run", bad, "--output", scratch.url.path + "/out"])
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains("bad.json: matching.roundEveryDay: unknown key 'roundEveryDay'; did you mean 'roundEveryDays'?"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/out"))
        let validate = try BinaryRun(["validate", bad])
        #expect(validate.exitCode == 65)
        let missing = try BinaryRun(["compare", "Scenarios/baseline.json", "nowhere.json"])
        #expect(missing.exitCode == 65)
        #expect(missing.stderr.contains("nowhere.json: no such file"))
        let usage = try BinaryRun(["run", "Scenarios/baseline.json", "--threads", "none"])
        #expect(usage.exitCode == 64)
        #expect(usage.stderr.contains("usage: sufficiency run"))
    }

    @Test func validateReportsEveryProblemAndPassesTheShippedFiles() throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: BinaryRun.packageRoot.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".json") }.map { "Scenarios/" + $0 }
        let ok = try BinaryRun(["validate"] + shipped)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        #expect(ok.stdout.split(separator: "\n").count == shipped.count)
        let scratch = try ScratchFolder()
        let bad = try scratch.write("two.json", #"{"costs": {"inflationPerYear": -2}, "matching": {"roundEveryDays": 0}}"#)
        let run = try BinaryRun(["validate", bad])
        #expect(run.exitCode == 65)
        #expect(run.stderr.contains("two.json: costs.inflationPerYear: must be a number from -0.5 to 1, got -2"))
        #expect(run.stderr.contains("two.json: matching.roundEveryDays: must be a whole number from 1 to 365, got 0"))
    }

    @Test func describePrintsTheResolvedScenario() throws {
        let run = try BinaryRun(["describe", "Scenarios/recruit-20.json"])
        #expect(run.exitCode == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["name"] as? String == "recruit-20")
        let supply = try #require(json["supply"] as? [String: Any])
        #expect((supply["inHouseFoster"] as? [String: Any])?["approvalsPerYear"] as? [Int] == [32])
        #expect((json["time"] as? [String: Any])?["horizonYears"] as? Int == 5)  // from the baseline
    }

    @Test func matchReferralsExplainsEveryDecision() throws {
        let run = try BinaryRun(["match", "--children", "Scenarios/examples/referrals.csv", "--placements", "Scenarios/examples/vacancies.csv",
                                 "--scenario", "Scenarios/baseline.json"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Matched 7 of 8 children."))
        #expect(run.stdout.contains("R108: inHouseFoster: age (1), capacity (1)"))
        let scratch = try ScratchFolder()
        let bad = try scratch.write("p.csv", "id,type,provider,easting,northing,free_places,min_age,max_age,needs,weekly_cost\nV1,agencyFostr,X,1,2,1,0,18,standard,900\n")
        let failed = try BinaryRun(["match", "--children", "Scenarios/examples/referrals.csv", "--placements", bad])
        #expect(failed.exitCode == 65)
        #expect(failed.stderr.contains("p.csv:2:2: unknown placement type 'agencyFostr'; did you mean 'agencyFoster'?"))
    }
}
