import Foundation
import Testing
import SufficiencyReports

struct JSONValueTests {
    @Test func objectsKeepTheirKeyOrder() {
        let value = JSONValue.object([("b", .integer(1)), ("a", .array([.number(0.5), .string("x\"y")]))])
        #expect(value.rendered() == "{\"b\": 1, \"a\": [0.5, \"x\\\"y\"]}")
    }

    @Test func numbersReadBackExactly() throws {
        for number in [0.1, 1e-7, 123456.789, -3, 2.5e300] {
            let text = JSONValue.array([.number(number)]).rendered()
            let back = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Double])
            #expect(back == [number])
        }
        #expect(JSONValue.number(.infinity).rendered() == "null")
    }

    @Test func prettyOutputIsValidJSON() throws {
        let value = JSONValue.object([("rows", .array([.object([("a", .null), ("b", .bool(true))])])), ("empty", .array([]))])
        let text = value.rendered(pretty: true)
        #expect(text.contains("\n  \"rows\": [\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test func csvFieldsWithCommasAreQuoted() {
        var csv = CSVWriter(header: ["a", "b"])
        csv.append(["x,y", "say \"hi\""])
        #expect(csv.text == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n")
    }
}
