/// A distribution of a non-negative quantity: a time in care (years) or a distance (miles),
/// as the field that holds it says.
///
/// In a file: `{"kind": "exponential", "mean": 1.5}`, `{"kind": "lognormal", "median": 1, "sigma": 0.9}`,
/// `{"kind": "fixed", "value": 0.5}` or `{"kind": "empirical", "quantiles": [[0, 0], [0.5, 1.2], [1, 6]]}`
/// (pairs of cumulative probability and value, read as a piecewise-linear inverse CDF).
public enum Distribution: Codable, Equatable, Sendable {
    case exponential(mean: Double)
    case lognormal(median: Double, sigma: Double)
    case fixed(Double)
    case empirical(quantiles: [[Double]])

    enum CodingKeys: String, CodingKey, CaseIterable { case kind, mean, median, sigma, value, quantiles }

    public init(from decoder: any Decoder) throws {
        let read = try FieldReader(decoder, CodingKeys.self)
        let kind: String = try read(.kind, default: "")
        func need(_ key: CodingKeys) throws -> Double {
            guard let value: Double = try read.optional(key) else {
                throw ScenarioDecodingProblem(path: (decoder.codingPath + [key]).map(\.stringValue),
                                              message: "a \(kind) distribution needs '\(key.rawValue)'")
            }
            return value
        }
        let fields: [String: [CodingKeys]] = ["exponential": [.mean], "lognormal": [.median, .sigma], "fixed": [.value], "empirical": [.quantiles]]
        if let own = fields[kind] { try read.only([.kind] + own, because: "\(kind == "exponential" || kind == "empirical" ? "an" : "a") \(kind) distribution has no such field") }
        switch kind {
        case "exponential": self = .exponential(mean: try need(.mean))
        case "lognormal": self = .lognormal(median: try need(.median), sigma: try need(.sigma))
        case "fixed": self = .fixed(try need(.value))
        case "empirical":
            guard let quantiles: [[Double]] = try read.optional(.quantiles) else {
                throw ScenarioDecodingProblem(path: (decoder.codingPath + [CodingKeys.quantiles]).map(\.stringValue),
                                              message: "an empirical distribution needs 'quantiles'")
            }
            self = .empirical(quantiles: quantiles)
        default:
            throw ScenarioDecodingProblem(path: (decoder.codingPath + [CodingKeys.kind]).map(\.stringValue),
                                          message: "expected one of exponential, lognormal, fixed, empirical, found '\(kind)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .exponential(mean):
            try container.encode("exponential", forKey: .kind)
            try container.encode(mean, forKey: .mean)
        case let .lognormal(median, sigma):
            try container.encode("lognormal", forKey: .kind)
            try container.encode(median, forKey: .median)
            try container.encode(sigma, forKey: .sigma)
        case let .fixed(value):
            try container.encode("fixed", forKey: .kind)
            try container.encode(value, forKey: .value)
        case let .empirical(quantiles):
            try container.encode("empirical", forKey: .kind)
            try container.encode(quantiles, forKey: .quantiles)
        }
    }

    /// The mean of the distribution.
    public var mean: Double {
        switch self {
        case let .exponential(mean): return mean
        case let .lognormal(median, sigma): return median * Foundation.exp(sigma * sigma / 2)
        case let .fixed(value): return value
        case let .empirical(quantiles):
            var total = 0.0
            for index in 1..<max(quantiles.count, 1) {
                total += (quantiles[index][0] - quantiles[index - 1][0]) * (quantiles[index][1] + quantiles[index - 1][1]) / 2
            }
            return total
        }
    }

    /// A draw from the distribution.
    public func sample(using rng: inout some RandomNumberGenerator) -> Double {
        switch self {
        case let .exponential(mean): return Sampling.exponential(mean: mean, using: &rng)
        case let .lognormal(median, sigma): return median * Foundation.exp(sigma * Sampling.standardNormal(using: &rng))
        case let .fixed(value): return value
        case let .empirical(quantiles):
            let p = Sampling.unit(using: &rng)
            for index in 1..<quantiles.count where p <= quantiles[index][0] {
                let (p0, v0, p1, v1) = (quantiles[index - 1][0], quantiles[index - 1][1], quantiles[index][0], quantiles[index][1])
                return p1 > p0 ? v0 + (v1 - v0) * (p - p0) / (p1 - p0) : v1
            }
            return quantiles.last?[1] ?? 0
        }
    }
}

import Foundation
