import Foundation
import SSDA903
import Sufficiency

/// `calibrate PATH... --as-at DATE [--years K] [--base SCENARIO] --output SCENARIO.json`: a
/// scenario fitted to a council's SSDA903 history, with `calibration.md` beside it.
struct CalibrateCommand: Equatable {
    static let usage = "sufficiency calibrate PATH... --as-at YYYY-MM-DD [--years K] [--postcodes FILE] [--base SCENARIO] --output SCENARIO.json"
    var paths: [String]
    var asAt: CalendarDate
    var years = 3
    var postcodes: String?
    var base: String?
    var output: String

    func run(console: Console) throws(CLIError) {
        let history = try CareHistoryInput.read(paths)
        var baseScenario = Scenario.defaults
        if let base {
            do { baseScenario = try ScenarioLoader.model(at: base).scenario } catch { throw .badInput(error.problems.map(\.line)) }
        }
        var lookup: PostcodeLookup?
        if let postcodes {
            do { lookup = try PostcodeLookup.read(path: postcodes) } catch { throw .badInput(error.problems.map(\.description)) }
        }
        let calibration: Calibrator.Calibration
        do {
            calibration = try Calibrator.calibrate(history, options: .init(asAt: asAt, years: years, base: baseScenario,
                                                                           dataName: paths.joined(separator: " "), postcodes: lookup))
        } catch {
            throw .usage(error.problems.map(\.message).joined(separator: "; "), usage: Self.usage)
        }
        var scenario = calibration.scenario
        scenario.name = URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
        scenario.description = "Calibrated from SSDA903 files as at \(asAt.iso) (\(years) years of rates)."
        do { _ = try ScenarioModel(validating: scenario, file: output) } catch {
            throw .failure("the calibrated scenario does not validate: " + error.problems.map(\.line).joined(separator: "; "))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(scenario) else { throw .failure("cannot encode the scenario") }
        let file = URL(fileURLWithPath: output)
        let report = file.deletingLastPathComponent().appendingPathComponent("calibration.md")
        try OutputFolder(path: file.deletingLastPathComponent().path).add([
            (file.lastPathComponent, String(decoding: json, as: UTF8.self) + "\n"), ("calibration.md", calibration.report),
        ])
        console.writeOut("Wrote \(output) and \(report.path): \(scenario.initialChildren.byAgeBand.values.reduce(0, +)) children in care on \(asAt.iso), \(Int(scenario.entries.ratePerYear.values.reduce(0, +).rounded())) entries a year\n")
    }
}
