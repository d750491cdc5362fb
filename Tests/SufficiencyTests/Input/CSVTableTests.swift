import Foundation
import Testing
@testable import Sufficiency

/// CSV as spreadsheets and case-management systems write it.
struct CSVTableTests {
    @Test func quotedCellsBOMAndCRLFAreRead() throws {
        let text = "\u{FEFF}id, name ,note\r\n1,\"Smith, J\",\"said \"\"no\"\"\r\nthen left\"\r\n\r\n2,Lee,\r\n"
        let table = try CSVTable.parse(Data(text.utf8), file: "t.csv")
        #expect(table.header == ["id", "name", "note"])
        #expect(table.rows.map(\.line) == [2, 5])
        #expect(table.rows[0].cells == ["1", "Smith, J", "said \"no\"\r\nthen left"])
        #expect(table.rows[1].cells == ["2", "Lee", ""])
        #expect(table.column("NAME") == 1)
    }

    @Test func windows1252TextIsDecoded() throws {
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x93, 0x4F, 0x94, 0x0A]  // “O”
        let table = try CSVTable.parse(Data(bytes), file: "t.csv")
        #expect(table.rows[0].cells == ["1", "\u{201C}O\u{201D}"])
    }

    @Test func binaryEmptyAndUnclosedFilesAreErrorsWithTheirPlace() {
        #expect(throws: CSVError(file: "b.csv", line: nil, message: "is not a CSV text file (it holds binary data; save it from the spreadsheet as CSV)")) {
            try CSVTable.parse(Data([0x50, 0x4B, 0x03, 0x04, 0x00]), file: "b.csv")
        }
        #expect(throws: CSVError.self) { try CSVTable.parse(Data(), file: "e.csv") }
        #expect(throws: CSVError(file: "q.csv", line: 2, message: "a quoted cell is not closed before the end of the file")) {
            try CSVTable.parse(Data("a,b\n1,\"open\n".utf8), file: "q.csv")
        }
    }
}
