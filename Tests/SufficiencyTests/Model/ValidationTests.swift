import Testing
@testable import Sufficiency

/// Every invalid value is reported with its field path, what was expected and what was found.
struct ValidationTests {
    @Test func aNegativeRateNamesItsField() throws {
        #expect(try problems(#"{"supply": {"inHouseFoster": {"deregistrationRatePerYear": -3}}}"#)
                == ["supply.inHouseFoster.deregistrationRatePerYear: must be a number from 0 to 365, got -3"])
    }

    @Test func probabilitiesMustSumToOne() throws {
        let found = try problems(#"{"exits": {"byAgeBand": {"16to17": [{"route": "returnHome", "probability": 0.5, "duration": {"kind": "fixed", "value": 1}}]}}}"#)
        #expect(found.contains("exits.byAgeBand.16to17: route probabilities must sum to 1 (within 1e-9), got 0.5"))
        // The file's map replaced the default one, so the other bands are missing, and said to be.
        #expect(found.contains("exits.byAgeBand: missing the exit routes of age band 'under1'"))
    }

    @Test func gappedAndOverlappingAgeBandsAreErrors() throws {
        let gap = try problems(#"{"ageBands": [{"name": "young", "from": 0, "to": 10}, {"name": "old", "from": 11, "to": 18}]}"#)
        #expect(gap.contains("ageBands[1].from: bands must not leave gaps: the previous band ends at 10, this one starts at 11"))
        let overlap = try problems(#"{"ageBands": [{"name": "young", "from": 0, "to": 10}, {"name": "old", "from": 9, "to": 18}]}"#)
        #expect(overlap.contains("ageBands[1].from: bands must not overlap: the previous band ends at 10, this one starts at 9"))
    }

    @Test func unknownPlacementTypesAndAreasAreNamed() throws {
        let found = try problems(#"{"initialChildren": {"byPlacementType": {"agencyFostr": 470}}, "geography": {"homeAreaMix": {"nowhere": 1}}}"#)
        #expect(found.contains { $0.hasPrefix("initialChildren.byPlacementType.agencyFostr: unknown placement type 'agencyFostr' (did you mean 'agencyFoster'?)") })
        #expect(found.contains { $0.hasPrefix("geography.homeAreaMix.nowhere: unknown area 'nowhere'") })
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let found = try problems(#"{"entries": {"trendPerYear": -2, "kinshipAvailable": 1.5}, "matching": {"roundEveryDays": 0, "batchSize": 0}}"#)
        #expect(found.contains("entries.trendPerYear: must be a number from -0.9 to 2, got -2"))
        #expect(found.contains("entries.kinshipAvailable: must be a probability from 0 to 1, got 1.5"))
        #expect(found.contains("matching.roundEveryDays: must be a whole number from 1 to 365, got 0"))
        #expect(found.contains("matching.batchSize: must be a whole number from 1 to 1000000, got 0"))
    }

    @Test func moreInHouseChildrenThanPlacesIsAnError() throws {
        let found = try problems(#"{"supply": {"inHouseFoster": {"households": [{"area": "central", "count": 2, "places": 2}]}}}"#)
        #expect(found.contains("initialChildren.byPlacementType.inHouseFoster: 121 children, but the in-house households have only 4 places"))
    }

    @Test func aBadDateIsAnError() throws {
        #expect(try problems(#"{"time": {"startDate": "2025-02-30"}}"#) == ["time.startDate: expected a date as YYYY-MM-DD, found '2025-02-30'"])
    }
}

struct FieldPathTests {
    @Test func arrayPositionsReadAsBrackets() throws {
        let found = try problems(#"{"ageBands": [{"name": "a", "from": 0, "to": 5}, {"name": "b", "from": 5, "to": 18}, {"name": "c", "from": "x", "to": 18}]}"#)
        #expect(found.contains { $0.contains("ageBands[2].from") }, "\(found)")
        #expect(!found.contains { $0.contains("Index") })
    }
}

struct StructuralProblemTests {
    @Test func noAgeBandsOrNeedsIsAnErrorNotACrash() throws {
        #expect(try problems(#"{"ageBands": []}"#).contains("ageBands: expected at least one age band, found none"))
        #expect(try problems(#"{"needs": []}"#).contains { $0.hasPrefix("needs: expected a list") })
        #expect(try problems(#"{"ageBands": [{"name": "all", "from": 0, "to": 12}]}"#).contains("ageBands[0].to: the last band must end at age 18, found 12"))
    }
}
