import Foundation
import Sufficiency

/// One shard of a Monte Carlo run: replications `first ..< first + count` of a run of
/// `replications`, with what is needed to check that shards belong together and to rebuild the
/// whole run. The file is a line of JSON (the header), then each replication's monthly and
/// financial-year metrics as little-endian doubles and its event count as a 64-bit integer: exact,
/// so merged shards give the same bytes as the run they are part of.
public struct ShardFile: Sendable {
    public struct Header: Sendable, Equatable {
        public var version: String
        public var scenarioFile: String
        public var scenarioSHA256: String
        public var seed: UInt64
        public var replications: Int
        public var shard: Int
        public var shards: Int
        public var first: Int
        public var count: Int
        public var monthlyValues: Int
        public var financialValues: Int
        public var snapshots: Int
        public var years: Int
    }

    static let magic = "sufficiency-shard 1\n"

    /// The replications shard `shard` of `shards` (from 1) runs: contiguous blocks, as even as can be.
    public static func range(shard: Int, of shards: Int, replications: Int) -> Range<Int> {
        (replications * (shard - 1) / shards)..<(replications * shard / shards)
    }

    public static func encode(_ result: MonteCarloResult, provenance: Provenance, shard: Int, of shards: Int, first: Int) -> [UInt8] {
        let r = result.replications.first
        let header: [(String, JSONValue)] = [
            ("version", .string(provenance.version)), ("scenarioFile", .string(provenance.scenarioFile)),
            ("scenarioSHA256", .string(provenance.scenarioSHA256)), ("seed", .string(String(provenance.seed))),
            ("replications", .integer(provenance.replications)), ("shard", .integer(shard)), ("shards", .integer(shards)),
            ("first", .integer(first)), ("count", .integer(result.replications.count)),
            ("monthlyValues", .integer(r?.monthly.count ?? 0)), ("financialValues", .integer(r?.financial.count ?? 0)),
            ("snapshots", .integer(r?.snapshots ?? 0)), ("years", .integer(r?.years ?? 0)),
        ]
        var out = Array((magic + JSONValue.object(header).rendered() + "\n").utf8)
        out.reserveCapacity(out.count + result.replications.count * ((r?.monthly.count ?? 0) + (r?.financial.count ?? 0) + 1) * 8)
        for replication in result.replications {
            for value in replication.monthly { append(&out, value.bitPattern) }
            for value in replication.financial { append(&out, value.bitPattern) }
            append(&out, UInt64(bitPattern: Int64(replication.events)))
        }
        return out
    }

    public let header: Header
    public let replications: [ReplicationResult]

    /// Reads a shard file's bytes; `file` names it in messages.
    public static func decode(_ bytes: [UInt8], file: String) throws(ShardError) -> ShardFile {
        let magicBytes = Array(magic.utf8)
        guard bytes.starts(with: magicBytes), let newline = bytes[magicBytes.count...].firstIndex(of: 0x0A) else {
            throw ShardError(message: "\(file): expected a shard written by 'sufficiency run --shard', found something else")
        }
        let json: ParsedJSON
        do { json = try ParsedJSON.parse(Array(bytes[magicBytes.count..<newline])) } catch {
            throw ShardError(message: "\(file): the shard's header is damaged (\(error))")
        }
        func text(_ key: String) -> String? { if case let .string(s)? = json[key] { return s } else { return nil } }
        func int(_ key: String) -> Int? { if case let .number(n)? = json[key] { return Int(n) } else { return nil } }
        guard let version = text("version"), let scenarioFile = text("scenarioFile"), let sha = text("scenarioSHA256"),
              let seed = text("seed").flatMap({ UInt64($0) }), let replications = int("replications"), let shard = int("shard"),
              let shards = int("shards"), let first = int("first"), let count = int("count"), let monthly = int("monthlyValues"),
              let financial = int("financialValues"), let snapshots = int("snapshots"), let years = int("years"),
              count >= 0, monthly >= 0, financial >= 0 else {
            throw ShardError(message: "\(file): the shard's header is incomplete")
        }
        let header = Header(version: version, scenarioFile: scenarioFile, scenarioSHA256: sha, seed: seed, replications: replications, shard: shard,
                            shards: shards, first: first, count: count, monthlyValues: monthly, financialValues: financial, snapshots: snapshots, years: years)
        let stride = (monthly + financial + 1) * 8, start = newline + 1
        guard bytes.count - start == count * stride else {
            throw ShardError(message: "\(file): expected \(count) replications (\(count * stride) bytes), found \(bytes.count - start) bytes; the file is cut short or damaged")
        }
        var out: [ReplicationResult] = []
        out.reserveCapacity(count)
        for r in 0..<count {
            var at = start + r * stride
            func next() -> UInt64 {
                defer { at += 8 }
                return (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
            }
            let m = (0..<monthly).map { _ in Double(bitPattern: next()) }
            let f = (0..<financial).map { _ in Double(bitPattern: next()) }
            out.append(ReplicationResult(monthly: m, financial: f, snapshots: snapshots, years: years, events: Int(Int64(bitPattern: next()))))
        }
        return ShardFile(header: header, replications: out)
    }

    private static func append(_ out: inout [UInt8], _ value: UInt64) {
        for k in 0..<8 { out.append(UInt8((value >> (8 * UInt64(k))) & 0xFF)) }
    }

    /// Puts shards back together as the run they came from: every shard of one run, each once.
    ///
    /// - Returns: the header they share and the replications in index order.
    public static func merge(_ shards: [(file: String, shard: ShardFile)]) throws(ShardError) -> (header: Header, replications: [ReplicationResult]) {
        guard let first = shards.first else { throw ShardError(message: "merge needs at least one shard") }
        var problems: [String] = []
        let h = first.shard.header
        for (file, shard) in shards {
            let o = shard.header
            if (o.version, o.scenarioFile, o.scenarioSHA256, o.seed, o.replications, o.shards) != (h.version, h.scenarioFile, h.scenarioSHA256, h.seed, h.replications, h.shards) {
                problems.append("\(file): from another run (scenario \(o.scenarioFile), seed \(o.seed), \(o.replications) replications in \(o.shards) shards, version \(o.version)) than \(first.file) (scenario \(h.scenarioFile), seed \(h.seed), \(h.replications) replications in \(h.shards) shards, version \(h.version))")
            }
            if o.first != range(shard: o.shard, of: o.shards, replications: o.replications).lowerBound || o.count != range(shard: o.shard, of: o.shards, replications: o.replications).count {
                problems.append("\(file): shard \(o.shard) of \(o.shards) should hold replications \(range(shard: o.shard, of: o.shards, replications: o.replications)), holds \(o.first)..<\(o.first + o.count)")
            }
        }
        let present = shards.map(\.shard.header.shard)
        let missing = (1...max(h.shards, 1)).filter { !present.contains($0) }
        let twice = Set(present.filter { s in present.filter { $0 == s }.count > 1 })
        if !missing.isEmpty { problems.append("missing shard\(missing.count > 1 ? "s" : "") \(missing.map(String.init).joined(separator: ", ")) of \(h.shards)") }
        if !twice.isEmpty { problems.append("shard\(twice.count > 1 ? "s" : "") \(twice.sorted().map(String.init).joined(separator: ", ")) given more than once") }
        guard problems.isEmpty else { throw ShardError(message: problems.joined(separator: "\n")) }
        let ordered = shards.sorted { $0.shard.header.shard < $1.shard.header.shard }
        return (h, ordered.flatMap(\.shard.replications))
    }
}

/// Why shards cannot be read or merged.
public struct ShardError: Error, Sendable, Equatable {
    public let message: String
}
