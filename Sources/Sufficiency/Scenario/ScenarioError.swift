/// Why a scenario file cannot be used: every problem found, each with its file, field path, what
/// was expected and what was found.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem: the field path (dotted, with array indices in brackets) and the message.
    public struct Problem: Equatable, Sendable {
        public var file: String
        public var path: String
        public var message: String

        public var line: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }
    }

    public var problems: [Problem]

    public init(_ problems: [Problem]) { self.problems = problems }

    init(file: String, path: String = "", _ message: String) {
        problems = [Problem(file: file, path: path, message: message)]
    }

    /// One line per problem.
    public var description: String { problems.map(\.line).joined(separator: "\n") }
}

/// Joins coding-path components as `a.b[2].c`.
func dottedPath(_ components: [String]) -> String {
    var out = ""
    for component in components {
        // Array positions are named "Index 2" (as Foundation names them); they read as [2]. A key
        // that is a number (a sibling-group size) stays a key.
        if component.hasPrefix("Index "), let index = Int(component.dropFirst(6)) {
            out += "[\(index)]"
        } else {
            out += out.isEmpty ? component : "." + component
        }
    }
    return out
}
