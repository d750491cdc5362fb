import Testing
@testable import Sufficiency

struct DemandTests {
    @Test func theStartingProfileIsExpandedExactly() throws {
        let model = try ScenarioModel(validating: .defaults, file: "defaults")
        let (children, _) = DemandGenerator(model: model, seed: 3, replication: 0).generate()
        let initial = children.filter { $0.entryDay == 0 && $0.kind != nil }
        var byBand = [Int](repeating: 0, count: model.ageBandNames.count)
        var byKind = [Int](repeating: 0, count: PlacementKind.allCases.count)
        for child in initial {
            byBand[model.band(ageDays: -child.birthDay)] += 1
            byKind[child.kind!.index] += 1
        }
        #expect(byBand == model.initialByBand)
        #expect(byKind == model.initialByKind)
        // Placement types with an age limit go to children old enough.
        #expect(initial.filter { $0.kind == .supportedAccommodation }.allSatisfy { -$0.birthDay >= 16 * 365 })
    }

    @Test func everyoneLeavesCareByTheirEighteenthBirthday() throws {
        let model = try ScenarioModel(validating: .defaults, file: "defaults")
        let (children, _) = DemandGenerator(model: model, seed: 4, replication: 2).generate()
        #expect(children.allSatisfy { $0.exitDay <= $0.birthDay + model.ageBandUpperDays.last! })
        #expect(children.allSatisfy { $0.exitDay > $0.entryDay })
    }
}
