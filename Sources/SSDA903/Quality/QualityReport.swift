import Sufficiency

/// The data-quality report of `check-903`: what was read, what it adds up to year by year, and
/// every problem found. Counts are aggregates; only `problems` name children, for the council to
/// find its records.
public struct QualityReport: Sendable, Codable, Equatable {
    public var schemaVersion = 1
    public let summary: ReadSummary
    /// Collection years read, as labels (`2019-20`).
    public let years: [String]
    public let children: Int
    public let episodes: Int
    public let periodsOfCare: Int
    public let placements: Int
    /// One row per collection year.
    public let byYear: [YearCounts]
    public let errors: Int
    public let warnings: Int
    /// Warnings and errors by DfE rule (`none` for problems without one).
    public let problemsByRule: [String: Int]
    public let problems: [DataProblem]

    /// A collection year's counts.
    public struct YearCounts: Sendable, Codable, Equatable {
        public let year: String
        /// Children looked after at the end of 31 March.
        public let childrenLookedAfter: Int
        public let byCategory: [String: Int]
        public let byAgeBand: [String: Int]
        public let entries: Int
        /// Exits by route; `unknown` where the files do not say.
        public let exitsByRoute: [String: Int]
        public let placementsStarted: [String: Int]
    }

    /// Builds the report of a history, with ages in `ageBands` (default: the scenario defaults').
    public init(history: CareHistory, ageBands: [AgeBand] = Scenario.defaults.ageBands) {
        summary = history.summary
        years = history.yearsEnding.map { CareHistory.label(yearEnding: $0) }
        children = history.children.count
        let totals = history.totals
        (episodes, periodsOfCare, placements) = totals
        byYear = history.yearsEnding.map { year in
            let stock = history.stock(on: CareHistory.collectionYear(endingIn: year).upperBound, ageBands: ageBands)
            let exits = history.exits(yearEnding: year)
            return YearCounts(
                year: CareHistory.label(yearEnding: year), childrenLookedAfter: stock.total,
                byCategory: Dictionary(uniqueKeysWithValues: stock.byCategory.map { ($0.key.rawValue, $0.value) }),
                byAgeBand: stock.byAgeBand, entries: history.entries(yearEnding: year),
                exitsByRoute: Dictionary(uniqueKeysWithValues: exits.map { ($0.key?.rawValue ?? "unknown", $0.value) }),
                placementsStarted: Dictionary(uniqueKeysWithValues: history.placementsStarted(yearEnding: year).map { ($0.key.rawValue, $0.value) }))
        }
        errors = history.problems.filter { $0.severity == .error }.count
        warnings = history.problems.count - errors
        problemsByRule = history.problems.reduce(into: [:]) { $0[$1.rule ?? "none", default: 0] += 1 }
        problems = history.problems
    }
}
