import Foundation
import SSDA903
import Sufficiency
import SufficiencyReports

/// `backtest PATH... [--origins DATE,...] [--horizon-years H] [--replications N]`: how good the
/// forecasts would have been, origin by origin, against the council's own later files.
struct BacktestCommand: Equatable {
    static let usage = "sufficiency backtest PATH... [--origins YYYY-MM-DD,...] [--horizon-years H] [--replications N] [--years K] [--base SCENARIO] [--seed S] [--threads T] [--output DIR] [--format table|json|csv]"

    var paths: [String]
    var origins: [CalendarDate]?
    var horizonYears = 3
    var replications = 200
    var years = 3
    var base: String?
    var seed: UInt64?
    var threads: Int?
    var output: String?
    var format = "table"

    static func parse(_ arguments: ArraySlice<String>) throws(CLIError) -> BacktestCommand {
        let parsed = try ParsedArguments(arguments, valued: ["--origins", "--horizon-years", "--replications", "--years", "--base", "--seed", "--threads", "--output", "--format"],
                                         flags: [], usage: usage)
        guard !parsed.positionals.isEmpty else { throw .usage("backtest needs at least one file or folder of SSDA903 CSV files", usage: usage) }
        var origins: [CalendarDate]?
        if let text = parsed.values["--origins"] {
            origins = try text.split(separator: ",", omittingEmptySubsequences: false).map { part throws(CLIError) in
                guard let date = CalendarDate(iso: part.trimmingCharacters(in: .whitespaces)) else {
                    throw .usage("--origins expects dates YYYY-MM-DD separated by commas, found '\(part)'", usage: usage)
                }
                return date
            }
        }
        if parsed.values["--output"]?.isEmpty == true { throw .usage("--output needs a folder, found an empty value", usage: usage) }
        return BacktestCommand(
            paths: parsed.positionals, origins: origins,
            horizonYears: try parsed.integer("--horizon-years", default: 3, minimum: 1, maximum: 20, usage: usage),
            replications: try parsed.replications(usage: usage) ?? 200,
            years: try parsed.integer("--years", default: 3, minimum: 1, maximum: 50, usage: usage),
            base: parsed.values["--base"], seed: try parsed.seed(usage: usage), threads: try parsed.threads(usage: usage),
            output: parsed.values["--output"], format: try parsed.choice("--format", ["table", "json", "csv"], default: "table", usage: usage))
    }

    func run(console: Console) throws(CLIError) {
        let history = try CareHistoryInput.read(paths)
        var baseScenario = Scenario.defaults
        if let base {
            do { baseScenario = try ScenarioLoader.model(at: base).scenario } catch { throw .badInput(error.problems.map(\.line)) }
        }
        let data = paths.joined(separator: " ")
        let result: Backtest.Result
        do {
            result = try Backtest.run(history, options: .init(
                origins: origins, horizonYears: horizonYears, replications: replications, seed: seed ?? baseScenario.monteCarlo.seed,
                threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, years: years, base: baseScenario, dataName: data))
        } catch let error as SSDA903Error {
            throw .usage(error.problems.map(\.message).joined(separator: "; "), usage: Self.usage)
        } catch let error as ScenarioError {
            throw .failure("a calibrated scenario does not validate: " + error.problems.map(\.line).joined(separator: "; "))
        } catch {
            throw .failure("\(error)")
        }
        let report = BacktestReport(data: data, origins: result.origins, points: result.points, horizonYears: result.horizonYears,
                                    rateYears: years, replications: result.replications, seed: result.seed, version: Help.version)
        let folder = output ?? "Results/backtest-\(SimulateCommand.folderName(URL(fileURLWithPath: paths[0]).lastPathComponent))"
        try OutputFolder(path: folder).replace(with: [
            ("backtest.json", report.document().rendered(pretty: true) + "\n"), ("points.csv", report.pointsCSV()),
            ("accuracy.csv", report.accuracyCSV()), ("report.md", report.markdown()), ("report.html", report.html()),
        ])
        switch format {
        case "json": console.writeOut(report.document().rendered() + "\n")
        case "csv": console.writeOut(report.accuracyCSV())
        default: console.writeOut(report.headline + "\n\n" + report.table().rendered() + "\n" + BacktestReport.coverageMeaning + "\n")
        }
        console.writeError("Wrote \(folder)\n")
    }
}
