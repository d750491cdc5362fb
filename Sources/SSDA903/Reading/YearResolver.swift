import Foundation
import Sufficiency

/// Decides the collection year (by the year it ends) of every row: from a `YEAR` column, a year in
/// the file or folder name, or the dates in the file (see `ReturnReader`).
struct YearResolver {
    /// A year label as written: unambiguous (`2019-20` ends in 2020) or a single year.
    enum Label: Hashable {
        case ending(Int)
        case single(Int)
    }

    /// For each single-year label, which reading holds more episode dates.
    private var endingOfSingle: [Int: Int] = [:]
    /// For files with no year anywhere, the year inferred from their dates.
    private var inferred: [String: Int] = [:]
    /// The latest year of any Episodes row: a Header or UASC table with no year of its own is
    /// taken as that year's.
    private var latestEpisodeYear: Int?

    init(episodeTables: [CSVTable]) {
        var votes: [Int: (startsIn: Int, endsIn: Int)] = [:]
        for table in episodeTables {
            let decom = table.column("DECOM"), dec = table.column("DEC")
            var datesByEnding: [Int: Int] = [:]
            for row in table.rows {
                for column in [decom, dec].compactMap({ $0 }) where column < row.cells.count {
                    guard let date = parse903Date(row.cells[column]) else { continue }
                    let ending = date.financialYearStart.components.year + 1
                    if let label = Self.label(of: row, in: table), case let .single(y) = label {
                        if ending == y + 1 { votes[y, default: (0, 0)].startsIn += 1 }
                        if ending == y { votes[y, default: (0, 0)].endsIn += 1 }
                    }
                    datesByEnding[ending, default: 0] += column == dec ? 2 : 1
                }
            }
            if Self.label(ofFile: table.file) == nil && table.column("YEAR") == nil {
                // DEC dates count double: an episode that ends in a year is surely in its return.
                inferred[table.file] = datesByEnding.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
            }
        }
        for (year, vote) in votes { endingOfSingle[year] = vote.startsIn > vote.endsIn ? year + 1 : year }
        for table in episodeTables {
            for row in table.rows { latestEpisodeYear = max(latestEpisodeYear ?? .min, yearEnding(of: row, in: table)?.year ?? .min) }
        }
        if latestEpisodeYear == .min { latestEpisodeYear = nil }
    }

    /// The collection year of a Header or UASC row: its own, else the latest Episodes year.
    func yearEnding(ofOther row: CSVTable.Row, in table: CSVTable) -> (year: Int, from: String)? {
        yearEnding(of: row, in: table) ?? latestEpisodeYear.map { ($0, "the Episodes files") }
    }

    /// The collection year of a row, and how it was found.
    func yearEnding(of row: CSVTable.Row, in table: CSVTable) -> (year: Int, from: String)? {
        let from = table.column("YEAR") != nil ? "YEAR column" : "file name"
        switch Self.label(of: row, in: table) {
        case let .ending(year): return (year, from)
        case let .single(year): return (endingOfSingle[year] ?? year, from)
        case nil:
            return inferred[table.file].map { ($0, "dates in the file") }
        }
    }

    /// The row's label: its YEAR cell, else the file's.
    static func label(of row: CSVTable.Row, in table: CSVTable) -> Label? {
        if let column = table.column("YEAR") {
            return column < row.cells.count ? label(in: row.cells[column]) : nil
        }
        return label(ofFile: table.file)
    }

    /// A year in the file's name, or else in the names of the folders it is in (nearest first).
    static func label(ofFile path: String) -> Label? {
        var url = URL(fileURLWithPath: path)
        let name = url.deletingPathExtension().lastPathComponent
        if let found = label(in: name) { return found }
        for _ in 0..<3 {
            url.deleteLastPathComponent()
            if let found = label(in: url.lastPathComponent) { return found }
        }
        return nil
    }

    /// The first year in `text`: `2019-20`, `2019_2020`, `201920` or `20192020` end in 2020;
    /// `2019` alone is a single year.
    static func label(in text: String) -> Label? {
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            guard characters[i].isASCII && characters[i].isNumber else { i += 1; continue }
            var j = i
            while j < characters.count && characters[j].isASCII && characters[j].isNumber { j += 1 }
            let run = String(characters[i..<j])
            if run.count >= 4, let year = Int(run.prefix(4)), (1990...2099).contains(year) {
                let rest = run.dropFirst(4)
                if rest.count == 2, Int(rest) == (year + 1) % 100 { return .ending(year + 1) }
                if rest.count == 4, Int(rest) == year + 1 { return .ending(year + 1) }
                if rest.isEmpty {
                    // `2019-20` or `2019_2020`: a separator and the next year.
                    var k = j
                    if k < characters.count && "-_/ ".contains(characters[k]) { k += 1 }
                    var m = k
                    while m < characters.count && characters[m].isASCII && characters[m].isNumber { m += 1 }
                    let next = String(characters[k..<m])
                    if k > j && ((next.count == 2 && Int(next) == (year + 1) % 100) || (next.count == 4 && Int(next) == year + 1)) {
                        return .ending(year + 1)
                    }
                    return .single(year)
                }
            }
            i = j
        }
        return nil
    }
}
