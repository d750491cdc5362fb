import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Sufficiency
import SufficiencyReports

/// `sufficiency benchmark SCENARIO`: how fast the simulation runs, measured by the program itself
/// (never by a timed test).
///
/// - Default: replications per second on 1 thread and on every core (checking both give the same
///   numbers), events per second, peak memory, and the memory a run of this size needs by the
///   formula the commands use to refuse runs that would not fit.
/// - `--scale K,K,...`: the scenario scaled by each K (children, entries and supply multiplied),
///   seconds per replication on one thread (the median of five timings, the Ks taken in turn) and
///   peak memory, with the growth exponent fitted over the Ks (1 would be linear in the number of
///   children) and the range of each turn's own fit.
/// - `--against BINARY`: this build and another (the previous release, say) run the same `run`
///   command in turn, three times each, as separate processes; prints both medians and their ratio.
struct BenchmarkCommand: Equatable {
    static let usage = "sufficiency benchmark SCENARIO [--replications N] [--seed S] [--scale K,K,...] [--against BINARY]"
    /// Timings of each K with `--scale`: with three, one slow spell in two timings of a K moved
    /// the exponent by 0.1 on this machine; the median of five rides out two.
    static let scaleTurns = 5

    var scenario: String
    var replications: Int = 2_000
    var seed: UInt64?
    var scales: [Int] = []
    var against: String?

    func run(console: Console) throws(CLIError) {
        let model: ScenarioModel
        do { model = try ScenarioLoader.model(at: scenario) } catch { throw .badInput(error.problems.map(\.line)) }
        let seed = self.seed ?? model.scenario.monteCarlo.seed
        if !scales.isEmpty { return try scaling(model, seed: seed, console: console) }
        if let against { return try compare(with: against, seed: seed, console: console) }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let problem = MonteCarloRunner.memoryProblem(model, replications: replications, threads: cores) { throw .usage(problem, usage: Self.usage) }
        var lines = ["scenario: \(model.scenario.name) (\(scenario)), \(model.scenario.time.horizonYears) years, seed \(seed)",
                     "replications: \(replications)", ""]
        var table = ["threads  seconds  replications/s  events/s"]
        // Runs are compared by a checksum of every value, so only one run's values are held at a time.
        var first: MonteCarloResult?, firstChecksum: UInt64?, parallelSeconds = 0.0
        for threads in Array(Set([1, cores])).sorted() {
            first = nil
            Self.returnFreedMemory()
            let (result, seconds) = Self.timed { MonteCarloRunner.run(model, replications: replications, seed: seed, threads: threads) }
            table.append(String(format: "%7d  %7.2f  %14.0f  %8.0f", threads, seconds, Double(replications) / seconds, Double(result.events) / seconds))
            let checksum = Self.checksum(result)
            if let firstChecksum, firstChecksum != checksum {
                throw .failure("results on \(threads) threads differ from 1 thread: reproducibility is broken")
            }
            (first, firstChecksum, parallelSeconds) = (result, checksum, seconds)
        }
        lines += table
        lines.append("")
        // What `run` does after the replications, on one thread: summaries, reports, files.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-benchmark-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let quiet = Console(writeOut: { _ in }, writeError: { _ in })
        let (written, serialSeconds) = Self.timed { () -> CLIError? in
            let summary = RunSummary(result: first!, provenance: .of(file: scenario, version: Help.version, seed: seed, replications: replications),
                                     suppression: Suppression(below: 0))
            do throws(CLIError) { try SimulateCommand(scenarios: [scenario], output: scratch.path, quiet: true).finish([summary], console: quiet) } catch { return error }
            return nil
        }
        if let written { throw written }
        lines.append(String(format: "summaries, reports and files after the replications (serial): %.2f s, %.1f%% of the run on %d threads (%.2f s)",
                            serialSeconds, 100 * serialSeconds / (parallelSeconds + serialSeconds), cores, parallelSeconds + serialSeconds))
        lines.append(String(format: "events per replication: %.0f", Double(first!.events) / Double(replications)))
        lines.append(String(format: "peak memory: %.0f MiB", Self.peakMiB()))
        let estimate = MonteCarloRunner.estimatedBytes(model, replications: replications, threads: cores)
        lines.append("memory a run of \(replications) replications on \(cores) threads needs, by the formula the commands check: "
                     + ScenarioSize.describe(bytes: estimate))
        lines.append("  (threads x 2 KiB per child and place of one replication + replications x 8 bytes per metric value kept + 64 MiB)")
        console.writeOut(lines.joined(separator: "\n") + "\n")
    }

    // MARK: - Scaling

    private func scaling(_ model: ScenarioModel, seed: UInt64, console: Console) throws(CLIError) {
        var lines = ["scenario: \(model.scenario.name) (\(scenario)) scaled by K, \(replications) replication\(replications == 1 ? "" : "s") on 1 thread, seed \(seed),",
                     "the Ks timed in turn \(Self.scaleTurns) times: the median of each", "",
                     "      K  children  seconds/replication  peak memory MiB"]
        let ks = scales.sorted()
        var models: [ScenarioModel] = []
        for k in ks {
            do { models.append(try ScenarioModel(validating: model.scenario.scaled(by: k), file: scenario)) } catch {
                throw .usage("--scale \(k): " + error.problems.map(\.line).joined(separator: "; "), usage: Self.usage)
            }
            if let problem = MonteCarloRunner.memoryProblem(models[models.count - 1], replications: replications, threads: 1) { throw .usage(problem, usage: Self.usage) }
        }
        // In turn rather than each K several times running: this machine's speed drifts over
        // minutes, and a slow spell should touch every K, not tilt the exponent. The first turn
        // takes increasing K, so the process's peak memory after each K is that K's.
        var timings = [[Double]](repeating: [], count: ks.count), peaks = [Double](repeating: 0, count: ks.count)
        for turn in 0..<Self.scaleTurns {
            for (i, scaled) in models.enumerated() {
                timings[i].append(Self.timed { MonteCarloRunner.run(scaled, replications: replications, seed: seed, threads: 1) }.1)
                if turn == 0 { peaks[i] = Self.peakMiB() }
            }
        }
        let seconds = timings.map { Self.median($0) / Double(replications) }
        for (i, k) in ks.enumerated() {
            lines.append(String(format: "%7d  %8.0f  %19.3f  %15.0f", k, ScenarioSize(models[i].scenario).childrenPerReplication, seconds[i], peaks[i]))
        }
        if ks.count >= 2 {
            // Fitted on the medians; each turn's own fit shows how far this machine's drift moves it.
            let turns = (0..<Self.scaleTurns).map { turn in Self.growthExponent(ks: ks, seconds: timings.map { $0[turn] }) }
            lines += ["", String(format: "growth exponent (time ~ K^b, fitted over K = %@): b = %.2f (%.2f to %.2f turn by turn)",
                                 ks.map(String.init).joined(separator: ", "), Self.growthExponent(ks: ks, seconds: seconds),
                                 turns.min()!, turns.max()!)]
        }
        console.writeOut(lines.joined(separator: "\n") + "\n")
    }

    // MARK: - Against another build

    private func compare(with other: String, seed: UInt64, console: Console) throws(CLIError) {
        guard FileManager.default.isExecutableFile(atPath: other) else { throw .usage("--against expects a sufficiency binary, found '\(other)'", usage: Self.usage) }
        let this = CommandLine.arguments[0].hasPrefix("/") || CommandLine.arguments[0].contains("/")
            ? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path : CommandLine.arguments[0]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sufficiency-benchmark-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var times: [String: [Double]] = [this: [], other: []]
        for round in 0..<3 {
            for binary in round % 2 == 0 ? [this, other] : [other, this] {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: binary)
                process.arguments = ["run", scenario, "--replications", String(replications), "--seed", String(seed), "--quiet",
                                     "--output", scratch.appendingPathComponent("\(round)-\(times[binary]!.count)-\(binary == this ? "this" : "other")").path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let start = Date()
                do { try process.run() } catch { throw .failure("cannot start \(binary): \(error.localizedDescription)") }
                process.waitUntilExit()
                guard process.terminationStatus == 0 else { throw .failure("\(binary) run \(scenario) exited with \(process.terminationStatus)") }
                times[binary]!.append(Date().timeIntervalSince(start))
            }
        }
        let mine = Self.median(times[this]!), theirs = Self.median(times[other]!)
        let width = max("this build".count, other.count)
        func line(_ label: String, _ binary: String, _ m: Double) -> String {
            label.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %7.2f s  (", m)
                + times[binary]!.map { String(format: "%.2f", $0) }.joined(separator: ", ") + String(format: ")  %.0f replications/s", Double(replications) / m)
        }
        console.writeOut("'run \(scenario) --replications \(replications) --seed \(seed)' with outputs written, three times each, alternating:\n"
            + "  " + line("this build", this, mine) + "\n  " + line(other, other, theirs) + "\n"
            + String(format: "  speed ratio (other's time / this build's): %.2f\n", theirs / mine))
    }

    // MARK: - Measuring

    /// Hands memory freed by an earlier run back to the system, so the peak is one run's: the next
    /// run allocates from other threads' heaps and would otherwise add to it.
    private static func returnFreedMemory() {
        #if canImport(Glibc)
        // glibc's malloc_trim, which its module map does not export.
        if let trim = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        #endif
    }

    /// FNV-1a over every value of every replication, in order.
    private static func checksum(_ result: MonteCarloResult) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for replication in result.replications {
            for value in replication.monthly + replication.financial {
                hash = (hash ^ value.bitPattern) &* 0x0000_0100_0000_01b3
            }
        }
        return hash
    }

    /// The middle of an odd number of timings.
    private static func median(_ timings: [Double]) -> Double { timings.sorted()[timings.count / 2] }

    /// Least-squares slope of log(time) on log(K).
    private static func growthExponent(ks: [Int], seconds: [Double]) -> Double {
        let xs = ks.map { log(Double($0)) }, ys = seconds.map { log($0) }
        let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0, variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - mx) * (y - my)
            variance += (x - mx) * (x - mx)
        }
        return covariance / max(variance, 1e-12)
    }

    private static func timed<T>(_ body: () -> T) -> (T, Double) {
        let clock = ContinuousClock(), start = clock.now
        let value = body()
        let elapsed = clock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }

    /// The process's peak resident memory. Linux's VmHWM starts afresh with the process;
    /// getrusage's maximum survives exec, so under `swift run` it reported the launcher's peak.
    private static func peakMiB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.count >= 2, let kB = Double(fields[1]) { return kB / 1024 }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
