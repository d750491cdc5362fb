import Foundation
import SSDA903
import Sufficiency
import SufficiencyReports

/// `round-trip SCENARIO`: does calibration recover the scenario that made the data, and does the
/// calibrated scenario hold still? Prints both tables; exits 0 (it measures, it does not judge).
struct RoundTripCommand: Equatable {
    static let usage = "sufficiency round-trip SCENARIO [--history-years H] [--replications N] [--scale K] [--ample-supply] [--forward R] [--seed S] [--threads T]"
    var scenario: String
    var historyYears = 8
    var replications = 4
    var scale = 1
    var ampleSupply = false
    var forward = 100
    var seed: UInt64?
    var threads: Int?

    func run(console: Console) throws(CLIError) {
        let model: ScenarioModel
        do { model = try ScenarioLoader.model(at: scenario) } catch { throw .badInput(error.problems.map(\.line)) }
        let scaled = model.scenario.scaled(by: scale)
        let truth = ampleSupply ? CalibrationRoundTrip.ample(scaled) : scaled
        let seed = self.seed ?? model.scenario.monteCarlo.seed
        let result: CalibrationRoundTrip.Result
        do {
            result = try CalibrationRoundTrip.run(truth, historyYears: historyYears, replications: replications, seed: seed,
                                                  forwardReplications: forward, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        } catch {
            throw .failure("the round trip stopped: \(error)")
        }
        func table(_ rows: [CalibrationRoundTrip.Row]) -> String {
            var t = TextTable(header: ["figure", "scenario", "fitted", "tolerance", "holds"], rightAligned: [1, 2])
            t.rows = rows.map { [$0.figure, Self.format($0.scenario), Self.format($0.fitted), $0.tolerance, $0.holds ? "yes" : "NO"] }
            return t.rendered()
        }
        var out = "\(model.scenario.name) x\(scale)\(ampleSupply ? " with ample supply" : ""): \(historyYears) years of simulated history, \(replications) replication\(replications == 1 ? "" : "s") written as SSDA903 files and calibrated as at the day before \(model.startDate.iso); seed \(seed)\n\n"
        out += "Recovery (fitted figures averaged over the replications):\n" + table(result.recovery)
        out += "\(result.recovery.filter(\.holds).count) of \(result.recovery.count) within tolerance\n\n"
        out += "Stationarity (replication 0's calibrated scenario, ample supply, \(forward) replications forward):\n" + table(result.stationarity)
        out += "\(result.stationarity.filter(\.holds).count) of \(result.stationarity.count) within tolerance\n\n"
        out += "Not identifiable from 903 data:\n" + result.notIdentifiable.map { "- \($0)\n" }.joined()
        console.writeOut(out)
    }

    static func format(_ value: Double) -> String { String(format: abs(value) >= 100 ? "%.1f" : abs(value) >= 1 ? "%.3f" : "%.4f", value) }
}
