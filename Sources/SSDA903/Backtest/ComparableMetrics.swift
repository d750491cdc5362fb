import Sufficiency

/// The figures a forecast and a council's 903 files can both give, named alike: children in care
/// (in all, by placement category, by age band) at the end of a day, and entries and exits by
/// route over a collection year.
///
/// The model's placement types map onto the 903 categories (`PlacementCategory(kind)`); its
/// emergency placements are what the files record as other arrangements (Z1, Z11-Z14).
public enum ComparableMetrics {
    /// The stock metrics for a scenario's age bands, in report order.
    public static func stock(ageBands: [AgeBand]) -> [String] {
        ["childrenLookedAfter"] + PlacementCategory.allCases.map { "byCategory.\($0.rawValue)" } + ageBands.map { "byAgeBand.\($0.name)" }
    }

    /// The flow metrics, in report order.
    public static let flows = ["entries", "exits"] + LeavingRoute.allCases.map { "exitsByRoute.\($0.rawValue)" }

    /// The stock metrics' actual values at the end of `date`.
    public static func actualStock(_ history: CareHistory, on date: CalendarDate, ageBands: [AgeBand]) -> [String: Double] {
        let stock = history.stock(on: date, ageBands: ageBands)
        var values = ["childrenLookedAfter": Double(stock.total)]
        for category in PlacementCategory.allCases { values["byCategory.\(category.rawValue)"] = Double(stock.byCategory[category, default: 0]) }
        for band in ageBands { values["byAgeBand.\(band.name)"] = Double(stock.byAgeBand[band.name, default: 0]) }
        return values
    }

    /// The flow metrics' actual values over the collection year ending in `yearEnding`; exits
    /// whose route the files do not give count in `exits` only.
    public static func actualFlows(_ history: CareHistory, yearEnding: Int) -> [String: Double] {
        let exits = history.exits(yearEnding: yearEnding)
        var values = ["entries": Double(history.entries(yearEnding: yearEnding)), "exits": Double(exits.values.reduce(0, +))]
        for route in LeavingRoute.allCases { values["exitsByRoute.\(route.rawValue)"] = Double(exits[route, default: 0]) }
        return values
    }

    /// The model's monthly metrics that add up to a stock metric; nil for an unknown name.
    public static func monthlyParts(of metric: String, ageBands: [AgeBand]) -> [String]? {
        if metric == "childrenLookedAfter" { return [metric] }
        if metric.hasPrefix("byCategory."), let category = PlacementCategory(rawValue: String(metric.dropFirst("byCategory.".count))) {
            return PlacementKind.allCases.filter { PlacementCategory($0) == category }.map { "\($0.rawValue)Placements" }
        }
        if metric.hasPrefix("byAgeBand."), let band = ageBands.first(where: { "byAgeBand.\($0.name)" == metric }) {
            return [MetricCatalog.childrenAged(band.name)]
        }
        return nil
    }

    /// A stock metric's simulated values, one per replication, on a snapshot.
    public static func simulatedStock(_ result: MonteCarloResult, _ metric: String, snapshot: Int) -> [Double] {
        let parts = (monthlyParts(of: metric, ageBands: result.model.scenario.ageBands) ?? []).compactMap { result.catalog.monthlyIndex($0) }
        return result.replications.map { r in parts.reduce(0) { $0 + r.monthly($1, snapshot) } }
    }

    /// A flow metric's simulated values, one per replication, in a financial year.
    public static func simulatedFlow(_ result: MonteCarloResult, _ metric: String, year: Int) -> [Double] {
        result.values(of: metric, year: year) ?? []
    }
}
