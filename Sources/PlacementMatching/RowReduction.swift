/// Jonker and Volgenant's augmenting row reduction (Computing 38, 1987, pp. 325-340), shared by the
/// dense and sparse initialisations. Each solver supplies only how to find a row's two smallest
/// reduced costs c[i][j] - v[j] (with its tie rule); the passes, the reassignments and the guards
/// live here once.
enum RowReduction {
    /// A row's cheapest column `j1` at reduced cost `u1` and its second `j2` at `u2` (-1 when absent).
    typealias TwoSmallest = (u1: Double, j1: Int, u2: Double, j2: Int)

    /// Runs two passes over the free rows listed in `freeRows[0..<freeCount]`.
    ///
    /// - Parameters:
    ///   - chainFactor: how many times per free row a displaced row may be re-reduced at once in a
    ///     pass; past that it waits for the next pass or the search phase.
    ///   - twoSmallest: the two cheapest columns of a row under the current `v`.
    /// - Returns: The number of rows left free, listed in `freeRows`.
    @inline(__always)
    static func run(freeCount initialFree: Int, chainFactor: Int, v: UnsafeMutablePointer<Double>,
                    rowForColumn: UnsafeMutablePointer<Int>, columnForRow: UnsafeMutablePointer<Int>,
                    freeRows: UnsafeMutablePointer<Int>, twoSmallest: (Int) -> TwoSmallest) -> Int {
        var freeCount = initialFree
        for _ in 0..<2 {
            var k = 0
            let previousFree = freeCount
            freeCount = 0
            var immediateBudget = chainFactor * previousFree
            func leaveFree(_ row: Int) {
                freeRows[freeCount] = row
                freeCount += 1
            }
            while k < previousFree {
                let i = freeRows[k]
                k += 1
                var (u1, j1, u2, j2) = twoSmallest(i)
                if j1 < 0 {  // no allowed column: the search phase will confirm it
                    leaveFree(i)
                    continue
                }
                var i0 = rowForColumn[j1]
                if j2 < 0 {  // a single allowed column: take it if free, else leave it to the search
                    if i0 < 0 {
                        columnForRow[i] = j1
                        rowForColumn[j1] = i
                    } else {
                        leaveFree(i)
                    }
                    continue
                }
                if u1 < u2 {
                    let lowered = v[j1] - (u2 - u1)
                    guard lowered < v[j1] else {
                        // The gap is below v's precision: lowering would change nothing and two rows
                        // could displace each other forever. Leave this row to the search phase.
                        leaveFree(i)
                        continue
                    }
                    v[j1] = lowered
                } else if i0 >= 0 {
                    j1 = j2
                    i0 = rowForColumn[j2]
                }
                columnForRow[i] = j1
                rowForColumn[j1] = i
                guard i0 >= 0 else { continue }
                columnForRow[i0] = -1
                if u1 < u2 && immediateBudget > 0 {
                    immediateBudget -= 1
                    k -= 1
                    freeRows[k] = i0
                } else {
                    leaveFree(i0)
                }
            }
        }
        return freeCount
    }
}
