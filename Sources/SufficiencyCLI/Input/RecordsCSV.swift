import Foundation
import Sufficiency
import SufficiencyReports

/// A CSV file of records with a header row naming the columns, read through `CSVTable` (quoted
/// cells, CRLF, a byte-order mark and Windows-1252 text as Excel writes them). Columns are
/// matched exactly; an unknown one is an error with the nearest known name. Every problem names
/// the file, line and column, and a file's problems are reported together.
struct RecordsCSV {
    struct Record {
        let file: String
        let line: Int
        let fields: [String: String]
        let columns: [String: Int]  // column name -> 1-based position
    }

    let file: String
    let records: [Record]

    static func read(path: String, required: [String], optional: [String] = []) throws(CLIError) -> RecordsCSV {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw .badInput([error.description]) }
        var columns: [String: Int] = [:]
        let known = required + optional
        for (i, name) in table.header.enumerated() {
            guard known.contains(name) else {
                let hint = closestKey(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw .badInput(["\(path):1:\(i + 1): unknown column '\(name)'\(hint) (expected: \(known.joined(separator: ", ")))"])
            }
            guard columns[name] == nil else { throw .badInput(["\(path):1:\(i + 1): the column '\(name)' appears twice"]) }
            columns[name] = i + 1
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw .badInput(["\(path):1: missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))"]) }
        var problems: [String] = []
        var records: [Record] = []
        for row in table.rows {
            guard row.cells.count == table.header.count else {
                problems.append("\(path):\(row.line): expected \(table.header.count) cells, as in the header, found \(row.cells.count)")
                continue
            }
            var fields: [String: String] = [:]
            for (i, name) in table.header.enumerated() { fields[name] = row.cells[i] }
            records.append(Record(file: path, line: row.line, fields: fields, columns: columns))
        }
        guard problems.isEmpty else { throw .badInput(problems) }
        return RecordsCSV(file: path, records: records)
    }

    /// Reads every record with `body`, collecting the problems of all of them (at most 50 shown)
    /// and refusing ids that appear twice.
    func map<T>(id: String = "id", _ body: (Record) throws(CLIError) -> T) throws(CLIError) -> [T] {
        var out: [T] = [], problems: [String] = [], firstLine: [String: Int] = [:]
        for record in records {
            if let value = record.fields[id], !value.isEmpty {
                if let first = firstLine[value] {
                    problems.append("\(file):\(record.line):\(record.columns[id]!): the \(id) '\(value)' appears twice (first on line \(first)); ids must be unique")
                } else {
                    firstLine[value] = record.line
                }
            }
            do { out.append(try body(record)) } catch {
                if case let .badInput(messages) = error { problems += messages } else { throw error }
            }
        }
        guard problems.isEmpty else {
            throw .badInput(problems.count > 50 ? Array(problems.prefix(50)) + ["\(file): \(problems.count - 50) more problems"] : problems)
        }
        return out
    }
}

extension RecordsCSV.Record {
    private func problem(_ name: String, _ message: String) -> CLIError {
        .badInput(["\(file):\(line):\(columns[name] ?? 0): \(message)"])
    }

    func text(_ name: String) throws(CLIError) -> String {
        guard let value = fields[name], !value.isEmpty else { throw problem(name, "expected a value for \(name), found an empty cell") }
        return value
    }

    /// A finite number in `range`.
    func number(_ name: String, in range: ClosedRange<Double>) throws(CLIError) -> Double {
        let raw = try text(name)
        guard let value = Double(raw), range.contains(value) else {
            throw problem(name, "expected a number from \(JSONValue.format(range.lowerBound)) to \(JSONValue.format(range.upperBound)) for \(name), found '\(raw)'")
        }
        return value
    }

    /// A whole number in `range`.
    func whole(_ name: String, in range: ClosedRange<Int>) throws(CLIError) -> Int {
        let raw = try text(name)
        guard let value = Int(raw), range.contains(value) else {
            throw problem(name, "expected a whole number from \(range.lowerBound) to \(range.upperBound) for \(name), found '\(raw)'")
        }
        return value
    }

    /// One of `known` (exactly, case included), or an error with the nearest.
    func choice(_ name: String, among known: [String], what: String) throws(CLIError) -> String {
        try checked(try text(name), name, among: known, what: what)
    }

    /// A `;`-separated list, each item one of `known`.
    func list(_ name: String, among known: [String], what: String) throws(CLIError) -> [String] {
        var out: [String] = []
        for item in try text(name).split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            out.append(try checked(item, name, among: known, what: what))
        }
        return out
    }

    private func checked(_ value: String, _ name: String, among known: [String], what: String) throws(CLIError) -> String {
        guard known.contains(value) else {
            let hint = closestKey(to: value, among: known).map { "; did you mean '\($0)'?" } ?? ""
            throw problem(name, "unknown \(what) '\(value)'\(hint) (expected one of: \(known.joined(separator: ", ")))")
        }
        return value
    }
}
