/// The defaults of every scenario field: a local authority of about 470 children in care (the 2024
/// median), shaped by the national figures in the project's domain brief (DfE "Children looked
/// after in England" 2024; Ofsted "Fostering in England" 2025; CMA market study 2021-22; NAO 2025).
/// `Scenarios/baseline.json` states the same numbers with their sources.
extension Scenario {
    public static let defaults = Scenario(
        version: 1,
        name: "scenario",
        description: "",
        time: TimeSettings(startDate: "2025-04-01", horizonYears: 5),
        ageBands: [
            AgeBand(name: "under1", from: 0, to: 1), AgeBand(name: "1to4", from: 1, to: 5),
            AgeBand(name: "5to9", from: 5, to: 10), AgeBand(name: "10to15", from: 10, to: 16),
            AgeBand(name: "16to17", from: 16, to: 18),
        ],
        needs: ["standard", "complex", "disability", "parentAndChild", "semiIndependent"],
        geography: Geography(areas: [
            Area(name: "central", easting: 450_000, northing: 300_000, postcodes: ["LE9 7TH", "LE9 7TE", "LE9 7TX", "LE9 7TZ"]),
            Area(name: "north", easting: 450_000, northing: 312_000, postcodes: ["LE67 9PT", "LE67 9PB", "LE67 9PL", "LE67 9PF"]),
            Area(name: "south", easting: 450_000, northing: 288_000, postcodes: ["LE17 5AE", "LE17 5AD", "LE17 5RN", "LE17 5AP"]),
            Area(name: "east", easting: 462_000, northing: 300_000, postcodes: ["LE2 5QG", "LE2 5HT", "LE2 5QD", "LE2 5JD"]),
            Area(name: "west", easting: 438_000, northing: 300_000, postcodes: ["CV13 6DB", "CV13 6DA", "CV13 6BZ", "CV13 6BY"]),
            Area(name: "neighbour", easting: 485_000, northing: 300_000, insideLA: false, postcodes: ["LE15 9SP", "LE15 9FA", "LE15 9FD", "LE15 9EZ"]),
            Area(name: "region", easting: 450_000, northing: 370_000, insideLA: false, postcodes: ["S44 6TJ", "S44 6TH", "S44 6XB", "S44 6FY"]),
            Area(name: "distant", easting: 450_000, northing: 450_000, insideLA: false, postcodes: ["YO23 3QH", "YO23 3QQ", "YO23 3RB", "YO23 3GB"]),
        ]),
        initialChildren: InitialChildren(
            byAgeBand: ["under1": 24, "1to4": 61, "5to9": 80, "10to15": 178, "16to17": 127],
            byPlacementType: [
                "kinship": 75, "inHouseFoster": 121, "agencyFoster": 126, "inHouseResidential": 10,
                "externalResidential": 37, "supportedAccommodation": 33, "placedWithParents": 28,
                "placedForAdoption": 9, "other": 23, "emergency": 8,
            ]),
        entries: Entries(
            ratePerYear: ["under1": 25.5, "1to4": 23.8, "5to9": 23.8, "10to15": 40.8, "16to17": 44.2],
            trendPerYear: 0,
            needMix: [
                "under1": ["standard": 0.85, "disability": 0.05, "parentAndChild": 0.10],
                "1to4": ["standard": 0.93, "disability": 0.07],
                "5to9": ["standard": 0.85, "complex": 0.08, "disability": 0.07],
                "10to15": ["standard": 0.72, "complex": 0.22, "disability": 0.06],
                "16to17": ["standard": 0.80, "complex": 0.15, "disability": 0.03, "parentAndChild": 0.02],
            ],
            siblingGroupSizes: ["1": 0.72, "2": 0.18, "3": 0.10],
            kinshipAvailable: 0.3),
        exits: Exits(
            byAgeBand: [
                "under1": [
                    ExitRoute(route: "adoption", probability: 0.36, duration: .lognormal(median: 1.8, sigma: 0.4)),
                    ExitRoute(route: "specialGuardianship", probability: 0.28, duration: .lognormal(median: 1.5, sigma: 0.5)),
                    ExitRoute(route: "returnHome", probability: 0.18, duration: .lognormal(median: 0.6, sigma: 1.0)),
                    ExitRoute(route: "other", probability: 0.18, duration: .exponential(mean: 12)),
                ],
                "1to4": [
                    ExitRoute(route: "returnHome", probability: 0.26, duration: .lognormal(median: 0.7, sigma: 1.0)),
                    ExitRoute(route: "adoption", probability: 0.24, duration: .lognormal(median: 2.0, sigma: 0.4)),
                    ExitRoute(route: "specialGuardianship", probability: 0.22, duration: .lognormal(median: 1.7, sigma: 0.5)),
                    ExitRoute(route: "other", probability: 0.28, duration: .exponential(mean: 12)),
                ],
                "5to9": [
                    ExitRoute(route: "returnHome", probability: 0.24, duration: .lognormal(median: 0.8, sigma: 1.1)),
                    ExitRoute(route: "adoption", probability: 0.03, duration: .lognormal(median: 2.2, sigma: 0.4)),
                    ExitRoute(route: "specialGuardianship", probability: 0.18, duration: .lognormal(median: 1.8, sigma: 0.6)),
                    ExitRoute(route: "other", probability: 0.55, duration: .exponential(mean: 14)),
                ],
                "10to15": [
                    ExitRoute(route: "returnHome", probability: 0.24, duration: .lognormal(median: 0.6, sigma: 1.2)),
                    ExitRoute(route: "specialGuardianship", probability: 0.05, duration: .lognormal(median: 1.5, sigma: 0.6)),
                    ExitRoute(route: "other", probability: 0.71, duration: .exponential(mean: 14)),
                ],
                "16to17": [
                    ExitRoute(route: "returnHome", probability: 0.16, duration: .lognormal(median: 0.3, sigma: 1.2)),
                    ExitRoute(route: "other", probability: 0.84, duration: .exponential(mean: 5)),
                ],
            ],
            stayingPutShare: 0.25, stayingPutUntilAge: 21, placedForAdoptionWeeks: 30, placedWithParentsWeeks: 16),
        placementNeeds: PlacementNeeds(
            atEntry: [
                "under1": ["fostering": 0.86, "placedWithParents": 0.05, "placedForAdoption": 0.03, "other": 0.06],
                "1to4": ["fostering": 0.90, "placedWithParents": 0.06, "other": 0.04],
                "5to9": ["fostering": 0.88, "residential": 0.02, "placedWithParents": 0.06, "other": 0.04],
                "10to15": ["fostering": 0.68, "residential": 0.16, "placedWithParents": 0.05, "other": 0.11],
                "16to17": ["fostering": 0.27, "residential": 0.08, "supportedAccommodation": 0.55, "placedWithParents": 0.02, "other": 0.08],
            ],
            changesPerYear: [
                "16to17": [
                    "fostering": ["supportedAccommodation": 0.6, "residential": 0.03],
                    "residential": ["supportedAccommodation": 0.5, "fostering": 0.05],
                    "other": ["fostering": 1.0, "supportedAccommodation": 1.0],
                ],
            ],
            substitutes: ["fostering": ["residential"], "residential": [], "supportedAccommodation": ["fostering", "residential"]]),
        placementTypes: PlacementTypes { kind in
            let all = ["standard", "complex", "disability", "parentAndChild", "semiIndependent"]
            let fosterBreakdowns = ["under1": 0.15, "1to4": 0.2, "5to9": 0.3, "10to15": 0.55, "16to17": 0.55]
            switch kind {
            case .kinship: return .init(weeklyCost: 250, breakdownRatePerYear: 0.15, minAge: 0, maxAge: 18, needsMet: all)
            case .inHouseFoster:
                return .init(weeklyCost: 700, breakdownRatePerYear: 0.35, breakdownRateByAgeBand: fosterBreakdowns, minAge: 0, maxAge: 18,
                             needsMet: ["standard", "complex", "disability", "parentAndChild"])
            case .agencyFoster:
                return .init(weeklyCost: 950, breakdownRatePerYear: 0.4, breakdownRateByAgeBand: fosterBreakdowns, minAge: 0, maxAge: 18,
                             needsMet: ["standard", "disability", "parentAndChild"])
            case .inHouseResidential:
                return .init(weeklyCost: 5_500, breakdownRatePerYear: 1.0, minAge: 10, maxAge: 18, needsMet: ["standard", "complex"])
            case .externalResidential:
                return .init(weeklyCost: 6_100, breakdownRatePerYear: 1.0, minAge: 5, maxAge: 18, needsMet: ["standard", "complex", "disability", "parentAndChild"])
            case .supportedAccommodation:
                return .init(weeklyCost: 1_800, breakdownRatePerYear: 0.8, minAge: 16, maxAge: 18,
                             needsMet: ["standard", "complex", "parentAndChild", "semiIndependent"])
            case .placedWithParents: return .init(weeklyCost: 100, breakdownRatePerYear: 0, minAge: 0, maxAge: 18, needsMet: all)
            case .placedForAdoption: return .init(weeklyCost: 150, breakdownRatePerYear: 0, minAge: 0, maxAge: 18, needsMet: all)
            case .other: return .init(weeklyCost: 3_000, breakdownRatePerYear: 0, minAge: 0, maxAge: 18, needsMet: all)
            case .emergency: return .init(weeklyCost: 10_000, breakdownRatePerYear: 0, minAge: 0, maxAge: 18, needsMet: all)
            }
        },
        supply: Supply(
            inHouseFoster: InHouseFosterSupply(
                households: [
                    HouseholdGroup(area: "central", count: 16, profile: .init(places: 2, minAge: 0, maxAge: 11, needs: ["standard"], siblingCapacity: 2)),
                    HouseholdGroup(area: "north", count: 16, profile: .init(places: 2, minAge: 0, maxAge: 11, needs: ["standard"], siblingCapacity: 2)),
                    HouseholdGroup(area: "south", count: 12, profile: .init(places: 2, minAge: 5, maxAge: 18, needs: ["standard"], siblingCapacity: 2)),
                    HouseholdGroup(area: "east", count: 12, profile: .init(places: 2, minAge: 5, maxAge: 18, needs: ["standard"], siblingCapacity: 2)),
                    HouseholdGroup(area: "west", count: 16, profile: .init(places: 1, minAge: 10, maxAge: 18, needs: ["standard", "complex"], siblingCapacity: 1)),
                    HouseholdGroup(area: "central", count: 8, profile: .init(places: 3, minAge: 0, maxAge: 18, needs: ["standard", "disability"], siblingCapacity: 3)),
                    HouseholdGroup(area: "north", count: 4, profile: .init(places: 1, minAge: 0, maxAge: 18, needs: ["parentAndChild"], siblingCapacity: 1)),
                    HouseholdGroup(area: "south", count: 5, profile: .init(places: 1, minAge: 0, maxAge: 5, needs: ["standard"], siblingCapacity: 1)),
                ],
                approvalsPerYear: [12],
                newHouseholds: HouseholdProfile(places: 2, minAge: 0, maxAge: 18, needs: ["standard"], siblingCapacity: 2),
                approvalToFirstPlacementWeeks: 8,
                deregistrationRatePerYear: 0.14,
                recruitmentCostPerApproval: 15_000,
                unavailableShare: 0.18),
            inHouseResidential: InHouseResidentialSupply(homes: [
                ResidentialHome(area: "central", beds: 4), ResidentialHome(area: "north", beds: 4), ResidentialHome(area: "east", beds: 4),
            ]),
            markets: Markets(
                agencyFoster: MarketSettings(capacity: 150, locations: ["central": 0.2, "east": 0.2, "neighbour": 0.3, "region": 0.3]),
                externalResidential: MarketSettings(capacity: 45, locations: ["neighbour": 0.2, "region": 0.4, "distant": 0.4]),
                supportedAccommodation: MarketSettings(capacity: 45, locations: ["central": 0.5, "north": 0.3, "south": 0.2]))),
        matching: MatchingPolicy(
            weights: MatchingWeights(weeklyCost: 1, perMile: 10, over20Miles: 500, siblingSplit: 1_500, inHouseBonus: 150, inAreaBonus: 100),
            kinshipFirst: true, roundEveryDays: 1, batchSize: 64, allowSiblingSplit: true,
            stepDown: StepDownRule(enabled: false, minimumWeeksInResidential: 12)),
        costs: Costs(inflationPerYear: 0.03, stayingPutWeeklyCost: 300),
        monteCarlo: MonteCarloSettings(replications: 500, seed: 20_250_401))
}
