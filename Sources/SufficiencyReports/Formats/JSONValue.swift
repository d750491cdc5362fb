/// A JSON document with object keys kept in the order they were written, so that output files
/// read the same way every time and match their documented layout.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// The document as text.
    ///
    /// - Parameter pretty: Indent nested arrays and objects by two spaces, one item a line; when
    ///   false, everything is on one line with `", "` and `": "` separators.
    /// - Returns: JSON text. Non-finite numbers, which JSON cannot carry, are written as `null`.
    public func rendered(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .integer(value): out += String(value)
        case let .number(value): out += Self.format(value)
        case let .string(value): Self.writeString(value, to: &out)
        case let .array(items):
            writeContainer(open: "[", close: "]", count: items.count, to: &out, pretty: pretty, indent: indent) { index, out in
                items[index].write(to: &out, pretty: pretty, indent: indent + 1)
            }
        case let .object(members):
            writeContainer(open: "{", close: "}", count: members.count, to: &out, pretty: pretty, indent: indent) { index, out in
                Self.writeString(members[index].0, to: &out)
                out += ": "
                members[index].1.write(to: &out, pretty: pretty, indent: indent + 1)
            }
        }
    }

    private func writeContainer(open: String, close: String, count: Int, to out: inout String, pretty: Bool,
                                indent: Int, item: (Int, inout String) -> Void) {
        out += open
        guard count > 0 else { return out += close }
        let inner = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
        for index in 0..<count {
            out += index == 0 ? inner : (pretty ? "," + inner : ", ")
            item(index, &out)
        }
        out += pretty ? "\n" + String(repeating: "  ", count: indent) + close : close
    }

    /// Shortest text that reads back as the same double; whole numbers without a fraction; `null`
    /// for non-finite values.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(s.value, radix: 16).count) + String(s.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
