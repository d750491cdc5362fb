/// Named areas with British National Grid coordinates, and where children's homes are.
public struct Geography: Codable, Equatable, Sendable {
    public var areas: [Area]
    /// Share of entrants whose home is in each area (by area name); equal shares when absent.
    public var homeAreaMix: [String: Double]?
    public var source: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case areas, homeAreaMix, source }

    public init(areas: [Area], homeAreaMix: [String: Double]? = nil, source: String? = nil) {
        self.areas = areas; self.homeAreaMix = homeAreaMix; self.source = source
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self), d = Scenario.defaults.geography
        areas = try read(.areas, default: d.areas)
        homeAreaMix = try read.optional(.homeAreaMix)
        source = try read.optional(.source)
    }
}

/// A place on the map: a part of the LA, or a location outside it.
public struct Area: Codable, Equatable, Sendable {
    public var name: String
    /// British National Grid easting, metres.
    public var easting: Double
    /// British National Grid northing, metres.
    public var northing: Double
    /// Whether the area is inside the local authority's boundary (default true).
    public var insideLA: Bool
    /// Real postcodes in the area (`LE9 7TH`), used as HOME_POST and PL_POST when a replication is
    /// written out as SSDA903 files (default none).
    public var postcodes: [String]

    enum CodingKeys: String, CodingKey, CaseIterable { case name, easting, northing, insideLA, postcodes }

    public init(name: String, easting: Double, northing: Double, insideLA: Bool = true, postcodes: [String] = []) {
        self.name = name; self.easting = easting; self.northing = northing; self.insideLA = insideLA; self.postcodes = postcodes
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        name = try read(.name, default: "")
        easting = try read(.easting, default: 0)
        northing = try read(.northing, default: 0)
        insideLA = try read(.insideLA, default: true)
        postcodes = try read(.postcodes, default: [])
    }

    /// Whether `text` has the shape of a UK postcode: an outward code (`LE9`, `LE67`, `SW1A`), a
    /// space, and an inward code of a digit and two letters (`7TH`).
    public static func isPostcode(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let outward = Array(parts[0]), inward = Array(parts[1])
        guard (2...4).contains(outward.count), inward.count == 3 else { return false }
        let letters = outward.prefix { $0.isASCII && $0.isUppercase }
        guard (1...2).contains(letters.count), outward[letters.count].isASCII, outward[letters.count].isNumber else { return false }
        guard outward.dropFirst(letters.count).allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        return inward[0].isASCII && inward[0].isNumber && inward.dropFirst().allSatisfy { $0.isASCII && $0.isUppercase }
    }
}
