import Foundation
import Testing

/// `match --children/--placements` reads files as spreadsheets save them and refuses what would
/// give a silently wrong answer, listing every problem of both files at once.
struct MatchReferralsInputTests {
    private let children = "id,age,need,home_easting,home_northing,sibling_group\n"
    private let places = "id,type,provider,easting,northing,free_places,min_age,max_age,needs,weekly_cost,inside_la\n"

    @Test func excelsCRLFAndByteOrderMarkGiveTheSameAnswer() throws {
        let scratch = try ScratchFolder()
        let root = BinaryRun.packageRoot.appendingPathComponent("Scenarios/examples")
        let referrals = try String(contentsOf: root.appendingPathComponent("referrals.csv"), encoding: .utf8)
        let vacancies = try String(contentsOf: root.appendingPathComponent("vacancies.csv"), encoding: .utf8)
        let excel = { (text: String) in "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n") }
        let plain = try BinaryRun(["match", "--children", root.appendingPathComponent("referrals.csv").path,
                                   "--placements", root.appendingPathComponent("vacancies.csv").path, "--format", "csv"])
        let saved = try BinaryRun(["match", "--children", try scratch.write("r.csv", excel(referrals)),
                                   "--placements", try scratch.write("v.csv", excel(vacancies)), "--format", "csv"])
        #expect(plain.exitCode == 0 && saved.exitCode == 0, "\(saved.stderr)")
        #expect(saved.stdout == plain.stdout)
    }

    @Test func everyProblemInBothFilesIsListed() throws {
        let scratch = try ScratchFolder()
        let r = try scratch.write("r.csv", children + "R1,3,Standard,451200,301500,\nR1,30,standard,451200,301500,\n")
        let v = try scratch.write("v.csv", places + "V1,inHouseFoster,P,450500,311800,1e18,0,11,standard,700,true\n"
            + "V1,inHouseFoster,P,450500,311800,2,12,11,standard,700,true\n" + "V2,inHouseFoster,P,450500,311800,2,0,11,standard;complx,700,true\n")
        let run = try BinaryRun(["match", "--children", r, "--placements", v])
        #expect(run.exitCode == 65)
        for expected in [
            "r.csv:2:3: unknown need 'Standard'; did you mean 'standard'?",
            "r.csv:3:1: the id 'R1' appears twice (first on line 2); ids must be unique",
            "r.csv:3:2: expected a number from 0 to 18 for age, found '30'",
            "v.csv:2:6: expected a whole number from 0 to 10000 for free_places, found '1e18'",
            "v.csv:3:1: the id 'V1' appears twice (first on line 2); ids must be unique",
            "v.csv:3:7: expected min_age below max_age, found min_age 12 and max_age 11",
            "v.csv:4:9: unknown need 'complx'; did you mean 'complex'?",
        ] {
            #expect(run.stderr.contains(expected), "missing: \(expected)\n\(run.stderr)")
        }
    }

    @Test func aRowWithTooFewCellsAndAnUnknownColumnAreNamed() throws {
        let scratch = try ScratchFolder()
        let short = try scratch.write("r.csv", children + "R1,3,standard\n")
        let run = try BinaryRun(["match", "--children", short, "--placements", "Scenarios/examples/vacancies.csv"])
        #expect(run.stderr.contains("r.csv:2: expected 6 cells, as in the header, found 3"))
        let typo = try scratch.write("t.csv", "id,age,nead,home_easting,home_northing\n")
        let unknown = try BinaryRun(["match", "--children", typo, "--placements", "Scenarios/examples/vacancies.csv"])
        #expect(unknown.stderr.contains("t.csv:1:3: unknown column 'nead'; did you mean 'need'?"))
    }
}
