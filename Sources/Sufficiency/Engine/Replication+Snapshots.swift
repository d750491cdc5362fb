/// The monthly snapshot: levels of every monthly metric at the start of the day.
extension Replication {
    /// Each kind's `PlacementNeed` index, or -1 for an emergency placement, which meets none.
    private static let needIndexOfKind = PlacementKind.allCases.map { $0.need?.index ?? -1 }

    /// Records snapshot `snapshot` (an index into the model's snapshot days).
    func recordSnapshot(_ snapshot: Int) {
        var inCare = 0, waitingCount = 0, stayingPut = 0, withDistance = 0, over20 = 0, outside = 0, substitutes = 0
        var weekly = 0.0
        // Counts by kind, then by band, then by need, in one buffer written in place.
        let kinds = PlacementKind.allCases.count, bands = model.ageBandNames.count
        var counts = [Int](repeating: 0, count: kinds + bands + model.needNames.count)
        let inflation = model.inflationFactor(financialYear: year)
        let needOfKind = Self.needIndexOfKind
        let emergency = PlacementKind.emergency.index, adoption = PlacementKind.placedForAdoption.index
        // Each child's fields read in place: this loop visits every child present every month.
        children.withUnsafeBufferPointer { kids in
            counts.withUnsafeMutableBufferPointer { counts in
                present.forEachChild { c in
                    if kids[c].status == .stayingPut {
                        stayingPut += 1
                        weekly += model.stayingPutWeeklyCost * inflation
                        return
                    }
                    inCare += 1
                    let kind = (kids[c].kind ?? .emergency).index
                    counts[kind] += 1
                    let band = model.band(ageDays: today - kids[c].birthDay)
                    counts[kinds + band] += 1
                    counts[kinds + bands + kids[c].need] += 1
                    if kids[c].isWaiting { waitingCount += 1 }
                    if needOfKind[kind] >= 0 && needOfKind[kind] != kids[c].sought { substitutes += 1 }
                    weekly += model.weeklyCost(kind: kind, band: band) * inflation
                    // Distances are known for every placement but emergency ones and adopters' homes.
                    if kind != emergency && kind != adoption {
                        withDistance += 1
                        if kids[c].miles > 20 { over20 += 1 }
                        if kids[c].outsideLA { outside += 1 }
                    }
                }
            }
        }
        let byKind = counts[..<kinds], byBand = counts[kinds ..< kinds + bands], byNeed = counts[(kinds + bands)...]
        var households = 0, approvedPlaces = 0, occupied = 0
        for household in self.households where household.active && household.availableFrom <= today {
            households += 1
            occupied += household.occupants
            approvedPlaces += household.approval.places  // a deregistering household's places count until it leaves
        }
        func set(_ metric: Int, _ value: Double) { result.set(monthly: metric, snapshot: snapshot, value) }
        set(MetricCatalog.childrenLookedAfter, Double(inCare))
        set(MetricCatalog.childrenWaiting, Double(waitingCount))
        set(MetricCatalog.residentialPlacements, Double(byKind[PlacementKind.inHouseResidential.index] + byKind[PlacementKind.externalResidential.index]))
        set(MetricCatalog.shareOver20Miles, withDistance > 0 ? Double(over20) / Double(withDistance) : 0)
        set(MetricCatalog.shareOutsideLA, withDistance > 0 ? Double(outside) / Double(withDistance) : 0)
        set(MetricCatalog.weeklyCost, weekly)
        set(MetricCatalog.inHouseHouseholds, Double(households))
        set(MetricCatalog.inHouseApprovedPlaces, Double(approvedPlaces))
        set(MetricCatalog.inHouseOccupiedPlaces, Double(occupied))
        set(MetricCatalog.inHouseOccupancy, approvedPlaces > 0 ? Double(occupied) / Double(approvedPlaces) : 0)
        set(MetricCatalog.stayingPut, Double(stayingPut))
        set(MetricCatalog.substitutePlacements, Double(substitutes))
        for (k, count) in byKind.enumerated() { set(catalog.kindMonthly + k, Double(count)) }
        for (b, count) in byBand.enumerated() { set(catalog.bandMonthly + b, Double(count)) }
        for (n, count) in byNeed.enumerated() { set(catalog.needMonthly + n, Double(count)) }
    }
}
