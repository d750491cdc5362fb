import Testing
@testable import Sufficiency

/// The index of free in-house places stays true to the households and homes as places open and
/// close: after thousands of placements, breakdowns, approvals and deregistrations, every place
/// it lists is free and suits its class, every free place is listed once, and exactly the classes
/// with a place listed are marked as having room.
struct FreePlacesTests {
    @Test(arguments: ["baseline", "recruit-20", "unitary-2015"])
    func theIndexListsExactlyTheFreePlacesAtTheEnd(name: String) throws {
        let model = try shippedScenario(name)
        for index in 0..<3 {
            let replication = Replication(model: model, catalog: MetricCatalog(model: model), seed: 11, index: index)
            _ = replication.run()
            let index = replication.freePlaces
            var listedHouseholds: [Int] = [], listedHomes: [Int] = []
            for (k, key) in index.keys.enumerated() {
                #expect((index.withRoom[k >> 6] >> UInt64(k & 63)) & 1 == (index.members[k].isEmpty ? 0 : 1), "\(name): class \(k)'s room bit is wrong")
                for provider in index.members[k] {
                    if key.kind == .inHouseFoster {
                        let h = replication.households[provider]
                        #expect(h.active && !h.closing && h.availableFrom <= replication.today, "\(name): household \(provider) listed but not open")
                        #expect(h.freePlaces == key.free && h.approval.area == key.area && h.approval.needs == key.needs
                                && h.approval.minAgeDays == key.minAgeDays && h.approval.maxAgeDays == key.maxAgeDays
                                && h.approval.siblingCapacity == key.siblingCapacity, "\(name): household \(provider) in the wrong class")
                        listedHouseholds.append(provider)
                    } else {
                        let home = replication.homes[provider]
                        #expect(key.kind == .inHouseResidential && home.beds - home.occupants == key.free && home.area == key.area)
                        listedHomes.append(provider)
                    }
                }
            }
            let open = replication.households.indices.filter {
                let h = replication.households[$0]
                return h.active && !h.closing && h.availableFrom <= replication.today && h.freePlaces > 0
            }
            #expect(listedHouseholds.sorted() == open, "\(name): listed households differ from the free ones")
            #expect(listedHomes.sorted() == replication.homes.indices.filter { replication.homes[$0].occupants < replication.homes[$0].beds })
            #expect(!open.isEmpty || name != "recruit-20", "recruit-20 should end with some free household")
        }
    }
}
