import Foundation
import Sufficiency
import SufficiencyReports

/// `merge PATH...`: the shards of one `run --shard I/N` batch (files, or folders holding them)
/// put back together and written exactly as the unsharded run writes them.
struct MergeCommand: Equatable {
    static let usage = "sufficiency merge SHARD_OR_FOLDER... [--output DIR] [--format table|json|csv|markdown] [--suppress-below N]"

    var paths: [String]
    var output: String?
    var format = "table"
    var suppressBelow = 0

    static func parse(_ arguments: ArraySlice<String>) throws(CLIError) -> MergeCommand {
        let parsed = try ParsedArguments(arguments, valued: ["--output", "--format", "--suppress-below"], flags: [], usage: usage)
        guard !parsed.positionals.isEmpty else { throw .usage("merge needs the shard files, or the folders that hold them", usage: usage) }
        if parsed.values["--output"]?.isEmpty == true { throw .usage("--output needs a folder, found an empty value", usage: usage) }
        return MergeCommand(paths: parsed.positionals, output: parsed.values["--output"],
                            format: try parsed.choice("--format", SimulateCommand.formats, default: "table", usage: usage),
                            suppressBelow: try parsed.integer("--suppress-below", default: 0, minimum: 0, maximum: 1_000, usage: usage))
    }

    func run(console: Console) throws(CLIError) {
        var shards: [(file: String, shard: ShardFile)] = []
        for file in try shardFiles() {
            guard let data = FileManager.default.contents(atPath: file) else { throw .badInput(["\(file): cannot be read"]) }
            do { shards.append((file, try ShardFile.decode([UInt8](data), file: file))) } catch { throw .badInput([error.message]) }
        }
        let merged: (header: ShardFile.Header, replications: [ReplicationResult])
        do { merged = try ShardFile.merge(shards) } catch { throw .badInput(error.message.components(separatedBy: "\n")) }
        let h = merged.header
        // The scenario is read again from where the shards read it; it must not have changed since.
        let provenance = Provenance.of(file: h.scenarioFile, version: h.version, seed: h.seed, replications: h.replications)
        guard provenance.scenarioSHA256 == h.scenarioSHA256 else {
            throw .badInput(["\(h.scenarioFile): the scenario file is not the one the shards ran (SHA-256 \(provenance.scenarioSHA256), shards \(h.scenarioSHA256)); run merge where the shards ran, on the same file"])
        }
        guard h.version == Help.version else {
            throw .badInput(["the shards were written by sufficiency \(h.version) and this is \(Help.version); merge with the version that ran them"])
        }
        let model: ScenarioModel
        do { model = try ScenarioLoader.model(at: h.scenarioFile) } catch { throw .badInput(error.problems.map(\.line)) }
        let result = MonteCarloResult(model: model, catalog: MetricCatalog(model: model), seed: h.seed, replications: merged.replications)
        let summary = RunSummary(result: result, provenance: provenance, suppression: Suppression(below: suppressBelow))
        let writer = SimulateCommand(scenarios: [h.scenarioFile], output: output, format: format, suppressBelow: suppressBelow, quiet: true)
        try writer.finish([summary], console: console)
    }

    /// The shard files named, and those in the folders named (sorted, so the order is stable).
    private func shardFiles() throws(CLIError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw .badInput(["\(path): no such file or folder"]) }
            if isFolder.boolValue {
                let inside = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasPrefix("shard-") && $0.hasSuffix(".bin") }.sorted()
                guard !inside.isEmpty else { throw .badInput(["\(path): holds no shard files (shard-I-of-N.bin)"]) }
                files += inside.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
