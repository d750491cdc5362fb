import Foundation
import Sufficiency

/// Reads a council's SSDA903 files: Header, Episodes and (if present) UASC tables of one or more
/// collection years, from folders or explicit files, into one `CareHistory`.
///
/// - Which table a file holds is told by its columns (Episodes: DECOM and RNE; Header: DOB and
///   SEX; UASC: DUC); other 903 tables (Reviews, OC2, AD1, ...) are listed as not used.
/// - Columns may come in any order and in any case; extra columns are ignored.
/// - The collection year comes from a `YEAR` column if there is one, else from a year in the file
///   or folder name (`2019-20`, `201920`, `2019`), else from the dates in the file. A single year
///   `2019` may name the year a collection starts (2019-20, as the open demand models' samples do)
///   or ends (2018-19, as the DfE names returns): of the two, the reader takes the one that holds
///   most of the file's episode dates, and says which in the summary.
/// - Dates `dd/mm/YYYY` (also `d/m/YYYY`, and with a time after a space) and ISO `YYYY-MM-DD`.
public enum ReturnReader {
    /// Reads and merges the files under `paths` (folders are searched for `.csv` files).
    ///
    /// - Returns: The history with every problem found. A history with errors (`hasErrors`) is
    ///   incomplete: some file could not be used.
    /// - Throws: `SSDA903Error` when no Episodes table can be read at all.
    public static func read(paths: [String]) throws(SSDA903Error) -> CareHistory {
        var problems: [DataProblem] = []
        var summary = ReadSummary()
        var tables: [(table: CSVTable, kind: TableKind)] = []
        for file in try csvFiles(in: paths) {
            do {
                let data = FileManager.default.contents(atPath: file)
                if let data, data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                    summary.files.append(.init(file: file, table: "not used", yearsEnding: [], rows: 0, yearFrom: "empty file"))
                    continue
                }
                let table = try CSVTable.read(path: file)
                let kind = TableKind(header: table.header)
                if kind == nil {
                    summary.files.append(.init(file: file, table: "not used", yearsEnding: [], rows: table.rows.count,
                                               yearFrom: "columns \(table.header.prefix(6).joined(separator: ", "))"))
                    continue
                }
                tables.append((table, kind!))
            } catch {
                problems.append(DataProblem(.error, file: file, line: error.line, error.message, action: "file not used"))
            }
        }
        guard tables.contains(where: { $0.kind == .episodes }) else {
            problems.append(DataProblem(.error, file: paths.joined(separator: " "),
                                        "expected an Episodes table (a CSV file with columns CHILD, DECOM, RNE, LS, PLACE, PLACE_PROVIDER, DEC, REC), found none"))
            throw SSDA903Error(problems)
        }
        var rows = RawRows()
        let years = YearResolver(episodeTables: tables.filter { $0.kind == .episodes }.map(\.table))
        for (table, kind) in tables {
            let fileProblems = rows.add(table, kind: kind, years: years, summary: &summary)
            problems += fileProblems
        }
        var builder = HistoryBuilder(rows: rows, summary: summary, problems: problems)
        return builder.build()
    }

    /// The CSV files named by `paths`: files as given, folders searched (recursively) for `.csv`.
    static func csvFiles(in paths: [String]) throws(SSDA903Error) -> [String] {
        var files: [String] = []
        var problems: [DataProblem] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                problems.append(DataProblem(.error, file: path, "no such file or folder"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
            if found.isEmpty { problems.append(DataProblem(.error, file: path, "expected CSV files in this folder, found none")) }
            files += found.map { (path as NSString).appendingPathComponent($0) }
        }
        guard problems.isEmpty else { throw SSDA903Error(problems) }
        return files
    }
}

/// The 903 tables the reader uses.
enum TableKind: String {
    case header = "Header", episodes = "Episodes", uasc = "UASC"

    init?(header: [String]) {
        let columns = Set(header.map { $0.uppercased() })
        if columns.contains("DECOM") && columns.contains("RNE") {
            self = .episodes
        } else if columns.contains("DUC") {
            self = .uasc
        } else if columns.contains("DOB") && columns.contains("SEX") && columns.contains("CHILD") {
            self = .header
        } else {
            return nil
        }
    }

    var required: [String] {
        switch self {
        case .episodes: return ["CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC"]
        case .header: return ["CHILD", "DOB"]
        case .uasc: return ["CHILD", "DUC"]
        }
    }

    var optional: [String] {
        switch self {
        case .episodes: return ["CIN", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
        case .header: return ["SEX"]
        case .uasc: return []
        }
    }
}

/// Parses `dd/mm/YYYY`, `d/m/YYYY` and ISO `YYYY-MM-DD`, ignoring a time after a space; nil for
/// anything else, including impossible dates.
func parse903Date(_ text: String) -> CalendarDate? {
    let day = text.split(separator: " ").first.map(String.init) ?? ""
    if let iso = CalendarDate(iso: day) { return iso }
    let parts = day.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
          let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), (1...12).contains(m), d >= 1 else { return nil }
    let date = CalendarDate(year: y, month: m, day: d)
    return date.components == (y, m, d) ? date : nil
}

/// `dd/mm/YYYY`, the 903 date format, for messages and files.
func format903Date(_ date: CalendarDate) -> String {
    let (y, m, d) = date.components
    return String(format: "%02d/%02d/%04d", d, m, y)
}
