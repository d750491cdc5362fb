import Foundation
import Sufficiency
import SufficiencyReports

/// `sufficiency match --children FILE.csv --placements FILE.csv [--scenario FILE] [--format ...]`:
/// today's referrals against today's vacancies, matched under a scenario's matching policy, with
/// the reasons for every decision.
struct MatchReferralsCommand: Equatable {
    static let usage = "sufficiency match --children FILE.csv --placements FILE.csv [--scenario FILE] [--format table|csv|json]"
    static let childColumns = ["id", "age", "need", "home_easting", "home_northing"]
    static let placementColumns = ["id", "type", "provider", "easting", "northing", "free_places", "min_age", "max_age", "needs", "weekly_cost"]

    var children: String
    var placements: String
    var scenario: String?
    var format = "table"

    func run(console: Console) throws(CLIError) {
        var policy = Scenario.defaults.matching, needs = Scenario.defaults.needs
        if let scenario {
            do {
                let loaded = try ScenarioLoader.model(at: scenario).scenario
                policy = loaded.matching
                needs = loaded.needs
            } catch { throw .badInput(error.problems.map(\.line)) }
        }
        // Both files are read before either is refused, so one run lists every problem.
        var problems: [String] = []
        var referrals: [Referral] = [], vacancies: [Vacancy] = []
        do { referrals = try readReferrals(needs: needs) } catch { problems += Self.messages(error) }
        do { vacancies = try readVacancies(needs: needs) } catch { problems += Self.messages(error) }
        guard problems.isEmpty else { throw .badInput(problems) }
        let result = ReferralMatcher(policy: policy).match(referrals, vacancies)
        console.writeOut(render(result))
    }

    private static func messages(_ error: CLIError) -> [String] {
        if case let .badInput(messages) = error { return messages }
        return [error.description]
    }

    private func readReferrals(needs: [String]) throws(CLIError) -> [Referral] {
        try RecordsCSV.read(path: children, required: Self.childColumns, optional: ["sibling_group"]).map { record throws(CLIError) in
            let age = try record.number("age", in: 0...18)
            guard age < 18 else { throw .badInput(["\(children):\(record.line):\(record.columns["age"]!): expected an age under 18, found '\(record.fields["age"]!)'"]) }
            return Referral(id: try record.text("id"), age: age,
                     need: try record.choice("need", among: needs, what: "need"),
                     homeEasting: try record.number("home_easting", in: ScenarioLimits.gridMetres),
                     homeNorthing: try record.number("home_northing", in: ScenarioLimits.gridMetres),
                     siblingGroup: record.fields["sibling_group"] ?? "")
        }
    }

    private func readVacancies(needs: [String]) throws(CLIError) -> [Vacancy] {
        try RecordsCSV.read(path: placements, required: Self.placementColumns, optional: ["inside_la"]).map { record throws(CLIError) in
            let kind = PlacementKind(rawValue: try record.choice("type", among: PlacementKind.allCases.map(\.rawValue), what: "placement type"))!
            let inside = try record.fields["inside_la"].flatMap({ $0.isEmpty ? nil : $0 }).map { _ throws(CLIError) in try record.choice("inside_la", among: ["true", "false", "yes", "no"], what: "inside_la value") }
            let minAge = try record.number("min_age", in: 0...25), maxAge = try record.number("max_age", in: 0...25)
            guard minAge < maxAge else {
                throw .badInput(["\(placements):\(record.line):\(record.columns["min_age"]!): expected min_age below max_age, found min_age \(record.fields["min_age"]!) and max_age \(record.fields["max_age"]!)"])
            }
            return Vacancy(
                id: try record.text("id"), kind: kind, provider: try record.text("provider"),
                easting: try record.number("easting", in: ScenarioLimits.gridMetres), northing: try record.number("northing", in: ScenarioLimits.gridMetres),
                freePlaces: try record.whole("free_places", in: 0...10_000), minAge: minAge, maxAge: maxAge,
                needs: try record.list("needs", among: needs, what: "need"),
                weeklyCost: try record.number("weekly_cost", in: ScenarioLimits.pounds), insideLA: inside == "true" || inside == "yes")
        }
    }

    private func render(_ result: ReferralMatcher.Result) -> String {
        func money(_ v: Double) -> String { JSONValue.format((v * 100).rounded() / 100) }
        func reasons(_ u: ReferralMatcher.Unmatched) -> String {
            u.exclusions.map { e in "\(e.kind.rawValue): " + e.reasons.map { "\($0.reason) (\($0.vacancies))" }.joined(separator: ", ") }
                .joined(separator: "; ")
        }
        switch format {
        case "json":
            return JSONValue.object([
                ("schemaVersion", .integer(1)),
                ("placements", .array(result.placements.map { p in
                    .object([("child", .string(p.child)), ("vacancy", .string(p.vacancy)), ("provider", .string(p.provider)),
                             ("type", .string(p.kind.rawValue)), ("miles", .number(p.miles)), ("weeklyCost", .number(p.weeklyCost)),
                             ("cost", .number(p.cost)), ("siblingsApart", .bool(p.splitFromSiblings)),
                             ("terms", .object(p.terms.map { ($0.name, .number($0.amount)) }))])
                })),
                ("unmatched", .array(result.unmatched.map { u in
                    .object([("child", .string(u.child)), ("ruledOut", .object(u.exclusions.map { e in
                        (e.kind.rawValue, .object(e.reasons.map { ($0.reason, .integer($0.vacancies)) }))
                    }))])
                })),
            ]).rendered() + "\n"
        case "csv":
            var csv = CSVWriter(header: ["child", "vacancy", "provider", "type", "miles", "weekly_cost", "cost", "cost_terms", "ruled_out"])
            for p in result.placements {
                csv.append([p.child, p.vacancy, p.provider, p.kind.rawValue, JSONValue.format(p.miles), money(p.weeklyCost), money(p.cost),
                            p.terms.map { "\($0.name) \(money($0.amount))" }.joined(separator: "; "), ""])
            }
            for u in result.unmatched { csv.append([u.child, "", "", "", "", "", "", "", reasons(u)]) }
            return csv.text
        default:
            var table = TextTable(header: ["child", "placement", "provider", "type", "miles", "weekly £", "cost", "why (cost terms)"], rightAligned: [4, 5, 6])
            for p in result.placements {
                table.rows.append([p.child, p.vacancy, p.provider, p.kind.rawValue, JSONValue.format(p.miles), money(p.weeklyCost), money(p.cost),
                                   p.terms.map { "\($0.name) \($0.amount < 0 ? "-" : "+")\(money(abs($0.amount)))" }.joined(separator: ", ")])
            }
            var out = "Matched \(result.placements.count) of \(result.placements.count + result.unmatched.count) children.\n\n" + table.rendered()
            if !result.unmatched.isEmpty {
                out += "\nNo suitable place (vacancies of each type ruled out, by reason):\n"
                for u in result.unmatched { out += "  \(u.child): \(reasons(u))\n" }
            }
            return out
        }
    }
}
