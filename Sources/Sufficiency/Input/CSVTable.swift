import Foundation

/// A CSV file read as a header row and data rows, as spreadsheets and case-management systems
/// write them: RFC 4180 quoting (commas, quotes and line breaks inside quoted cells), CRLF or LF
/// line ends, a UTF-8 byte-order mark, and Windows-1252 text where the bytes are not UTF-8.
///
/// Cells are kept as text, untrimmed of nothing but surrounding spaces; blank lines are skipped.
/// Each row remembers the line it starts on, so every message can name `file:line`.
public struct CSVTable: Sendable {
    /// One data row: the line it starts on (1-based, the header is line 1) and its cells.
    public struct Row: Sendable {
        public let line: Int
        public let cells: [String]
    }

    /// The file's path, as given.
    public let file: String
    /// Column names from the first non-blank line, spaces trimmed.
    public let header: [String]
    public let rows: [Row]

    /// The 0-based position of a column, matched without regard to case; nil when absent.
    public func column(_ name: String) -> Int? {
        let wanted = name.uppercased()
        return header.firstIndex { $0.uppercased() == wanted }
    }

    /// Reads a file.
    ///
    /// - Throws: `CSVError` when the file is missing, unreadable, not text, or has an unclosed quote.
    public static func read(path: String) throws(CSVError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw CSVError(file: path, line: nil, message: !exists ? "no such file" : isFolder.boolValue ? "is a folder, expected a CSV file" : "cannot be read")
        }
        return try parse(data, file: path)
    }

    /// Parses CSV bytes; `file` names them in messages.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func parse(_ data: Data, file: String) throws(CSVError) -> CSVTable {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.contains(0) {
            throw CSVError(file: file, line: nil, message: "is not a CSV text file (it holds binary data; save it from the spreadsheet as CSV)")
        }
        let text = String(validating: bytes, as: UTF8.self) ?? decodeWindows1252(bytes)
        var records = try split(text, file: file)
        guard !records.isEmpty else { throw CSVError(file: file, line: 1, message: "is empty; expected a header row naming the columns") }
        let header = records.removeFirst().cells.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(file: file, header: header, rows: records)
    }

    /// Splits text into rows of cells, skipping blank lines.
    private static func split(_ text: String, file: String) throws(CSVError) -> [Row] {
        var rows: [Row] = []
        var cells: [String] = [], cell = "", line = 1, rowLine = 1
        var quoted = false, wasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func finishCell() {
            cells.append(wasQuoted ? cell : cell.trimmingCharacters(in: .whitespaces))
            cell = ""
            wasQuoted = false
        }
        func finishRow() {
            finishCell()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
            cells = []
        }
        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" { cell.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where cell.trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
                cell = ""
            case ",":
                finishCell()
            case "\r":
                let next = scalars.next()
                if next != "\n" { pending = next }
                finishRow()
                line += 1
                rowLine = line
            case "\n":
                finishRow()
                line += 1
                rowLine = line
            default:
                if !wasQuoted { cell.unicodeScalars.append(scalar) }
            }
        }
        if quoted { throw CSVError(file: file, line: rowLine, message: "a quoted cell is not closed before the end of the file") }
        finishRow()
        return rows
    }
}

/// A CSV file that cannot be read as a table: the file, the line where known, and why.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

/// Decodes Windows-1252, the encoding Excel uses for "CSV" on English Windows: bytes 0x80-0x9F are
/// punctuation (curly quotes, dashes, the euro sign), the rest as Latin-1.
private func decodeWindows1252(_ bytes: [UInt8]) -> String {
    let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
        scalars.append((0x80...0x9F).contains(byte) ? Unicode.Scalar(high[Int(byte - 0x80)])! : Unicode.Scalar(byte))
    }
    return String(scalars)
}
