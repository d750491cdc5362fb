/// The `sufficiency` command as a library: `main.swift` calls `run` and exits with its result, and
/// tests call it directly with a capturing `Console`.
public enum SufficiencyCLI {
    /// Makes SIGINT and SIGTERM remove any output being staged before the process exits (the
    /// program calls this once; tests that call `run` need not).
    public static func handleInterruptions() { Interruption.shared.install() }

    /// Runs one command line.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - console: Where results and messages go.
    /// - Returns: The exit code: 0 success, 1 failure while running, 64 usage, 65 bad input.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        do {
            switch try Command.parse(arguments) {
            case let .help(topic): console.writeOut(try Help.text(for: topic))
            case .version: console.writeOut("sufficiency \(Help.version)\n")
            case let .matchCostMatrix(command): try command.run(console: console)
            case let .matchReferrals(command): try command.run(console: console)
            case let .benchmark(command): try command.run(console: console)
            case let .simulate(command): try command.run(console: console)
            case let .validate(command): try command.run(console: console)
            case let .describe(command): try command.run(console: console)
            case let .check903(command): try command.run(console: console)
            case let .export903(command): try command.run(console: console)
            case let .calibrate(command): try command.run(console: console)
            case let .roundTrip(command): try command.run(console: console)
            case let .sweep(command): try command.run(console: console)
            case let .goalSeek(command): try command.run(console: console)
            case let .backtest(command): try command.run(console: console)
            case let .track(command): try command.run(console: console)
            case let .merge(command): try command.run(console: console)
            }
            return 0
        } catch {
            console.writeError(error.description + "\n")
            return error.exitCode
        }
    }
}
