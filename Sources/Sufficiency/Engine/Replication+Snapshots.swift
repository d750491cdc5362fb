/// The monthly snapshot: levels of every monthly metric at the start of the day.
extension Replication {
    /// Records snapshot `snapshot` (an index into the model's snapshot days).
    func recordSnapshot(_ snapshot: Int) {
        var inCare = 0, waitingCount = 0, stayingPut = 0, withDistance = 0, over20 = 0, outside = 0, substitutes = 0
        var weekly = 0.0
        var byKind = [Int](repeating: 0, count: PlacementKind.allCases.count)
        var byBand = [Int](repeating: 0, count: model.ageBandNames.count)
        var byNeed = [Int](repeating: 0, count: model.needNames.count)
        let inflation = model.inflationFactor(financialYear: year)
        for c in present {
            let child = children[c]
            if child.status == .stayingPut {
                stayingPut += 1
                weekly += model.stayingPutWeeklyCost * inflation
                continue
            }
            inCare += 1
            let kind = child.kind ?? .emergency
            byKind[kind.index] += 1
            let band = model.band(ageDays: today - child.birthDay)
            byBand[band] += 1
            byNeed[child.need] += 1
            if child.isWaiting { waitingCount += 1 }
            if let need = kind.need, need.index != child.sought { substitutes += 1 }
            weekly += model.weeklyCost(kind: kind.index, band: band) * inflation
            // Distances are known for every placement but emergency ones and adopters' homes.
            if kind != .emergency && kind != .placedForAdoption {
                withDistance += 1
                if child.miles > 20 { over20 += 1 }
                if child.outsideLA { outside += 1 }
            }
        }
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
