import Sufficiency

/// What the user asked for, parsed from the command line by a pure function.
enum Command: Equatable {
    case help(topic: String?)
    case version
    case matchCostMatrix(MatchCostMatrixCommand)
    case matchReferrals(MatchReferralsCommand)
    case benchmark(BenchmarkCommand)
    case simulate(SimulateCommand)
    case validate(ValidateCommand)
    case describe(DescribeCommand)
    case check903(Check903Command)
    case export903(Export903Command)
    case calibrate(CalibrateCommand)
    case roundTrip(RoundTripCommand)
    case sweep(SweepCommand)
    case goalSeek(GoalSeekCommand)
    case merge(MergeCommand)
    case backtest(BacktestCommand)
    case track(TrackCommand)

    static let commands = ["help", "run", "compare", "validate", "describe", "match", "check-903", "export-903", "calibrate", "round-trip", "sweep", "goal-seek", "merge", "backtest", "track", "benchmark"]

    /// Parses the arguments after the program name.
    ///
    /// - Throws: `CLIError.usage` with the relevant usage line.
    static func parse(_ arguments: [String]) throws(CLIError) -> Command {
        guard let name = arguments.first else {
            throw .usage("no command given; 'sufficiency help' lists them", usage: "sufficiency <command> [options]")
        }
        let rest = arguments.dropFirst()
        switch name {
        case "help", "--help", "-h":
            return .help(topic: rest.first)
        case "--version", "version":
            return .version
        case "match":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: "match") }
            let usage = MatchCostMatrixCommand.usage + "\n       " + MatchReferralsCommand.usage
            let parsed = try ParsedArguments(rest, valued: ["--cost-matrix", "--repeat", "--format", "--children", "--placements", "--scenario"],
                                             flags: [], usage: usage)
            guard parsed.positionals.isEmpty else { throw .usage("unexpected argument '\(parsed.positionals[0])'", usage: usage) }
            if let file = parsed.values["--cost-matrix"] {
                for other in ["--children", "--placements", "--scenario"] where parsed.values[other] != nil {
                    throw .usage("--cost-matrix does not go with \(other)", usage: usage)
                }
                return .matchCostMatrix(MatchCostMatrixCommand(
                    file: file,
                    repeats: try parsed.integer("--repeat", default: 1, minimum: 1, usage: usage),
                    format: try parsed.choice("--format", ["json", "table", "csv"], default: "table", usage: usage)))
            }
            guard let children = parsed.values["--children"], let placements = parsed.values["--placements"] else {
                throw .usage("match needs --cost-matrix FILE.csv, or --children FILE.csv with --placements FILE.csv", usage: usage)
            }
            guard parsed.values["--repeat"] == nil else { throw .usage("--repeat goes with --cost-matrix", usage: usage) }
            return .matchReferrals(MatchReferralsCommand(
                children: children, placements: placements, scenario: parsed.values["--scenario"],
                format: try parsed.choice("--format", ["json", "table", "csv"], default: "table", usage: usage)))
        case "sweep":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .sweep(try SweepCommand.parse(rest))
        case "backtest":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .backtest(try BacktestCommand.parse(rest))
        case "track":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .track(try TrackCommand.parse(rest))
        case "merge":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .merge(try MergeCommand.parse(rest))
        case "goal-seek":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .goalSeek(try GoalSeekCommand.parse(rest))
        case "run", "compare":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            return .simulate(try SimulateCommand.parse(rest, comparing: name == "compare"))
        case "validate":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let parsed = try ParsedArguments(rest, valued: [], flags: [], usage: ValidateCommand.usage)
            guard !parsed.positionals.isEmpty else { throw .usage("validate needs at least one scenario file", usage: ValidateCommand.usage) }
            return .validate(ValidateCommand(scenarios: parsed.positionals))
        case "describe":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let parsed = try ParsedArguments(rest, valued: [], flags: [], usage: DescribeCommand.usage)
            guard parsed.positionals.count == 1 else { throw .usage("describe takes one scenario file", usage: DescribeCommand.usage) }
            return .describe(DescribeCommand(scenario: parsed.positionals[0]))
        case "check-903":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let parsed = try ParsedArguments(rest, valued: ["--format"], flags: [], usage: Check903Command.usage)
            guard !parsed.positionals.isEmpty else { throw .usage("check-903 needs at least one file or folder of SSDA903 CSV files", usage: Check903Command.usage) }
            return .check903(Check903Command(paths: parsed.positionals,
                                             format: try parsed.choice("--format", ["table", "json"], default: "table", usage: Check903Command.usage)))
        case "export-903":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let usage = Export903Command.usage
            let parsed = try ParsedArguments(rest, valued: ["--replication", "--seed", "--history-years", "--output"], flags: [], usage: usage)
            guard parsed.positionals.count == 1 else { throw .usage("export-903 takes one scenario file", usage: usage) }
            guard parsed.values["--replication"] != nil else { throw .usage("export-903 needs --replication R (0 is the first)", usage: usage) }
            guard let output = parsed.values["--output"], !output.isEmpty else { throw .usage("export-903 needs --output DIR", usage: usage) }
            return .export903(Export903Command(
                scenario: parsed.positionals[0],
                replication: try parsed.integer("--replication", default: 0, minimum: 0, maximum: ScenarioLimits.replications.upperBound, usage: usage),
                seed: try parsed.seed(usage: usage),
                historyYears: try parsed.integer("--history-years", default: 0, minimum: 0, maximum: 50, usage: usage),
                output: output))
        case "calibrate":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let usage = CalibrateCommand.usage
            let parsed = try ParsedArguments(rest, valued: ["--as-at", "--years", "--postcodes", "--base", "--output"], flags: [], usage: usage)
            guard !parsed.positionals.isEmpty else { throw .usage("calibrate needs at least one file or folder of SSDA903 CSV files", usage: usage) }
            guard let text = parsed.values["--as-at"] else { throw .usage("calibrate needs --as-at YYYY-MM-DD, the last day of history to use", usage: usage) }
            guard let asAt = CalendarDate(iso: text) else { throw .usage("--as-at expects a date YYYY-MM-DD, found '\(text)'", usage: usage) }
            guard let output = parsed.values["--output"], !output.isEmpty else { throw .usage("calibrate needs --output SCENARIO.json", usage: usage) }
            return .calibrate(CalibrateCommand(paths: parsed.positionals, asAt: asAt,
                                               years: try parsed.integer("--years", default: 3, minimum: 1, maximum: 50, usage: usage),
                                               postcodes: parsed.values["--postcodes"], base: parsed.values["--base"], output: output))
        case "round-trip":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: name) }
            let usage = RoundTripCommand.usage
            let parsed = try ParsedArguments(rest, valued: ["--history-years", "--replications", "--scale", "--forward", "--seed", "--threads"],
                                             flags: ["--ample-supply"], usage: usage)
            guard parsed.positionals.count == 1 else { throw .usage("round-trip takes one scenario file", usage: usage) }
            return .roundTrip(RoundTripCommand(
                scenario: parsed.positionals[0],
                historyYears: try parsed.integer("--history-years", default: 8, minimum: 1, maximum: 50, usage: usage),
                replications: try parsed.integer("--replications", default: 4, minimum: 1, maximum: ScenarioLimits.replications.upperBound, usage: usage),
                scale: try parsed.integer("--scale", default: 1, minimum: 1, maximum: 1_000, usage: usage),
                ampleSupply: parsed.flags.contains("--ample-supply"),
                forward: try parsed.integer("--forward", default: 100, minimum: 1, usage: usage),
                seed: try parsed.seed(usage: usage),
                threads: try parsed.threads(usage: usage)))
        case "benchmark":
            if rest.contains("--help") || rest.contains("-h") { return .help(topic: "benchmark") }
            let usage = BenchmarkCommand.usage
            let parsed = try ParsedArguments(rest, valued: ["--replications", "--seed", "--scale", "--against"], flags: [], usage: usage)
            guard parsed.positionals.count == 1 else { throw .usage("benchmark takes one scenario file", usage: usage) }
            var scales: [Int] = []
            if let text = parsed.values["--scale"] {
                scales = text.split(separator: ",").compactMap { Int($0) }
                guard scales.count == text.split(separator: ",", omittingEmptySubsequences: false).count, scales.allSatisfy({ (1...1_000).contains($0) }) else {
                    throw .usage("--scale expects whole numbers from 1 to 1000 separated by commas, found '\(text)'", usage: usage)
                }
            }
            guard scales.isEmpty || parsed.values["--against"] == nil else { throw .usage("--scale and --against measure different things; give one", usage: usage) }
            return .benchmark(BenchmarkCommand(
                scenario: parsed.positionals[0],
                replications: try parsed.integer("--replications", default: scales.isEmpty ? 2_000 : 1, minimum: 1,
                                                 maximum: ScenarioLimits.replications.upperBound, usage: usage),
                seed: try parsed.seed(usage: usage), scales: scales, against: parsed.values["--against"]))
        default:
            let hint = closestKey(to: name, among: commands).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown command '\(name)'\(hint)", usage: "sufficiency <command> [options]; see 'sufficiency help'")
        }
    }
}
