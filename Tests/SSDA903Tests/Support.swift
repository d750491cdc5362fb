import Foundation
import SSDA903
import Sufficiency

/// The package root, for the shipped scenario files.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A scratch folder of 903 files, removed when the test ends.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-903-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` (or raw bytes) to `name`, creating folders; returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Header and Episodes files for one year from compact rows.
///
/// - Parameter episodes: `CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC` lines (the other
///   columns are filled in).
func writeYear(_ scratch: Scratch, _ folder: String, header: [String], episodes: [String]) throws {
    try scratch.write("\(folder)/header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + header.map { "\($0),WBRI,UN1,," }.joined(separator: "\n") + "\n")
    let rows = episodes.map { line -> String in
        let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return [f[0], f[1], f[2], f[3], "N1", f[4], f[5], f[6], f[7], "", "LE9 7TH", "LE2 5QG", ""].joined(separator: ",")
    }
    try scratch.write("\(folder)/episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                      + rows.joined(separator: "\n") + "\n")
}

/// The rules of the problems a history has, sorted.
func rules(_ history: CareHistory) -> [String] { history.problems.compactMap(\.rule).sorted() }

/// One replication of `model` written as 903 files in a scratch folder and read back.
func exportedHistory(_ model: ScenarioModel, seed: UInt64, replication: Int, historyYears: Int) throws -> (history: CareHistory, scratch: Scratch) {
    let export = try ReturnWriter.export(model, seed: seed, replication: replication, historyYears: historyYears)
    let scratch = try Scratch()
    for file in export.files { try scratch.write(file.path, file.text) }
    return (try ReturnReader.read(paths: [scratch.url.path]), scratch)
}
