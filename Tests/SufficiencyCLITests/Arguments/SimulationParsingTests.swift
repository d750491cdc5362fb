import Testing
@testable import SufficiencyCLI

struct SimulationParsingTests {
    @Test func runTakesScenariosAndOptions() throws {
        let parsed = try Command.parse(["run", "a.json", "b.json", "--replications", "50", "--seed", "7", "--threads", "1",
                                        "--output", "out", "--format", "csv", "--quiet"])
        #expect(parsed == .simulate(SimulateCommand(scenarios: ["a.json", "b.json"], comparing: false, replications: 50, seed: 7,
                                                    threads: 1, output: "out", format: "csv", quiet: true)))
    }

    @Test func compareNeedsABaselineAndAVariant() throws {
        #expect(try Command.parse(["compare", "a.json", "b.json"]) == .simulate(SimulateCommand(scenarios: ["a.json", "b.json"], comparing: true)))
        #expect(throws: CLIError.usage("compare needs a baseline and at least one variant", usage: SimulateCommand.compareUsage)) {
            try Command.parse(["compare", "a.json"])
        }
    }

    @Test func badSimulationOptionsAreUsageErrors() {
        func message(_ arguments: [String]) -> String {
            do { _ = try Command.parse(arguments); return "" } catch { return String(describing: error) }
        }
        #expect(message(["run", "a.json", "--replications", "0"]).contains("--replications expects a whole number from 1 to 10000000, found '0'"))
        #expect(message(["run", "a.json", "--seed", "-1"]).contains("--seed expects a whole number"))
        #expect(message(["run", "a.json", "--format", "xml"]).contains("--format expects one of table, json, csv, markdown"))
        #expect(message(["run", "a.json", "--quiet=yes"]).contains("--quiet takes no value"))
        #expect(message(["run"]).contains("run needs at least one scenario file"))
        #expect(message(["run", "a.json", "--replication", "5"]).contains("did you mean --replications?"))
    }

    @Test func validateDescribeAndMatchReferralsParse() throws {
        #expect(try Command.parse(["validate", "a.json", "b.json"]) == .validate(ValidateCommand(scenarios: ["a.json", "b.json"])))
        #expect(try Command.parse(["describe", "a.json"]) == .describe(DescribeCommand(scenario: "a.json")))
        #expect(try Command.parse(["match", "--children", "c.csv", "--placements", "p.csv", "--scenario", "s.json", "--format", "json"])
                == .matchReferrals(MatchReferralsCommand(children: "c.csv", placements: "p.csv", scenario: "s.json", format: "json")))
        #expect(throws: CLIError.self) { try Command.parse(["match", "--children", "c.csv"]) }
        #expect(throws: CLIError.self) { try Command.parse(["match", "--cost-matrix", "m.csv", "--children", "c.csv"]) }
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        for command in ["run", "compare", "validate", "describe", "match", "benchmark"] {
            #expect(try Command.parse([command, "--help"]) == .help(topic: command))
            let text = try Help.text(for: command)
            #expect(text.contains("usage: sufficiency \(command)"))
            #expect(text.contains("example"))
        }
    }
}

struct OutputFolderNameTests {
    @Test func scenarioNamesCannotLeaveTheResultsFolder() {
        #expect(SimulateCommand.folderName("../../x") == "..-..-x")
        #expect(SimulateCommand.folderName("..") == "scenario")
        #expect(SimulateCommand.folderName("recruit-20") == "recruit-20")
        #expect(!SimulateCommand.folderName("a/b\\c").contains("/"))
    }

    @Test func anEmptyOutputIsAUsageError() {
        #expect(throws: CLIError.self) { try SimulateCommand.parse(["Scenarios/baseline.json", "--output", ""], comparing: false) }
    }
}

/// `benchmark`'s measuring modes.
struct BenchmarkParsingTests {
    private func parse(_ arguments: [String]) throws -> BenchmarkCommand? {
        if case let .benchmark(command) = try Command.parse(arguments) { return command }
        return nil
    }

    @Test func scalesAndAnotherBuildAreOptions() throws {
        let scaled = try #require(try parse(["benchmark", "s.json", "--scale", "1,16,180"]))
        #expect(scaled.scales == [1, 16, 180] && scaled.replications == 1)
        let against = try #require(try parse(["benchmark", "s.json", "--against", "/opt/old/sufficiency", "--replications", "500"]))
        #expect(against.against == "/opt/old/sufficiency" && against.replications == 500)
        for bad in [["--scale", "0"], ["--scale", "4,x"], ["--scale", "1,,2"], ["--scale", "2", "--against", "/bin/true"]] {
            #expect(throws: CLIError.self) { try parse(["benchmark", "s.json"] + bad) }
        }
    }
}
