import Foundation
import Sufficiency

/// Areas, distances and where places are, from HOME_POST and PL_POST with a postcode lookup.
///
/// The council is the local authority of most children's homes. Its areas are the postcode
/// districts (`LE9`) holding at least 10 children's homes and 5% of them (smaller districts join
/// the nearest); outside it, placements fall into three areas by distance from its centre: within
/// 20 miles, 20 to 50, over 50 (each kept where it holds 5 placements or more). An area's grid
/// reference is the mean of the postcodes in it (an aggregate of 5 or more); its `postcodes` are
/// the four postcodes of the lookup nearest that point, never a child's.
struct CalibratedGeography {
    var geography: Geography
    /// For each placement type, where its placements were on the as-at date (area -> share).
    var locations: [PlacementKind: [String: Double]]

    init?(data: CalibrationData, lookup: PostcodeLookup, report: inout Report) {
        let asAt = data.options.asAt
        var homes: [PostcodeLookup.Place] = [], entrantHomes: [PostcodeLookup.Place] = []
        var placed: [(kind: PlacementKind, home: PostcodeLookup.Place?, place: PostcodeLookup.Place)] = []
        var unknown = 0
        for child in data.history.children {
            if let placement = child.placement(on: asAt) {
                let home = lookup.place(placement.homePostcode)
                if let home { homes.append(home) }
                if let place = lookup.place(placement.placementPostcode) {
                    placed.append((CalibrationData.kind(placement.category), home, place))
                } else if !placement.placementPostcode.isEmpty { unknown += 1 }
            }
            for period in child.periods where period.startObserved && data.window.contains(period.start) {
                if let first = period.placements.first, let home = lookup.place(first.homePostcode) { entrantHomes.append(home) }
            }
        }
        let authorities = homes.reduce(into: [String: Int]()) { $0[$1.authority, default: 0] += 1 }
        guard let council = authorities.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        let inside = homes.filter { $0.authority == council }

        // Inside areas: postcode districts with enough homes.
        var byDistrict = [String: [PostcodeLookup.Place]]()
        for home in inside { byDistrict[String(home.postcode.split(separator: " ")[0]), default: []].append(home) }
        let threshold = max(10, Int((Double(inside.count) * 0.05).rounded(.up)))
        var areas: [(name: String, places: [PostcodeLookup.Place], insideLA: Bool)] = byDistrict
            .filter { $0.value.count >= threshold }.sorted { $0.key < $1.key }.map { ($0.key, $0.value, true) }
        if areas.isEmpty { areas = [("inside", inside, true)] }
        func centre(_ places: [PostcodeLookup.Place]) -> (Double, Double) {
            (places.map(\.easting).reduce(0, +) / Double(places.count), places.map(\.northing).reduce(0, +) / Double(places.count))
        }
        for places in byDistrict.values where places.count < threshold {
            let (e, n) = centre(places)
            let nearest = areas.indices.min { Self.miles(centre(areas[$0].places), (e, n)) < Self.miles(centre(areas[$1].places), (e, n)) }!
            areas[nearest].places += places
        }
        let middle = centre(inside.isEmpty ? homes : inside)

        // Outside areas by distance from the council's centre.
        let bands: [(String, Double, Double)] = [("outside within 20 miles", 0, 20), ("outside 20-50 miles", 20, 50), ("outside over 50 miles", 50, .infinity)]
        let outside = placed.map(\.place).filter { $0.authority != council }
        for (name, low, high) in bands {
            let members = outside.filter { let d = Self.miles(middle, ($0.easting, $0.northing)); return d >= low && d < high }
            if members.count >= 5 { areas.append((name, members, false)) }
        }

        // Each area's point, and real postcodes near it from the lookup.
        let candidates = Array(lookup.all)
        var geographyAreas: [Area] = []
        for area in areas {
            let (e, n) = centre(area.places)
            let near = candidates.filter { ($0.authority == council) == area.insideLA }
                .map { ($0, Self.miles((e, n), ($0.easting, $0.northing))) }.sorted { ($0.1, $0.0.postcode) < ($1.1, $1.0.postcode) }
                .prefix(4).map(\.0.postcode)
            geographyAreas.append(Area(name: area.name, easting: (e / 10).rounded() * 10, northing: (n / 10).rounded() * 10,
                                       insideLA: area.insideLA, postcodes: Array(near)))
        }
        func nearest(_ place: PostcodeLookup.Place, insideOnly: Bool = false) -> String {
            geographyAreas.filter { !insideOnly || $0.insideLA }.min {
                Self.miles(($0.easting, $0.northing), (place.easting, place.northing)) < Self.miles(($1.easting, $1.northing), (place.easting, place.northing))
            }!.name
        }
        let homeCounts = (entrantHomes.isEmpty ? inside : entrantHomes.filter { $0.authority == council }).reduce(into: [String: Int]()) {
            $0[nearest($1, insideOnly: true), default: 0] += 1
        }
        geography = Geography(areas: geographyAreas, homeAreaMix: homeCounts.isEmpty ? nil : CalibrationData.shares(homeCounts),
                              source: "Calibrated from \(data.options.dataName) with the postcode lookup: council \(council) (the local authority of most children's homes); areas as postcode districts of children's homes inside it and distance bands of placements outside it, each at the mean grid reference of its postcodes (5 or more); area postcodes the lookup's nearest to that point; entrants' homes by area, \(data.period).")
        var byKind = [PlacementKind: [String: Int]]()
        for p in placed { byKind[p.kind, default: [:]][nearest(p.place), default: 0] += 1 }
        locations = byKind.mapValues(CalibrationData.shares)

        // Distances, the DfE way, for the report.
        let measured = placed.filter { $0.home != nil && $0.kind != .placedForAdoption }
        let over20 = measured.filter { Self.miles(($0.home!.easting, $0.home!.northing), ($0.place.easting, $0.place.northing)) > 20 }.count
        let outsideLA = placed.filter { $0.place.authority != council }.count
        report.section("Geography", geography.source!)
        report.table(["area", "inside the LA", "easting", "northing", "postcodes"], geographyAreas.map {
            [$0.name, $0.insideLA ? "yes" : "no", String(format: "%.0f", $0.easting), String(format: "%.0f", $0.northing), $0.postcodes.joined(separator: ", ")]
        })
        report.line("On \(format903Date(asAt)): \(CalibrationData.percent(over20, of: measured.count)) of placements more than 20 miles from home (straight line between postcode grid references, as the DfE measures it; placements for adoption left out); \(CalibrationData.percent(outsideLA, of: placed.count)) outside the council's area. \(unknown) placement postcodes were not in the lookup.")
    }

    /// Straight-line miles between grid references, to one decimal (the DfE measure).
    static func miles(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        MatchingWeights.miles(eastingA: a.0, northingA: a.1, eastingB: b.0, northingB: b.1)
    }
}
