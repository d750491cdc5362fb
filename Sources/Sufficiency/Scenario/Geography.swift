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

    enum CodingKeys: String, CodingKey, CaseIterable { case name, easting, northing, insideLA }

    public init(name: String, easting: Double, northing: Double, insideLA: Bool = true) {
        self.name = name; self.easting = easting; self.northing = northing; self.insideLA = insideLA
    }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        name = try read(.name, default: "")
        easting = try read(.easting, default: 0)
        northing = try read(.northing, default: 0)
        insideLA = try read(.insideLA, default: true)
    }
}
