import Foundation
import Testing
@testable import Sufficiency

/// Inputs a hostile or careless user could write: each is refused with its field path, never a
/// trap, never accepted.
struct HostileScenarioTests {
    @Test(arguments: [
        (#"{"entries": {"ratePerYear": {"under1": 1e308}}}"#, "entries.ratePerYear.under1: must be a number from 0 to 100000, got 1e+308"),
        (#"{"entries": {"ratePerYear": {"under1": 1e9}}}"#, "entries.ratePerYear.under1: must be a number from 0 to 100000, got 1000000000"),
        (#"{"entries": {"trendPerYear": 1e308}}"#, "entries.trendPerYear: must be a number from -0.9 to 2, got 1e+308"),
        (#"{"exits": {"byAgeBand": {"under1": [{"route": "other", "probability": 1, "duration": {"kind": "exponential", "mean": 1e308}}]}}}"#,
         "exits.byAgeBand.under1[0].duration.mean: must be a number from 0 to 100, got 1e+308"),
        (#"{"exits": {"byAgeBand": {"under1": [{"route": "other", "probability": 1, "duration": {"kind": "lognormal", "median": 1, "sigma": 1000}}]}}}"#,
         "exits.byAgeBand.under1[0].duration.sigma: must be a number from 0 to 5, got 1000"),
        (#"{"placementTypes": {"externalResidential": {"weeklyCost": 1e308}}}"#,
         "placementTypes.externalResidential.weeklyCost: must be a number from 0 to 1000000, got 1e+308"),
        (#"{"supply": {"inHouseFoster": {"households": [{"area": "central", "count": 1000000000}]}}}"#,
         "supply.inHouseFoster.households[0].count: must be a whole number from 0 to 1000000, got 1000000000"),
        (#"{"monteCarlo": {"replications": 1000000000000}}"#, "monteCarlo.replications: must be a whole number from 1 to 10000000, got 1000000000000"),
        (#"{"time": {"horizonYears": 2.5}}"#, "time.horizonYears: expected a whole number, found the number 2.5"),
        (#"{"costs": {"inflationPerYear": 1e400}}"#, "costs.inflationPerYear: expected a finite number, found 1e400 (too large for a number)"),
        (#"{"name": 5}"#, "name: expected a string, found the number 5"),
        (#"{"needs": [""]}"#, "needs[0]: expected a name, found an empty string"),
        (#"{"ageBands": []}"#, "ageBands: expected at least one age band, found none"),
        (#"{"exits": {"byAgeBand": {"under1": [{"route": "other", "probability": 1, "duration": {"kind": "exponential", "mean": 2, "median": 1}}]}}}"#,
         "exits.byAgeBand.under1[0].duration.median: unexpected key 'median': an exponential distribution has no such field (expected only: kind, mean)"),
        (#"{"monteCarlo": {"seed": -1}}"#, "monteCarlo.seed: expected a whole number from 0 to 18446744073709551615, found -1"),
    ])
    func anInvalidValueIsRefusedWithItsPath(json: String, expected: String) throws {
        let found = try problems(json)
        #expect(found.contains(expected), "\(found)")
    }

    @Test func aScenarioTooLargeForTheMachineIsRefusedWithItsEstimate() throws {
        let rates = #"{"under1": 100000, "1to4": 100000, "5to9": 100000, "10to15": 100000, "16to17": 100000}"#
        let found = try problems(#"{"entries": {"ratePerYear": \#(rates), "trendPerYear": 2}, "time": {"horizonYears": 20}}"#)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("entries: one replication would simulate about "), "\(found)")
        #expect(found[0].contains("children") && found[0].contains("GiB"))
    }

    @Test func everyStructuralProblemIsReportedAtOnce() throws {
        let found = try problems(#"{"time": {"horizonYears": "x"}, "entries": {"trendPerYear": "y"}, "colour": 1, "costs": {"inflationPerYr": 0}}"#)
        #expect(found.count == 4, "\(found)")
        #expect(found.contains("time.horizonYears: expected a whole number, found the string \"x\""))
        #expect(found.contains("entries.trendPerYear: expected a number, found the string \"y\""))
        #expect(found.contains { $0.hasPrefix("colour: unknown key 'colour'") })
        #expect(found.contains { $0.hasPrefix("costs.inflationPerYr: unknown key 'inflationPerYr'; did you mean 'inflationPerYear'?") })
    }

    @Test func syntaxProblemsAreRefusedWithLineAndColumn() throws {
        #expect(try problems("{\"name\": \"a\",\n}") == [": line 2, column 1: expected a key in quotes after the comma, found '}' (a trailing comma is not allowed in JSON) (the file is not valid JSON)"])
        #expect(try problems(#"{"name": "a", "name": "b"}"#)[0].contains("'name' appears twice in one object"))
    }

    @Test func aBaseReachedThroughExtendsMustItselfBeReadable() throws {
        let folder = try ScenarioFolder()
        let base = try folder.write("base.json", #"{"version": 2}"#)
        let variant = try folder.write("variant.json", #"{"extends": "base.json", "version": 1}"#)
        do { _ = try ScenarioLoader.scenario(at: variant); Issue.record("accepted") } catch {
            #expect(error.description == "\(base): version: this file is version 2, newer than this build reads (version 1); update sufficiency")
        }
    }

    @Test func anAbsoluteExtendsPathIsReadAsItIs() throws {
        let folder = try ScenarioFolder(), other = try ScenarioFolder()
        let base = try folder.write("base.json", #"{"description": "the base"}"#)
        let variant = try other.write("variant.json", #"{"extends": "\#(base)"}"#)
        #expect(try ScenarioLoader.scenario(at: variant).description == "the base")
    }

    @Test func aLargeSeedIsReadExactly() throws {
        let folder = try ScenarioFolder()
        let path = try folder.write("s.json", #"{"monteCarlo": {"seed": 18446744073709551557}}"#)
        #expect(try ScenarioLoader.scenario(at: path).monteCarlo.seed == 18_446_744_073_709_551_557)
    }
}
