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

    /// First characters a spreadsheet runs as a formula, and characters that make a field quoted;
    /// all ASCII, so the shortcut below looks for them as bytes, through a table by byte value.
    private static let formulaStarts = "=+-@\t\r", quotedIfAny = ",\"\n\r"
    private static let isFormulaStartByte = (0..<256).map { formulaStarts.utf8.contains(UInt8($0)) }
    private static let isQuotedIfAnyByte = (0..<256).map { quotedIfAny.utf8.contains(UInt8($0)) }

    static func escape(_ field: String) -> String {
        // Most fields (numbers, dates, metric names) need nothing: found on the UTF-8 bytes, as
        // the character-by-character test below took most of the time of writing a run's CSVs.
        // Exact: with none of these bytes there is no such character either.
        let quotedByte = isQuotedIfAnyByte
        if let first = field.utf8.first, !isFormulaStartByte[Int(first)], !field.utf8.contains(where: { quotedByte[Int($0)] }) {
            return field
        }
        var field = field
        if let first = field.first, formulaStarts.contains(first), Double(field) == nil { field = "'" + field }
        guard field.contains(where: quotedIfAny.contains) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
