import Foundation
import Sufficiency
import SufficiencyCLI

/// The package root, for the shipped files the mutations start from.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fuzz tests' fixed-seed generator: the engine's own SplitMix64, so the same mutations on every run.
typealias FuzzRandom = SplitMix64

extension SplitMix64 {
    init(seed: UInt64) { self.init(state: seed) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One command run in process: its exit code and what it wrote.
struct InProcessRun {
    let exitCode: Int32
    let stdout: String
    let stderr: String

    init(_ arguments: [String]) {
        let out = Collected(), err = Collected()
        exitCode = SufficiencyCLI.run(arguments, console: Console(writeOut: { out.append($0) }, writeError: { err.append($0) }))
        stdout = out.text
        stderr = err.text
    }
}

final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func append(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}

/// A scratch folder removed when the test ends.
final class FuzzFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: false, encoding: .utf8)
        return file.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

extension ParsedJSON {
    /// The document as JSON text again.
    var text: String {
        switch self {
        case let .object(pairs): return "{" + pairs.map { "\(Self.quoted($0.key)): \($0.value.text)" }.joined(separator: ", ") + "}"
        case let .array(items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        case let .string(s): return Self.quoted(s)
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        case .null: return "null"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every node with its path as messages write it (`a.b[2].c`; "" for the root).
    func nodes(_ path: String = "") -> [(path: String, node: ParsedJSON)] {
        var out = [(path, self)]
        switch self {
        case let .object(pairs):
            for (key, value) in pairs { out += value.nodes(path.isEmpty ? key : "\(path).\(key)") }
        case let .array(items):
            for (i, value) in items.enumerated() { out += value.nodes("\(path)[\(i)]") }
        default: break
        }
        return out
    }

    /// The document with the node at `path` replaced.
    func replacing(_ path: String, with replacement: ParsedJSON, at current: String = "") -> ParsedJSON {
        if current == path { return replacement }
        switch self {
        case let .object(pairs):
            return .object(pairs.map { key, value in
                let child = current.isEmpty ? key : "\(current).\(key)"
                return (key, path == child || path.hasPrefix(child + ".") || path.hasPrefix(child + "[") ? value.replacing(path, with: replacement, at: child) : value)
            })
        case let .array(items):
            return .array(items.enumerated().map { i, value in
                let child = "\(current)[\(i)]"
                return path == child || path.hasPrefix(child + ".") || path.hasPrefix(child + "[") ? value.replacing(path, with: replacement, at: child) : value
            })
        default: return self
        }
    }
}
