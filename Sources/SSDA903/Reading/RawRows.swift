import Sufficiency

/// One Episodes row as read, checked field by field.
struct RawEpisode {
    let child: String
    let start: CalendarDate
    let end: CalendarDate?
    let reasonNew: String
    let legalStatus: String
    let need: String
    let place: String
    let provider: String
    let reasonCeased: String
    let reasonPlaceChange: String
    let homePostcode: String
    let placementPostcode: String
    let urn: String
    let source: RowSource

    /// The fields that make two reports of an episode the same.
    var content: [String] {
        [child, start.iso, end?.iso ?? "", reasonNew, legalStatus, need, place, provider, reasonCeased, reasonPlaceChange,
         homePostcode, placementPostcode, urn]
    }
}

/// One Header row as read.
struct RawHeader {
    let child: String
    let sex: String
    let birthDate: CalendarDate?
    let source: RowSource
}

/// Every row of every table, parsed, with the row-level problems found on the way.
struct RawRows {
    var episodes: [RawEpisode] = []
    var headers: [RawHeader] = []
    var uasc: Set<String> = []

    /// Parses a table's rows. Rows that cannot be placed in time (no child id, no valid start
    /// date, an end before the start) are set aside and counted; every other problem is a warning
    /// and the row is kept.
    mutating func add(_ table: CSVTable, kind: TableKind, years: YearResolver, summary: inout ReadSummary) -> [DataProblem] {
        var problems: [DataProblem] = []
        let file = table.file
        let missing = kind.required.filter { table.column($0) == nil }
        guard missing.isEmpty else {
            return [DataProblem(.error, file: file, line: 1, "the \(kind.rawValue) table has no column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", ")) (found: \(table.header.joined(separator: ", ")))",
                                action: "file not used")]
        }
        for name in kind.optional where table.column(name) == nil {
            problems.append(DataProblem(.warning, file: file, line: 1, column: name, "the \(kind.rawValue) table has no \(name) column",
                                        action: "read as blank in every row"))
        }
        let columns = (kind.required + kind.optional).map { table.column($0) }
        var yearsSeen = Set<Int>(), yearFrom = ""
        func setAside(_ reason: String) { summary.setAside[reason, default: 0] += 1 }
        for row in table.rows {
            func cell(_ i: Int) -> String {
                guard let c = columns[i], c < row.cells.count else { return "" }
                return row.cells[c]
            }
            func problem(_ severity: DataProblem.Severity, _ column: String?, rule: String?, _ message: String, action: String? = nil) {
                problems.append(DataProblem(severity, file: file, line: row.line, column: column, child: cell(0).isEmpty ? nil : cell(0),
                                            rule: rule, message, action: action))
            }
            if row.cells.count > table.header.count && row.cells[table.header.count...].contains(where: { !$0.isEmpty }) {
                problem(.warning, nil, rule: nil, "expected \(table.header.count) cells, as in the header, found \(row.cells.count)",
                        action: "cells past the last column ignored")
            }
            guard let (year, from) = kind == .episodes ? years.yearEnding(of: row, in: table) : years.yearEnding(ofOther: row, in: table) else {
                problem(.warning, "YEAR", rule: nil, "no collection year: none in the YEAR column, the file name or the file's dates", action: "row set aside")
                setAside("no collection year")
                continue
            }
            yearsSeen.insert(year)
            yearFrom = from
            let child = cell(0)
            guard !child.isEmpty else {
                problem(.warning, "CHILD", rule: nil, "expected a child id, found an empty cell", action: "row set aside")
                setAside("no child id")
                continue
            }
            let source = RowSource(file: file, line: row.line, yearEnding: year)
            switch kind {
            case .uasc:
                uasc.insert(child)
            case .header:
                summary.headerRows += 1
                let dob = parse903Date(cell(1))
                if dob == nil {
                    problem(.warning, "DOB", rule: "102", "expected a date of birth dd/mm/YYYY, found '\(cell(1))'", action: "age unknown")
                }
                let sex = cell(2)
                if !["1", "2", "M", "F", "U", ""].contains(sex) {
                    problem(.warning, "SEX", rule: "101", "expected 1 or M (male), 2 or F (female), or U, found '\(sex)'", action: "kept as written")
                }
                headers.append(RawHeader(child: child, sex: sex, birthDate: dob, source: source))
            case .episodes:
                summary.episodeRows += 1
                if let episode = parseEpisode(cell, year: year, source: source, problem: problem, setAside: setAside) {
                    episodes.append(episode)
                }
            }
        }
        summary.files.append(.init(file: file, table: kind.rawValue, yearsEnding: yearsSeen.sorted(), rows: table.rows.count, yearFrom: yearFrom))
        return problems
    }

    /// Checks one Episodes row against the DfE's code lists and date rules.
    private func parseEpisode(_ cell: (Int) -> String, year: Int, source: RowSource,
                              problem: (DataProblem.Severity, String?, String?, String, String?) -> Void,
                              setAside: (String) -> Void) -> RawEpisode? {
        let (child, decomText, rne, ls, place, provider, decText, rec) = (cell(0), cell(1), cell(2), cell(3), cell(4), cell(5), cell(6), cell(7))
        let (cin, rpc, homePost, plPost, urn) = (cell(8), cell(9), cell(10), cell(11), cell(12))
        guard let start = parse903Date(decomText) else {
            problem(.warning, "DECOM", "141", "expected the date the episode began as dd/mm/YYYY, found '\(decomText)'", "row set aside")
            setAside("no valid start date (DECOM)")
            return nil
        }
        var end: CalendarDate?
        if !decText.isEmpty {
            guard let parsed = parse903Date(decText) else {
                problem(.warning, "DEC", "147", "expected the date the episode ceased as dd/mm/YYYY or blank, found '\(decText)'", "row set aside")
                setAside("unreadable end date (DEC)")
                return nil
            }
            guard parsed >= start else {
                problem(.warning, "DEC", "356", "the episode ceased (\(decText)) before it began (\(decomText))", "row set aside")
                setAside("ceased before it began (rule 356)")
                return nil
            }
            end = parsed
        }
        let yearRange = CareHistory.collectionYear(endingIn: year)
        if start > yearRange.upperBound {
            problem(.warning, "DECOM", nil, "the episode began (\(decomText)) after the end of the collection year \(CareHistory.label(yearEnding: year))", "kept")
        }
        if let end, end > yearRange.upperBound {
            problem(.warning, "DEC", "354", "the episode ceased (\(decText)) after the end of the collection year \(CareHistory.label(yearEnding: year))", "kept")
        }
        if let end, end < yearRange.lowerBound {
            problem(.warning, "DEC", nil, "the episode ceased (\(decText)) before the collection year \(CareHistory.label(yearEnding: year)) began", "kept")
        }
        if !EpisodeCodes.reasonsForNewEpisode.contains(rne) {
            problem(.warning, "RNE", "143", "expected a reason for new episode (S, P, L, T, U, B), found '\(rne)'", "read as a change of placement (P)")
        }
        if !EpisodeCodes.legalStatuses.contains(ls) {
            problem(.warning, "LS", "144", "expected a legal status code, found '\(ls)'" + hint(ls, EpisodeCodes.legalStatuses), "kept")
        }
        if !cin.isEmpty && !EpisodeCodes.categoriesOfNeed.contains(cin) {
            problem(.warning, "CIN", "145", "expected a category of need N1-N8, found '\(cin)'", "kept")
        }
        if PlacementCategory(place: place, provider: provider) == nil {
            problem(.warning, "PLACE", "146", "expected a placement type code, found '\(place)'" + hint(place, Set(EpisodeCodes.allPlaces)), "counted as other")
        } else if !EpisodeCodes.isValid(place: place, yearEnding: year) {
            problem(.warning, "PLACE", "146", "\(place) is not a placement type code in \(CareHistory.label(yearEnding: year))", "read by its meaning in the years it is valid")
        }
        if !provider.isEmpty && !EpisodeCodes.providers.contains(provider) {
            problem(.warning, "PLACE_PROVIDER", nil, "expected a placement provider code PR0-PR5, found '\(provider)'", "read as the council's own provision")
        }
        if let rule = Self.incompatibility(place: place, provider: provider) {
            problem(.warning, "PLACE_PROVIDER", rule, "placement provider \(provider) cannot provide placement \(place)", "categorised by PLACE and PLACE_PROVIDER as written")
        }
        if !rec.isEmpty && !EpisodeCodes.reasonsCeased.contains(rec) {
            problem(.warning, "REC", "149", "expected a reason episode ceased code, found '\(rec)'" + hint(rec, EpisodeCodes.reasonsCeased), "the exit route is unknown")
        }
        if (end == nil) != rec.isEmpty {
            problem(.warning, end == nil ? "REC" : "DEC", "148", "the date and the reason the episode ceased must both be given or both be blank",
                    end == nil ? "read as still open" : "the exit route is unknown")
        }
        if !rpc.isEmpty && !EpisodeCodes.reasonsForPlacementChange.contains(rpc) {
            problem(.warning, "REASON_PLACE_CHANGE", nil, "expected a reason for placement change code, found '\(rpc)'", "kept")
        }
        return RawEpisode(child: child, start: start, end: end, reasonNew: rne, legalStatus: ls, need: cin, place: place, provider: provider,
                          reasonCeased: end == nil ? "" : rec, reasonPlaceChange: rpc, homePostcode: homePost, placementPostcode: plPost,
                          urn: urn, source: source)
    }

    /// The DfE rule (527-531) a PLACE and PLACE_PROVIDER pair breaks, if any.
    static func incompatibility(place: String, provider: String) -> String? {
        switch provider {
        case "PR1" where ["P1", "R2", "R5"].contains(place): return "527"
        case "PR2" where ["P1", "R2", "R5"].contains(place): return "528"
        case "PR3" where ["P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"].contains(place): return "529"
        case "PR4" where place == "P1": return "530"
        case "PR5" where place == "P1": return "531"
        default: return nil
        }
    }

    private func hint(_ value: String, _ known: Set<String>) -> String {
        closestKey(to: value, among: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }
}
