import Foundation
import Sufficiency

/// `sufficiency benchmark SCENARIO [--replications N] [--seed S]`: replications per second on 1
/// thread and on every core, events per second and peak memory, for the README's figures.
struct BenchmarkCommand: Equatable {
    static let usage = "sufficiency benchmark SCENARIO [--replications N] [--seed S]"

    var scenario: String
    var replications: Int = 2_000
    var seed: UInt64?

    func run(console: Console) throws(CLIError) {
        let model: ScenarioModel
        do { model = try ScenarioLoader.model(at: scenario) } catch { throw .badInput(error.problems.map(\.line)) }
        let seed = self.seed ?? model.scenario.monteCarlo.seed
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Two runs' results are held at once (1 thread and every core, compared).
        if let problem = MonteCarloRunner.memoryProblem(model, replications: 2 * replications, threads: cores) { throw .usage(problem, usage: Self.usage) }
        var lines = ["scenario: \(model.scenario.name) (\(scenario)), \(model.scenario.time.horizonYears) years, seed \(seed)",
                     "replications: \(replications)", ""]
        var table = ["threads  seconds  replications/s  events/s"]
        var first: MonteCarloResult?
        for threads in Array(Set([1, cores])).sorted() {
            let clock = ContinuousClock()
            let start = clock.now
            let result = MonteCarloRunner.run(model, replications: replications, seed: seed, threads: threads)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            table.append(String(format: "%7d  %7.2f  %14.0f  %8.0f", threads, seconds, Double(replications) / seconds, Double(result.events) / seconds))
            if let first, first.replications != result.replications {
                throw .failure("results on \(threads) threads differ from 1 thread: reproducibility is broken")
            }
            first = result
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        lines += table
        lines.append("")
        lines.append(String(format: "events per replication: %.0f", Double(first!.events) / Double(replications)))
        lines.append(String(format: "peak memory: %.0f MiB", Double(usage.ru_maxrss) / 1024))
        console.writeOut(lines.joined(separator: "\n") + "\n")
    }
}
