import Foundation
import Testing
@testable import SufficiencyReports

struct CSVWriterTests {
    @Test func formulasAreDefusedAndNumbersKept() {
        var csv = CSVWriter(header: ["id", "value"])
        csv.append(["=HYPERLINK(\"x\")", "-0.5"])
        csv.append(["+1+1", "@SUM(A1)"])
        csv.append(["-", "R1, R2"])
        #expect(csv.text == "id,value\n\"'=HYPERLINK(\"\"x\"\")\",-0.5\n'+1+1,'@SUM(A1)\n'-,\"R1, R2\"\n")
    }

    /// The bytewise shortcut for fields that need nothing gives what the character-by-character
    /// rules give, including around characters made of several scalars.
    @Test func theShortcutAgreesWithTheCharacterRules() {
        func reference(_ field: String) -> String {
            var field = field
            if let first = field.first, "=+-@\t\r".contains(first), Double(field) == nil { field = "'" + field }
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let pieces = ["", "a", "12.5", "-3", "2025-04-01", "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", ",", "\"", "-\u{301}",
                      "\u{301}", "é", "Ünïcode", "£"]
        var fields: [String] = []
        for a in pieces { for b in pieces { fields.append(a + b) } }
        for field in fields { #expect(CSVWriter.escape(field) == reference(field), "\(field.debugDescription)") }
    }
}
