import Testing
@testable import Sufficiency

/// A round offers places only to units with a child due reconsideration. That must be a pure
/// saving: every replication gives exactly the results it gives when every waiting unit is offered
/// places in every round, across policies that change who competes (siblings kept together or
/// split, kin first or on cost, step-downs) and supply that keeps children waiting.
struct ReconsiderationTests {
    @Test(arguments: ["baseline", "ifa-market-tightens", "step-down", "unitary-2015"], [false, true])
    func offeringOnlyUnitsDueChangesNothing(name: String, variant: Bool) throws {
        var scenario = try shippedScenario(name).scenario
        if variant {
            scenario.matching.allowSiblingSplit = false
            scenario.matching.kinshipFirst = false
        }
        let model = try ScenarioModel(validating: scenario, file: name)
        let catalog = MetricCatalog(model: model)
        var skipped = 0
        for index in 0..<6 {
            let everyRound = Replication(model: model, catalog: catalog, seed: 5, index: index)
            everyRound.offerEveryRound = true
            let dueOnly = Replication(model: model, catalog: catalog, seed: 5, index: index)
            let same = dueOnly.run() == everyRound.run()
            #expect(same, "\(name) replication \(index) differs")
            skipped += everyRound.matching.rowsOffered - dueOnly.matching.rowsOffered
        }
        #expect(skipped > 0, "\(name): no round left a unit out, so the comparison tested nothing")
    }
}
