import Foundation
import SSDA903
import Sufficiency

/// `export-903 SCENARIO --replication R [--seed S] [--history-years N] --output DIR`: one simulated
/// replication written as SSDA903 files, a synthetic council history to test pipelines with.
struct Export903Command: Equatable {
    static let usage = "sufficiency export-903 SCENARIO --replication R [--seed S] [--history-years N] --output DIR"
    var scenario: String
    var replication: Int
    var seed: UInt64?
    var historyYears = 0
    var output: String

    func run(console: Console) throws(CLIError) {
        let model: ScenarioModel
        do { model = try ScenarioLoader.model(at: scenario) } catch { throw .badInput(error.problems.map(\.line)) }
        let seed = self.seed ?? model.scenario.monteCarlo.seed
        let export: (files: [ReturnWriter.File], model: ScenarioModel, log: CareLog, result: ReplicationResult, catalog: MetricCatalog)
        do {
            export = try ReturnWriter.export(model, seed: seed, replication: replication, historyYears: historyYears)
        } catch let error as SSDA903Error {
            throw .badInput(error.problems.map { "\(scenario): \($0.column ?? ""): \($0.message)" })
        } catch let error as ScenarioError {
            throw .usage("--history-years \(historyYears) makes the run too long: " + error.problems.map(\.line).joined(separator: "; "), usage: Self.usage)
        } catch {
            throw .failure("\(error)")
        }
        try OutputFolder(path: output).replace(with: export.files.map { ($0.path, $0.text) })
        let years = ReturnWriter.yearsCovered(log: export.log).map { CareHistory.label(yearEnding: $0) }
        let children = export.log.children.filter(\.entered).count
        console.writeOut("Wrote \(export.files.count) files to \(output): collection years \(years.first ?? "none") to \(years.last ?? "none"), \(children) children (replication \(replication), seed \(seed), simulated from \(export.model.startDate.iso))\n")
    }
}
