import Sufficiency

/// A command's arguments split into positionals, valued options and flags.
///
/// Accepts `--name value` and `--name=value`; `--` ends the options. An option the command does
/// not know is a usage error that suggests the nearest known one.
struct ParsedArguments: Equatable {
    var positionals: [String] = []
    var values: [String: String] = [:]
    /// Every value of an option that may be given more than once (`--set`), in order.
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Splits `arguments` for a command whose options are `valued` (take a value) and `flags`.
    ///
    /// - Throws: `CLIError.usage` for an unknown option, a missing value or a repeated option.
    init(_ arguments: ArraySlice<String>, valued: Set<String>, repeatable: Set<String> = [], flags: Set<String>, usage: String) throws(CLIError) {
        let valued = valued.union(repeatable)
        var index = arguments.startIndex
        var optionsEnded = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard !optionsEnded, argument.hasPrefix("--"), argument.count > 2 else {
                if argument == "--" && !optionsEnded { optionsEnded = true } else { positionals.append(argument) }
                continue
            }
            var name = argument, inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                guard inlineValue == nil else { throw .usage("\(name) takes no value", usage: usage) }
                self.flags.insert(name)
            } else if valued.contains(name) {
                guard values[name] == nil || repeatable.contains(name) else { throw .usage("\(name) is given more than once", usage: usage) }
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.endIndex, !arguments[index].hasPrefix("--") else {
                        throw .usage("\(name) needs a value", usage: usage)
                    }
                    value = arguments[index]
                    index += 1
                }
                values[name] = value
                if repeatable.contains(name) { lists[name, default: []].append(value) }
            } else {
                let known = valued.union(flags).sorted()
                let hint = closestKey(to: name, among: known).map { "; did you mean \($0)?" } ?? ""
                throw .usage("unknown option \(name)\(hint)", usage: usage)
            }
        }
    }

    /// A whole number option at least `minimum`, or `fallback` when absent.
    func integer(_ name: String, default fallback: Int, minimum: Int, maximum: Int = 1_000_000_000, usage: String) throws(CLIError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value >= minimum, value <= maximum else {
            throw .usage("\(name) expects a whole number from \(minimum) to \(maximum), found '\(text)'", usage: usage)
        }
        return value
    }

    /// A whole-number option from `minimum` to `maximum`, or nil when absent (the scenario decides).
    func optionalInteger(_ name: String, minimum: Int, maximum: Int, usage: String) throws(CLIError) -> Int? {
        values[name] == nil ? nil : try integer(name, default: minimum, minimum: minimum, maximum: maximum, usage: usage)
    }

    /// `--replications N` within the scenario limits, or nil.
    func replications(usage: String) throws(CLIError) -> Int? {
        try optionalInteger("--replications", minimum: 1, maximum: ScenarioLimits.replications.upperBound, usage: usage)
    }

    /// `--threads T`, or nil (every core).
    func threads(usage: String) throws(CLIError) -> Int? {
        try optionalInteger("--threads", minimum: 1, maximum: 1_024, usage: usage)
    }

    /// The `--seed` option: a whole number from 0 to 2^64 - 1, or nil when absent.
    func seed(usage: String) throws(CLIError) -> UInt64? {
        guard let text = values["--seed"] else { return nil }
        guard let value = UInt64(text) else {
            throw .usage("--seed expects a whole number from 0 to 18446744073709551615, found '\(text)'", usage: usage)
        }
        return value
    }

    /// An option whose value must be one of `choices`, or `fallback` when absent.
    func choice(_ name: String, _ choices: [String], default fallback: String, usage: String) throws(CLIError) -> String {
        guard let text = values[name] else { return fallback }
        guard choices.contains(text) else {
            throw .usage("\(name) expects one of \(choices.joined(separator: ", ")), found '\(text)'", usage: usage)
        }
        return text
    }
}
