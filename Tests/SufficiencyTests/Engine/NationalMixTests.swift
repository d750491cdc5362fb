import Testing
@testable import Sufficiency

/// The shipped baseline is the national picture of 31 March 2024 and holds it:
/// nothing changes, so nothing should drift.
struct NationalMixTests {
    static let result = MonteCarloRunner.run(try! shippedScenario("baseline"),
                                             replications: 60, seed: 20_250_401)

    static func mean(_ name: String, _ snapshot: Int) -> Double {
        let values = result.monthlyValues(result.catalog.monthlyIndex(name)!, snapshot: snapshot)
        return values.reduce(0, +) / Double(values.count)
    }

    @Test func thePlacementMixStaysWithinThreePointsOfTheNationalMixEveryMonth() {
        // DfE, children looked after at 31 March 2024: foster care 67% (kinship 16% of all),
        // children's homes 10%, supported 7%, placed with parents 6%, placed for adoption 2%,
        // other 5% (here: other placements and emergency ones).
        let national: [(String, [String], Double)] = [
            ("foster care", ["kinship", "inHouseFoster", "agencyFoster"], 0.67), ("kinship", ["kinship"], 0.16),
            ("children's homes", ["inHouseResidential", "externalResidential"], 0.10), ("supported", ["supportedAccommodation"], 0.07),
            ("with parents", ["placedWithParents"], 0.06), ("for adoption", ["placedForAdoption"], 0.02), ("other", ["other", "emergency"], 0.05),
        ]
        for snapshot in 0..<Self.result.snapshotDates.count {
            let total = Self.mean("childrenLookedAfter", snapshot)
            for (name, kinds, share) in national {
                let simulated = kinds.map { Self.mean("\($0)Placements", snapshot) }.reduce(0, +) / total
                #expect(abs(simulated - share) <= 0.03, "\(name) in \(Self.result.snapshotDates[snapshot]): \(simulated), national \(share)")
            }
        }
    }

    @Test func exitRoutesStayWithinFivePointsOfTheNationalShares() {
        // DfE 2024 leavers: returned home 20%, adopted 9%, special guardianship 11%, ceased on the
        // 18th birthday 39%, other 21%.
        let national = ["returnHome": 0.20, "adoption": 0.09, "specialGuardianship": 0.11, "age18": 0.39, "other": 0.21]
        func total(_ name: String) -> Double {
            let metric = Self.result.catalog.financialIndex(name)!
            return (0..<Self.result.financialYears.count).flatMap { Self.result.financialValues(metric, year: $0) }.reduce(0, +)
        }
        let exits = total("exits")
        for (route, share) in national {
            let simulated = total("exitsByRoute.\(route)") / exits
            #expect(abs(simulated - share) <= 0.05, "\(route): \(simulated), national \(share)")
        }
    }

    @Test func childrenInCareHoldWithinFivePercent() {
        let start = Self.mean("childrenLookedAfter", 0)
        for snapshot in 0..<Self.result.snapshotDates.count {
            #expect(abs(Self.mean("childrenLookedAfter", snapshot) / start - 1) <= 0.05)
        }
    }
}
