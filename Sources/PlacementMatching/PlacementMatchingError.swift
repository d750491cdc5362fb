/// Why a cost matrix cannot be handed to the solver.
///
/// Every case carries the 0-based row and column of the offending entry, so a caller that read the
/// matrix from a file can translate it back to a line and cell.
public enum PlacementMatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A cost is NaN: it is neither a price nor "not allowed".
    case notANumber(row: Int, column: Int)
    /// A cost is minus infinity, which would make every assignment through it unboundedly good.
    case negativeInfinity(row: Int, column: Int)
    /// The number of costs does not equal rows x columns.
    case shapeMismatch(rows: Int, columns: Int, count: Int)
    /// A sparse entry names a column outside `0..<columns`.
    case columnOutOfRange(row: Int, column: Int, columns: Int)
    /// A sparse row lists the same column twice.
    case duplicateColumn(row: Int, column: Int)
    /// A negative number of rows or columns.
    case negativeDimension(rows: Int, columns: Int)

    public var description: String {
        switch self {
        case let .notANumber(row, column):
            return "cost at row \(row + 1), column \(column + 1) is NaN; expected a number or +infinity (not allowed)"
        case let .negativeInfinity(row, column):
            return "cost at row \(row + 1), column \(column + 1) is -infinity; expected a finite number or +infinity (not allowed)"
        case let .shapeMismatch(rows, columns, count):
            return "expected \(rows) x \(columns) = \(rows * columns) costs, found \(count)"
        case let .columnOutOfRange(row, column, columns):
            return "row \(row + 1) names column \(column + 1); expected a column from 1 to \(columns)"
        case let .duplicateColumn(row, column):
            return "row \(row + 1) lists column \(column + 1) more than once"
        case let .negativeDimension(rows, columns):
            return "expected non-negative dimensions, found \(rows) x \(columns)"
        }
    }
}
