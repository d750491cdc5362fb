import Testing
@testable import Sufficiency

/// Bands, accuracy and the naive forecasts, on numbers worked by hand.
struct ForecastEvaluationTests {
    static let bands = MetricSummary(mean: 100, sd: 10, p5: 80, p10: 90, p50: 100, p90: 110, p95: 120)

    static func point(actual: Double, median: Double = 100, persistence: Double = 100, trend: Double = 100, year: Int = 1) -> ForecastPoint {
        let s = MetricSummary(mean: median, sd: 10, p5: median - 20, p10: median - 10, p50: median, p90: median + 10, p95: median + 20)
        return ForecastPoint(origin: CalendarDate(year: 2025, month: 3, day: 31), metric: "childrenLookedAfter", period: "2025-06-30",
                             quarterAhead: 1, yearAhead: year, actual: actual, forecast: s, persistence: persistence, trend: trend)
    }

    @Test func positionsAndPercentilesAgainstTheBands() {
        let inside = BandPosition(105, in: Self.bands)
        #expect(inside.within80 && inside.within90 && inside.label == "within")
        #expect(inside.percentile == 70)
        #expect(BandPosition(85, in: Self.bands).percentile == 7.5)
        let above = BandPosition(115, in: Self.bands)
        #expect(!above.within80 && above.within90 && above.label == "above" && above.percentileLabel == "P93")
        let below = BandPosition(50, in: Self.bands)
        #expect(below.label == "below" && below.beyond == -1 && below.percentileLabel == "below P5")
        #expect(BandPosition(121, in: Self.bands).percentileLabel == "above P95")
        // Counts often make several percentiles equal: the actual sits in the middle of them.
        let tied = MetricSummary(mean: 3, sd: 1, p5: 2, p10: 3, p50: 3, p90: 3, p95: 4)
        #expect(BandPosition(3, in: tied).within80 && BandPosition(3, in: tied).percentile == 50)
    }

    @Test func accuracyCountsCoverageAndLeavesZeroActualsOutOfMAPE() {
        let points = [Self.point(actual: 110, persistence: 100, trend: 121),   // model 10/110, persistence 10/110, trend 11/110
                      Self.point(actual: 80, persistence: 100, trend: 84),     // outside P10-P90, inside P5-P95
                      Self.point(actual: 0, persistence: 5, trend: 0)]         // left out of MAPE, outside both bands
        let a = ForecastAccuracy(points)
        #expect(a.points == 3)
        #expect(abs(a.mape! - (10.0 / 110 + 20.0 / 80) / 2) < 1e-12)
        #expect(abs(a.persistenceMAPE! - (10.0 / 110 + 20.0 / 80) / 2) < 1e-12)
        #expect(abs(a.trendMAPE! - (11.0 / 110 + 4.0 / 80) / 2) < 1e-12)
        #expect(a.beatsNaive == false)
        #expect(abs(a.coverage80 - 1.0 / 3) < 1e-12 && abs(a.coverage90 - 2.0 / 3) < 1e-12)
        #expect(abs(a.meanError - (10 - 20 - 100) / 3.0) < 1e-12)
    }

    @Test func rowsGroupByFamilyAndYearWithAnAllRow() {
        let points = [Self.point(actual: 100, year: 1), Self.point(actual: 100, year: 2)]
        let rows = ForecastAccuracy.rows(points)
        #expect(rows.map(\.group) == ["children in care", "children in care", "children in care", "all", "all", "all"])
        #expect(rows.map(\.yearAhead) == [1, 2, nil, 1, 2, nil])
        #expect(rows[2].accuracy.points == 2)
    }

    @Test func theNaiveTrendIsTheLeastSquaresLine() {
        #expect(NaiveForecast.trend([(0, 1), (1, 3), (2, 5)], at: 4) == 9)
        #expect(NaiveForecast.trend([(0, 1), (1, 2), (2, 6)], at: 3) == 8)
        #expect(NaiveForecast.trend([(0, 7)], at: 5) == 7)
        #expect(NaiveForecast.trend([(0, 10), (1, 5)], at: 10) == 0, "a count is never forecast below 0")
    }
}
