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
        let merged = try resolvedObject(at: path, chain: [])
        do {
            let data = try JSONSerialization.data(withJSONObject: merged)
            return try JSONDecoder().decode(Scenario.self, from: data)
        } catch let problem as ScenarioDecodingProblem {
            throw ScenarioError(file: path, path: dottedPath(problem.path), problem.message)
        } catch let error as DecodingError {
            throw describe(error, file: path)
        } catch {
            throw ScenarioError(file: path, "cannot be read: \(error.localizedDescription)")
        }
    }

    /// Loads and validates a scenario file into the model the engine runs.
    ///
    /// - Throws: `ScenarioError` listing every problem found.
    public static func model(at path: String) throws(ScenarioError) -> ScenarioModel {
        let scenario = try scenario(at: path)
        return try ScenarioModel(validating: scenario, file: path)
    }

    /// The file's JSON object with its `extends` chain merged in (the file wins).
    static func resolvedObject(at path: String, chain: [String]) throws(ScenarioError) -> [String: Any] {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(canonical) {
            throw ScenarioError(file: path, path: "extends", "expected a chain of base scenarios without a cycle, found \((chain + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " -> "))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScenarioError(file: path, exists ? "cannot be read" : "no such file")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let detail = (error as NSError).userInfo["NSDebugDescription"] as? String ?? "\(error.localizedDescription)"
            throw ScenarioError(file: path, "expected a JSON object, found text that is not valid JSON (\(detail))")
        }
        guard var object = parsed as? [String: Any] else {
            throw ScenarioError(file: path, "expected a JSON object at the top level, found \(jsonKind(parsed))")
        }
        let ownName = object["name"] as? String ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if let base = object.removeValue(forKey: "extends") {
            guard let relative = base as? String else {
                throw ScenarioError(file: path, path: "extends", "expected a file name, found \(jsonKind(base))")
            }
            let basePath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: basePath) else {
                throw ScenarioError(file: path, path: "extends", "expected an existing scenario file, found '\(relative)' (no such file at \(basePath))")
            }
            let baseObject = try resolvedObject(at: basePath, chain: chain + [canonical])
            object = merge(baseObject, object) as? [String: Any] ?? object
        }
        object["name"] = ownName
        return object
    }

    /// Objects merge key by key (recursively); anything else in `override` replaces `base`.
    static func merge(_ base: Any, _ override: Any) -> Any {
        guard let baseObject = base as? [String: Any], let overrideObject = override as? [String: Any] else { return override }
        var merged = baseObject
        for (key, value) in overrideObject {
            merged[key] = merged[key].map { merge($0, value) } ?? value
        }
        return merged
    }

    static func jsonKind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: return "an object"
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return "\(type(of: value))"
        }
    }

    /// Renders a `DecodingError` with its coding path joined by dots.
    static func describe(_ error: DecodingError, file: String) -> ScenarioError {
        func path(_ context: DecodingError.Context, _ extra: [String] = []) -> String {
            dottedPath(context.codingPath.map(\.stringValue) + extra)
        }
        switch error {
        case let .typeMismatch(type, context):
            return ScenarioError(file: file, path: path(context), "expected \(describe(type)), \(foundText(context.debugDescription))")
        case let .valueNotFound(type, context):
            return ScenarioError(file: file, path: path(context), "expected \(describe(type)), found null")
        case let .keyNotFound(key, context):
            return ScenarioError(file: file, path: path(context, [key.stringValue]), "expected this field, found nothing")
        case let .dataCorrupted(context):
            return ScenarioError(file: file, path: path(context), context.debugDescription)
        @unknown default:
            return ScenarioError(file: file, "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: return "a number"
        case is Int.Type, is UInt64.Type: return "a whole number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object (\(name))"
        }
    }

    private static func foundText(_ debug: String) -> String {
        // JSONDecoder says "Expected to decode Double but found a string instead."
        if let range = debug.range(of: "but found ") {
            return "found " + debug[range.upperBound...].replacingOccurrences(of: " instead.", with: "")
        }
        return debug
    }
}
