/// A JSON document read strictly, as RFC 8259 writes it: no trailing commas, no comments, no
/// duplicate keys, nothing after the value, and nesting at most 200 deep. Objects keep their
/// keys in file order; numbers keep the text they were written with, so a whole number is read
/// exactly (a seed above 2^53) and a fraction in a whole-number field is told apart.
///
/// Every input the project reads as JSON goes through `parse`, so each rule holds everywhere.
public indirect enum ParsedJSON: Equatable, Sendable {
    case object([(key: String, value: ParsedJSON)])
    case array([ParsedJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    public static func == (a: ParsedJSON, b: ParsedJSON) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.array(x), .array(y)): return x == y
        case let (.string(x), .string(y)), let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        default: return false
        }
    }

    /// The value under `key` of an object (nil for anything else or a missing key).
    public subscript(key: String) -> ParsedJSON? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// What the value is, as messages name it: "an object", "a string", "the number 2.5".
    public var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case let .string(text): return "the string \"\(text.count > 40 ? String(text.prefix(40)) + "..." : text)\""
        case let .number(text): return "the number \(text)"
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// Why a text is not JSON: the line and column (from 1) and what was expected there.
    public struct SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    static let maximumDepth = 200

    /// Parses a whole document (a UTF-8 byte order mark is allowed).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> ParsedJSON {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipSpace()
        let value = try parser.value(depth: 0, path: "")
        parser.skipSpace()
        if parser.position < bytes.count {
            throw parser.error("expected the end of the document after the value, found \(parser.found())")
        }
        return value
    }
}

private struct Parser {
    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    func error(_ message: String, at offset: Int? = nil) -> ParsedJSON.SyntaxError {
        let end = min(offset ?? position, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return .init(line: line, column: column, message: message)
    }

    /// The text at the current position, for messages.
    func found() -> String {
        guard position < bytes.count else { return "the end of the file" }
        let end = min(position + 12, bytes.count)
        var text = String(decoding: bytes[position..<end], as: UTF8.self)
        if let newline = text.firstIndex(where: \.isNewline) { text = String(text[..<newline]) }
        return "'\(text.isEmpty ? " " : text)'"
    }

    mutating func value(depth: Int, path: String) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
        guard depth < ParsedJSON.maximumDepth else { throw error("expected at most \(ParsedJSON.maximumDepth) nested arrays and objects, found more") }
        guard position < bytes.count else { throw error("expected a value, found the end of the file") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth, path: path)
        case UInt8(ascii: "["): return try array(depth: depth, path: path)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw error("expected a value (an object, array, string, number, true, false or null), found \(found())")
        }
    }

    mutating func literal(_ word: String) throws(ParsedJSON.SyntaxError) {
        let utf8 = Array(word.utf8)
        guard bytes.count - position >= utf8.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            throw error("expected a value, found \(found())")
        }
        position += utf8.count
    }

    mutating func object(depth: Int, path: String) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
        position += 1
        var pairs: [(key: String, value: ParsedJSON)] = []
        var seen: [String: Int] = [:]
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                    throw error("expected a key in quotes after the comma, found '}' (a trailing comma is not allowed in JSON)")
                }
                throw error("expected a key in quotes, found \(found())")
            }
            let keyOffset = position
            let key = try string()
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if let first = seen[key] {
                throw error("'\(keyPath)' appears twice in one object (first at line \(error("", at: first).line)); give each key once", at: keyOffset)
            }
            seen[key] = keyOffset
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\", found \(found())") }
            position += 1
            skipSpace()
            pairs.append((key, try value(depth: depth + 1, path: keyPath)))
            skipSpace()
            guard position < bytes.count else { throw error("expected ',' or '}', found the end of the file") }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(pairs) }
            guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}' after the value of \"\(key)\", found \(found())") }
            position += 1
        }
    }

    mutating func array(depth: Int, path: String) throws(ParsedJSON.SyntaxError) -> ParsedJSON {
        position += 1
        var items: [ParsedJSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                throw error("expected a value after the comma, found ']' (a trailing comma is not allowed in JSON)")
            }
            items.append(try value(depth: depth + 1, path: "\(path)[\(items.count)]"))
            skipSpace()
            guard position < bytes.count else { throw error("expected ',' or ']', found the end of the file") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or ']' after an array item, found \(found())") }
            position += 1
        }
    }

    mutating func number() throws(ParsedJSON.SyntaxError) -> String {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        guard digits() > 0 else { throw error("expected digits after '-', found \(found())") }
        if bytes[integerStart] == UInt8(ascii: "0"), position - integerStart > 1 {
            throw error("expected a number without leading zeros, found \(String(decoding: bytes[start..<position], as: UTF8.self))", at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected digits after the decimal point, found \(found())") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("expected digits in the exponent, found \(found())") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func string() throws(ParsedJSON.SyntaxError) -> String {
        let start = position
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("expected the closing '\"' of the string that starts here", at: start) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw error("expected UTF-8 text in the string that starts here", at: start) }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { throw error("expected an escape after '\\', found the end of the file") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) {
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("expected a low surrogate after \\u\(String(scalar, radix: 16))") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("expected a Unicode character, found \\u\(String(scalar, radix: 16))") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw error("expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX, found '\\\(Character(Unicode.Scalar(escape)))'", at: position - 2)
                }
            case 0..<0x20:
                throw error("expected a control character in a string to be escaped (\\n, \\t, ...), found byte \(byte)")
            default:
                out.append(byte)
                position += 1
            }
        }
    }

    mutating func hex4() throws(ParsedJSON.SyntaxError) -> UInt32 {
        guard bytes.count - position >= 4, let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
            throw error("expected four hex digits after \\u, found \(found())")
        }
        position += 4
        return value
    }
}
