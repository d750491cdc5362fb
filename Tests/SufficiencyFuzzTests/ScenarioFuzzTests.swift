import Foundation
import Testing
import Sufficiency

/// Thousands of mutations of the shipped scenarios, from a fixed seed. A mutation that must make
/// the file invalid (a value of the wrong type or far out of range, an unknown key, broken JSON)
/// must exit 65 naming the field or the line; any other must exit 0 or 65, never crash; a sample
/// of the accepted ones is simulated to show they run.
struct ScenarioFuzzTests {
    static let shipped = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("Scenarios").path))?
        .filter { $0.hasSuffix(".json") }.sorted() ?? []

    enum Expectation { case invalid(naming: String), either }

    /// One mutation of `json` (as parsed) or of `text` (as written).
    static func mutate(_ json: ParsedJSON, text: String, using random: inout FuzzRandom) -> (String, Expectation) {
        let nodes = json.nodes().filter { !$0.path.isEmpty }
        let kind = random.below(12)
        // Each mutation picks among the nodes it applies to.
        let fits: (ParsedJSON) -> Bool = { node in
            switch (kind, node) {
            case (0...2, .number), (6...7, .number), (3, _), (8...9, _), (10...11, .string), (4, .object), (5, .object): return true
            default: return false
            }
        }
        let candidates = nodes.filter { fits($0.node) }
        let (path, node) = random.pick(candidates.isEmpty ? nodes : candidates)
        switch kind {
        case 0, 1:
            guard case .number = node else { break }
            return (json.replacing(path, with: .number(random.pick(["1e308", "-1e308", "1e400", "123456789012345678901234567890"]))).text, .invalid(naming: path))
        case 2:
            guard case .number = node else { break }
            return (json.replacing(path, with: .string("x")).text, .invalid(naming: path))
        case 3:
            switch node {
            case .string, .bool: return (json.replacing(path, with: .number("5")).text, .invalid(naming: path))
            case .array: return (json.replacing(path, with: .object([])).text, .invalid(naming: path))
            case .object: return (json.replacing(path, with: .array([])).text, .invalid(naming: path))
            default: break
            }
        case 4:
            guard case var .object(pairs) = node else { break }
            pairs.append(("zzUnknown", .number("1")))
            return (json.replacing(path, with: .object(pairs)).text, .invalid(naming: "\(path).zzUnknown"))
        case 5:
            // Broken JSON: a trailing comma, a duplicated key or a cut-off file.
            let bytes = Array(text.utf8)
            switch random.below(3) {
            case 0:
                let closers = bytes.indices.filter { (bytes[$0] == UInt8(ascii: "}") || bytes[$0] == UInt8(ascii: "]")) && $0 > 0 && ![UInt8(ascii: "{"), UInt8(ascii: "[")].contains(bytes[$0 - 1]) }
                guard let at = closers.isEmpty ? nil : random.pick(closers) else { break }
                return (String(decoding: bytes[..<at] + Array(",".utf8) + bytes[at...], as: UTF8.self), .invalid(naming: "line "))
            case 1:
                guard case let .object(pairs) = node, let first = pairs.first else { break }
                return (json.replacing(path, with: .object([first] + pairs)).text, .invalid(naming: "appears twice"))
            default:
                let cut = random.below(max(bytes.count - 2, 1))
                return (String(decoding: bytes[..<cut], as: UTF8.self), .invalid(naming: "line "))
            }
        case 6, 7:
            guard case let .number(n) = node, let value = Double(n) else { break }
            let factor = random.pick([0.0, -1, 0.5, 2, 3, 1e6])
            let scaled = value * factor
            let written = n.contains(".") || n.contains("e") ? "\(scaled)" : String(Int64(max(min(scaled, 1e15), -1e15)))
            return (json.replacing(path, with: .number(written)).text, .either)
        case 8, 9:
            // Remove a key or an array item.
            let parent = nodes.filter { path.hasPrefix($0.path) && $0.path != path }.last?.path ?? ""
            let container = parent.isEmpty ? json : nodes.first { $0.path == parent }!.node
            switch container {
            case let .object(pairs):
                let key = parent.isEmpty ? path : String(path.dropFirst(parent.count + 1))
                return (json.replacing(parent, with: .object(pairs.filter { $0.key != key })).text, .either)
            case let .array(items) where !items.isEmpty:
                return (json.replacing(parent, with: .array(Array(items.dropLast()))).text, .either)
            default: break
            }
        default:
            guard case let .string(s) = node else { break }
            return (json.replacing(path, with: .string(random.pick(["", " ", s.uppercased(), s + "x", "../../x", "\u{0}"]))).text, .either)
        }
        return (text, .either)
    }

    @Test func mutatedScenariosAreRefusedWithTheirFieldOrAccepted() throws {
        let folder = try FuzzFolder()
        var originals: [(name: String, json: ParsedJSON, text: String)] = []
        for name in Self.shipped {
            let text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/\(name)"), encoding: .utf8)
            _ = try folder.write(name, text)
            originals.append((name, try ParsedJSON.parse(Array(text.utf8)), text))
        }
        #expect(originals.count >= 5)
        var random = FuzzRandom(seed: 20_251_123)
        var accepted: [String] = [], refused = 0, mustRefuse = 0
        for index in 0..<2_500 {
            let original = originals[index % originals.count]
            let (text, expectation) = Self.mutate(original.json, text: original.text, using: &random)
            let file = try folder.write("mutant.json", text)
            let run = InProcessRun(["validate", file])
            #expect([0, 65].contains(run.exitCode), "mutation \(index) of \(original.name): exit \(run.exitCode)\n\(text.prefix(300))")
            if run.exitCode == 65 {
                refused += 1
                #expect(run.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("error: \(file)") || $0.hasPrefix("error: \(folder.url.path)") },
                        "mutation \(index): a message without its file\n\(run.stderr)")
            }
            if case let .invalid(naming) = expectation {
                mustRefuse += 1
                #expect(run.exitCode == 65 && run.stderr.contains(naming),
                        "mutation \(index) of \(original.name) must be refused naming '\(naming)'; exit \(run.exitCode)\n\(run.stderr.prefix(600))")
            } else if run.exitCode == 0, accepted.count < 40 {
                accepted.append(text)
            }
        }
        #expect(mustRefuse > 1_000 && refused >= mustRefuse)
        // The accepted mutations run: one replication each, nothing may trap.
        for (k, text) in accepted.enumerated() {
            let file = try folder.write("accepted-\(k).json", text)
            let run = InProcessRun(["run", file, "--replications", "1", "--threads", "1", "--quiet", "--format", "json",
                                    "--output", folder.url.appendingPathComponent("out-\(k)").path])
            #expect(run.exitCode == 0, "accepted mutation \(k) failed to run: \(run.stderr.prefix(400))")
        }
    }
}
