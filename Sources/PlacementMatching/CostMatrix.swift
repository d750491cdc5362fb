/// A dense matrix of assignment costs: one row per thing to place, one column per place.
///
/// `+infinity` marks a pair that is not allowed. Finite costs may be negative. NaN and `-infinity`
/// are rejected when the matrix is built, so a `CostMatrix` that exists is always solvable.
public struct CostMatrix: Equatable, Sendable {
    /// Number of rows (children, or sibling groups).
    public let rows: Int
    /// Number of columns (places).
    public let columns: Int
    /// The costs in row-major order: the cost of row `r`, column `c` is `costs[r * columns + c]`.
    public let costs: [Double]

    /// Builds a matrix from row-major costs.
    ///
    /// - Parameters:
    ///   - rows: The number of rows, at least 0.
    ///   - columns: The number of columns, at least 0.
    ///   - costs: `rows * columns` costs in row-major order; `+infinity` = not allowed.
    /// - Throws: `PlacementMatchingError` for a wrong count, a NaN or a `-infinity`.
    /// - Complexity: O(rows x columns).
    public init(rows: Int, columns: Int, costs: [Double]) throws(PlacementMatchingError) {
        guard rows >= 0, columns >= 0 else { throw .negativeDimension(rows: rows, columns: columns) }
        guard costs.count == rows * columns else {
            throw .shapeMismatch(rows: rows, columns: columns, count: costs.count)
        }
        for (index, cost) in costs.enumerated() where !(cost > -Double.infinity) {
            let (row, column) = index.quotientAndRemainder(dividingBy: Swift.max(columns, 1))
            throw cost.isNaN ? .notANumber(row: row, column: column) : .negativeInfinity(row: row, column: column)
        }
        self.rows = rows
        self.columns = columns
        self.costs = costs
    }

    /// Builds a matrix from an array of equally long rows.
    ///
    /// - Parameter rowArrays: The rows; each must have as many costs as the first.
    /// - Throws: `PlacementMatchingError` for ragged rows, a NaN or a `-infinity`.
    /// - Complexity: O(rows x columns).
    public init(_ rowArrays: [[Double]]) throws(PlacementMatchingError) {
        let columns = rowArrays.first?.count ?? 0
        var flat: [Double] = []
        flat.reserveCapacity(rowArrays.count * columns)
        for row in rowArrays {
            guard row.count == columns else {
                throw .shapeMismatch(rows: rowArrays.count, columns: columns, count: flat.count + row.count)
            }
            flat.append(contentsOf: row)
        }
        try self.init(rows: rowArrays.count, columns: columns, costs: flat)
    }

    /// The cost of assigning `row` to `column`.
    public subscript(row: Int, column: Int) -> Double { costs[row * columns + column] }

    /// The number of allowed (finite) pairs.
    ///
    /// - Complexity: O(rows x columns).
    public var allowedCount: Int { costs.reduce(0) { $1.isFinite ? $0 + 1 : $0 } }
}
