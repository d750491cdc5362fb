import Foundation
import Sufficiency
import SufficiencyReports

/// `sweep SCENARIO --set KEY=V1,V2,... [--set ...]`: the scenario at every value (every
/// combination, for several `--set`), all on the same seeds, with each outcome against the levers.
struct SweepCommand: Equatable {
    static let usage = "sufficiency sweep SCENARIO --set KEY=V1,V2,... [--set KEY=...] [--year FY] [--target 'METRIC OP VALUE'] [--replications N] [--seed S] [--threads T] [--output DIR] [--format table|json|csv] [--quiet]"

    var scenario: String
    var levers: [LeverOption]
    var year: String?
    var target: String?
    var replications: Int?
    var seed: UInt64?
    var threads: Int?
    var output: String?
    var format = "table"
    var quiet = false

    static func parse(_ arguments: ArraySlice<String>) throws(CLIError) -> SweepCommand {
        let parsed = try ParsedArguments(arguments, valued: ["--year", "--target", "--replications", "--seed", "--threads", "--output", "--format"],
                                         repeatable: ["--set"], flags: ["--quiet"], usage: usage)
        guard parsed.positionals.count == 1 else { throw .usage("sweep needs one scenario file", usage: usage) }
        let sets = try (parsed.lists["--set"] ?? []).map { text throws(CLIError) in try LeverOption.parse(text, usage: usage) }
        guard !sets.isEmpty else { throw .usage("sweep needs at least one --set KEY=V1,V2,...", usage: usage) }
        guard sets.allSatisfy({ $0.range == nil }) else { throw .usage("sweep takes lists of values (KEY=10,20,30); ranges are for goal-seek", usage: usage) }
        guard sets.map({ $0.values.count }).reduce(1, *) <= 1_000 else { throw .usage("the --set values make more than 1000 settings", usage: usage) }
        if parsed.values["--output"]?.isEmpty == true { throw .usage("--output needs a folder, found an empty value", usage: usage) }
        return SweepCommand(
            scenario: parsed.positionals[0], levers: sets, year: parsed.values["--year"], target: parsed.values["--target"],
            replications: try parsed.replications(usage: usage),
            seed: try parsed.seed(usage: usage),
            threads: try parsed.threads(usage: usage),
            output: parsed.values["--output"], format: try parsed.choice("--format", ["table", "json", "csv"], default: "table", usage: usage),
            quiet: parsed.flags.contains("--quiet"))
    }

    /// Every combination of the levers' values, the first lever varying slowest.
    var settings: [[Double]] {
        levers.reduce([[]]) { partial, lever in partial.flatMap { prefix in lever.values.map { prefix + [$0] } } }
    }

    func run(console: Console) throws(CLIError) {
        let experiment: LeverExperiment
        do {
            experiment = try LeverExperiment(file: scenario, replications: replications, seed: seed,
                                             threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch { throw .badInput(error.problems.map(\.line)) }
        let parsedLevers = try levers.map { option throws(CLIError) in try option.lever(usage: Self.usage) }
        // Every setting is checked before any runs.
        var problems: [String] = []
        var first: ScenarioModel?
        for values in settings {
            do {
                let model = try experiment.model(at: Array(zip(parsedLevers, values)))
                if first == nil { first = model }
            } catch { problems += error.problems.map(\.line) }
        }
        guard problems.isEmpty else { throw .badInput(Array(Set(problems)).sorted()) }
        if !quiet, console.errorIsTerminal {
            experiment.willRun = { setting in console.writeError(setting.map { "\($0.lever)=\(RunSummary.number($0.value))" }.joined(separator: ", ") + "\n") }
        }
        var goal: Target?
        if let target {
            do throws(TargetError) { goal = try Target(parsing: target, model: first!) } catch {
                throw .usage("--target: \(error.message)", usage: Self.usage)
            }
        }
        var rows: [SweepReport.Row] = []
        for values in settings {
            do { rows.append(.init(values: values, result: try experiment.result(at: Array(zip(parsedLevers, values))))) } catch {
                throw .badInput(error.problems.map(\.line))
            }
        }
        let yearIndex = try financialYear(year, in: rows[0].result, usage: Self.usage)
        let name = rows[0].result.model.scenario.name
        let report = SweepReport(scenario: name, levers: levers.map(\.key), rows: rows, year: yearIndex,
                                 provenance: .of(file: scenario, version: Help.version, seed: experiment.seed, replications: experiment.replications),
                                 target: goal)
        let folder = output ?? "Results/sweep-\(SimulateCommand.folderName(name))-\(levers.map { SimulateCommand.folderName($0.key) }.joined(separator: "-"))"
        try OutputFolder(path: folder).replace(with: [
            ("sweep.json", report.document().rendered(pretty: true) + "\n"), ("sweep.csv", report.csv()),
            ("report.md", report.markdown()), ("report.html", report.html()),
        ])
        switch format {
        case "json": console.writeOut(report.document().rendered() + "\n")
        case "csv": console.writeOut(report.csv())
        default:
            console.writeOut("\(name): \(levers.map(\.key).joined(separator: " x ")), \(rows[0].result.financialYears[yearIndex]), "
                + "median (P10-P90) of \(experiment.replications) replications on the same seeds\n\n" + report.table().rendered())
        }
        console.writeError("Wrote \(folder)\n")
    }
}
