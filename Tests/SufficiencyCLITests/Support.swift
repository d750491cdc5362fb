import Foundation
@testable import SufficiencyCLI

/// Runs the built `sufficiency` binary, as a user would, and collects what it prints.
struct BinaryRun {
    let exitCode: Int32
    let stdout: String
    let stderr: String

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (the build folder swift test used).
    static var binary: URL {
        let nextToTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [nextToTests, nextToTests.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("sufficiency")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/sufficiency")
    }

    init(_ arguments: [String], in directory: URL = BinaryRun.packageRoot) throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        exitCode = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs the CLI in-process and collects what it prints.
func runInProcess(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let box = Captured()
    let console = Console(writeOut: { box.append(out: $0) }, writeError: { box.append(err: $0) })
    let code = SufficiencyCLI.run(arguments, console: console)
    return (code, box.out, box.err)
}

final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var out = "", err = ""
    func append(out text: String) { lock.withLock { out += text } }
    func append(err text: String) { lock.withLock { err += text } }
}
