import Testing
@testable import SufficiencyCLI

struct CommandParsingTests {
    @Test func matchTakesItsOptionsInEitherSpelling() throws {
        let expected = Command.matchCostMatrix(MatchCostMatrixCommand(file: "m.csv", repeats: 5, format: "json"))
        #expect(try Command.parse(["match", "--cost-matrix", "m.csv", "--repeat", "5", "--format", "json"]) == expected)
        #expect(try Command.parse(["match", "--format=json", "--repeat=5", "--cost-matrix=m.csv"]) == expected)
    }

    @Test func matchDefaultsToOneSolveAndATable() throws {
        #expect(try Command.parse(["match", "--cost-matrix", "m.csv"]) == .matchCostMatrix(MatchCostMatrixCommand(file: "m.csv")))
    }

    @Test func noArgumentsIsAUsageErrorAndHelpFlagsShowHelp() throws {
        #expect(throws: CLIError.usage("no command given; 'sufficiency help' lists them", usage: "sufficiency <command> [options]")) { try Command.parse([]) }
        #expect(try Command.parse(["--help"]) == .help(topic: nil))
        #expect(try Command.parse(["match", "--help"]) == .help(topic: "match"))
        #expect(try Command.parse(["--version"]) == .version)
    }

    @Test func usageErrorsSayWhatIsWrong() {
        func message(_ arguments: [String]) -> String {
            do { _ = try Command.parse(arguments); return "" } catch { return String(describing: error) }
        }
        #expect(message(["match"]).contains("match needs --cost-matrix"))
        #expect(message(["match", "--cost-matrix"]).contains("--cost-matrix needs a value"))
        #expect(message(["match", "--cost-matrix", "m.csv", "--repeat", "0"]).contains("--repeat expects a whole number from 1 to 1000000000, found '0'"))
        #expect(message(["match", "--cost-matrix", "m.csv", "--format", "xml"]).contains("--format expects one of json, table, csv, found 'xml'"))
        #expect(message(["match", "--cost-matrx", "m.csv"]).contains("did you mean --cost-matrix?"))
        #expect(message(["mtach"]).contains("did you mean 'match'?"))
        #expect(message(["match", "--cost-matrix", "m.csv", "extra"]).contains("unexpected argument 'extra'"))
    }

    @Test func usageErrorsExitWith64() {
        #expect(throws: CLIError.self) { try Command.parse(["frobnicate"]) }
        #expect(runInProcess(["frobnicate"]).code == 64)
    }
}
