import Foundation

/// Progress on standard error (replications done, rate, time left), only when standard error is
/// a terminal. Coloured unless NO_COLOR is set. At most five updates a second.
final class ProgressReporter: @unchecked Sendable {
    private let console: Console
    private let label: String
    private let total: Int
    private let start = Date()
    private let lock = NSLock()
    private var lastUpdate = Date.distantPast
    private let enabled: Bool
    private let dim: String, reset: String

    init(console: Console, label: String, total: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.console = console
        self.label = label
        self.total = total
        enabled = console.errorIsTerminal
        let colour = environment["NO_COLOR"].map(\.isEmpty) ?? true
        dim = colour ? "\u{1B}[2m" : ""
        reset = colour ? "\u{1B}[0m" : ""
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastUpdate) >= 0.2 else { return }
            lastUpdate = now
            let elapsed = now.timeIntervalSince(start)
            let rate = Double(done) / max(elapsed, 1e-6)
            let left = Double(total - done) / max(rate, 1e-6)
            console.writeError(String(format: "\r%@%@: %d/%d replications, %.0f/s, about %.0f s left%@\u{1B}[K", dim, label, done, total, rate, left, reset))
        }
    }

    func finish() {
        guard enabled else { return }
        console.writeError("\r\u{1B}[K")
    }
}
