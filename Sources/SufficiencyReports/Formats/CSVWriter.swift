import Foundation

/// Writes RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled. A
/// text field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and not a number) gets a leading `'`, so opening the file runs nothing (OWASP
/// "CSV injection").
public struct CSVWriter: Sendable {
    private(set) public var text = ""

    public init(header: [String]) { append(header) }

    /// Appends one record.
    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\n"
    }

    static func escape(_ field: String) -> String {
        // Most fields (numbers, dates, metric names) need nothing: found on the UTF-8 bytes, as
        // the character-by-character test below took most of the time of writing a run's CSVs.
        // Exact: with none of these bytes there is no such character either.
        if let first = field.utf8.first, !"=+-@\t\r".utf8.contains(first),
           !field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return field
        }
        var field = field
        if let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
