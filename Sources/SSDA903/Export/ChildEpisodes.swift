import Sufficiency

/// One simulated child as SSDA903 rows: header details and episodes, with the codes drawn from the
/// child's own generator (so they are the same however many years are written).
struct ChildEpisodes {
    struct Episode {
        let start: CalendarDate
        let end: CalendarDate?
        let reasonNew: String
        let legalStatus: String
        let need: String
        let category: PlacementCategory
        let placementPostcode: String
        /// The provider's Ofsted URN, where the placement type has one.
        let urn: String
        /// REC once the episode has ceased: X1 or the exit code.
        let reasonCeased: String
        /// REASON_PLACE_CHANGE once the episode has ceased in a move.
        let reasonPlaceChange: String
    }

    let id: String
    let male: Bool
    let birth: CalendarDate
    let ethnic: String
    let pupilNumber: String
    let homePostcode: String
    var episodes: [Episode] = []

    /// Every child who was in care within the horizon, in order of their first placement.
    static func build(log: CareLog, model: ScenarioModel, salt: UInt64) -> [ChildEpisodes] {
        var placementsOf = [[CareLog.Placement]](repeating: [], count: log.children.count)
        for placement in log.placements { placementsOf[placement.child].append(placement) }
        let areas = model.scenario.geography.areas
        let disability = model.needNames.firstIndex(of: "disability")
        let ids = PseudonymousIDs(salt: salt)
        var result: [ChildEpisodes] = []
        for (c, child) in log.children.enumerated() where child.entered && !placementsOf[c].isEmpty {
            var rng = Xoshiro256StarStar(seed: SplitMix64.mix(salt ^ (UInt64(c) &* 0x9E37_79B9_7F4A_7C15)))
            func date(_ day: Int) -> CalendarDate { CalendarDate(dayNumber: log.startDate.dayNumber + day) }
            func pick(_ options: [String]) -> String { options[Sampling.below(options.count, using: &rng)] }
            /// A postcode of the area, other than those `avoiding` where the area has others.
            func postcode(_ area: Int, avoiding: [String]) -> String {
                let others = areas[area].postcodes.filter { !avoiding.contains($0) }
                let options = others.isEmpty ? areas[area].postcodes : others
                return options[Sampling.below(options.count, using: &rng)]
            }
            let birth = date(child.birthDay)
            var record = ChildEpisodes(
                id: ids.id(of: c), male: Sampling.unit(using: &rng) < 0.56, birth: birth,
                ethnic: Sampling.unit(using: &rng) < 0.72 ? "WBRI" : pick(["WOTH", "MWBC", "MOTH", "APKN", "AOTH", "BAFR", "BCRB", "OOTH"]),
                pupilNumber: pick(["A", "B", "C", "D", "E", "F", "G", "H"]) + String(format: "%012llu", rng.next() % 1_000_000_000_000),
                homePostcode: postcode(child.homeArea, avoiding: []))
            let placements = withConsistentStart(child, placementsOf[c], model: model)
            let route = child.route.map { LeavingRoute(modelIndex: $0) }
            let goesHomeOnCareOrder = placements.contains { $0.kind == .placedWithParents }
            let legalStatus = route == .adoption || goesHomeOnCareOrder || Sampling.unit(using: &rng) < 0.7 ? "C2" : "V2"
            let need = disability == child.need ? "N2" : Sampling.unit(using: &rng) < 0.75 ? "N1" : pick(["N3", "N4", "N5", "N6", "N8"])
            var previousPostcode = "", previousStatus = legalStatus
            for (k, placement) in placements.enumerated() {
                let start = k == 0 ? date(child.careStartDay) : date(placement.day)
                let next = k + 1 < placements.count ? placements[k + 1] : nil
                let end = next.map { date($0.day) } ?? child.exitDay.map(date)
                let toAdopters = placement.kind == .placedForAdoption
                var reasonCeased = "", reasonPlaceChange = ""
                if let next {
                    reasonCeased = "X1"
                    reasonPlaceChange = next.reason == .breakdown ? pick(["CREQB", "CREQB", "ALLEG", "CHILD", "STAND"]) : "CARPL"
                } else if child.exitDay != nil, let route {
                    reasonCeased = exitCode(route, stayedPut: child.stayedPut, from: placement.kind, rng: &rng)
                }
                // A move is to another carer or home: a postcode other than the home's and the last one.
                let placementPostcode = placement.kind == .placedWithParents ? record.homePostcode
                    : postcode(placement.area, avoiding: [record.homePostcode, previousPostcode])
                previousPostcode = placementPostcode
                // A move that changes the legal status too (to E1 with adopters, or back) is RNE B.
                let status = toAdopters ? "E1" : legalStatus
                defer { previousStatus = status }
                record.episodes.append(Episode(
                    start: start, end: end, reasonNew: k == 0 ? "S" : status != previousStatus ? "B" : "P",
                    legalStatus: status, need: need, category: PlacementCategory(placement.kind),
                    placementPostcode: placementPostcode,
                    urn: urn(placement.kind, area: placement.area),
                    reasonCeased: reasonCeased, reasonPlaceChange: reasonPlaceChange))
            }
            result.append(record)
        }
        return result.sorted { $0.id < $1.id }
    }

    /// The child's placements, where a child in care at the start is in a placement that could not
    /// have begun when their period of care did (a type with a minimum age they had not reached
    /// then, or adopters and parents, whom children join shortly before leaving): an in-house
    /// foster placement from the period's start comes first, and the placement of the start date
    /// begins when it could have (before the start date). The model does not know these children's
    /// earlier moves; this keeps their history consistent.
    private static func withConsistentStart(_ child: CareLog.Child, _ placements: [CareLog.Placement], model: ScenarioModel) -> [CareLog.Placement] {
        guard let first = placements.first, first.day == 0, child.careStartDay < 0 else { return placements }
        let lead = model.leadDays(before: first.kind)
        let start = min(-1, max(child.birthDay + model.minimumAgeDays(of: first.kind), lead > 0 ? -lead : child.careStartDay))
        guard start > child.careStartDay else { return placements }
        return [CareLog.Placement(child: first.child, day: child.careStartDay, kind: .inHouseFoster, area: child.homeArea, reason: .entry),
                CareLog.Placement(child: first.child, day: start, kind: first.kind, area: first.area, reason: .plannedMove)]
            + placements.dropFirst()
    }

    /// The REC of a period's last episode. Special guardianship orders are E45 (to former foster
    /// carers who are family or friends) and E46 (other former foster carers) from foster care,
    /// E47 and E48 (to other carers) from any other placement.
    private static func exitCode(_ route: LeavingRoute, stayedPut: Bool, from kind: PlacementKind, rng: inout Xoshiro256StarStar) -> String {
        let options: [String]
        switch route {
        case .adoption: options = ["E11", "E12"]
        case .specialGuardianship:
            options = kind == .kinship ? ["E45"] : kind == .inHouseFoster || kind == .agencyFoster ? ["E46"] : ["E47", "E48"]
        case .returnHome: options = ["E4A", "E4A", "E13"]
        case .age18: options = stayedPut ? ["E17"] : ["E5", "E6"]
        case .other: options = ["E41", "E8"]
        }
        return options[Sampling.below(options.count, using: &rng)]
    }

    /// A fictitious Ofsted URN (SC99 and four digits) for a registered provider of the placement
    /// type in an area; XXXXXXX (no register entry) for foster carers and adopters; none for
    /// placements that have no URN (with parents, other, emergency).
    private static func urn(_ kind: PlacementKind, area: Int) -> String {
        switch kind {
        case .kinship, .inHouseFoster, .agencyFoster, .placedForAdoption: return "XXXXXXX"
        case .inHouseResidential, .externalResidential, .supportedAccommodation:
            return "SC99" + String(format: "%d%03d", kind == .inHouseResidential ? 1 : kind == .externalResidential ? 2 : 3, area % 1000)
        case .placedWithParents, .other, .emergency: return ""
        }
    }

    /// The Header row for the collection year ending on `yearEnd`: SEX as 1/2 until 2023-24 and
    /// M/F from 2024-25; UPN code UN1 (no UPN yet) for children under school age; MOTHER 0 (not a
    /// mother) for girls.
    func headerRow(yearEnd: CalendarDate) -> [String] {
        let underSchoolAge = yearEnd < birth.addingMonths(5 * 12)
        let sex = yearEnd.components.year <= 2024 ? (male ? "1" : "2") : (male ? "M" : "F")
        return [id, sex, format903Date(birth), ethnic, underSchoolAge ? "UN1" : pupilNumber, male ? "" : "0", ""]
    }

    func episodeRow(_ e: Episode, yearEnding: Int, model: ScenarioModel) -> [String] {
        let yearEnd = CareHistory.collectionYear(endingIn: yearEnding).upperBound
        let ended = e.end.map { $0 <= yearEnd } ?? false
        let (place, provider) = Self.codes(e.category, yearEnding: yearEnding)
        return [id, format903Date(e.start), e.reasonNew, e.legalStatus, e.need, place, provider,
                ended ? format903Date(e.end!) : "", ended ? e.reasonCeased : "", ended ? e.reasonPlaceChange : "",
                homePostcode, e.placementPostcode, place.hasPrefix("Z") || (place == "H5" && yearEnd < CalendarDate(year: 2023, month: 10, day: 28)) ? "" : e.urn]
    }

    /// PLACE and PLACE_PROVIDER for a category in a collection year.
    static func codes(_ category: PlacementCategory, yearEnding: Int) -> (place: String, provider: String) {
        switch category {
        case .kinship: return ("U3", "PR1")
        case .inHouseFoster: return ("U6", "PR1")
        case .agencyFoster: return ("U6", "PR4")
        case .inHouseResidential: return ("K2", "PR1")
        case .externalResidential: return ("K2", "PR4")
        case .supportedAccommodation: return (yearEnding <= 2025 ? "H5" : "K3", "PR4")
        case .placedWithParents: return ("P1", "PR0")
        case .placedForAdoption: return ("A6", "PR1")
        case .other: return (yearEnding <= 2025 ? "Z1" : "Z11", "")
        }
    }
}

/// Child ids that name no real child: six-digit numbers, a fixed shuffle of the children's order
/// for each salt.
struct PseudonymousIDs {
    let salt: UInt64

    func id(of child: Int) -> String {
        // 7919 is prime and does not divide 900,000, so this is a permutation of 100000...999999.
        let offset = Int(SplitMix64.mix(salt) % 900_000)
        return String(100_000 + (child * 7919 + offset) % 900_000)
    }
}
