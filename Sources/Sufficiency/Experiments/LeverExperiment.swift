import Foundation

/// One scenario run at several settings of its levers, every run on the same seed and number of
/// replications (common random numbers: replication r of every setting sees the same children,
/// so differences between settings are the levers' doing, not chance). Each run is kept, so a
/// search that comes back to a setting does not run it again. Sweeps and goal-seeks both run
/// through it.
public final class LeverExperiment: @unchecked Sendable {
    /// One setting: a value for each lever.
    public typealias Setting = [(lever: ScenarioLever, value: Double)]

    public let file: String
    public let document: ParsedJSON
    public let replications: Int
    public let seed: UInt64
    public let threads: Int
    /// Called before each new run with its setting (for progress).
    public var willRun: ((Setting) -> Void)?

    private var runs: [String: MonteCarloResult] = [:]

    /// - Parameters:
    ///   - file: The scenario file; its `extends` chain is resolved once.
    ///   - replications, seed: For every run (default: the scenario's own).
    /// - Throws: `ScenarioError` when the file cannot be read.
    public init(file: String, replications: Int?, seed: UInt64?, threads: Int) throws(ScenarioError) {
        self.file = file
        document = try ScenarioLoader.document(at: file)
        let settings = try ScenarioLoader.scenario(from: document, file: file).monteCarlo
        self.replications = replications ?? settings.replications
        self.seed = seed ?? settings.seed
        self.threads = threads
    }

    /// The model at a setting, validated.
    public func model(at setting: Setting) throws(ScenarioError) -> ScenarioModel {
        var json = document
        for (lever, value) in setting { json = try lever.setting(value, in: json, file: file) }
        let scenario = try ScenarioLoader.scenario(from: json, file: file)
        return try ScenarioModel(validating: scenario, file: file)
    }

    /// The run at a setting (run now, or the earlier run).
    public func result(at setting: Setting) throws(ScenarioError) -> MonteCarloResult {
        let key = setting.map { "\($0.lever)=\($0.value)" }.joined(separator: ";")
        if let known = runs[key] { return known }
        let model = try model(at: setting)
        willRun?(setting)
        let result = MonteCarloRunner.run(model, replications: replications, seed: seed, threads: threads)
        runs[key] = result
        return result
    }

    /// How many settings have been run.
    public var runCount: Int { runs.count }
}
