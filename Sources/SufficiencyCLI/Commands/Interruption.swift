import Dispatch
import Foundation

/// Makes SIGINT and SIGTERM end the process between output writes, never during one, then exit
/// with 130 or 143 as a shell would. An output folder is staged, filled and swapped in while
/// `whileWriting` holds a lock; the signal handler takes the same lock, so an interruption that
/// arrives mid-write waits for that folder to be complete and in place (and its staging folder
/// gone), and no write starts after it. The signals are handled on a queue of their own, so this
/// works even while every core is busy with replications.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var written: [String] = []
    private var sources: [any DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "sufficiency.interruption")

    /// Starts listening (once; later calls do nothing).
    func install() {
        lock.withLock {
            guard sources.isEmpty else { return }
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { [unowned self] in self.stop(signalNumber) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Runs `write`, which replaces the output folder at `path`, with interruptions held off.
    func whileWriting<T>(_ path: String, _ write: () throws(CLIError) -> T) throws(CLIError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let result = try write()
        written.append(path)
        return result
    }

    /// Exits holding the lock, so no other thread starts writing in the meantime.
    private func stop(_ signalNumber: Int32) {
        lock.lock()
        let message = written.isEmpty
            ? "\ninterrupted: no output was changed\n"
            : "\ninterrupted after writing \(written.joined(separator: ", ")) in full\n"
        FileHandle.standardError.write(Data(message.utf8))
        exit(128 + signalNumber)
    }
}
