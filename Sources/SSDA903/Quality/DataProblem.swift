/// A problem found in a council's SSDA903 files: where it is, which DfE validation rule it
/// corresponds to (where there is one), and what the reader did about it.
///
/// An `error` makes the data unusable as given (a missing column, a file that is not CSV, no
/// Episodes table); a `warning` is handled in the documented way that `action` states, so later
/// steps can go on. Problems name the child's id because the council needs it to find the record;
/// they are shown to the person checking the files and never written into a shared output.
public struct DataProblem: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public let severity: Severity
    public let file: String
    /// 1-based line in the file (the header is line 1), when the problem is about a row.
    public let line: Int?
    /// The column concerned, when one is.
    public let column: String?
    public let child: String?
    /// The DfE SSDA903 validation rule this corresponds to (`501`), when there is one.
    public let rule: String?
    public let message: String
    /// What the reader did: "truncated to end on 03/05/2020", "row set aside", ...
    public let action: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, column: String? = nil, child: String? = nil,
                rule: String? = nil, _ message: String, action: String? = nil) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.child = child
        self.rule = rule; self.message = message; self.action = action
    }

    /// One line: `file:line: warning [rule 501] child 123, DECOM: message; action`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(severity.rawValue)"
        if let rule { text += " [rule \(rule)]" }
        var subject: [String] = []
        if let child { subject.append("child \(child)") }
        if let column { subject.append(column) }
        if !subject.isEmpty { text += " " + subject.joined(separator: ", ") }
        text += ": \(message)"
        if let action { text += "; \(action)" }
        return text
    }
}

/// The SSDA903 files cannot be read at all (none given, a path that does not exist).
public struct SSDA903Error: Error, Sendable, CustomStringConvertible {
    public let problems: [DataProblem]

    public init(_ problems: [DataProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
