/// A ZIP archive written with every entry stored (no compression), as the .xlsx format allows:
/// local headers, the data, a central directory and its end record (PKWARE APPNOTE 6.3), with
/// a CRC-32 per entry. Timestamps are fixed (1 January 1980), so the same entries give the same
/// bytes.
public struct ZipArchive {
    private var entries: [(name: [UInt8], data: [UInt8], crc: UInt32, offset: Int)] = []
    private var body: [UInt8] = []

    public init() {}

    /// Adds a file; `name` uses `/` between folders.
    public mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8), crc = CRC32.checksum(data)
        entries.append((nameBytes, data, crc, body.count))
        body += [0x50, 0x4B, 0x03, 0x04]                  // local file header
        Self.append(&body, UInt16(20))                      // version needed: 2.0
        Self.append(&body, UInt16(0x0800))                  // flags: UTF-8 names
        Self.append(&body, UInt16(0))                       // method: stored
        Self.append(&body, UInt16(0)); Self.append(&body, UInt16(0x21))  // time 00:00, date 1980-01-01
        Self.append(&body, crc)
        Self.append(&body, UInt32(data.count)); Self.append(&body, UInt32(data.count))
        Self.append(&body, UInt16(nameBytes.count)); Self.append(&body, UInt16(0))
        body += nameBytes
        body += data
    }

    /// The archive's bytes.
    public var bytes: [UInt8] {
        var out = body
        let directoryStart = out.count
        for entry in entries {
            out += [0x50, 0x4B, 0x01, 0x02]                 // central directory header
            Self.append(&out, UInt16(20)); Self.append(&out, UInt16(20))
            Self.append(&out, UInt16(0x0800)); Self.append(&out, UInt16(0))
            Self.append(&out, UInt16(0)); Self.append(&out, UInt16(0x21))
            Self.append(&out, entry.crc)
            Self.append(&out, UInt32(entry.data.count)); Self.append(&out, UInt32(entry.data.count))
            Self.append(&out, UInt16(entry.name.count))
            Self.append(&out, UInt16(0)); Self.append(&out, UInt16(0))   // extra, comment
            Self.append(&out, UInt16(0)); Self.append(&out, UInt16(0))   // disk, internal attributes
            Self.append(&out, UInt32(0))                                  // external attributes
            Self.append(&out, UInt32(entry.offset))
            out += entry.name
        }
        let directorySize = out.count - directoryStart
        out += [0x50, 0x4B, 0x05, 0x06]                     // end of central directory
        Self.append(&out, UInt16(0)); Self.append(&out, UInt16(0))
        Self.append(&out, UInt16(entries.count)); Self.append(&out, UInt16(entries.count))
        Self.append(&out, UInt32(directorySize)); Self.append(&out, UInt32(directoryStart))
        Self.append(&out, UInt16(0))
        return out
    }

    private static func append(_ out: inout [UInt8], _ value: UInt16) {
        out += [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func append(_ out: inout [UInt8], _ value: UInt32) {
        out += (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
    }
}

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as ZIP uses.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    public static func checksum(_ data: [UInt8]) -> UInt32 {
        ~data.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
