import Foundation
import PlacementMatching

/// A cost matrix read from CSV: one line per child, one cell per place.
///
/// A cell is a number, `inf` (not allowed) or empty (not allowed). An optional header row holds
/// place ids and an optional first column holds child ids; each is recognised by a cell that is not
/// a cost (ids must therefore not look like numbers). Without them, rows and columns are named by
/// their 1-based index.
struct CostMatrixCSV {
    let matrix: CostMatrix
    let rowIDs: [String]
    let columnIDs: [String]

    /// Reads and checks a file.
    ///
    /// - Throws: `CLIError.badInput` naming the file, line and column of the first problem.
    static func read(path: String) throws(CLIError) -> CostMatrixCSV {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw .badInput(["\(path): \(exists ? "cannot be read" : "no such file")"])
        }
        return try parse(data, file: path)
    }

    /// Parses CSV bytes; `file` names them in messages.
    static func parse(_ data: Data, file: String) throws(CLIError) -> CostMatrixCSV {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }  // a UTF-8 byte-order mark, as Excel writes
        bytes.append(0)  // strtod stops at a NUL: it can never read past the buffer
        do throws(CSVProblem) {
            return try bytes.withUnsafeBufferPointer { buffer throws(CSVProblem) in
                var parser = Parser(buffer: buffer, length: buffer.count - 1)
                return try parser.parse()
            }
        } catch {
            throw .badInput(["\(file):\(error.line)\(error.column.map { ":\($0)" } ?? ""): \(error.message)"])
        }
    }
}

/// A problem at a 1-based line (and cell, when it is about one cell).
struct CSVProblem: Error {
    let line: Int
    let column: Int?
    let message: String
}

/// A single pass over the bytes: cells are byte ranges, costs are read in place by strtod.
private struct Parser {
    let buffer: UnsafeBufferPointer<UInt8>
    let length: Int
    private var position = 0
    private var line = 0

    init(buffer: UnsafeBufferPointer<UInt8>, length: Int) {
        self.buffer = buffer
        self.length = length
    }

    /// A cell: its bytes (quotes removed for quoted text) and whether it was quoted.
    private struct Cell {
        var start: Int
        var end: Int
        var quotedText: String?
    }

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\""), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    mutating func parse() throws(CSVProblem) -> CostMatrixCSV {
        // Trailing blank lines carry nothing; anything else is a row.
        var end = length
        while end > 0, [Self.newline, Self.carriage, Self.space, Self.tab].contains(buffer[end - 1]) { end -= 1 }
        guard end > 0 else { throw CSVProblem(line: 1, column: nil, message: "the file is empty; expected one line of costs per child") }
        var lines: [[Cell]] = []
        lines.reserveCapacity(2)
        // Read the first two lines as cells to decide on the header row and the id column.
        let first = try readLine(until: end)
        // A header row has text after its first cell (which may be a corner label or a child id
        // column's heading), or is a single text cell over a one-place matrix.
        let hasHeader = first.dropFirst().contains { !isCost($0) } || (first.count == 1 && !isCost(first[0]))
        if hasHeader, let mixed = first.indices.dropFirst().first(where: { isCost(first[$0]) && !isEmpty(first[$0]) }) {
            throw CSVProblem(line: 1, column: mixed + 1, message: "the first line mixes text and costs (found '\(text(first[mixed]))'); expected either a header row of place ids that do not look like numbers, or a line of costs")
        }
        var dataLines: [[Cell]] = hasHeader ? [] : [first]
        if hasHeader && position < end { dataLines.append(try readLine(until: end)) }
        guard let firstData = dataLines.first else {
            throw CSVProblem(line: 2, column: nil, message: "expected a line of costs after the header row, found none")
        }
        let hasIDColumn = !isCost(firstData[0])
        let width = firstData.count - (hasIDColumn ? 1 : 0)
        var columnIDs = (1...max(width, 1)).map(String.init)
        if width == 0 { columnIDs = [] }
        if hasHeader {
            let names = first.map(text)
            // Over a column of child ids the header starts with a corner cell (which may be empty),
            // so that every place id sits over its own costs.
            let expected = width + (hasIDColumn ? 1 : 0)
            guard names.count == expected else {
                throw CSVProblem(line: 1, column: nil, message: "the header row has \(names.count) cells; expected \(expected): "
                    + (hasIDColumn ? "a corner cell over the child ids, then \(width) place ids" : "\(width) place ids"))
            }
            columnIDs = hasIDColumn ? Array(names.dropFirst()) : names
        }
        var costs: [Double] = []
        costs.reserveCapacity(width * 64)
        var rowIDs: [String] = []
        var pending = dataLines.first
        var pendingLine = line
        while true {
            if pending == nil {
                guard position < end else { break }
                pending = try readLine(until: end)
                pendingLine = line
            }
            let cells = pending!
            pending = nil
            guard cells.count == width + (hasIDColumn ? 1 : 0) else {
                throw CSVProblem(line: pendingLine, column: nil,
                                 message: "expected \(width + (hasIDColumn ? 1 : 0)) cells, as on the first line of costs, found \(cells.count)")
            }
            var startCell = 0
            if hasIDColumn {
                let id = text(cells[0])
                guard !isCost(cells[0]), !id.isEmpty else {
                    throw CSVProblem(line: pendingLine, column: 1, message: "expected a child id (not a number) in the first column, found '\(id)'")
                }
                rowIDs.append(id)
                startCell = 1
            } else {
                rowIDs.append(String(rowIDs.count + 1))
            }
            for index in startCell..<cells.count {
                costs.append(try cost(cells[index], line: pendingLine, column: index + 1))
            }
        }
        // Costs are checked cell by cell above, so building the matrix cannot fail.
        guard let matrix = try? CostMatrix(rows: rowIDs.count, columns: width, costs: costs) else {
            throw CSVProblem(line: 1, column: nil, message: "the costs do not form a matrix")
        }
        return CostMatrixCSV(matrix: matrix, rowIDs: rowIDs, columnIDs: columnIDs)
    }

    /// Reads the cells of the next line and moves past its line break.
    private mutating func readLine(until end: Int) throws(CSVProblem) -> [Cell] {
        line += 1
        var cells: [Cell] = []
        while true {
            var cell = Cell(start: position, end: position, quotedText: nil)
            var cursor = position
            while cursor < end, buffer[cursor] == Self.space || buffer[cursor] == Self.tab { cursor += 1 }
            if cursor < end, buffer[cursor] == Self.quote {
                var value: [UInt8] = []
                cursor += 1
                while true {
                    guard cursor < end else { throw CSVProblem(line: line, column: cells.count + 1, message: "a quoted cell is not closed") }
                    if buffer[cursor] == Self.quote {
                        if cursor + 1 < end, buffer[cursor + 1] == Self.quote {
                            value.append(Self.quote)
                            cursor += 2
                            continue
                        }
                        cursor += 1
                        break
                    }
                    value.append(buffer[cursor])
                    cursor += 1
                }
                cell.quotedText = String(decoding: value, as: UTF8.self)
                while cursor < end, buffer[cursor] != Self.comma, buffer[cursor] != Self.newline, buffer[cursor] != Self.carriage { cursor += 1 }
                cell.end = cursor
            } else {
                while cursor < end, buffer[cursor] != Self.comma, buffer[cursor] != Self.newline, buffer[cursor] != Self.carriage { cursor += 1 }
                cell.end = cursor
                while cell.end > cell.start, buffer[cell.end - 1] == Self.space || buffer[cell.end - 1] == Self.tab { cell.end -= 1 }
                while cell.start < cell.end, buffer[cell.start] == Self.space || buffer[cell.start] == Self.tab { cell.start += 1 }
            }
            cells.append(cell)
            position = cursor
            if position < end, buffer[position] == Self.comma {
                position += 1
                continue
            }
            if position < end, buffer[position] == Self.carriage { position += 1 }
            if position < end, buffer[position] == Self.newline { position += 1 }
            return cells
        }
    }

    private func text(_ cell: Cell) -> String {
        cell.quotedText ?? String(decoding: UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]), as: UTF8.self)
    }

    private func isEmpty(_ cell: Cell) -> Bool { cell.quotedText?.isEmpty ?? (cell.start == cell.end) }

    /// Whether a cell reads as a cost (a number, inf or empty); ids are cells that do not.
    private func isCost(_ cell: Cell) -> Bool {
        if let quoted = cell.quotedText { return quoted.isEmpty }
        if cell.start == cell.end { return true }
        var parsed: UnsafeMutablePointer<CChar>?
        let start = UnsafeRawPointer(buffer.baseAddress! + cell.start).assumingMemoryBound(to: CChar.self)
        _ = strtod(start, &parsed)
        return parsed.map { UnsafeRawPointer($0) == UnsafeRawPointer(buffer.baseAddress! + cell.end) } ?? false
    }

    /// The cost in a cell: empty or `inf` = not allowed.
    private func cost(_ cell: Cell, line: Int, column: Int) throws(CSVProblem) -> Double {
        if cell.start == cell.end && cell.quotedText == nil { return .infinity }
        var parsed: UnsafeMutablePointer<CChar>?
        let start = UnsafeRawPointer(buffer.baseAddress! + cell.start).assumingMemoryBound(to: CChar.self)
        let value = strtod(start, &parsed)
        let complete = cell.quotedText == nil && parsed.map { UnsafeRawPointer($0) == UnsafeRawPointer(buffer.baseAddress! + cell.end) } ?? false
        guard complete else {
            throw CSVProblem(line: line, column: column, message: "expected a number, 'inf' or an empty cell, found '\(text(cell))'")
        }
        if value.isNaN { throw CSVProblem(line: line, column: column, message: "expected a number, 'inf' or an empty cell, found NaN '\(text(cell))'") }
        if value == -.infinity { throw CSVProblem(line: line, column: column, message: "expected a finite cost or 'inf', found '\(text(cell))' (minus infinity)") }
        return value
    }
}
