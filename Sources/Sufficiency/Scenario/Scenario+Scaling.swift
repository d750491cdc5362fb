/// A council of another size with the same shape.
extension Scenario {
    /// The scenario with its children (in care at the start and entering) and its supply
    /// (households, homes, market places) multiplied by `factor`: the same council `factor`
    /// times over, for round trips that need larger samples and for measuring speed at scale.
    public func scaled(by factor: Int) -> Scenario {
        guard factor != 1 else { return self }
        var s = self
        s.entries.ratePerYear = s.entries.ratePerYear.mapValues { $0 * Double(factor) }
        s.initialChildren.byAgeBand = s.initialChildren.byAgeBand.mapValues { $0 * factor }
        s.initialChildren.byPlacementType = s.initialChildren.byPlacementType.mapValues { $0 * factor }
        s.initialChildren.children = s.initialChildren.children.map { list in Array((0..<factor).map { _ in list }.joined()) }
        s.supply.inHouseFoster.households = s.supply.inHouseFoster.households.map { var h = $0; h.count *= factor; return h }
        s.supply.inHouseFoster.approvalsPerYear = s.supply.inHouseFoster.approvalsPerYear.map { $0 * Double(factor) }
        s.supply.inHouseResidential.homes = s.supply.inHouseResidential.homes.flatMap { Array(repeating: $0, count: factor) }
        s.supply.markets.agencyFoster.capacity *= factor
        s.supply.markets.externalResidential.capacity *= factor
        s.supply.markets.supportedAccommodation.capacity *= factor
        return s
    }
}
