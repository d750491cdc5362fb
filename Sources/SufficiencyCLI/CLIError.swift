/// Why a command stopped, and the exit code that says so (sysexits: 64 usage, 65 data).
public enum CLIError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The arguments are wrong: the message and the usage line of the command.
    case usage(String, usage: String)
    /// An input file is wrong: one message per problem, each naming the file and where.
    case badInput([String])
    /// Something failed while running (an output folder that cannot be written, say).
    case failure(String)

    /// The process exit code for this error.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 64
        case .badInput: return 65
        case .failure: return 1
        }
    }

    public var description: String {
        switch self {
        case let .usage(message, usage): return "error: \(message)\nusage: \(usage)"
        case let .badInput(messages): return messages.map { "error: \($0)" }.joined(separator: "\n")
        case let .failure(message): return "error: \(message)"
        }
    }
}
