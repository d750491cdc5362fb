/// The steps every shortest-augmenting-path search ends with, shared by the dense and sparse
/// solvers.
enum AugmentingPath {
    /// Crouse's dual update (IEEE TAES 52(4), 2016, p. 1686) over the scanned columns and their
    /// rows only: the start row's potential rises by the path length, and each scanned column's row
    /// and column potentials move by the slack left at the sink.
    @inline(__always)
    static func updatePotentials(start: Int, pathLength: Double, scanned: UnsafeMutablePointer<Int>, scannedCount: Int,
                                 distance: UnsafeMutablePointer<Double>, u: UnsafeMutablePointer<Double>,
                                 v: UnsafeMutablePointer<Double>, rowForColumn: UnsafeMutablePointer<Int>) {
        u[start] += pathLength
        for s in 0..<scannedCount {
            let j = scanned[s]
            let delta = pathLength - distance[j]
            u[rowForColumn[j]] += delta
            v[j] -= delta
        }
    }

    /// Flips the matching along the path from `sink` back to the `start` row.
    @inline(__always)
    static func augment(start: Int, sink: Int, path: UnsafeMutablePointer<Int>, rowForColumn: UnsafeMutablePointer<Int>,
                        columnForRow: UnsafeMutablePointer<Int>) {
        var j = sink
        while true {
            let i = path[j]
            rowForColumn[j] = i
            let previous = columnForRow[i]
            columnForRow[i] = j
            if i == start { return }
            j = previous
        }
    }
}
