import Testing
@testable import Sufficiency

/// Step-downs look only at the children the engine lists as in residential care, so the list must
/// hold exactly those children whatever happened to them: entry, placement, breakdown, planned
/// move, final placement, leaving care.
struct StepDownCandidatesTests {
    @Test func theResidentialListHoldsExactlyTheChildrenInResidentialCare() throws {
        let model = try shippedScenario("step-down")
        let catalog = MetricCatalog(model: model)
        var listed = 0
        for index in 0..<4 {
            let replication = Replication(model: model, catalog: catalog, seed: 3, index: index)
            _ = replication.run()
            let inResidentialCare = replication.children.indices.filter { replication.children[$0].kind?.isResidential ?? false }
            #expect(replication.residential.sorted() == inResidentialCare, "replication \(index)")
            listed += inResidentialCare.count
        }
        #expect(listed > 0)
    }
}
