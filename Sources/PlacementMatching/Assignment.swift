/// The solver's answer: a maximum-cardinality assignment of least total cost.
///
/// Among all assignments that place as many rows as possible, this one has the least total cost.
/// Rows that cannot be placed are listed in `unassignedRows`; that is an outcome, not an error.
public struct Assignment: Equatable, Sendable {
    /// Sum of the costs of the assigned pairs (0 when nothing is assigned).
    public let totalCost: Double
    /// For each row, its column, or `nil` when the row is unassigned.
    public let columnForRow: [Int?]
    /// For each column, its row, or `nil` when the column is unused.
    public let rowForColumn: [Int?]

    /// Builds an assignment from its row-to-column map; the column map and the total follow.
    init(columnForRow: [Int?], columns: Int, totalCost: Double) {
        var rowForColumn = [Int?](repeating: nil, count: columns)
        for (row, column) in columnForRow.enumerated() {
            if let column { rowForColumn[column] = row }
        }
        self.columnForRow = columnForRow
        self.rowForColumn = rowForColumn
        self.totalCost = totalCost
    }

    /// Number of assigned rows.
    public var assignedCount: Int { columnForRow.reduce(0) { $1 == nil ? $0 : $0 + 1 } }

    /// The rows left unassigned, ascending.
    public var unassignedRows: [Int] { columnForRow.indices.filter { columnForRow[$0] == nil } }

    /// The assigned `(row, column)` pairs in row order.
    public var pairs: [(row: Int, column: Int)] {
        columnForRow.enumerated().compactMap { row, column in column.map { (row, $0) } }
    }
}
