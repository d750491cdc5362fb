import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML report is well-formed, self-contained and has its charts; the table is stable.
struct ReportTests {
    @Test func theHTMLReportIsWellFormedAndSelfContained() throws {
        let scratch = try ScratchFolder()
        let out = scratch.url.path + "/cmp"
        let run = try BinaryRun(["compare", "Scenarios/baseline.json", "Scenarios/recruit-20.json", "--replications", "4", "--output", out, "--quiet"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Nothing from the network: no scripts, stylesheets or images by URL (the SVG namespace aside).
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
        #expect(!html.contains("<script"))
        // Every chart is well-formed XML, and the five kinds are there.
        let charts = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + $0.components(separatedBy: "</svg>")[0] + "</svg>" }
        #expect(charts.count == 6)  // children in care, two placement mixes, waiting, cost, distance
        for chart in charts {
            let parser = XMLParser(data: Data(chart.utf8))
            #expect(parser.parse(), "chart is not well-formed: \(chart.prefix(120))")
        }
        #expect(charts[0].contains("<polygon"))  // the P10-P90 band of the fan chart
        #expect(html.contains("Total cost per financial year"))
        #expect(html.contains("recruit-20 against baseline"))
        #expect(html.contains("Scenarios and their assumptions"))
        #expect(html.contains("<td>Agency foster places available</td><td>150</td>"))
        #expect(html.contains("Baseline plus 20 more in-house foster household approvals a year"), "the variant's description")
        // Every placement type in plain English, both mixes on one axis, and the variant's lines dashed.
        for label in ["Placed for adoption", "Council's own foster carers", "Secure, health, custody and other settings", "Emergency or unregistered (waiting)"] {
            #expect(charts[1].contains(label) && charts[2].contains(label), "\(label)")
        }
        func axis(_ svg: String) -> [String] { svg.components(separatedBy: "text-anchor=\"end\" class=\"tick\">").dropFirst().map { $0.components(separatedBy: "<")[0] } }
        #expect(axis(charts[1]).count >= 3 && axis(charts[1]) == axis(charts[2]), "\(axis(charts[1])) vs \(axis(charts[2]))")
        #expect(charts[0].contains("stroke-dasharray"))
        // A4 print: cells on one line (an interval never split), headings kept with what follows.
        #expect(html.contains("@page { size: A4;") && html.contains("td, th { white-space: nowrap; }"))
        #expect(html.contains("h1, h2, h3 { break-after: avoid;"))
        #expect(html.contains("<td>as above</td>"), "a shared source is said once")
        #expect(html.contains("SHA-256"))
        // Tags outside the charts balance.
        var stack: [String] = []
        let voids: Set<String> = ["meta", "br", "hr", "img", "link", "input", "!DOCTYPE"]
        let body = charts.reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
        var rest = Substring(body)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = String(tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first ?? "")
            if tag.hasPrefix("/") {
                #expect(stack.popLast() == String(tag.dropFirst()), "unbalanced </\(tag.dropFirst())>")
            } else if !voids.contains(name) && !tag.hasSuffix("/") {
                stack.append(name)
            }
        }
        #expect(stack.isEmpty, "unclosed: \(stack)")
    }

    @Test func partialFinancialYearsAreMarked() throws {
        let scratch = try ScratchFolder()
        let run = try BinaryRun(["run", "Scenarios/unitary-2015.json", "--replications", "3", "--output", scratch.url.path + "/u", "--quiet"])
        #expect(run.exitCode == 0)
        #expect(run.stdout.contains("\n2015-16 (9 months) ") && run.stdout.contains("\n2020-21 (3 months) "))
        let csv = try String(contentsOfFile: scratch.url.path + "/u/financial-years.csv", encoding: .utf8)
        #expect(csv.contains("\n2015-16,9,totalCost,mean,") && csv.contains("\n2016-17,12,totalCost,mean,"))
        let report = try String(contentsOfFile: scratch.url.path + "/u/report.md", encoding: .utf8)
        #expect(report.contains("| 2020-21 (3 months) |"))
        // Cost by placement type, every type, with the whole horizon's total.
        #expect(report.contains("| cost, £m | 2015-16 (9 months) | 2016-17 | 2017-18 | 2018-19 | 2019-20 | 2020-21 (3 months) | whole horizon |"))
        for label in ["| Placed for adoption |", "| Emergency or unregistered (waiting) |", "| Recruiting foster carers |", "| Total |"] {
            #expect(report.contains(label), "\(label)")
        }
    }

    @Test func theSteeringTableOfASmallFixedRunIsStable() throws {
        let scratch = try ScratchFolder()
        let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "20", "--seed", "1", "--output", scratch.url.path + "/r"])
        #expect(run.exitCode == 0)
        let snapshot = try String(contentsOf: BinaryRun.packageRoot.appendingPathComponent("Tests/SufficiencyCLITests/Snapshots/baseline-20-seed-1.txt"), encoding: .utf8)
        #expect(run.stdout == snapshot)
    }
}
