import Foundation

/// A results folder whose files are written atomically: each goes to a temporary file first and
/// is renamed into place, so an interrupted run never leaves a half-written file.
struct OutputFolder {
    let path: String

    func write(_ files: [(name: String, text: String)]) throws(CLIError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .failure("cannot create the output folder \(path): \(error.localizedDescription)")
        }
        for (name, text) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw .failure("cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }
}
