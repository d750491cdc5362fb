import Foundation
import Sufficiency

/// `validate SCENARIO...`: checks files and reports every problem found.
struct ValidateCommand: Equatable {
    static let usage = "sufficiency validate SCENARIO..."
    var scenarios: [String]

    func run(console: Console) throws(CLIError) {
        var problems: [String] = []
        for path in scenarios {
            do {
                let model = try ScenarioLoader.model(at: path)
                let children = model.initialChildrenCount
                console.writeOut("\(path): ok (\(model.scenario.name): \(children) children in care on \(model.startDate.iso), \(model.scenario.time.horizonYears) years)\n")
            } catch {
                problems += error.problems.map(\.line)
            }
        }
        guard problems.isEmpty else { throw .badInput(problems) }
    }
}

/// `describe SCENARIO`: the fully resolved scenario (extends and defaults applied) as JSON.
struct DescribeCommand: Equatable {
    static let usage = "sufficiency describe SCENARIO"
    var scenario: String

    func run(console: Console) throws(CLIError) {
        let resolved: Scenario
        do {
            resolved = try ScenarioLoader.scenario(at: scenario)
            _ = try ScenarioModel(validating: resolved, file: scenario)
        } catch {
            throw .badInput(error.problems.map(\.line))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(resolved) else { throw .failure("cannot encode \(scenario)") }
        console.writeOut(String(decoding: data, as: UTF8.self) + "\n")
    }
}
