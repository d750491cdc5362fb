/// Assignment costs given only for the allowed pairs, row by row (compressed sparse rows).
///
/// Use it when most pairs are forbidden: the solver then works on the allowed pairs alone, which
/// is many times faster than a dense matrix full of `+infinity`.
public struct SparseCostMatrix: Equatable, Sendable {
    /// Number of rows (children, or sibling groups).
    public let rows: Int
    /// Number of columns (places).
    public let columns: Int
    /// Row `r`'s entries are at positions `rowStart[r] ..< rowStart[r + 1]` of `columnIndex` and `costs`.
    public let rowStart: [Int]
    /// The column of each allowed pair, ascending within a row.
    public let columnIndex: [Int]
    /// The cost of each allowed pair (finite).
    public let costs: [Double]

    /// Builds a sparse matrix from each row's allowed columns and costs.
    ///
    /// Entries with cost `+infinity` are dropped (they are not allowed); each row's entries are
    /// sorted by column.
    ///
    /// - Parameters:
    ///   - rows: The number of rows.
    ///   - columns: The number of columns.
    ///   - entries: For each row, its allowed `(column, cost)` pairs, in any order.
    /// - Throws: `PlacementMatchingError` for a column out of range, a column listed twice in a row,
    ///   a NaN or a `-infinity`.
    /// - Complexity: O(E log E) for E entries.
    public init(columns: Int, entries: [[(column: Int, cost: Double)]]) throws(PlacementMatchingError) {
        guard columns >= 0 else { throw .negativeDimension(rows: entries.count, columns: columns) }
        var rowStart = [0]
        rowStart.reserveCapacity(entries.count + 1)
        var columnIndex: [Int] = []
        var costs: [Double] = []
        for (row, rowEntries) in entries.enumerated() {
            let sorted = rowEntries.sorted { $0.column < $1.column }
            var previous = -1
            for (column, cost) in sorted {
                guard column >= 0, column < columns else {
                    throw .columnOutOfRange(row: row, column: column, columns: columns)
                }
                guard column != previous else { throw .duplicateColumn(row: row, column: column) }
                previous = column
                if cost.isNaN { throw .notANumber(row: row, column: column) }
                if cost == -.infinity { throw .negativeInfinity(row: row, column: column) }
                if cost == .infinity { continue }
                columnIndex.append(column)
                costs.append(cost)
            }
            rowStart.append(columnIndex.count)
        }
        self.rows = entries.count
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.costs = costs
    }

    /// Keeps the finite entries of a dense matrix.
    ///
    /// - Parameter dense: A validated dense matrix.
    /// - Complexity: O(rows x columns).
    public init(_ dense: CostMatrix) {
        var rowStart = [0]
        rowStart.reserveCapacity(dense.rows + 1)
        var columnIndex: [Int] = []
        var costs: [Double] = []
        for row in 0..<dense.rows {
            for column in 0..<dense.columns {
                let cost = dense.costs[row * dense.columns + column]
                if cost.isFinite {
                    columnIndex.append(column)
                    costs.append(cost)
                }
            }
            rowStart.append(columnIndex.count)
        }
        self.rows = dense.rows
        self.columns = dense.columns
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.costs = costs
    }

    /// Number of allowed pairs.
    public var allowedCount: Int { costs.count }

    /// The cost of `row` with `column`, or `+infinity` when the pair is not allowed.
    ///
    /// - Complexity: O(log k) for k entries in the row.
    public func cost(row: Int, column: Int) -> Double {
        var low = rowStart[row], high = rowStart[row + 1]
        while low < high {
            let mid = (low + high) / 2
            if columnIndex[mid] < column { low = mid + 1 } else { high = mid }
        }
        return low < rowStart[row + 1] && columnIndex[low] == column ? costs[low] : .infinity
    }
}
