import Foundation
import PlacementMatching
import SufficiencyReports

/// `sufficiency match --cost-matrix FILE.csv [--repeat N] [--format json|table|csv]`: the least-cost
/// assignment of a cost matrix an analyst already has.
struct MatchCostMatrixCommand: Equatable {
    static let usage = "sufficiency match --cost-matrix FILE.csv [--repeat N] [--format json|table|csv]"

    /// Below this share of allowed cells the solver gets the allowed pairs alone (sparse).
    static let sparseBelowAllowedShare = 0.5

    var file: String
    var repeats: Int = 1
    var format: String = "table"

    func run(console: Console) throws(CLIError) {
        let input = try CostMatrixCSV.read(path: file)
        let matrix = input.matrix
        let cells = matrix.rows * matrix.columns
        let sparse = cells > 0 && Double(matrix.allowedCount) < Self.sparseBelowAllowedShare * Double(cells)
            ? SparseCostMatrix(matrix) : nil
        var solver = AssignmentSolver()
        var times: [Double] = []
        var result: Assignment?
        for _ in 0..<repeats {
            let clock = ContinuousClock()
            let start = clock.now
            let answer = sparse.map { solver.solve($0) } ?? solver.solve(matrix)
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) * 1e-15)
            result = answer
        }
        let assignment = result!
        console.writeOut(render(assignment, input: input, solveMilliseconds: median(times), method: sparse == nil ? "dense" : "sparse"))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func render(_ assignment: Assignment, input: CostMatrixCSV, solveMilliseconds: Double, method: String) -> String {
        let pairs = assignment.pairs
        let unassigned = assignment.unassignedRows.map { input.rowIDs[$0] }
        switch format {
        case "json":
            let document = JSONValue.object([
                ("schemaVersion", .integer(1)),
                ("rows", .integer(input.matrix.rows)),
                ("columns", .integer(input.matrix.columns)),
                ("assigned", .integer(pairs.count)),
                ("totalCost", .number(assignment.totalCost)),
                ("assignment", .array(pairs.map { pair in
                    .object([
                        ("row", .string(input.rowIDs[pair.row])),
                        ("column", .string(input.columnIDs[pair.column])),
                        ("cost", .number(input.matrix[pair.row, pair.column])),
                    ])
                })),
                ("unassigned", .array(unassigned.map { .string($0) })),
                ("solveMilliseconds", .number(solveMilliseconds)),
            ])
            return document.rendered() + "\n"
        case "csv":
            var csv = CSVWriter(header: ["row", "column", "cost"])
            for pair in pairs {
                csv.append([input.rowIDs[pair.row], input.columnIDs[pair.column], JSONValue.format(input.matrix[pair.row, pair.column])])
            }
            for row in unassigned { csv.append([row, "", ""]) }
            return csv.text
        default:
            var table = TextTable(header: ["child", "place", "cost"], rightAligned: [2])
            for pair in pairs {
                table.rows.append([input.rowIDs[pair.row], input.columnIDs[pair.column], JSONValue.format(input.matrix[pair.row, pair.column])])
            }
            var out = "Matched \(pairs.count) of \(input.matrix.rows) children to \(input.matrix.columns) places; total cost \(JSONValue.format(assignment.totalCost)).\n\n"
            out += table.rendered()
            out += "\nUnassigned (no allowed place left): \(unassigned.isEmpty ? "none" : unassigned.joined(separator: ", "))\n"
            out += "Solved \(method) in \(String(format: "%.3f", solveMilliseconds)) ms (median of \(repeats)).\n"
            return out
        }
    }
}
