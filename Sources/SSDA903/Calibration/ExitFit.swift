import Foundation
import Sufficiency

/// Exit routes and time in care for one age band at entry, fitted with right-censoring.
///
/// The model draws a route and a time in care at entry, and the 18th birthday caps them (route
/// `age18`). So the fit treats leaving at 18, an unknown route, and still being in care on the
/// as-at date as censoring, and estimates each route's cumulative incidence with the Aalen-Johansen
/// estimator (the Kaplan-Meier estimator split by route; O. Aalen and S. Johansen, Scand. J.
/// Statist. 5, 1978): `F_r(t) = sum over exit times t_j <= t of S(t_j-) d_rj / n_j`. A route's
/// probability is `F_r(T)` at the longest time seen, its durations the quantiles of `F_r / F_r(T)`;
/// the mass still in care at `T`, `S(T)`, becomes an `other` route that lasts past 18 (30 years):
/// those children leave at 18 in the model.
struct ExitFit {
    struct Route {
        let route: String
        let probability: Double
        /// `[probability, years]` pairs from 0 to 1.
        let quantiles: [[Double]]
        let exits: Int
    }

    let routes: [Route]
    let periods: Int
    let exits: Int
    /// Kaplan-Meier median time in care in years (nil when fewer than half have left).
    let medianYears: Double?
    /// Share still in care at the longest time seen.
    let stillInCare: Double

    /// - Parameter spells: (days in care until exit or censoring, route if it left by a drawn
    ///   route, days already in care when the files first see the period: 0 for a period begun
    ///   inside them). A period begun before the files is at risk only from the day it is first
    ///   seen (delayed entry), so the long stays of children already in care inform the fit
    ///   without the length bias of counting them from their start.
    init(spells: [(days: Int, route: LeavingRoute?, entered: Int)]) {
        periods = spells.count
        let drawn: [LeavingRoute] = [.returnHome, .adoption, .specialGuardianship, .other]
        let sorted = spells.sorted { $0.days < $1.days }
        let entries = spells.map(\.entered).sorted()
        var entered = 0, left = 0
        var survival = 1.0
        var incidence = [LeavingRoute: [(days: Int, value: Double)]]()
        var totals = [LeavingRoute: Double]()
        var median: Double?
        var i = 0
        while i < sorted.count {
            let day = sorted[i].days
            // At risk on `day`: seen before it, and not yet left or censored.
            while entered < entries.count && entries[entered] < day { entered += 1 }
            let atRisk = entered - left
            var events = [LeavingRoute: Int](), leaving = 0
            while i < sorted.count && sorted[i].days == day {
                if let route = sorted[i].route { events[route, default: 0] += 1 }
                leaving += 1
                i += 1
            }
            let died = events.values.reduce(0, +)
            if died > 0 && atRisk > 0 {
                for (route, count) in events {
                    totals[route, default: 0] += survival * Double(count) / Double(atRisk)
                    incidence[route, default: []].append((day, totals[route]!))
                }
                survival *= 1 - Double(died) / Double(atRisk)
                if median == nil && survival <= 0.5 { median = Double(day) / ScenarioModel.daysPerYear }
            }
            left += leaving
        }
        medianYears = median
        stillInCare = survival
        exits = spells.filter { $0.route != nil }.count
        var routes: [Route] = []
        for route in drawn {
            guard let total = totals[route], total > 0, let curve = incidence[route] else { continue }
            let quantiles = stride(from: 0.0, through: 1.0, by: 0.05).map { p -> [Double] in
                let target = p * total
                let day = p == 0 ? 0 : (curve.first { $0.value >= target - 1e-12 }?.days ?? curve.last!.days)
                return [p, (Double(max(day, p == 0 ? 0 : 1)) / ScenarioModel.daysPerYear * 1000).rounded() / 1000]
            }
            routes.append(Route(route: route.rawValue, probability: total, quantiles: quantiles,
                                exits: spells.filter { $0.route == route }.count))
        }
        if survival > 0 {
            routes.append(Route(route: "other", probability: survival, quantiles: [[0, 30], [1, 30]], exits: 0))
        }
        // Rounding: probabilities to 4 places, the last absorbing the remainder so they sum to 1.
        var rounded = routes.map { Route(route: $0.route, probability: ($0.probability * 10_000).rounded() / 10_000, quantiles: $0.quantiles, exits: $0.exits) }
        if !rounded.isEmpty {
            let rest = 1 - rounded.dropLast().map(\.probability).reduce(0, +)
            let last = rounded.removeLast()
            rounded.append(Route(route: last.route, probability: rest, quantiles: last.quantiles, exits: last.exits))
        }
        self.routes = rounded
    }
}
