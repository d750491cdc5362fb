import Foundation
import Sufficiency
import SufficiencyReports

/// A small CSV file with a header row of column names, read as records. Quoted fields (RFC 4180)
/// may hold commas. Every problem names the file, line and column.
struct RecordsCSV {
    struct Record {
        let line: Int
        let fields: [String: String]
        let columns: [String: Int]  // column name -> 1-based position
    }

    let file: String
    let records: [Record]

    static func read(path: String, required: [String], optional: [String] = []) throws(CLIError) -> RecordsCSV {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .badInput(["\(path): \(FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")"])
        }
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false) { $0 == "\n" }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let headerLine = lines.first, !headerLine.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .badInput(["\(path):1: the file is empty; expected a header row naming the columns \(required.joined(separator: ", "))"])
        }
        let header = try split(headerLine, file: path, line: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            guard required.contains(name) || optional.contains(name) else {
                let known = required + optional
                let hint = closestKey(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw .badInput(["\(path):1:\(i + 1): unknown column '\(name)'\(hint) (expected: \(known.joined(separator: ", ")))"])
            }
            columns[name] = i + 1
        }
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else { throw .badInput(["\(path):1: missing column\(missing.count > 1 ? "s" : "") \(missing.joined(separator: ", "))"]) }
        var records: [Record] = []
        for (index, text) in lines.enumerated().dropFirst() where !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = try split(text, file: path, line: index + 1)
            guard cells.count == header.count else {
                throw .badInput(["\(path):\(index + 1): expected \(header.count) cells, as in the header, found \(cells.count)"])
            }
            var fields: [String: String] = [:]
            for (i, name) in header.enumerated() { fields[name] = cells[i].trimmingCharacters(in: .whitespaces) }
            records.append(Record(line: index + 1, fields: fields, columns: columns))
        }
        return RecordsCSV(file: path, records: records)
    }

    private static func split(_ line: String, file: String, line number: Int) throws(CLIError) -> [String] {
        var cells: [String] = [], current = "", quoted = false, wasQuoted = false
        var iterator = Array(line).makeIterator()
        while let ch = iterator.next() {
            if quoted {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { cells.append(current); current = ""; wasQuoted = false } else { current.append(next) }
                        }
                    } else { quoted = false }
                } else { current.append(ch) }
            } else if ch == "\"" && current.trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true; current = ""
            } else if ch == "," {
                cells.append(current); current = ""; wasQuoted = false
            } else { current.append(ch) }
        }
        if quoted { throw .badInput(["\(file):\(number): a quoted cell is not closed"]) }
        cells.append(current)
        return cells
    }
}

extension RecordsCSV.Record {
    func text(_ name: String, file: String) throws(CLIError) -> String {
        guard let value = fields[name], !value.isEmpty else {
            throw .badInput(["\(file):\(line):\(columns[name] ?? 0): expected a value for \(name), found an empty cell"])
        }
        return value
    }

    func number(_ name: String, file: String, minimum: Double? = nil) throws(CLIError) -> Double {
        let raw = try text(name, file: file)
        guard let value = Double(raw), value.isFinite, value >= (minimum ?? -.infinity) else {
            throw .badInput(["\(file):\(line):\(columns[name]!): expected \(minimum.map { "a number >= \(JSONValue.format($0))" } ?? "a number") for \(name), found '\(raw)'"])
        }
        return value
    }
}
