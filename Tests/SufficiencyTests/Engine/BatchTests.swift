import Testing
@testable import Sufficiency

/// A matching round takes its waiting units in batches of at most `matching.batchSize`, in order,
/// each batch solved at least cost with what the batches before it left.
struct BatchTests {
    private func replication(_ name: String, scaledBy k: Int = 1, batchSize: Int, index: Int) throws -> Replication {
        var scenario = try shippedScenario(name).scenario.scaled(by: k)
        scenario.matching.batchSize = batchSize
        let model = try ScenarioModel(validating: scenario, file: name)
        return Replication(model: model, catalog: MetricCatalog(model: model), seed: 5, index: index)
    }

    /// The default batch is larger than any round of a council's size, so such a run is the same
    /// as one solve a round: the same solves, the same results.
    @Test(arguments: ["baseline", "step-down", "unitary-2015"])
    func councilRoundsAreOneSolve(name: String) throws {
        let batchSize = Scenario.defaults.matching.batchSize
        for index in 0..<4 {
            let batched = try replication(name, batchSize: batchSize, index: index)
            let whole = try replication(name, batchSize: ScenarioLimits.batchSize.upperBound, index: index)
            #expect(batched.run() == whole.run(), "\(name) replication \(index)")
            #expect(batched.matching.solves == whole.matching.solves)
            #expect(batched.matching.rowsOffered > 0)
        }
    }

    /// At national scale rounds hold hundreds of units: small batches solve more often, and the
    /// outcome differs from one solve a round (earlier units choose first), while a batch of one
    /// solves every unit on its own.
    @Test func crowdedRoundsAreSolvedInBatches() throws {
        let whole = try replication("baseline", scaledBy: 16, batchSize: ScenarioLimits.batchSize.upperBound, index: 0)
        let batched = try replication("baseline", scaledBy: 16, batchSize: 4, index: 0)
        let differs = whole.run() != batched.run()
        #expect(batched.matching.solves > whole.matching.solves)
        #expect(differs, "batches of 4 should change some assignment in crowded rounds")

        let single = try replication("baseline", scaledBy: 4, batchSize: 1, index: 0)
        _ = single.run()
        #expect(single.matching.solves == single.matching.rowsOffered)
        #expect(single.matching.solves > 0)
    }
}
