import Foundation
import Sufficiency

/// Postcode grid references and local authorities, as the ONS Postcode Directory gives them
/// (columns `pcd`, `oseast1m`, `osnrth1m`, `laua`; also accepted: `postcode`, `easting`,
/// `northing`, `lad`). Children's services belong to upper-tier authorities: where districts are
/// lower tier (`laua` in two-tier areas), a `utla` or `cty` column gives the council and is used
/// instead. Postcodes are matched without spaces or case.
public struct PostcodeLookup: Sendable {
    public struct Place: Sendable, Equatable {
        public let postcode: String
        public let easting: Double
        public let northing: Double
        public let authority: String
    }

    private let places: [String: Place]

    /// The places, for finding postcodes near a point.
    public var all: Dictionary<String, Place>.Values { places.values }

    /// Reads a lookup file; rows without a grid reference (terminated postcodes) are skipped.
    ///
    /// - Throws: `SSDA903Error` when the file cannot be read or lacks a column.
    public static func read(path: String) throws(SSDA903Error) -> PostcodeLookup {
        let table: CSVTable
        do { table = try CSVTable.read(path: path) } catch { throw SSDA903Error([DataProblem(.error, file: path, line: error.line, error.message)]) }
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { table.column($0) }.first }
        guard let pcd = column(["pcd", "pcds", "postcode"]), let east = column(["oseast1m", "easting"]),
              let north = column(["osnrth1m", "northing"]), let la = column(["utla", "cty", "laua", "lad", "oslaua"]) else {
            throw SSDA903Error([DataProblem(.error, file: path, line: 1, "expected columns pcd, oseast1m, osnrth1m and laua (the ONS Postcode Directory's), found \(table.header.joined(separator: ", "))")])
        }
        var places: [String: Place] = [:]
        for row in table.rows where max(pcd, east, north, la) < row.cells.count {
            guard let e = Double(row.cells[east]), let n = Double(row.cells[north]) else { continue }
            // ONSPD's `cty` is a dummy code (E99999999) for unitary areas: fall back to the district.
            var authority = row.cells[la]
            if authority.hasPrefix("E9999"), let district = table.column("laua"), district < row.cells.count { authority = row.cells[district] }
            let key = Self.key(row.cells[pcd])
            places[key] = Place(postcode: Self.formatted(row.cells[pcd]), easting: e, northing: n, authority: authority)
        }
        return PostcodeLookup(places: places)
    }

    private init(places: [String: Place]) { self.places = places }

    /// The place of a postcode as written in a return, if known.
    public func place(_ postcode: String) -> Place? { places[Self.key(postcode)] }

    static func key(_ postcode: String) -> String { postcode.uppercased().filter { !$0.isWhitespace } }

    /// `LE9 7TH` from `le97th` or `LE9  7TH`.
    static func formatted(_ postcode: String) -> String {
        let compact = key(postcode)
        guard compact.count > 3 else { return compact }
        return compact.dropLast(3) + " " + compact.suffix(3)
    }
}
