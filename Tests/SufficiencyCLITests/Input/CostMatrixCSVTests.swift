import Foundation
import Testing
@testable import SufficiencyCLI

struct CostMatrixCSVTests {
    private func parse(_ text: String) throws -> CostMatrixCSV {
        try CostMatrixCSV.parse(Data(text.utf8), file: "m.csv")
    }

    private func problem(_ text: String) -> String {
        do { _ = try parse(text); return "" } catch { return String(describing: error) }
    }

    @Test func plainNumbersAreNamedByIndex() throws {
        let csv = try parse("1,2\n3,4\n")
        #expect(csv.matrix.costs == [1, 2, 3, 4])
        #expect(csv.rowIDs == ["1", "2"])
        #expect(csv.columnIDs == ["1", "2"])
    }

    @Test func emptyCellsAndInfAreNotAllowed() throws {
        let csv = try parse("1,,inf\r\n, 2 ,Infinity\n")
        #expect(csv.matrix.costs == [1, .infinity, .infinity, .infinity, 2, .infinity])
    }

    @Test func headerRowAndIDColumnAreRecognised() throws {
        let csv = try parse("child,P1,P2\nC1,4,1\n\"Smith, J\",2,0\n\n")
        #expect(csv.rowIDs == ["C1", "Smith, J"])
        #expect(csv.columnIDs == ["P1", "P2"])
        #expect(csv.matrix.costs == [4, 1, 2, 0])
    }

    @Test func aHeaderOneCellShortOverAnIDColumnIsRefusedNotShifted() throws {
        #expect(problem("P1,P2\nC1,4,1\n") == "error: m.csv:1: the header row has 2 cells; expected 3: a corner cell over the child ids, then 2 place ids")
        #expect(problem("c,p1,p2\nr1,1,2,3\n") == "error: m.csv:1: the header row has 3 cells; expected 4: a corner cell over the child ids, then 3 place ids")
        let corner = try parse(",P1,P2\nC1,4,1\n")
        #expect(corner.columnIDs == ["P1", "P2"] && corner.rowIDs == ["C1"])
    }

    @Test func aByteOrderMarkAndCRLFAreReadAsExcelWritesThem() throws {
        let csv = try parse("\u{FEFF}child,P1,P2\r\nC1,4,1\r\nC2,2,0\r\n")
        #expect(csv.columnIDs == ["P1", "P2"] && csv.rowIDs == ["C1", "C2"])
        #expect(csv.matrix.costs == [4, 1, 2, 0])
    }

    @Test func badCellsAreReportedWithFileLineAndColumn() {
        #expect(problem("1,2\n3,x\n") == "error: m.csv:2:2: expected a number, 'inf' or an empty cell, found 'x'")
        #expect(problem("1,2\n3,nan\n").hasPrefix("error: m.csv:2:2: expected a number, 'inf' or an empty cell, found NaN"))
        #expect(problem("1,-inf\n").hasPrefix("error: m.csv:1:2: expected a finite cost or 'inf'"))
        #expect(problem("1,2\n3\n") == "error: m.csv:2: expected 2 cells, as on the first line of costs, found 1")
        #expect(problem("").hasPrefix("error: m.csv:1: the file is empty"))
        #expect(problem("\n\n").hasPrefix("error: m.csv:1: the file is empty"))
    }

    @Test func aTypoInTheFirstLineIsNotMistakenForAHeader() {
        #expect(problem("1,x,3\n4,5,6\n").hasPrefix("error: m.csv:1:3: the first line mixes text and costs"))
    }

    @Test func anIDMissingFromOneRowIsAnError() {
        #expect(problem("C1,1,2\n3,4,5\n") == "error: m.csv:2:1: expected a child id (not a number) in the first column, found '3'")
    }
}
