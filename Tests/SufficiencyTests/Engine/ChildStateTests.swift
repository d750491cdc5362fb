import Testing
@testable import Sufficiency

/// A child is stored compactly behind whole-number properties: every value the engine uses comes
/// back as it was set, "never" stays never, and the whole fits in 64 bytes.
struct ChildStateTests {
    @Test func valuesComeBackAsSet() {
        var child = ChildState(birthDay: -6_000, homeArea: 120, group: -1, entryDay: 1_825, careStartDay: -400, exitDay: 8_000,
                               need: 4, route: 3, sought: 2, staysPut: true, kinshipAvailable: false)
        #expect(child.birthDay == -6_000 && child.need == 4 && child.homeArea == 120 && child.group == -1)
        #expect(child.entryDay == 1_825 && child.careStartDay == -400 && child.exitDay == 8_000 && child.route == 3 && child.sought == 2)
        #expect(child.provider == -1 && child.reconsiderFrom == 0)
        child.provider = 250_000
        child.placementStart = 1_900
        child.placementsInYear += 2
        child.sought = 5
        #expect(child.provider == 250_000 && child.placementStart == 1_900 && child.placementsInYear == 2 && child.sought == 5)
        child.reconsiderFrom = Int.max
        #expect(child.reconsiderFrom == Int.max)
        child.reconsiderFrom = 1_826
        #expect(child.reconsiderFrom == 1_826)
        #expect(MemoryLayout<ChildState>.stride <= 64)
    }
}
