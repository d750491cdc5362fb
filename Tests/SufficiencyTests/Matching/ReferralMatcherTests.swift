import Testing
@testable import Sufficiency

struct ReferralMatcherTests {
    private func vacancy(_ id: String, _ kind: PlacementKind, places: Int, ages: ClosedRange<Double> = 0...18, needs: [String] = ["standard"],
                         cost: Double = 700, easting: Double = 450_000) -> Vacancy {
        Vacancy(id: id, kind: kind, provider: id, easting: easting, northing: 300_000, freePlaces: places, minAge: ages.lowerBound,
                maxAge: ages.upperBound, needs: needs, weeklyCost: cost)
    }

    @Test func siblingsStayTogetherWhereAHouseholdHasRoom() {
        let referrals = [Referral(id: "a", age: 4, need: "standard", homeEasting: 450_000, homeNorthing: 300_000, siblingGroup: "g"),
                         Referral(id: "b", age: 6, need: "standard", homeEasting: 450_000, homeNorthing: 300_000, siblingGroup: "g")]
        // Two cheap single places, and one dearer household with room for both.
        let vacancies = [vacancy("single1", .inHouseFoster, places: 1), vacancy("single2", .inHouseFoster, places: 1),
                         vacancy("pair", .agencyFoster, places: 2, cost: 950)]
        let result = ReferralMatcher(policy: Scenario.defaults.matching).match(referrals, vacancies)
        #expect(result.placements.map(\.vacancy) == ["pair", "pair"])
        #expect(result.placements.allSatisfy { !$0.splitFromSiblings })
    }

    @Test func siblingsAreSplitAtThePenaltyOnlyWhenNoPlaceTakesThemTogether() {
        let referrals = [Referral(id: "a", age: 4, need: "standard", homeEasting: 450_000, homeNorthing: 300_000, siblingGroup: "g"),
                         Referral(id: "b", age: 6, need: "standard", homeEasting: 450_000, homeNorthing: 300_000, siblingGroup: "g")]
        let vacancies = [vacancy("one", .inHouseFoster, places: 1), vacancy("two", .inHouseFoster, places: 1)]
        let result = ReferralMatcher(policy: Scenario.defaults.matching).match(referrals, vacancies)
        #expect(result.placements.count == 2)
        #expect(result.placements.allSatisfy { $0.splitFromSiblings })
        #expect(result.placements[0].terms.contains { $0.name == "siblings apart" && $0.amount == 1_500 })
        var strict = Scenario.defaults.matching
        strict.allowSiblingSplit = false
        let kept = ReferralMatcher(policy: strict).match(referrals, vacancies)
        #expect(kept.placements.isEmpty)
        #expect(kept.unmatched.first?.exclusions.first?.reasons.map(\.reason) == ["siblings"])
    }

    @Test func costTermsSumToTheCostAndFavourNearInHousePlaces() {
        let referral = Referral(id: "c", age: 9, need: "standard", homeEasting: 450_000, homeNorthing: 300_000)
        let far = vacancy("far", .inHouseFoster, places: 1, easting: 490_000)  // 24.9 miles
        let near = vacancy("near", .agencyFoster, places: 1, cost: 800, easting: 452_000)
        let result = ReferralMatcher(policy: Scenario.defaults.matching).match([referral], [far, near])
        let placed = try! #require(result.placements.first)
        // far: 700 + 249 + 500 - 150 = 1299; near: 800 + 12 = 812.
        #expect(placed.vacancy == "near")
        #expect(placed.miles == 1.2)
        #expect(placed.cost == 812)
    }

    @Test func anUnmatchedChildIsToldWhatRuledEachTypeOut() {
        let referral = Referral(id: "d", age: 15, need: "complex", homeEasting: 450_000, homeNorthing: 300_000)
        let vacancies = [vacancy("young", .inHouseFoster, places: 1, ages: 0...11), vacancy("ifa", .agencyFoster, places: 1)]
        let result = ReferralMatcher(policy: Scenario.defaults.matching).match([referral], vacancies)
        #expect(result.unmatched == [ReferralMatcher.Unmatched(child: "d", exclusions: [
            .init(kind: .inHouseFoster, reasons: [("age", 1)]), .init(kind: .agencyFoster, reasons: [("need", 1)]),
        ])])
    }
}
