import Testing
@testable import Sufficiency

struct DeterminismTests {
    private let model = try! shippedScenario("baseline")

    @Test func theSameSeedGivesTheSameNumbersOnOneThreadOrTwo() {
        let one = MonteCarloRunner.run(model, replications: 6, seed: 11, threads: 1)
        let two = MonteCarloRunner.run(model, replications: 6, seed: 11, threads: 2)
        let again = MonteCarloRunner.run(model, replications: 6, seed: 11, threads: 2)
        #expect(one.replications == two.replications)
        #expect(two.replications == again.replications)
    }

    @Test func anotherSeedGivesOtherNumbers() {
        let a = MonteCarloRunner.run(model, replications: 3, seed: 11)
        let b = MonteCarloRunner.run(model, replications: 3, seed: 12)
        #expect(a.replications != b.replications)
    }

    @Test func replicationsOfOneRunDiffer() {
        let run = MonteCarloRunner.run(model, replications: 2, seed: 11)
        #expect(run.replications[0] != run.replications[1])
    }
}
