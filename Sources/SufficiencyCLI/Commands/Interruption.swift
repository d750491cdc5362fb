import Dispatch
import Foundation

/// Removes the staging folders of outputs being written when the process is interrupted
/// (SIGINT, SIGTERM), then exits with 130 or 143 as a shell would. The signals are handled on a
/// queue of their own, so the cleanup runs even while every core is busy with replications.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()

    private let lock = NSLock()
    private var staging: Set<URL> = []
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

    func register(_ folder: URL) { lock.withLock { _ = staging.insert(folder) } }
    func unregister(_ folder: URL) { lock.withLock { _ = staging.remove(folder) } }

    private func stop(_ signalNumber: Int32) {
        let folders = lock.withLock { staging }
        for folder in folders { try? FileManager.default.removeItem(at: folder) }
        FileHandle.standardError.write(Data("\ninterrupted: no output was changed\n".utf8))
        exit(128 + signalNumber)
    }
}
