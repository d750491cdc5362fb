import Foundation
import Sufficiency
import SufficiencyReports

/// `run` and `compare`: simulate scenarios, write their results and print the table.
struct SimulateCommand: Equatable {
    static let runUsage = "sufficiency run SCENARIO... [--replications N] [--seed S] [--threads T] [--output DIR] [--format table|json|csv|markdown] [--suppress-below N] [--shard I/N] [--quiet]"
    static let compareUsage = "sufficiency compare BASELINE VARIANT... [--replications N] [--seed S] [--threads T] [--output DIR] [--format table|json|csv|markdown] [--suppress-below N] [--quiet]"
    static let valuedOptions: Set<String> = ["--replications", "--seed", "--threads", "--output", "--format", "--suppress-below", "--shard"]
    static let formats = ["table", "json", "csv", "markdown"]

    var scenarios: [String]
    var comparing = false
    var replications: Int?
    var seed: UInt64?
    var threads: Int?
    var output: String?
    var format = "table"
    /// Counts of children above 0 and below this are hidden in every output (0: none hidden).
    var suppressBelow = 0
    /// Shard I of N (from 1): only its block of the replications, written as a shard file for `merge`.
    var shard: Shard?
    var quiet = false

    struct Shard: Equatable {
        let index: Int
        let count: Int
    }

    static func parse(_ arguments: ArraySlice<String>, comparing: Bool) throws(CLIError) -> SimulateCommand {
        let usage = comparing ? compareUsage : runUsage
        let parsed = try ParsedArguments(arguments, valued: valuedOptions, flags: ["--quiet"], usage: usage)
        if parsed.values["--output"]?.isEmpty == true { throw .usage("--output needs a folder, found an empty value", usage: usage) }
        guard parsed.positionals.count >= (comparing ? 2 : 1) else {
            throw .usage(comparing ? "compare needs a baseline and at least one variant" : "run needs at least one scenario file", usage: usage)
        }
        return SimulateCommand(
            scenarios: parsed.positionals, comparing: comparing,
            replications: try parsed.replications(usage: usage),
            seed: try parsed.seed(usage: usage),
            threads: try parsed.threads(usage: usage),
            output: parsed.values["--output"],
            format: try parsed.choice("--format", formats, default: "table", usage: usage),
            suppressBelow: try parsed.integer("--suppress-below", default: 0, minimum: 0, maximum: 1_000, usage: usage),
            shard: try shard(parsed.values["--shard"], comparing: comparing, scenarios: parsed.positionals.count, usage: usage),
            quiet: parsed.flags.contains("--quiet"))
    }

    /// `--shard I/N`: 1 <= I <= N <= 100000, for `run` of one scenario.
    private static func shard(_ text: String?, comparing: Bool, scenarios: Int, usage: String) throws(CLIError) -> Shard? {
        guard let text else { return nil }
        let parts = text.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, n <= 100_000, i >= 1, i <= n else {
            throw .usage("--shard expects I/N with 1 <= I <= N (such as 3/16), found '\(text)'", usage: usage)
        }
        guard !comparing, scenarios == 1 else { throw .usage("--shard runs one scenario with 'run'; merge the shards, then compare", usage: usage) }
        return Shard(index: i, count: n)
    }

    func run(console: Console) throws(CLIError) {
        // Every file is checked before anything runs.
        var models: [ScenarioModel] = []
        var problems: [String] = []
        for path in scenarios {
            do { models.append(try ScenarioLoader.model(at: path)) } catch { problems += error.problems.map(\.line) }
        }
        guard problems.isEmpty else { throw .badInput(problems) }
        let names = models.map(\.scenario.name)
        if Set(names).count < names.count {
            throw .usage("scenario names must differ (found \(names.joined(separator: ", "))); give each file its own \"name\"",
                         usage: comparing ? Self.compareUsage : Self.runUsage)
        }
        let baseline = models[0].scenario.monteCarlo
        let threads = self.threads ?? ProcessInfo.processInfo.activeProcessorCount
        for (model, path) in zip(models, scenarios) {
            let replications = self.replications ?? (comparing ? baseline.replications : model.scenario.monteCarlo.replications)
            guard let problem = MonteCarloRunner.memoryProblem(model, replications: replications, threads: threads) else { continue }
            if self.replications != nil { throw .usage(problem, usage: comparing ? Self.compareUsage : Self.runUsage) }
            throw .badInput(["\(comparing ? scenarios[0] : path): monteCarlo.replications: \(problem)"])
        }
        if let shard { return try runShard(models[0], shard: shard, threads: threads, console: console) }
        var summaries: [RunSummary] = []
        for (model, path) in zip(models, scenarios) {
            // A comparison runs every scenario on the baseline's seed and replications: paired.
            let seed = self.seed ?? (comparing ? baseline.seed : model.scenario.monteCarlo.seed)
            let replications = self.replications ?? (comparing ? baseline.replications : model.scenario.monteCarlo.replications)
            let progress = quiet ? nil : ProgressReporter(console: console, label: model.scenario.name, total: replications)
            var report: (@Sendable (Int) -> Void)?
            if let progress { report = { progress.update($0) } }
            let result = MonteCarloRunner.run(model, replications: replications, seed: seed,
                                              threads: threads, progress: report)
            progress?.finish()
            summaries.append(RunSummary(result: result, provenance: .of(file: path, version: Help.version, seed: seed, replications: replications),
                                        suppression: Suppression(below: suppressBelow)))
        }
        try finish(summaries, console: console)
    }

    /// Writes the outputs of finished runs and prints their table (also for `merge`).
    func finish(_ summaries: [RunSummary], console: Console) throws(CLIError) {
        let comparisons = comparing ? summaries.dropFirst().map { PairedComparison(baseline: summaries[0], variant: $0) } : []
        let folders = try write(summaries, comparisons)
        console.writeOut(standardOutput(summaries, comparisons))
        // Where the files went, on standard error so that standard output stays the results alone.
        console.writeError(folders.map { "Wrote \($0)\n" }.joined())
    }

    /// Runs one shard's block of replications and writes it as `shard-I-of-N.bin` into the output
    /// folder (default `Results/NAME-shards/`), beside the other shards: each file is written
    /// atomically on its own, so shards running at once never disturb each other.
    private func runShard(_ model: ScenarioModel, shard: Shard, threads: Int, console: Console) throws(CLIError) {
        let seed = self.seed ?? model.scenario.monteCarlo.seed
        let replications = self.replications ?? model.scenario.monteCarlo.replications
        let block = ShardFile.range(shard: shard.index, of: shard.count, replications: replications)
        let result = MonteCarloRunner.run(model, indices: block, seed: seed, threads: threads)
        let provenance = Provenance.of(file: scenarios[0], version: Help.version, seed: seed, replications: replications)
        let folder = output ?? "Results/\(Self.folderName(model.scenario.name))-shards"
        let name = "shard-\(shard.index)-of-\(shard.count).bin"
        try OutputFolder(path: folder).add(bytes: [(name, ShardFile.encode(result, provenance: provenance, shard: shard.index, of: shard.count, first: block.lowerBound))])
        console.writeError("Wrote \(folder)/\(name): replications \(block.lowerBound) to \(block.upperBound - 1) of \(replications)\n")
    }

    /// A scenario name as a folder name: letters, digits, `-`, `_` and `.` kept, anything else
    /// (a `/`, so `../x` cannot leave the results folder) as `-`; never `.` or `..` alone.
    static func folderName(_ name: String) -> String {
        let kept = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        return kept.allSatisfy { $0 == "." } || kept.isEmpty ? "scenario" : kept
    }

    // MARK: - Files

    /// Writes the output folders and returns their paths.
    private func write(_ summaries: [RunSummary], _ comparisons: [PairedComparison]) throws(CLIError) -> [String] {
        if comparing {
            let folder = output ?? "Results/compare-\(Self.folderName(summaries[0].name))-vs-\(summaries.dropFirst().map { Self.folderName($0.name) }.joined(separator: "-"))"
            try OutputFolder(path: folder).replace(withBytes: files(summaries, comparisons))
            return [folder]
        }
        var folders: [String] = []
        for summary in summaries {
            let name = Self.folderName(summary.name)
            let folder = output.map { summaries.count == 1 ? $0 : "\($0)/\(name)" } ?? "Results/\(name)"
            try OutputFolder(path: folder).replace(withBytes: files([summary], []))
            folders.append(folder)
        }
        return folders
    }

    private func files(_ summaries: [RunSummary], _ comparisons: [PairedComparison]) -> [(String, [UInt8])] {
        let report = ReportDocument(runs: summaries, comparisons: comparisons)
        let texts = [
            ("summary.json", document(summaries, comparisons).rendered(pretty: true) + "\n"),
            ("monthly.csv", tidy(summaries) { $0.monthlyCSV(scenarioColumn: $1) }),
            ("financial-years.csv", tidy(summaries) { $0.financialYearsCSV(scenarioColumn: $1) }),
            ("report.md", report.markdown()),
            ("report.html", report.html()),
        ]
        return texts.map { ($0.0, Array($0.1.utf8)) } + [("finance.xlsx", FinanceWorkbook.workbook(summaries, comparisons).bytes)]
    }

    /// One scenario: its CSV. Several: one CSV with a scenario column.
    private func tidy(_ summaries: [RunSummary], _ csv: (RunSummary, Bool) -> String) -> String {
        guard summaries.count > 1 else { return csv(summaries[0], false) }
        return summaries.enumerated().map { index, summary in
            let text = csv(summary, true)
            return index == 0 ? text : String(text.drop { $0 != "\n" }.dropFirst())
        }.joined()
    }

    /// A run's `summary.json`; a comparison's holds every scenario's and the paired comparisons.
    private func document(_ summaries: [RunSummary], _ comparisons: [PairedComparison]) -> JSONValue {
        guard comparing else { return summaries[0].document() }
        return .object([
            ("schemaVersion", .integer(1)),
            ("baseline", .string(summaries[0].name)),
            ("scenarios", .array(summaries.map { $0.document() })),
            ("comparisons", .array(comparisons.map { $0.document() })),
        ])
    }

    // MARK: - Standard output

    private func standardOutput(_ summaries: [RunSummary], _ comparisons: [PairedComparison]) -> String {
        switch format {
        case "json":
            if comparing || summaries.count == 1 { return document(summaries, comparisons).rendered() + "\n" }
            return JSONValue.array(summaries.map { $0.document() }).rendered() + "\n"
        case "csv":
            return tidy(summaries) { $0.financialYearsCSV(scenarioColumn: $1) }
        case "markdown":
            return ReportDocument(runs: summaries, comparisons: comparisons).markdown()
        default:
            var out = ""
            for summary in summaries {
                let p = summary.provenance
                out += "\(summary.name): median (P10-P90) of \(p.replications) replications, seed \(p.seed)\n\n"
                out += summary.steeringTable().rendered() + "\n"
            }
            for comparison in comparisons {
                out += "\(comparison.variant.name) minus \(comparison.baseline.name), paired\n\n\(comparison.headline)\n\n"
                out += ReportDocument.differenceTable(comparison).rendered() + "\n"
            }
            return out
        }
    }
}
