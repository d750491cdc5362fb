import SSDA903

/// A council's 903 files read for a command that models from them (`calibrate`, `backtest`,
/// `track`): any error in the files stops it, with every error listed.
enum CareHistoryInput {
    static func read(_ paths: [String]) throws(CLIError) -> CareHistory {
        let history: CareHistory
        do { history = try ReturnReader.read(paths: paths) } catch { throw .badInput(error.problems.map(\.description)) }
        guard !history.hasErrors else {
            throw .badInput(history.problems.filter { $0.severity == .error }.map(\.description) + ["the files cannot be used as given; 'sufficiency check-903' lists every problem"])
        }
        return history
    }
}
