import Sufficiency

/// A `--set KEY=...` option of `sweep` and `goal-seek`: a scenario key and its values
/// (`KEY=10,20,30`) or range (`KEY=LOW..HIGH`).
struct LeverOption: Equatable {
    let key: String
    let values: [Double]
    let range: ClosedRange<Double>?

    static func parse(_ text: String, usage: String) throws(CLIError) -> LeverOption {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage("--set expects KEY=VALUES, such as supply.inHouseFoster.approvalsPerYear=12,20,30, found '\(text)'", usage: usage)
        }
        let key = String(text[..<equals]), rest = String(text[text.index(after: equals)...])
        if let dots = rest.range(of: "..") {
            guard let low = Double(rest[..<dots.lowerBound]), let high = Double(rest[dots.upperBound...]), low.isFinite, high.isFinite, low <= high else {
                throw .usage("--set expects a range LOW..HIGH with LOW <= HIGH, found '\(rest)'", usage: usage)
            }
            return LeverOption(key: key, values: [], range: low...high)
        }
        var values: [Double] = []
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw .usage("--set expects numbers separated by commas after \(key)=, found '\(part)'", usage: usage)
            }
            values.append(value)
        }
        guard values.count <= 1_000 else { throw .usage("--set takes at most 1000 values, found \(values.count)", usage: usage) }
        return LeverOption(key: key, values: values, range: nil)
    }

    /// The key as a lever; a malformed path is a usage error.
    func lever(usage: String) throws(CLIError) -> ScenarioLever {
        do { return try ScenarioLever(key) } catch { throw .usage(error.problems.map(\.message).joined(separator: "; "), usage: usage) }
    }
}

/// `--year 2029-30`: the financial year's position in a run, or the last year when absent.
func financialYear(_ label: String?, in result: MonteCarloResult, usage: String) throws(CLIError) -> Int {
    guard let label else { return result.financialYears.count - 1 }
    guard let index = result.financialYears.firstIndex(of: label) else {
        throw .usage("--year expects one of the run's financial years (\(result.financialYears.joined(separator: ", "))), found '\(label)'", usage: usage)
    }
    return index
}
