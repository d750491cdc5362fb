import Testing
import SSDA903
import Sufficiency

/// The open demand models' category mapping and the code changes between collection years.
struct EpisodeCodesTests {
    @Test func placementsMapAsTheOpenDemandModelsGroupThem() {
        #expect(PlacementCategory(place: "U2", provider: "PR4") == .kinship)
        #expect(PlacementCategory(place: "U5", provider: "PR1") == .inHouseFoster)
        #expect(PlacementCategory(place: "U5", provider: "PR5") == .agencyFoster)
        #expect(PlacementCategory(place: "K2", provider: "PR1") == .inHouseResidential)
        #expect(PlacementCategory(place: "R1", provider: "PR4") == .externalResidential)
        #expect(PlacementCategory(place: "K3", provider: "PR4") == .supportedAccommodation)
        #expect(PlacementCategory(place: "H5", provider: "PR1") == .supportedAccommodation)
        #expect(PlacementCategory(place: "P1", provider: "PR0") == .placedWithParents)
        #expect(PlacementCategory(place: "A4", provider: "PR1") == .placedForAdoption)
        #expect(PlacementCategory(place: "Z12", provider: "") == .other)
        #expect(PlacementCategory(place: "K1", provider: "PR1") == .other)
        #expect(PlacementCategory(place: "U9", provider: "PR1") == nil)
        for kind in PlacementKind.allCases where kind != .emergency { #expect(PlacementCategory(kind).rawValue == kind.rawValue) }
        #expect(PlacementCategory(.emergency) == .other)
    }

    @Test func codesChangeWithTheCollectionYear() {
        #expect(!EpisodeCodes.isValid(place: "K3", yearEnding: 2024) && EpisodeCodes.isValid(place: "K3", yearEnding: 2025))
        #expect(EpisodeCodes.isValid(place: "H5", yearEnding: 2025) && !EpisodeCodes.isValid(place: "H5", yearEnding: 2026))
        #expect(EpisodeCodes.isValid(place: "Z1", yearEnding: 2025) && !EpisodeCodes.isValid(place: "Z1", yearEnding: 2026))
        #expect(!EpisodeCodes.isValid(place: "Z11", yearEnding: 2025) && EpisodeCodes.isValid(place: "Z14", yearEnding: 2026))
    }

    @Test func endingsMapToTheModelsExitRoutes() {
        #expect(EpisodeCodes.exitRoute(reason: "E12") == .adoption)
        #expect(EpisodeCodes.exitRoute(reason: "E47") == .specialGuardianship)
        #expect(EpisodeCodes.exitRoute(reason: "E4B") == .returnHome)
        #expect(EpisodeCodes.exitRoute(reason: "E41") == .other)
        #expect(EpisodeCodes.exitRoute(reason: "X1") == nil)
        for route in LeavingRoute.allCases { #expect(ScenarioModel.exitRouteNames[route.modelIndex] == route.rawValue) }
    }
}
