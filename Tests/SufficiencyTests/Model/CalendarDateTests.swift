import Testing
@testable import Sufficiency

struct CalendarDateTests {
    @Test func roundTripsThroughDayNumbers() {
        for text in ["1970-01-01", "2000-02-29", "2025-04-01", "2031-12-31"] {
            #expect(CalendarDate(iso: text)?.iso == text)
        }
        #expect(CalendarDate(iso: "1970-01-02")?.dayNumber == 1)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
    }

    @Test func financialYearsRunFromFirstApril() {
        #expect(CalendarDate(iso: "2025-03-31")!.financialYearLabel == "2024-25")
        #expect(CalendarDate(iso: "2025-04-01")!.financialYearLabel == "2025-26")
        #expect(CalendarDate(iso: "2099-12-01")!.financialYearLabel == "2099-00")
    }

    @Test func addingMonthsClampsToTheMonthsEnd() {
        #expect(CalendarDate(iso: "2025-01-31")!.addingMonths(1).iso == "2025-02-28")
        #expect(CalendarDate(iso: "2025-04-01")!.addingMonths(60).iso == "2030-04-01")
    }

    @Test func aPartialFirstYearIsItsOwnFinancialYear() throws {
        var s = Scenario.defaults
        s.time = TimeSettings(startDate: "2015-07-01", horizonYears: 2)
        let model = try ScenarioModel(validating: s, file: "t")
        #expect(model.financialYearLabels == ["2015-16", "2016-17", "2017-18"])
        #expect(model.snapshotDays.count == 25)
    }
}
