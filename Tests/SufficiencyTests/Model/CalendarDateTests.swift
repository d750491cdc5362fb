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
        #expect(CalendarDate(iso: "2008-02-29")!.addingMonths(12 * 18).iso == "2026-02-28")
        #expect(CalendarDate(iso: "2000-02-29")!.addingMonths(12 * 4).iso == "2004-02-29")
        #expect(CalendarDate(iso: "1899-01-29")!.addingMonths(1).iso == "1899-02-28")
    }

    /// Against the definition (the same day of the month, stepped back until it is in the month),
    /// for every day over three centuries (leap years every fourth, not 1900 or 2100, but 2000)
    /// and a range of months either way.
    @Test func addingMonthsAgreesWithStepBackClamping() {
        func reference(_ date: CalendarDate, _ months: Int) -> CalendarDate {
            let (y, m, d) = date.components
            let total = y * 12 + (m - 1) + months, year = total / 12, month = total % 12 + 1
            var day = d
            while CalendarDate(year: year, month: month, day: day).components.month != month { day -= 1 }
            return CalendarDate(year: year, month: month, day: day)
        }
        let first = CalendarDate(iso: "1890-01-01")!.dayNumber, last = CalendarDate(iso: "2190-12-31")!.dayNumber
        var differ = 0
        for day in stride(from: first, through: last, by: 1) {
            for months in [1, 12 * 18, -13, 25] where reference(CalendarDate(dayNumber: day), months) != CalendarDate(dayNumber: day).addingMonths(months) {
                differ += 1
            }
        }
        #expect(differ == 0)
    }

    @Test func aPartialFirstYearIsItsOwnFinancialYear() throws {
        var s = Scenario.defaults
        s.time = TimeSettings(startDate: "2015-07-01", horizonYears: 2)
        let model = try ScenarioModel(validating: s, file: "t")
        #expect(model.financialYearLabels == ["2015-16", "2016-17", "2017-18"])
        #expect(model.snapshotDays.count == 25)
    }
}
