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
        var policy = Scenario.defaults.matching
        if let scenario {
            do { policy = try ScenarioLoader.model(at: scenario).scenario.matching } catch { throw .badInput(error.problems.map(\.line)) }
        }
        let referrals = try readReferrals()
        let vacancies = try readVacancies()
        let result = ReferralMatcher(policy: policy).match(referrals, vacancies)
        console.writeOut(render(result))
    }

    private func readReferrals() throws(CLIError) -> [Referral] {
        let csv = try RecordsCSV.read(path: children, required: Self.childColumns, optional: ["sibling_group"])
        var seen: Set<String> = []
        var out: [Referral] = []
        for record in csv.records {
            let id = try record.text("id", file: children)
            guard seen.insert(id).inserted else { throw .badInput(["\(children):\(record.line):1: child id '\(id)' appears twice"]) }
            let age = try record.number("age", file: children, minimum: 0)
            guard age < 18 else { throw .badInput(["\(children):\(record.line):\(record.columns["age"]!): expected an age under 18, found '\(record.fields["age"]!)'"]) }
            out.append(Referral(id: id, age: age, need: try record.text("need", file: children),
                                homeEasting: try record.number("home_easting", file: children),
                                homeNorthing: try record.number("home_northing", file: children),
                                siblingGroup: record.fields["sibling_group"] ?? ""))
        }
        return out
    }

    private func readVacancies() throws(CLIError) -> [Vacancy] {
        let csv = try RecordsCSV.read(path: placements, required: Self.placementColumns, optional: ["inside_la"])
        var out: [Vacancy] = []
        for record in csv.records {
            let typeName = try record.text("type", file: placements)
            guard let kind = PlacementKind(rawValue: typeName) else {
                let known = PlacementKind.allCases.map(\.rawValue)
                let hint = closestKey(to: typeName, among: known).map { "; did you mean '\($0)'?" } ?? ""
                throw .badInput(["\(placements):\(record.line):\(record.columns["type"]!): unknown placement type '\(typeName)'\(hint) (expected one of: \(known.joined(separator: ", ")))"])
            }
            let free = try record.number("free_places", file: placements, minimum: 0)
            guard free == free.rounded() else {
                throw .badInput(["\(placements):\(record.line):\(record.columns["free_places"]!): expected a whole number of free places, found '\(record.fields["free_places"]!)'"])
            }
            let inside = (record.fields["inside_la"] ?? "").lowercased()
            guard ["", "true", "false", "yes", "no"].contains(inside) else {
                throw .badInput(["\(placements):\(record.line):\(record.columns["inside_la"]!): expected true or false for inside_la, found '\(record.fields["inside_la"]!)'"])
            }
            out.append(Vacancy(
                id: try record.text("id", file: placements), kind: kind, provider: try record.text("provider", file: placements),
                easting: try record.number("easting", file: placements), northing: try record.number("northing", file: placements),
                freePlaces: Int(free), minAge: try record.number("min_age", file: placements, minimum: 0),
                maxAge: try record.number("max_age", file: placements, minimum: 0),
                needs: try record.text("needs", file: placements).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
                weeklyCost: try record.number("weekly_cost", file: placements, minimum: 0), insideLA: inside == "true" || inside == "yes"))
        }
        return out
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
