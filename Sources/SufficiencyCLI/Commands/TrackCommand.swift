import Foundation
import SSDA903
import Sufficiency
import SufficiencyReports

/// `track FORECAST_DIR PATH...`: each quarter's actual children in care, from the council's
/// 903 files, against the bands of an earlier `run`.
struct TrackCommand: Equatable {
    static let usage = "sufficiency track FORECAST_DIR PATH... [--output DIR] [--format table|json|csv]"

    var forecastFolder: String
    var paths: [String]
    var output: String?
    var format = "table"

    static func parse(_ arguments: ArraySlice<String>) throws(CLIError) -> TrackCommand {
        let parsed = try ParsedArguments(arguments, valued: ["--output", "--format"], flags: [], usage: usage)
        guard parsed.positionals.count >= 2 else {
            throw .usage("track needs the output folder of an earlier run, then at least one file or folder of SSDA903 CSV files", usage: usage)
        }
        if parsed.values["--output"]?.isEmpty == true { throw .usage("--output needs a folder, found an empty value", usage: usage) }
        return TrackCommand(forecastFolder: parsed.positionals[0], paths: Array(parsed.positionals.dropFirst()), output: parsed.values["--output"],
                            format: try parsed.choice("--format", ["table", "json", "csv"], default: "table", usage: usage))
    }

    func run(console: Console) throws(CLIError) {
        let forecast = try Self.readForecast(folder: forecastFolder)
        let history = try CareHistoryInput.read(paths)
        let data = paths.joined(separator: " ")
        let result: Track.Result
        do { result = try Track.compare(history, with: forecast, dataName: data) } catch { throw .badInput(error.problems.map(\.description)) }
        let report = TrackReport(forecast: forecast.name, data: data, points: result.points, notes: result.notes)
        let folder = output ?? "Results/track-\(SimulateCommand.folderName(forecast.name))"
        try OutputFolder(path: folder).replace(with: [
            ("track.json", report.document().rendered(pretty: true) + "\n"), ("track.csv", report.csv()),
            ("report.md", report.markdown()), ("report.html", report.html()),
        ])
        switch format {
        case "json": console.writeOut(report.document().rendered() + "\n")
        case "csv": console.writeOut(report.csv())
        default: console.writeOut(report.table().rendered() + result.notes.map { "\n" + $0 }.joined() + "\n")
        }
        console.writeError("Wrote \(folder)\n")
    }

    /// The bands of a `run` as published in its `summary.json`.
    static func readForecast(folder: String) throws(CLIError) -> Track.Forecast {
        let file = URL(fileURLWithPath: folder).appendingPathComponent("summary.json").path
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw .badInput(["\(file): expected the summary.json of an earlier 'sufficiency run', found no such file"])
        }
        let json: ParsedJSON
        do { json = try ParsedJSON.parse(Array(bytes)) } catch { throw .badInput(["\(file): \(error.description)"]) }
        func fail(_ path: String, _ expected: String, _ found: ParsedJSON?) -> CLIError {
            .badInput(["\(file): \(path): expected \(expected), found \(found?.kind ?? "nothing")"])
        }
        if json["scenarios"] != nil { throw .badInput(["\(file): expected the summary of a run, found a comparison's; track one scenario's run folder"]) }
        guard case let .string(name)? = json["scenario"] else { throw fail("scenario", "the scenario's name", json["scenario"]) }
        guard case let .array(bandList)? = json["ageBands"] else { throw fail("ageBands", "the run's age bands (runs made before tracking existed lack them: run the scenario again)", json["ageBands"]) }
        var bands: [AgeBand] = []
        for (i, band) in bandList.enumerated() {
            guard case let .string(bandName)? = band["name"], case let .number(from)? = band["from"], case let .number(to)? = band["to"],
                  let f = Int(from), let t = Int(to) else { throw fail("ageBands[\(i)]", "{\"name\", \"from\", \"to\"}", band) }
            bands.append(AgeBand(name: bandName, from: f, to: t))
        }
        guard case let .object(metricPairs)? = json["metrics"] else { throw fail("metrics", "an object of monthly metrics", json["metrics"]) }
        var metrics: [String: [CalendarDate: MetricSummary]] = [:]
        for (metric, value) in metricPairs {
            guard case let .array(entries) = value else { throw fail("metrics.\(metric)", "an array", value) }
            for (i, entry) in entries.enumerated() {
                func number(_ key: String) -> Double? { if case let .number(text)? = entry[key] { return Double(text) } else { return nil } }
                guard case let .string(text)? = entry["date"], let date = CalendarDate(iso: text) else { throw fail("metrics.\(metric)[\(i)].date", "a date YYYY-MM-DD", entry["date"]) }
                // A suppressed figure (null) is left out: it cannot be compared.
                guard let p5 = number("p5"), let p10 = number("p10"), let p50 = number("p50"), let p90 = number("p90"), let p95 = number("p95") else { continue }
                metrics[metric, default: [:]][date] = MetricSummary(mean: number("mean") ?? p50, sd: number("sd") ?? 0, p5: p5, p10: p10, p50: p50, p90: p90, p95: p95)
            }
        }
        guard let start = metrics["childrenLookedAfter"]?.keys.min() else { throw fail("metrics.childrenLookedAfter", "the monthly forecast of children in care", json["metrics"]?["childrenLookedAfter"]) }
        return Track.Forecast(name: name, startDate: start, ageBands: bands, metrics: metrics)
    }
}
