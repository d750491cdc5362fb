import Testing
@testable import Sufficiency

/// The one JSON reader: strict RFC 8259, with line and column in every syntax error.
struct ParsedJSONTests {
    private func error(_ text: String) -> String? {
        do { _ = try ParsedJSON.parse(Array(text.utf8)); return nil } catch { return error.description }
    }

    @Test func readsObjectsInFileOrderAndNumbersAsWritten() throws {
        let json = try ParsedJSON.parse(Array("\u{FEFF}{\"b\": [1, 2.5e3, -0], \"a\": {\"s\": \"\\u00e9\\ud83d\\ude00\\n\"}, \"t\": true, \"n\": null}".utf8))
        guard case let .object(pairs) = json else { Issue.record("not an object"); return }
        #expect(pairs.map(\.key) == ["b", "a", "t", "n"])
        #expect(json["b"] == .array([.number("1"), .number("2.5e3"), .number("-0")]))
        #expect(json["a"]?["s"] == .string("é😀\n"))
        #expect(json["t"] == .bool(true) && json["n"] == .null)
    }

    @Test func trailingCommasDuplicateKeysAndTrailingTextAreRefusedWithLineAndColumn() {
        #expect(error("{\"a\": 1,\n}") == "line 2, column 1: expected a key in quotes after the comma, found '}' (a trailing comma is not allowed in JSON)")
        #expect(error("[1, 2,]") == "line 1, column 7: expected a value after the comma, found ']' (a trailing comma is not allowed in JSON)")
        #expect(error("{\"a\": {\"b\": 1,\n \"b\": 2}}") == "line 2, column 2: 'a.b' appears twice in one object (first at line 1); give each key once")
        #expect(error("{} x") == "line 1, column 4: expected the end of the document after the value, found 'x'")
        #expect(error("// comment\n{}")?.hasPrefix("line 1, column 1: expected a value") == true)
    }

    @Test func malformedValuesAreRefused() {
        #expect(error("[01]") == "line 1, column 2: expected a number without leading zeros, found 01")
        #expect(error("[1.]")?.contains("expected digits after the decimal point") == true)
        #expect(error("[\"a\tb\"]")?.contains("control character") == true)
        #expect(error("[\"abc") == "line 1, column 2: expected the closing '\"' of the string that starts here")
        #expect(error("[tru]")?.contains("expected a value") == true)
        #expect(error("") == "line 1, column 1: expected a value, found the end of the file")
        #expect(error(String(repeating: "[", count: 5_000))?.contains("expected at most 200 nested") == true)
    }
}
