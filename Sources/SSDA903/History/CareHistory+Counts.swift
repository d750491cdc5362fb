import Sufficiency

/// Counts over a history: the stock on a date, and a collection year's entries, exits and
/// placements. Counts only: nothing here returns a child.
extension CareHistory {
    /// Children looked after at the end of one day, by category and age band.
    public struct Stock: Sendable, Equatable {
        public var total = 0
        public var byCategory: [PlacementCategory: Int] = [:]
        /// By age band name; children whose date of birth is unknown are under `unknown`.
        public var byAgeBand: [String: Int] = [:]
    }

    /// `2019-20` for the collection year ending in 2020.
    public static func label(yearEnding: Int) -> String {
        "\(yearEnding - 1)-" + String(String(yearEnding % 100 + 100).suffix(2))
    }

    /// The collection year ending on 31 March of `yearEnding`, as a closed range of days.
    public static func collectionYear(endingIn yearEnding: Int) -> ClosedRange<CalendarDate> {
        CalendarDate(year: yearEnding - 1, month: 4, day: 1)...CalendarDate(year: yearEnding, month: 3, day: 31)
    }

    /// The children looked after at the end of `date`.
    ///
    /// - Parameter ageBands: The bands to count ages in (a scenario's `ageBands`).
    /// - Complexity: O(children x periods).
    public func stock(on date: CalendarDate, ageBands: [AgeBand]) -> Stock {
        var stock = Stock()
        for child in children {
            guard let placement = child.placement(on: date) else { continue }
            stock.total += 1
            stock.byCategory[placement.category, default: 0] += 1
            let band = child.age(on: date).flatMap { age in ageBands.first { age >= $0.from && age < $0.to }?.name } ?? "unknown"
            stock.byAgeBand[band, default: 0] += 1
        }
        return stock
    }

    /// Periods of care that started in the year (entries to care).
    public func entries(yearEnding: Int) -> Int {
        let year = Self.collectionYear(endingIn: yearEnding)
        return children.reduce(0) { $0 + $1.periods.filter { $0.startObserved && year.contains($0.start) }.count }
    }

    /// Periods of care that ended in the year, by exit route; `nil` counts those whose route the
    /// files do not give.
    public func exits(yearEnding: Int) -> [LeavingRoute?: Int] {
        let year = Self.collectionYear(endingIn: yearEnding)
        var counts: [LeavingRoute?: Int] = [:]
        for child in children {
            for period in child.periods {
                if let end = period.end, year.contains(end) { counts[period.exitRoute, default: 0] += 1 }
            }
        }
        return counts
    }

    /// Placements that started in the year, by category (first placements of a period included).
    public func placementsStarted(yearEnding: Int) -> [PlacementCategory: Int] {
        let year = Self.collectionYear(endingIn: yearEnding)
        var counts: [PlacementCategory: Int] = [:]
        for child in children {
            for period in child.periods {
                for placement in period.placements where year.contains(placement.start) { counts[placement.category, default: 0] += 1 }
            }
        }
        return counts
    }

    /// Episodes, periods of care and placements in all.
    public var totals: (episodes: Int, periods: Int, placements: Int) {
        children.reduce((0, 0, 0)) { t, c in (t.0 + c.episodes.count, t.1 + c.periods.count, t.2 + c.periods.reduce(0) { $0 + $1.placements.count }) }
    }
}
