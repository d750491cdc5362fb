import Dispatch
import Foundation
import PlacementMatching

/// Runs replications of a scenario over all cores.
///
/// Every replication is enumerated before fanning out; worker `w` of `T` runs replications
/// `w, w + T, w + 2T, ...` and writes only their slots; results are read back in index order. A
/// replication depends only on (scenario, seed, index), so the output is identical on 1 thread or
/// many.
public enum MonteCarloRunner {
    /// Runs `replications` replications of `model` from `seed`.
    ///
    /// - Parameters:
    ///   - threads: Worker threads (default: every core).
    ///   - progress: Called with the number of replications finished so far, from any thread.
    /// - Returns: Every replication's metrics, in index order.
    /// - Complexity: O(replications x events per replication).
    public static func run(_ model: ScenarioModel, replications: Int, seed: UInt64,
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           progress: (@Sendable (Int) -> Void)? = nil) -> MonteCarloResult {
        run(model, indices: 0..<replications, seed: seed, threads: threads, progress: progress)
    }

    /// Runs the replications whose indices are in `indices` (a shard of a larger run: replication
    /// r is the same whichever run computes it).
    public static func run(_ model: ScenarioModel, indices: Range<Int>, seed: UInt64,
                           threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                           progress: (@Sendable (Int) -> Void)? = nil) -> MonteCarloResult {
        let catalog = MetricCatalog(model: model)
        let replications = indices.count
        let slots = ResultSlots(count: replications)
        let workers = max(1, min(threads, replications))
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Each worker rebuilds its own model: the engine reads its arrays constantly, and
            // reference counts on buffers shared between cores made the second core add only 25%.
            let local = (try? ScenarioModel(validating: model.scenario, file: model.file)) ?? model
            var matching = MatchingWorkspace()
            for slot in stride(from: worker, to: replications, by: workers) {
                let simulation = Replication(model: local, catalog: catalog, seed: seed, index: indices.lowerBound + slot, matching: matching)
                slots.store(simulation.run(), at: slot)
                matching = simulation.matching
                let finished = done.increment()
                progress?(finished)
            }
        }
        return MonteCarloResult(model: model, catalog: catalog, seed: seed, replications: slots.values())
    }
}

/// One slot per replication; each is written by exactly one worker, then read after all finish.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [ReplicationResult?]
    private let lock = NSLock()

    init(count: Int) { slots = [ReplicationResult?](repeating: nil, count: count) }

    func store(_ result: ReplicationResult, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    func values() -> [ReplicationResult] { lock.withLock { slots.map { $0! } } }
}

/// A thread-safe count of finished replications, for progress reports.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int { lock.withLock { value += 1; return value } }
}
