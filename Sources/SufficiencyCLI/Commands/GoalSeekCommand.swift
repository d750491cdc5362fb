import Foundation
import Sufficiency
import SufficiencyReports

/// `goal-seek SCENARIO --set KEY=LOW..HIGH --target 'METRIC OP VALUE'`: the least lever value at
/// which the target holds with the probability asked for (`GoalSeek` explains the method).
struct GoalSeekCommand: Equatable {
    static let usage = "sufficiency goal-seek SCENARIO --set KEY=LOW..HIGH [--step S] --target 'METRIC OP VALUE' [--year FY] [--probability P] [--replications N] [--seed S] [--threads T] [--format table|json] [--quiet]"

    var scenario: String
    var lever: LeverOption
    var step = 1.0
    var target: String
    var year: String?
    var probability = 0.9
    var replications: Int?
    var seed: UInt64?
    var threads: Int?
    var format = "table"
    var quiet = false

    static func parse(_ arguments: ArraySlice<String>) throws(CLIError) -> GoalSeekCommand {
        let parsed = try ParsedArguments(arguments, valued: ["--set", "--step", "--target", "--year", "--probability", "--replications", "--seed", "--threads", "--format"],
                                         flags: ["--quiet"], usage: usage)
        guard parsed.positionals.count == 1 else { throw .usage("goal-seek needs one scenario file", usage: usage) }
        guard let set = parsed.values["--set"] else { throw .usage("goal-seek needs --set KEY=LOW..HIGH", usage: usage) }
        let lever = try LeverOption.parse(set, usage: usage)
        guard let range = lever.range else { throw .usage("goal-seek needs a range, KEY=LOW..HIGH, found '\(set)'", usage: usage) }
        guard let target = parsed.values["--target"] else { throw .usage("goal-seek needs --target 'METRIC OP VALUE'", usage: usage) }
        var step = 1.0
        if let text = parsed.values["--step"] {
            guard let value = Double(text), value > 0, value.isFinite else { throw .usage("--step expects a number above 0, found '\(text)'", usage: usage) }
            step = value
        }
        guard (range.upperBound - range.lowerBound) / step <= 100_000 else { throw .usage("the range holds more than 100000 steps; use a larger --step", usage: usage) }
        var probability = 0.9
        if let text = parsed.values["--probability"] {
            guard let value = Double(text), value > 0, value <= 1 else { throw .usage("--probability expects a number above 0 and at most 1, found '\(text)'", usage: usage) }
            probability = value
        }
        return GoalSeekCommand(
            scenario: parsed.positionals[0], lever: lever, step: step, target: target, year: parsed.values["--year"], probability: probability,
            replications: try parsed.replications(usage: usage),
            seed: try parsed.seed(usage: usage),
            threads: try parsed.threads(usage: usage),
            format: try parsed.choice("--format", ["table", "json"], default: "table", usage: usage), quiet: parsed.flags.contains("--quiet"))
    }

    func run(console: Console) throws(CLIError) {
        let experiment: LeverExperiment
        do {
            experiment = try LeverExperiment(file: scenario, replications: replications, seed: seed,
                                             threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch { throw .badInput(error.problems.map(\.line)) }
        let key = try lever.lever(usage: Self.usage)
        let range = lever.range!
        // Both ends of the range are checked before anything runs.
        let lowModel: ScenarioModel
        do {
            lowModel = try experiment.model(at: [(key, range.lowerBound)])
            _ = try experiment.model(at: [(key, range.upperBound)])
        } catch { throw .badInput(error.problems.map(\.line)) }
        let goal: Target
        do throws(TargetError) { goal = try Target(parsing: target, model: lowModel) } catch { throw .usage("--target: \(error.message)", usage: Self.usage) }
        if let year, !lowModel.financialYearLabels.contains(year) {
            throw .usage("--year expects one of the run's financial years (\(lowModel.financialYearLabels.joined(separator: ", "))), found '\(year)'", usage: Self.usage)
        }
        if !quiet, console.errorIsTerminal {
            experiment.willRun = { setting in console.writeError("running \(key)=\(RunSummary.number(setting[0].value))\n") }
        }
        let search: GoalSeek
        do {
            search = try GoalSeek(experiment, lever: key, low: range.lowerBound, high: range.upperBound, step: step, target: goal,
                                  year: year.flatMap { lowModel.financialYearLabels.firstIndex(of: $0) }, probability: probability)
        } catch { throw .badInput(error.problems.map(\.line)) }
        let lowest: MonteCarloResult
        do { lowest = try experiment.result(at: [(key, range.lowerBound)]) } catch { throw .badInput(error.problems.map(\.line)) }
        let report = GoalSeekReport(search: search, lever: key.description, lowest: lowest, step: step,
                                    replications: experiment.replications, seed: experiment.seed)
        console.writeOut(format == "json" ? report.document().rendered() + "\n" : report.text())
    }
}
