import Foundation
import Testing
@testable import SSDA903
import Sufficiency

/// Reading a council's files as they come: any column order and case, CRLF, a BOM, quoted cells,
/// both date formats, years from names, columns or dates; and the merging rules.
struct ReturnReaderTests {
    @Test func filesAsSpreadsheetsSaveThemAreRead() throws {
        let scratch = try Scratch()
        // BOM, CRLF, lower-case and reordered columns, an extra column, quoted cells, ISO and d/m/Y dates.
        let episodes = "\u{FEFF}child,dec,decom,RNE,ls,cin,place,place_provider,rec,reason_place_change,home_post,pl_post,urn,notes\r\n"
            + "7,,2020-05-01,S,C2,N1,U4,PR1,,,\"LE9 7TH\",\"LE2 5QG\",,\"moved, twice\"\r\n"
            + "8,3/6/2020,01/05/2020,S,V2,N1,U1,PR1,E4A,,LE9 7TH,LE9 7TE,,\r\n"
        try scratch.write("903_2020_21/Episodes.csv", episodes)
        try scratch.write("903_2020_21/Header.csv", "\u{FEFF}CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n7,1,01/01/2010,WBRI,UN1,,\r\n8,F,2012-02-29,WBRI,UN1,0,\r\n")
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.yearsEnding == [2021])
        #expect(history.problems.isEmpty, "\(history.problems.map(\.description))")
        #expect(history.children.map(\.id) == ["7", "8"])
        #expect(history.children[0].episodes[0].homePostcode == "LE9 7TH")
        #expect(history.children[1].birthDate == CalendarDate(year: 2012, month: 2, day: 29))
        #expect(history.children[1].periods[0].end == CalendarDate(year: 2020, month: 6, day: 3))
        #expect(history.children[1].periods[0].exitRoute == .returnHome)
        let stock = history.stock(on: CalendarDate(year: 2021, month: 3, day: 31), ageBands: Scenario.defaults.ageBands)
        #expect(stock.total == 1 && stock.byCategory == [.inHouseFoster: 1] && stock.byAgeBand == ["10to15": 1])
    }

    @Test(arguments: [("2019-20", 2020), ("201920", 2020), ("2019_2020", 2020), ("SSDA903 2021-22 return", 2022)])
    func aYearInTheNameIsTheYearItEnds(name: String, ending: Int) {
        #expect(YearResolver.label(in: name) == .ending(ending))
    }

    @Test func aSingleYearIsReadAsTheYearMostDatesFallIn() throws {
        // cs-demand-model names 2017-18 "2017": its dates lie from April 2017 to March 2018.
        let scratch = try Scratch()
        try writeYear(scratch, "2017", header: ["1,1,01/01/2005"], episodes: [
            "1,01/06/2017,S,C2,U4,PR1,01/09/2017,E4A", "1,01/12/2017,S,C2,U4,PR1,,"])
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.yearsEnding == [2018])
        #expect(history.summary.files.first { $0.table == "Episodes" }?.yearFrom == "file name")
    }

    @Test func aYearColumnSplitsACombinedFile() throws {
        let scratch = try Scratch()
        try scratch.write("all/episodes.csv", """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,YEAR
            1,01/06/2019,S,C2,N1,U4,PR1,,,,,,,2019-20
            1,01/06/2019,S,C2,N1,U4,PR1,01/07/2020,E4A,,,,,2020-21
            """)
        try scratch.write("all/header.csv", "CHILD,SEX,DOB,YEAR\n1,1,01/01/2010,2019-20\n")
        let history = try ReturnReader.read(paths: [scratch.url.appendingPathComponent("all").path])
        #expect(history.yearsEnding == [2020, 2021])
        #expect(history.summary.episodesUpdatedByLaterYear == 1)
        #expect(history.children[0].periods[0].exitRoute == .returnHome)
        #expect(history.exits(yearEnding: 2021) == [.returnHome: 1])
    }

    @Test func theLaterReturnWinsAndDuplicatesAreKeptOnce() throws {
        let scratch = try Scratch()
        try writeYear(scratch, "2019-20", header: ["1,1,01/01/2010"], episodes: [
            "1,01/06/2019,S,C2,U4,PR1,,", "1,01/06/2019,S,C2,U4,PR1,,"])
        try writeYear(scratch, "2020-21", header: ["1,1,01/01/2010"], episodes: ["1,01/06/2019,S,C2,U4,PR1,01/02/2021,E11"])
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.summary.duplicateEpisodes == 1)
        #expect(history.children[0].episodes.count == 1)
        #expect(history.children[0].episodes[0].end == CalendarDate(year: 2021, month: 2, day: 1))
        #expect(history.children[0].periods[0].exitRoute == .adoption)
        #expect(history.problems.isEmpty)
    }

    @Test func overlapsAreCutAndOpenEpisodesClosedByWhatFollows() throws {
        let scratch = try Scratch()
        try writeYear(scratch, "2020-21", header: ["1,1,01/01/2010", "2,2,01/01/2011"], episodes: [
            "1,01/05/2020,S,C2,U4,PR1,01/09/2020,X1",  // overlaps the next: cut (501)
            "1,01/08/2020,P,C2,K2,PR4,,",              // open but followed: closed (142)
            "1,01/10/2020,P,C2,U6,PR4,,",
            "2,01/05/2020,P,C2,U4,PR1,,"])             // first episode not S inside the years (357)
        try writeYear(scratch, "2021-22", header: ["1,1,01/01/2010"], episodes: ["1,01/10/2020,P,C2,U6,PR4,,"])
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(rules(history) == ["142", "357", "501", "502"])
        let one = history.children[0]
        #expect(one.episodes.map(\.end) == [CalendarDate(year: 2020, month: 8, day: 1), CalendarDate(year: 2020, month: 10, day: 1), nil])
        #expect(one.periods.count == 1 && one.periods[0].placements.map(\.category) == [.inHouseFoster, .externalResidential, .agencyFoster])
        // Child 2 is missing from 2021-22: their open episode closes on 31 March 2021, route unknown (502).
        let two = history.children[1]
        #expect(two.periods[0].end == CalendarDate(year: 2021, month: 3, day: 31) && two.periods[0].exitRoute == nil)
        #expect(history.exits(yearEnding: 2021) == [nil: 1])
        #expect(history.entries(yearEnding: 2021) == 2)
    }

    @Test func shortBreaksAreNotCareAndUnusableRowsAreSetAsideAndCounted() throws {
        let scratch = try Scratch()
        try writeYear(scratch, "2020-21", header: ["1,1,01/01/2010", "2,1,01/01/2012"], episodes: [
            "1,01/05/2020,S,V3,U4,PR1,03/05/2020,E13",   // short break
            "1,01/06/2020,S,C2,U4,PR1,01/05/2020,E13",   // ceases before it began (356)
            "1,31/02/2021,S,C2,U4,PR1,,",                // no such date (141)
            "2,01/06/2020,S,C2,XX,PR1,,",                // unknown PLACE (146): counted as other
            "3,01/07/2020,S,C2,U6,PR3,,"])               // no header; PR3 cannot provide foster care (529)
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.summary.shortBreakEpisodes == 1)
        #expect(history.summary.setAside == ["ceased before it began (rule 356)": 1, "no valid start date (DECOM)": 1])
        #expect(rules(history) == ["141", "146", "356", "529"])
        #expect(history.problems.contains { $0.child == "3" && $0.message.contains("no Header row") })
        #expect(history.children.map(\.id) == ["2", "3"])
        #expect(history.children[0].periods[0].placements[0].category == .other)
        #expect(history.children[1].age(on: CalendarDate(year: 2021, month: 3, day: 31)) == nil)
        #expect(!history.hasErrors)
    }

    @Test func aMissingColumnOrAFileThatIsNotCSVIsAnError() throws {
        let scratch = try Scratch()
        try scratch.write("2020-21/episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n1,01/05/2020,S,C2,N1,U4,,\n")
        try scratch.write("2020-21/header.csv", Data([0x43, 0x48, 0x00, 0x01, 0xFF]))
        let history = try ReturnReader.read(paths: [scratch.url.path])
        #expect(history.hasErrors)
        let errors = history.problems.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.contains("episodes.csv:1") && $0.contains("no column PLACE_PROVIDER") })
        #expect(errors.contains { $0.contains("header.csv") && $0.contains("not a CSV text file") })
    }

    @Test func noEpisodesAtAllThrows() throws {
        let scratch = try Scratch()
        try scratch.write("header.csv", "CHILD,SEX,DOB\n1,1,01/01/2010\n")
        #expect(throws: SSDA903Error.self) { try ReturnReader.read(paths: [scratch.url.path]) }
        #expect(throws: SSDA903Error.self) { try ReturnReader.read(paths: [scratch.url.appendingPathComponent("nothing-here").path]) }
    }
}
