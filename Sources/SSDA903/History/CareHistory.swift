import Sufficiency

/// A council's children-looked-after history, merged from its SSDA903 returns of one or more
/// years: every child's episodes, periods of care and placements, with the problems found.
///
/// Built by `ReturnReader.read(paths:)`; see `HistoryBuilder` for the merging rules. Dates are
/// calendar days; "in care on a date" means at the end of that day (an episode that ceased on
/// 31 March does not count at 31 March, as in the DfE's statistics).
public struct CareHistory: Sendable {
    /// The collection years read, by the year each ends (2024 = 1 April 2023 to 31 March 2024).
    public let yearsEnding: [Int]
    public let children: [ChildHistory]
    /// Every problem found, in file and line order.
    public let problems: [DataProblem]
    public let summary: ReadSummary

    /// The first and last day the files cover: 1 April of the first year to 31 March of the last.
    public var coverage: ClosedRange<CalendarDate> {
        CalendarDate(year: (yearsEnding.first ?? 2000) - 1, month: 4, day: 1)...CalendarDate(year: yearsEnding.last ?? 2000, month: 3, day: 31)
    }

    /// Whether any problem makes the data unusable.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// What was read and what was set aside, for the data-quality report.
public struct ReadSummary: Sendable, Equatable, Codable {
    /// Files read, with the table and collection year each was taken as.
    public var files: [FileSummary] = []
    public var headerRows = 0
    public var episodeRows = 0
    public var uascChildren = 0
    /// Identical rows reported in more than one year or twice in one, kept once.
    public var duplicateEpisodes = 0
    /// Episodes reported again in a later year (the later return wins).
    public var episodesUpdatedByLaterYear = 0
    /// Short-break episodes (V3/V4), not looked after and left out.
    public var shortBreakEpisodes = 0
    /// Rows set aside, by reason.
    public var setAside: [String: Int] = [:]

    public struct FileSummary: Sendable, Equatable, Codable {
        public let file: String
        /// `Header`, `Episodes`, `UASC`, or `not used`.
        public let table: String
        /// Collection years of its rows (by the year each ends).
        public let yearsEnding: [Int]
        public let rows: Int
        /// How the year was found: "file name", "YEAR column", "dates in the file".
        public let yearFrom: String
    }
}

/// One child: the header details and the looked-after history (short breaks left out).
public struct ChildHistory: Sendable {
    public let id: String
    /// As recorded: `1` or `M` male, `2` or `F` female (codes from 2024-25), `U`.
    public let sex: String?
    public let birthDate: CalendarDate?
    public let uasc: Bool
    /// Looked-after episodes after merging and stitching, in date order.
    public let episodes: [Episode]
    public let periods: [PeriodOfCare]

    /// The child's 18th birthday, when the date of birth is known.
    public var eighteenthBirthday: CalendarDate? { birthDate.map { $0.addingMonths(18 * 12) } }

    /// Age in whole years on `date`, when the date of birth is known.
    public func age(on date: CalendarDate) -> Int? {
        guard let birth = birthDate else { return nil }
        let (by, bm, bd) = birth.components, (y, m, d) = date.components
        return y - by - ((m, d) < (bm, bd) ? 1 : 0)
    }

    /// The placement the child is in at the end of `date`, if in care then.
    public func placement(on date: CalendarDate) -> Placement? {
        for period in periods where period.start <= date && (period.end.map { $0 > date } ?? true) {
            return period.placements.last { $0.start <= date }
        }
        return nil
    }
}

/// One row of an Episodes table, after merging.
public struct Episode: Sendable, Equatable {
    public let start: CalendarDate
    public internal(set) var end: CalendarDate?
    public let reasonNew: String
    public let legalStatus: String
    public let need: String
    public let place: String
    public let provider: String
    public internal(set) var reasonCeased: String
    public let reasonPlaceChange: String
    public let homePostcode: String
    public let placementPostcode: String
    public let category: PlacementCategory
    /// Where the row came from: the file, line and collection year whose version was kept.
    public let source: RowSource
}

/// A row's place in the files.
public struct RowSource: Sendable, Equatable, Hashable {
    public let file: String
    public let line: Int
    public let yearEnding: Int
}

/// A period of care: episodes joined end to start.
public struct PeriodOfCare: Sendable, Equatable {
    public let start: CalendarDate
    /// False when the period began before the files' first year and its first episode there is
    /// not its first ever (the start is then that episode's, not the period's).
    public let startObserved: Bool
    /// The day the period ended; nil while the child is still in care at the end of the files.
    public let end: CalendarDate?
    /// How it ended; nil while in care, or when the files do not say (see `HistoryBuilder`).
    public let exitRoute: LeavingRoute?
    public let placements: [Placement]
}

/// A placement: from an episode that starts one (RNE S, P, T, B or U) to the next such episode
/// or the end of the period.
public struct Placement: Sendable, Equatable {
    public let start: CalendarDate
    public let end: CalendarDate?
    public let category: PlacementCategory
    public let place: String
    public let provider: String
    public let homePostcode: String
    public let placementPostcode: String
}
