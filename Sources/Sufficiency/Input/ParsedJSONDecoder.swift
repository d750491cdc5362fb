/// Decodes `Decodable` types from a `ParsedJSON` tree, with the project's own messages: each
/// problem names its field path and says what was expected and what was found ("expected a whole
/// number, found the number 2.5"). Whole numbers are read from their text, so a fraction, a
/// number too large for the field, or a number that overflows a Double (1e400) is refused rather
/// than rounded.
///
/// Types decoded through `FieldReader` report every problem to the decoder's `ProblemLog`
/// instead of stopping at the first, so one pass lists them all.
struct ParsedJSONDecoder {

    /// Decodes `type`; throws `ScenarioDecodingProblems` listing every problem found.
    func decode<T: Decodable>(_ type: T.Type, from json: ParsedJSON) throws(ScenarioDecodingProblems) -> T {
        let log = ProblemLog()
        let value: T?
        do {
            value = try T(from: NodeDecoder(node: json, codingPath: [], userInfo: [ProblemLog.key: log]))
        } catch {
            log.record(error, at: [])
            value = nil
        }
        guard let value, log.problems.isEmpty else { throw ScenarioDecodingProblems(problems: log.problems) }
        return value
    }
}

/// Every problem one decoding pass found.
struct ScenarioDecodingProblems: Error {
    var problems: [ScenarioDecodingProblem]
}

/// Collects decoding problems so that a pass can go on after the first (`FieldReader` records a
/// field's problem and goes on with its default).
final class ProblemLog: @unchecked Sendable {
    static let key = CodingUserInfoKey(rawValue: "sufficiency.problemLog")!
    private(set) var problems: [ScenarioDecodingProblem] = []

    static func of(_ decoder: any Decoder) -> ProblemLog? { decoder.userInfo[key] as? ProblemLog }

    func record(_ error: any Error, at path: [String]) {
        switch error {
        case let problem as ScenarioDecodingProblem: problems.append(problem)
        case let many as ScenarioDecodingProblems: problems += many.problems
        case let decoding as DecodingError:
            let context: DecodingError.Context? = switch decoding {
            case let .typeMismatch(_, c), let .valueNotFound(_, c), let .keyNotFound(_, c), let .dataCorrupted(c): c
            @unknown default: nil
            }
            problems.append(.init(path: context.map { $0.codingPath.map(\.stringValue) } ?? path, message: context?.debugDescription ?? "\(error)"))
        default: problems.append(.init(path: path, message: "\(error)"))
        }
    }
}

private struct NodeDecoder: Decoder {
    let node: ParsedJSON
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    var path: [String] { codingPath.map(\.stringValue) }

    func mismatch(_ expected: String) -> ScenarioDecodingProblem {
        ScenarioDecodingProblem(path: path, message: "expected \(expected), found \(node.kind)")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .object(pairs) = node else { throw mismatch("an object") }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, pairs: pairs))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case let .array(items) = node else { throw mismatch("an array") }
        return Unkeyed(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    func child(_ node: ParsedJSON, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], userInfo: userInfo)
    }

    // MARK: Scalars

    func decodeNumber<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws -> T {
        guard case let .number(text) = node else { throw mismatch(what) }
        if let exact = T(text, radix: 10) { return exact }
        if let value = Double(text), value.isFinite, value == value.rounded(), let exact = T(exactly: value) { return exact }
        let isWhole = Double(text).map { $0 == $0.rounded() } ?? false
        throw ScenarioDecodingProblem(path: path, message: isWhole
            ? "expected \(what) from \(T.min) to \(T.max), found \(text)"
            : "expected \(what), found the number \(text)")
    }

    func decodeDouble() throws -> Double {
        guard case let .number(text) = node else { throw mismatch("a number") }
        guard let value = Double(text), value.isFinite else {
            throw ScenarioDecodingProblem(path: path, message: "expected a finite number, found \(text) (too large for a number)")
        }
        return value
    }

    func decodeString() throws -> String {
        guard case let .string(text) = node else { throw mismatch("a string") }
        return text
    }

    func decodeBool() throws -> Bool {
        guard case let .bool(value) = node else { throw mismatch("true or false") }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is Double.Type: return try decodeDouble() as! T
        case is Int.Type: return try decodeNumber(Int.self, "a whole number") as! T
        case is UInt64.Type: return try decodeNumber(UInt64.self, "a whole number") as! T
        case is String.Type: return try decodeString() as! T
        case is Bool.Type: return try decodeBool() as! T
        default: return try T(from: self)
        }
    }
}

private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let pairs: [(key: String, value: ParsedJSON)]

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { pairs.contains { $0.key == key.stringValue } }

    func node(_ key: Key) throws -> ParsedJSON {
        guard let value = pairs.first(where: { $0.key == key.stringValue })?.value else {
            throw ScenarioDecodingProblem(path: decoder.path + [key.stringValue], message: "expected this field, found nothing")
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try node(key) == .null }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try node(key), key).decode(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type as Double.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decode(Double.self, key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.child(try node(key), key).decodeNumber(type, "a whole number") }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type as UInt64.Type, key) }

    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T { try decoder.child(try node(key), key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try node(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try node(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder.child(try node(key), key) }
}

private struct Unkeyed: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [ParsedJSON]
    var currentIndex = 0

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw ScenarioDecodingProblem(path: decoder.path + [ArrayIndex(currentIndex).stringValue], message: "expected another item, found the end of the array")
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], ArrayIndex(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// An array position in a coding path, named "Index 2" as Foundation names it, so that a path
/// tells it apart from an object key that is a number (`siblingGroupSizes.2`).
struct ArrayIndex: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct Single: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node == .null }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.decodeDouble()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeNumber(type, "a whole number") }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeNumber(type, "a whole number") }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type) }
}
