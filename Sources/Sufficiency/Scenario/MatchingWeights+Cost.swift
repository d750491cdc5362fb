/// The cost of one child in one place under the matching weights: shared by the simulation's
/// matching rounds and by the placement team's `match`, so both decide alike.
extension MatchingWeights {
    /// The pairing's cost.
    @inline(__always)
    public func cost(weeklyPrice: Double, miles: Double, inHouse: Bool, insideLA: Bool) -> Double {
        var cost = weeklyCost * weeklyPrice + perMile * miles
        if miles > 20 { cost += over20Miles }
        if inHouse { cost -= inHouseBonus }
        if insideLA { cost -= inAreaBonus }
        return cost
    }

    /// The same cost as named terms, for explanations.
    public func terms(weeklyPrice: Double, miles: Double, inHouse: Bool, insideLA: Bool) -> [(term: String, amount: Double)] {
        var terms: [(String, Double)] = [("weekly price", weeklyCost * weeklyPrice), ("distance", perMile * miles)]
        if miles > 20 { terms.append(("over 20 miles", over20Miles)) }
        if inHouse { terms.append(("in-house", -inHouseBonus)) }
        if insideLA { terms.append(("inside the LA", -inAreaBonus)) }
        return terms
    }

    /// Straight-line miles between two grid references to one decimal: the DfE measure.
    public static func miles(eastingA: Double, northingA: Double, eastingB: Double, northingB: Double) -> Double {
        let dE = eastingA - eastingB, dN = northingA - northingB
        return ((dE * dE + dN * dN).squareRoot() / 1000 / 1.6093 * 10).rounded() / 10
    }
}
