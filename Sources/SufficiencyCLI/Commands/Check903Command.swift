import Foundation
import SSDA903
import Sufficiency
import SufficiencyReports

/// `check-903 PATH...`: reads a council's SSDA903 files and reports what they hold and every
/// problem found. Exits 65 when a problem makes the data unusable.
struct Check903Command: Equatable {
    static let usage = "sufficiency check-903 PATH... [--format table|json]"
    var paths: [String]
    var format = "table"

    func run(console: Console) throws(CLIError) {
        let history: CareHistory
        do {
            history = try ReturnReader.read(paths: paths)
        } catch {
            throw .badInput(error.problems.map { $0.description.replacingOccurrences(of: ": error: ", with: ": ") })
        }
        let report = QualityReport(history: history)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(report) else { throw .failure("cannot encode the report") }
            console.writeOut(String(decoding: data, as: UTF8.self) + "\n")
        } else {
            console.writeOut(Self.table(report))
        }
        if history.hasErrors {
            throw .badInput(["\(report.errors) problem\(report.errors == 1 ? "" : "s") make the files unusable as given (listed above)"])
        }
    }

    /// The report for a person: what was read, the yearly counts, then every problem.
    static func table(_ report: QualityReport) -> String {
        let s = report.summary
        let used = s.files.filter { $0.table != "not used" }
        var out = "SSDA903 files: \(used.count) read"
        let notUsed = s.files.count - used.count
        if notUsed > 0 { out += " (\(notUsed) other 903 table\(notUsed == 1 ? "" : "s") not used)" }
        out += "\n"
        for file in used {
            out += "  \(file.file): \(file.table), \(file.yearsEnding.map { CareHistory.label(yearEnding: $0) }.joined(separator: ", ")) (year from \(file.yearFrom)), \(file.rows) rows\n"
        }
        out += "Collection years: \(report.years.joined(separator: ", "))\n"
        out += "Children: \(report.children) (UASC: \(s.uascChildren)); episodes: \(report.episodes) looked after"
        out += " (\(s.episodeRows) rows read; \(s.duplicateEpisodes) duplicates kept once; \(s.episodesUpdatedByLaterYear) updated by a later return; \(s.shortBreakEpisodes) short breaks left out)\n"
        out += "Periods of care: \(report.periodsOfCare); placements: \(report.placements)\n"
        let setAside = s.setAside.values.reduce(0, +)
        out += "Rows set aside: \(setAside)"
        if setAside > 0 { out += " (" + s.setAside.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ") + ")" }
        out += "\n\n"

        let years = report.byYear
        var stock = TextTable(header: ["at 31 March"] + years.map(\.year), rightAligned: Set(1...max(years.count, 1)))
        stock.rows.append(["children looked after"] + years.map { "\($0.childrenLookedAfter)" })
        for category in PlacementCategory.allCases {
            stock.rows.append(["  " + category.label] + years.map { "\($0.byCategory[category.rawValue] ?? 0)" })
        }
        let bands = Scenario.defaults.ageBands.map(\.name) + (years.contains { $0.byAgeBand["unknown"] != nil } ? ["unknown"] : [])
        for band in bands { stock.rows.append(["  aged \(band)"] + years.map { "\($0.byAgeBand[band] ?? 0)" }) }
        out += stock.rendered() + "\n"

        var flows = TextTable(header: ["during the year"] + years.map(\.year), rightAligned: Set(1...max(years.count, 1)))
        flows.rows.append(["entries"] + years.map { "\($0.entries)" })
        for route in LeavingRoute.allCases.map(\.rawValue) + ["unknown"] {
            flows.rows.append(["exits: \(route)"] + years.map { "\($0.exitsByRoute[route] ?? 0)" })
        }
        for category in PlacementCategory.allCases {
            flows.rows.append(["placements started: \(category.rawValue)"] + years.map { "\($0.placementsStarted[category.rawValue] ?? 0)" })
        }
        out += flows.rendered() + "\n"

        out += "Problems: \(report.errors) error\(report.errors == 1 ? "" : "s"), \(report.warnings) warning\(report.warnings == 1 ? "" : "s")"
        if !report.problemsByRule.isEmpty {
            out += " (by DfE rule: " + report.problemsByRule.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map { "\($0.key) x\($0.value)" }.joined(separator: ", ") + ")"
        }
        out += "\n"
        for problem in report.problems { out += problem.description + "\n" }
        return out
    }
}
