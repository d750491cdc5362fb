/// The two naive forecasts a model must beat to be worth its complexity.
public enum NaiveForecast {
    /// The least-squares line through `(x, y)` points, evaluated at `x`; the last value when
    /// there are fewer than two points or they share one x. Never below 0 (a count).
    public static func trend(_ points: [(x: Double, y: Double)], at x: Double) -> Double {
        guard points.count >= 2 else { return max(points.last?.y ?? 0, 0) }
        let n = Double(points.count)
        let mx = points.map(\.x).reduce(0, +) / n, my = points.map(\.y).reduce(0, +) / n
        let sxx = points.map { ($0.x - mx) * ($0.x - mx) }.reduce(0, +)
        guard sxx > 0 else { return max(points.last!.y, 0) }
        let slope = points.map { ($0.x - mx) * ($0.y - my) }.reduce(0, +) / sxx
        return max(my + slope * (x - mx), 0)
    }
}
