/// A number in a scenario that a sweep or a goal-seek varies, named by its key path as in a
/// scenario file: `supply.inHouseFoster.approvalsPerYear`, `supply.markets.agencyFoster.capacity`,
/// `supply.inHouseFoster.households[0].count`.
///
/// Setting it writes the value into the scenario's resolved JSON (its `extends` chain merged),
/// creating objects the file leaves to defaults, and the result is decoded and validated like
/// any file: a key that does not exist or a value out of range is an error naming the path. A
/// key that holds a list of numbers (approvals by year) has every entry set to the value.
public struct ScenarioLever: Sendable, Equatable, CustomStringConvertible {
    enum Step: Sendable, Equatable { case key(String), index(Int) }

    let steps: [Step]
    /// The key path as written.
    public let description: String

    /// Parses a key path.
    ///
    /// - Throws: `ScenarioError` when the path is empty or malformed.
    public init(_ keyPath: String) throws(ScenarioError) {
        description = keyPath
        var steps: [Step] = []
        for part in keyPath.split(separator: ".", omittingEmptySubsequences: false) {
            var text = Substring(part)
            var indices: [Int] = []
            while text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
                guard let index = Int(text[text.index(after: open)..<text.index(before: text.endIndex)]), index >= 0 else {
                    throw ScenarioError(file: keyPath, "expected a key path like supply.inHouseFoster.households[0].count, found '\(keyPath)'")
                }
                indices.insert(index, at: 0)
                text = text[..<open]
            }
            guard !text.isEmpty, !text.contains("["), !text.contains("]") else {
                throw ScenarioError(file: keyPath, "expected a key path like supply.inHouseFoster.approvalsPerYear, found '\(keyPath)'")
            }
            steps.append(.key(String(text)))
            steps += indices.map(Step.index)
        }
        self.steps = steps
    }

    /// `document` with this key set to `value`.
    ///
    /// - Throws: `ScenarioError` when the path runs into something that is not an object or a
    ///   list (or past a list's end).
    public func setting(_ value: Double, in document: ParsedJSON, file: String) throws(ScenarioError) -> ParsedJSON {
        let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        return try set(.number(text), in: document, at: steps[...], file: file)
    }

    private func set(_ number: ParsedJSON, in node: ParsedJSON, at rest: ArraySlice<Step>, file: String) throws(ScenarioError) -> ParsedJSON {
        guard let step = rest.first else {
            if case let .array(items) = node { return .array(items.isEmpty ? [number] : items.map { _ in number }) }
            return number
        }
        switch (step, node) {
        case let (.key(key), .object(pairs)):
            var pairs = pairs
            if let at = pairs.firstIndex(where: { $0.key == key }) {
                pairs[at].value = try set(number, in: pairs[at].value, at: rest.dropFirst(), file: file)
            } else {
                pairs.append((key, try set(number, in: .object([]), at: rest.dropFirst(), file: file)))
            }
            return .object(pairs)
        case let (.index(index), .array(items)) where index < items.count:
            var items = items
            items[index] = try set(number, in: items[index], at: rest.dropFirst(), file: file)
            return .array(items)
        default:
            var expected = "an object"
            if case let .index(index) = step { expected = "a list of more than \(index) items" }
            throw ScenarioError(file: file, path: description, "cannot set this key: the scenario holds \(node.kind) where the path expects \(expected)")
        }
    }
}
