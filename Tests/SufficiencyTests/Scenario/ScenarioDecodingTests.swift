import Foundation
import Testing
@testable import Sufficiency

struct ScenarioDecodingTests {
    @Test func decodingAnEmptyObjectGivesTheDefaults() throws {
        let decoded = try JSONDecoder().decode(Scenario.self, from: Data("{}".utf8))
        #expect(decoded == Scenario.defaults)
    }

    @Test func theDefaultsAreAValidScenario() throws {
        _ = try ScenarioModel(validating: .defaults, file: "defaults")
    }

    @Test(arguments: ["baseline", "recruit-20", "recruit-40", "ifa-market-tightens", "step-down", "staying-put-rise", "unitary-2015"])
    func everyShippedScenarioLoadsAndValidates(name: String) throws {
        let model = try shippedScenario(name)
        #expect(model.scenario.name == name)
    }

    @Test func everyBaselineSectionCarriesItsSource() throws {
        let s = try ScenarioLoader.scenario(at: packageRoot.appendingPathComponent("Scenarios/baseline.json").path)
        let sources = [s.time.source, s.geography.source, s.initialChildren.source, s.entries.source, s.exits.source,
                       s.placementTypes.source, s.supply.source, s.matching.source, s.costs.source]
        #expect(sources.allSatisfy { !($0 ?? "").isEmpty })
    }

    @Test func theBaselineFileStatesTheDefaults() throws {
        var s = try ScenarioLoader.scenario(at: packageRoot.appendingPathComponent("Scenarios/baseline.json").path)
        var d = Scenario.defaults
        // Sources and names aside, the baseline is the defaults written out.
        s.name = d.name; s.description = d.description
        for keyPath in [\Scenario.time.source, \.geography.source, \.initialChildren.source, \.entries.source, \.exits.source, \.placementNeeds.source,
                        \.placementTypes.source, \.supply.source, \.supply.inHouseFoster.source, \.supply.inHouseResidential.source,
                        \.supply.markets.agencyFoster.source, \.supply.markets.externalResidential.source,
                        \.supply.markets.supportedAccommodation.source, \.matching.source, \.costs.source] {
            s[keyPath: keyPath] = nil
            d[keyPath: keyPath] = nil
        }
        #expect(s == d)
    }

    @Test func aVariantOverridesOnlyWhatItSays() throws {
        let folder = try ScenarioFolder()
        try folder.write("base.json", #"{"name": "base", "entries": {"ratePerYear": {"under1": 40}, "trendPerYear": 0.01}}"#)
        let path = try folder.write("variant.json", #"{"extends": "base.json", "entries": {"trendPerYear": 0.05}}"#)
        let s = try ScenarioLoader.scenario(at: path)
        #expect(s.entries.trendPerYear == 0.05)
        #expect(s.entries.ratePerYear["under1"] == 40)  // objects merge key by key
        #expect(s.entries.ratePerYear["1to4"] == nil)  // the base replaced the default map
        #expect(s.name == "variant")  // a name is never inherited
    }

    @Test func aNewerVersionIsRefusedByName() throws {
        #expect(try problems(#"{"version": 2}"#) == ["version: this file is version 2, newer than this build reads (version 1); update sufficiency"])
    }

    @Test func aTypoIsAnErrorWithTheNearestKey() throws {
        let found = try problems(#"{"entries": {"ratePerYer": {}}}"#)
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("entries.ratePerYer: unknown key 'ratePerYer'; did you mean 'ratePerYear'?"))
    }

    @Test func aWrongTypeNamesItsPathAndWhatWasFound() throws {
        #expect(try problems(#"{"supply": {"inHouseFoster": {"deregistrationRatePerYear": "high"}}}"#)
                == ["supply.inHouseFoster.deregistrationRatePerYear: expected a number, found the string \"high\""])
    }

    @Test func anExtendsCycleAndAMissingBaseAreErrors() throws {
        let folder = try ScenarioFolder()
        try folder.write("a.json", #"{"extends": "b.json"}"#)
        try folder.write("b.json", #"{"extends": "a.json"}"#)
        let cycle = try folder.write("c.json", #"{"extends": "a.json"}"#)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.scenario(at: cycle) }
        do { _ = try ScenarioLoader.scenario(at: cycle) } catch {
            #expect(error.description.contains("extends: expected a chain of base scenarios without a cycle, found c.json -> a.json -> b.json -> a.json"))
        }
        let missing = try folder.write("d.json", #"{"extends": "nowhere.json"}"#)
        do { _ = try ScenarioLoader.scenario(at: missing); Issue.record("no error") } catch {
            #expect(error.description.contains("d.json: extends: expected an existing scenario file, found 'nowhere.json'"))
        }
    }

    @Test func invalidJSONSaysSo() throws {
        #expect(try problems("{ not json")[0].contains("line 1, column 3: expected a key in quotes, found 'not json' (the file is not valid JSON)"))
    }
}
