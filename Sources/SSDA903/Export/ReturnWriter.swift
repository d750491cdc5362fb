import Sufficiency

/// Writes one simulated replication as SSDA903 files: `YYYY-YY/header.csv` and
/// `YYYY-YY/episodes.csv` for every collection year (1 April to 31 March) the simulation covers
/// in full, in the DfE's column order, with pseudonymous child ids.
///
/// Each placement is one episode. Codes are plausible and consistent:
/// - RNE S for a period's first episode, P for a move, B for the move to adopters (placement and
///   legal status change together).
/// - LS: a care order (C2) for most children; s20 accommodation (V2) for some, never for children
///   who go home under P1 or are adopted; a placement order (E1) once placed for adoption.
/// - CIN: N2 (disability) for children with the disability need, else mostly N1 (abuse or
///   neglect), kept for the whole period.
/// - PLACE x PLACE_PROVIDER as `PlacementCategory` maps them back, with the year's codes:
///   supported accommodation H5 to 2024-25 and K3 after; emergency placements Z1 to 2024-25
///   and Z11 after.
/// - REC: E11 or E12 (adoption), E45 or E46 (SGO), E4A or E13 (home), E17 on leaving at 18 to
///   stay put, E5 or E6 on other exits at 18, E41 or E8 otherwise; X1 between episodes.
/// - REASON_PLACE_CHANGE on each episode that ends in a move: CARPL for planned moves, a
///   breakdown reason (CREQB, ALLEG, CHILD, STAND) otherwise.
/// - HOME_POST and PL_POST from the scenario's areas' `postcodes`.
public enum ReturnWriter {
    /// A file to write, by its path inside the output folder.
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    public static let headerColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
    public static let episodeColumns = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                                        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]

    /// The files of one replication's care log.
    ///
    /// - Parameters:
    ///   - model: The scenario the log came from (areas, postcodes, needs, dates).
    ///   - salt: Mixed into child ids and the codes drawn per child (the seed and replication).
    /// - Throws: `SSDA903Error` when an area a child lives or is placed in has no postcodes.
    public static func files(model: ScenarioModel, log: CareLog, salt: UInt64) throws(SSDA903Error) -> [File] {
        let areas = model.scenario.geography.areas
        let missing = areas.enumerated().filter { $0.element.postcodes.isEmpty }
        guard missing.isEmpty else {
            throw SSDA903Error(missing.map { i, area in
                DataProblem(.error, file: model.file, column: "geography.areas[\(i)].postcodes",
                            "area '\(area.name)' has no postcodes; SSDA903 files need a real postcode for every home and placement (add \"postcodes\": [\"LE9 7TH\"] with postcodes of that area)")
            })
        }
        let children = ChildEpisodes.build(log: log, model: model, salt: salt)
        var files: [File] = []
        for yearEnding in yearsCovered(log: log) {
            let year = CareHistory.collectionYear(endingIn: yearEnding)
            var headerRows: [[String]] = []
            var episodeRows: [[String]] = []
            for child in children {
                let inYear = child.episodes.filter { $0.start <= year.upperBound && ($0.end.map { $0 >= year.lowerBound } ?? true) }
                guard !inYear.isEmpty else { continue }
                headerRows.append(child.headerRow(yearEnd: year.upperBound))
                for episode in inYear { episodeRows.append(child.episodeRow(episode, yearEnding: yearEnding, model: model)) }
            }
            let folder = CareHistory.label(yearEnding: yearEnding)
            files.append(File(path: "\(folder)/header.csv", text: csv(headerColumns, headerRows)))
            files.append(File(path: "\(folder)/episodes.csv", text: csv(episodeColumns, episodeRows)))
        }
        return files
    }

    /// Collection years (by the year each ends) wholly inside the simulated span.
    public static func yearsCovered(log: CareLog) -> [Int] {
        let first = log.startDate, last = CalendarDate(dayNumber: log.startDate.dayNumber + log.horizonDays - 1)
        var years: [Int] = []
        var yearEnding = first.financialYearStart.components.year + 1
        if first.financialYearStart != first { yearEnding += 1 }
        while CareHistory.collectionYear(endingIn: yearEnding).upperBound <= last {
            years.append(yearEnding)
            yearEnding += 1
        }
        return years
    }

    private static func csv(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

extension ReturnWriter {
    /// Simulates one replication of `model` (after `historyYears` years of simulated history
    /// before its start date) and writes it as SSDA903 files.
    ///
    /// - Returns: The files, and the model, care log and metrics of the run they came from.
    /// - Throws: `SSDA903Error` for an area without postcodes; `ScenarioError` when the longer run
    ///   is out of range.
    public static func export(_ model: ScenarioModel, seed: UInt64, replication: Int, historyYears: Int) throws
        -> (files: [File], model: ScenarioModel, log: CareLog, result: ReplicationResult, catalog: MetricCatalog) {
        let run = try model.startingEarlier(byYears: historyYears)
        let trace = ReplicationTrace.run(run, seed: seed, replication: replication)
        let salt = SplitMix64.mix(seed ^ SplitMix64.mix(UInt64(replication)))
        return (try files(model: run, log: trace.log, salt: salt), run, trace.log, trace.result, trace.catalog)
    }
}
