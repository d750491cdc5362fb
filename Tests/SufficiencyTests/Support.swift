import Foundation
@testable import Sufficiency

/// The package root, for the shipped scenario files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped scenario `Scenarios/<name>.json`, loaded and validated as the commands load it.
func shippedScenario(_ name: String) throws -> ScenarioModel {
    try ScenarioLoader.model(at: packageRoot.appendingPathComponent("Scenarios/\(name).json").path)
}

/// A scratch folder for scenario files, removed when the test ends.
final class ScenarioFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    @discardableResult
    func write(_ name: String, _ json: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try json.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// The problems a scenario file gives, one line each ("" when it loads).
func problems(_ json: String) throws -> [String] {
    let folder = try ScenarioFolder()
    let path = try folder.write("s.json", json)
    do {
        _ = try ScenarioLoader.model(at: path)
        return []
    } catch {
        return error.problems.map { "\($0.path): \($0.message)" }
    }
}

/// The problems validating `scenario` gives, one line each, joined ("" when it is valid).
func validationProblems(_ scenario: Scenario) -> String {
    do {
        _ = try ScenarioModel(validating: scenario, file: "x.json")
        return ""
    } catch {
        return error.problems.map(\.line).joined(separator: "\n")
    }
}
