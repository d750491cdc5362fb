import Testing
@testable import SufficiencyReports

struct CSVWriterTests {
    @Test func formulasAreDefusedAndNumbersKept() {
        var csv = CSVWriter(header: ["id", "value"])
        csv.append(["=HYPERLINK(\"x\")", "-0.5"])
        csv.append(["+1+1", "@SUM(A1)"])
        csv.append(["-", "R1, R2"])
        #expect(csv.text == "id,value\n\"'=HYPERLINK(\"\"x\"\")\",-0.5\n'+1+1,'@SUM(A1)\n'-,\"R1, R2\"\n")
    }
}
