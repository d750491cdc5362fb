import Foundation
import Testing
@testable import Sufficiency

/// A child's age band comes from a table by age in days; it must say what the bands' limits say.
struct AgeBandTests {
    @Test func theBandOfEachAgeIsTheOneItsLimitsGive() throws {
        let model = try shippedScenario("baseline")
        let upper = model.ageBandUpperDays
        #expect(upper.count == 5)
        for age in -3 ... upper[upper.count - 1] + 400 {
            // The first band whose upper limit is above the age; the last band for anyone older.
            let expected = upper.firstIndex { age < $0 } ?? upper.count - 1
            #expect(model.band(ageDays: age) == expected, "age \(age) days")
        }
    }
}
