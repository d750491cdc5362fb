/// Reads a scenario object field by field: each field is optional in the file and falls back to
/// its default, and a key the object does not know is an error that suggests the nearest known
/// one (a typo must never be silently ignored).
struct FieldReader<Key: CodingKey & CaseIterable & RawRepresentable> where Key.RawValue == String {
    private let container: KeyedDecodingContainer<Key>
    private let decoder: any Decoder
    /// Where problems go when the decoder collects them all (`ParsedJSONDecoder`); without one,
    /// the first problem is thrown.
    private let log: ProblemLog?

    init(_ decoder: any Decoder, _ keys: Key.Type) throws {
        self.decoder = decoder
        log = ProblemLog.of(decoder)
        let any = try decoder.container(keyedBy: AnyCodingKey.self)
        container = try decoder.container(keyedBy: Key.self)
        let known = Key.allCases.map(\.rawValue)
        for key in any.allKeys where Key(rawValue: key.stringValue) == nil {
            try report(ScenarioDecodingProblem(
                path: (decoder.codingPath + [key]).map(\.stringValue),
                message: "unknown key '\(key.stringValue)'" + (closestKey(to: key.stringValue, among: known).map { "; did you mean '\($0)'?" } ?? "")
                    + " (expected one of: \(known.joined(separator: ", ")))"))
        }
    }

    /// Records a problem and goes on, or throws it when problems are not collected.
    func report(_ problem: any Error) throws {
        guard let log else { throw problem }
        log.record(problem, at: decoder.codingPath.map(\.stringValue))
    }

    /// The field's value, or `fallback` when the file leaves it out (or, when problems are
    /// collected, when the value is wrong: the problem is recorded and decoding goes on).
    func callAsFunction<T: Decodable>(_ key: Key, default fallback: @autoclosure () -> T) throws -> T {
        do {
            return try container.decodeIfPresent(T.self, forKey: key) ?? fallback()
        } catch {
            try report(error)
            return fallback()
        }
    }

    /// An optional field with no default.
    func optional<T: Decodable>(_ key: Key) throws -> T? {
        try container.decodeIfPresent(T.self, forKey: key)
    }

    /// Refuses the keys present that are not in `allowed` (fields that belong to another variant,
    /// such as a `median` on an exponential distribution).
    func only(_ allowed: [Key], because reason: String) throws {
        for key in container.allKeys where !allowed.contains(where: { $0.stringValue == key.stringValue }) {
            try report(ScenarioDecodingProblem(path: (decoder.codingPath + [key]).map(\.stringValue),
                                               message: "unexpected key '\(key.stringValue)': \(reason) (expected only: \(allowed.map(\.stringValue).joined(separator: ", ")))"))
        }
    }
}

/// A problem found while decoding, with the path of the field it concerns.
struct ScenarioDecodingProblem: Error {
    let path: [String]
    let message: String
}

/// A coding key for any string, to see every key an object has.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { stringValue = String(intValue) }
}

/// The candidate nearest to `word` by edit distance (case-insensitive), when close enough to be a
/// likely typo: within 2 edits, or a third of the candidate's length. Used for every "did you
/// mean" in scenario files, CSV headers and command-line options.
public func closestKey(to word: String, among candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
    let lowered = Array(word.lowercased())
    let best = candidates.map { ($0, distance(lowered, Array($0.lowercased()))) }.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    guard let best, best.1 <= max(2, best.0.count / 3) else { return nil }
    return best.0
}
