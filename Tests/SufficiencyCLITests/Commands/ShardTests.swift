import Foundation
import Testing

/// Sharded runs: N shards merged are the unsharded run, byte for byte; shards that do not belong
/// together are refused.
struct ShardTests {
    private func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return out
    }

    @Test func fourShardsMergedEqualOneRunByteForByte() throws {
        let scratch = try ScratchFolder()
        let whole = scratch.url.path + "/whole", shards = scratch.url.path + "/shards", merged = scratch.url.path + "/merged"
        let run = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "13", "--seed", "5", "--output", whole, "--quiet"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        for i in 1...4 {
            let shard = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "13", "--seed", "5", "--shard", "\(i)/4",
                                       "--threads", "\(i % 2 + 1)", "--output", shards, "--quiet"])
            #expect(shard.exitCode == 0, "\(shard.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards).sorted() == (1...4).map { "shard-\($0)-of-4.bin" })
        let merge = try BinaryRun(["merge", shards, "--output", merged])
        #expect(merge.exitCode == 0, "\(merge.stderr)")
        #expect(merge.stdout == run.stdout, "the printed table too")
        let expected = try files(whole), found = try files(merged)
        #expect(Set(found.keys) == Set(expected.keys))
        for (name, data) in expected { #expect(found[name] == data, "\(name) differs") }
    }

    @Test func shardsThatDoNotBelongTogetherAreRefused() throws {
        let scratch = try ScratchFolder()
        let a = scratch.url.path + "/a"
        for i in [1, 2] {
            _ = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "4", "--seed", "5", "--shard", "\(i)/3", "--output", a, "--quiet"])
        }
        let missing = try BinaryRun(["merge", a, "--output", scratch.url.path + "/m"])
        #expect(missing.exitCode == 65 && missing.stderr.contains("missing shard 3 of 3"))
        _ = try BinaryRun(["run", "Scenarios/baseline.json", "--replications", "4", "--seed", "6", "--shard", "3/3", "--output", a, "--quiet"])
        let other = try BinaryRun(["merge", a, "--output", scratch.url.path + "/m"])
        #expect(other.exitCode == 65 && other.stderr.contains("from another run"))
        let damaged = try scratch.write("shard-1-of-1.bin", "sufficiency-shard 1\n{}\n")
        let bad = try BinaryRun(["merge", damaged])
        #expect(bad.exitCode == 65 && bad.stderr.contains("the shard's header is incomplete"))
        let usage = try BinaryRun(["compare", "Scenarios/baseline.json", "Scenarios/recruit-20.json", "--shard", "1/2"])
        #expect(usage.exitCode == 64)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/m"))
    }
}
