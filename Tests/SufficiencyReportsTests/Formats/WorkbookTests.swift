import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import SufficiencyReports

/// Reads a stored ZIP back: every entry's name and bytes, checking each header and CRC.
func unzip(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
    func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
    struct Bad: Error { let why: String }
    let end = bytes.count - 22
    guard u32(end) == 0x0605_4B50 else { throw Bad(why: "no end record") }
    let count = u16(end + 10), directory = Int(u32(end + 16))
    var entries: [String: [UInt8]] = [:], at = directory
    for _ in 0..<count {
        guard u32(at) == 0x0201_4B50 else { throw Bad(why: "no central header") }
        let crc = u32(at + 16), size = Int(u32(at + 20)), nameLength = u16(at + 28), local = Int(u32(at + 42))
        let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
        guard u32(local) == 0x0403_4B50, u16(local + 8) == 0, Int(u32(local + 22)) == size else { throw Bad(why: "bad local header for \(name)") }
        let start = local + 30 + u16(local + 26) + u16(local + 28)
        let data = Array(bytes[start..<(start + size)])
        guard CRC32.checksum(data) == crc else { throw Bad(why: "bad CRC for \(name)") }
        entries[name] = data
        at += 46 + nameLength + u16(at + 30) + u16(at + 32)
    }
    return entries
}

struct WorkbookTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func aStoredArchiveReadsBackEntryForEntry() throws {
        var zip = ZipArchive()
        zip.add("a.txt", Array("hello".utf8))
        zip.add("folder/b.bin", [0, 1, 2, 255])
        zip.add("empty", [])
        let entries = try unzip(zip.bytes)
        #expect(entries == ["a.txt": Array("hello".utf8), "folder/b.bin": [0, 1, 2, 255], "empty": []])
        #expect(zip.bytes == zip.bytes, "no timestamps: the same entries give the same bytes")
    }

    @Test func sheetsHoldNumbersAsNumbersWithTheirFormats() throws {
        let book = Workbook(sheets: [.init(name: "Costs: a/b [x]", header: ["year", "cost", "share"],
                                           rows: [[.text("2025-26 & <after>"), .pounds(1234.5), .percent(0.25)], [.text("n/a"), .number(.nan)]])])
        let entries = try unzip(book.bytes)
        #expect(Set(entries.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        let sheet = String(decoding: entries["xl/worksheets/sheet1.xml"]!, as: UTF8.self)
        #expect(sheet.contains("<c r=\"B2\" s=\"2\"><v>1234.5</v></c>"))
        #expect(sheet.contains("<c r=\"C2\" s=\"3\"><v>0.25</v></c>"))
        #expect(sheet.contains("2025-26 &amp; &lt;after&gt;"))
        #expect(!sheet.contains("B3"), "a value that is not a number is left empty")
        #expect(String(decoding: entries["xl/workbook.xml"]!, as: UTF8.self).contains("name=\"Costs- a-b -x-\""))
        for (name, data) in entries where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            #expect(XMLParser(data: Data(data)).parse(), "\(name) is not well-formed")
        }
        #expect([0, 25, 26, 51, 52, 701, 702].map(Workbook.column) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }
}
