import Foundation

/// Reads scenario files: resolves `"extends"`, merges, decodes and validates.
///
/// A file may say `"extends": "baseline.json"` (a path relative to the file itself) and then give
/// any subset of fields: objects merge key by key, arrays and scalars replace. Chains of extends
/// are followed; a cycle or a missing base is an error. A file's `name` is its own (never
/// inherited), defaulting to its file name without extension.
public enum ScenarioLoader {
    /// Loads, resolves and decodes a scenario file (defaults applied), without validating it.
    ///
    /// - Throws: `ScenarioError` naming the file and field.
    public static func scenario(at path: String) throws(ScenarioError) -> Scenario {
        try scenario(from: try document(at: path), file: path)
    }

    /// A scenario file's JSON with its `extends` chain merged in, before defaults: what a
    /// sweep or goal-seek changes one key of.
    public static func document(at path: String) throws(ScenarioError) -> ParsedJSON {
        try resolvedObject(at: path, chain: [])
    }

    /// Decodes a resolved document (defaults applied), without validating it; `file` names it in messages.
    public static func scenario(from document: ParsedJSON, file: String) throws(ScenarioError) -> Scenario {
        do {
            return try ParsedJSONDecoder().decode(Scenario.self, from: document)
        } catch {
            throw ScenarioError(error.problems.map { .init(file: file, path: dottedPath($0.path), message: $0.message) })
        }
    }

    /// Loads and validates a scenario file into the model the engine runs.
    ///
    /// - Throws: `ScenarioError` listing every problem found.
    public static func model(at path: String) throws(ScenarioError) -> ScenarioModel {
        let scenario = try scenario(at: path)
        return try ScenarioModel(validating: scenario, file: path)
    }

    /// The file's JSON object with its `extends` chain merged in (the file wins). Each file in
    /// the chain is read strictly and must itself be a version this build reads.
    static func resolvedObject(at path: String, chain: [String]) throws(ScenarioError) -> ParsedJSON {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(canonical) {
            throw ScenarioError(file: path, path: "extends", "expected a chain of base scenarios without a cycle, found \((chain + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " -> "))")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw ScenarioError(file: path, isFolder.boolValue ? "expected a scenario file, found a folder" : "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ScenarioError(file: path, "cannot be read") }
        let parsed: ParsedJSON
        do {
            parsed = try ParsedJSON.parse(Array(data))
        } catch {
            throw ScenarioError(file: path, "\(error) (the file is not valid JSON)")
        }
        guard case var .object(pairs) = parsed else {
            throw ScenarioError(file: path, "expected a JSON object at the top level, found \(parsed.kind)")
        }
        if let version = parsed["version"], case let .number(text) = version, let number = Int(text), number > Scenario.currentVersion {
            throw ScenarioError(file: path, path: "version", "this file is version \(number), newer than this build reads (version \(Scenario.currentVersion)); update sufficiency")
        }
        let ownName: String
        switch parsed["name"] {
        case nil: ownName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        case let .string(name)?: ownName = name
        case let other?: throw ScenarioError(file: path, path: "name", "expected a string, found \(other.kind)")
        }
        pairs.removeAll { $0.key == "name" }
        if let base = parsed["extends"] {
            pairs.removeAll { $0.key == "extends" }
            guard case let .string(reference) = base, !reference.isEmpty else {
                throw ScenarioError(file: path, path: "extends", "expected a file name, found \(base.kind)")
            }
            // A relative path is read from the file's own folder; an absolute one as it is.
            let basePath = reference.hasPrefix("/") ? reference
                : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(reference).path
            guard FileManager.default.fileExists(atPath: basePath) else {
                throw ScenarioError(file: path, path: "extends", "expected an existing scenario file, found '\(reference)' (no such file at \(basePath))")
            }
            let baseObject = try resolvedObject(at: basePath, chain: chain + [canonical])
            if case let .object(merged) = merge(baseObject, .object(pairs)) { pairs = merged }
            pairs.removeAll { $0.key == "name" }
        }
        return .object([("name", .string(ownName))] + pairs)
    }

    /// Objects merge key by key (recursively); anything else in `override` replaces `base`.
    static func merge(_ base: ParsedJSON, _ override: ParsedJSON) -> ParsedJSON {
        guard case var .object(merged) = base, case let .object(overrides) = override else { return override }
        for (key, value) in overrides {
            if let index = merged.firstIndex(where: { $0.key == key }) {
                merged[index].value = merge(merged[index].value, value)
            } else {
                merged.append((key, value))
            }
        }
        return .object(merged)
    }
}
