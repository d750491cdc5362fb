/// The text of `sufficiency help` and `sufficiency help COMMAND`.
enum Help {
    static let version = "0.1.0"

    static let overview = """
    sufficiency \(version): placement sufficiency forecasting and matching for children's services.

    usage: sufficiency <command> [options]

    commands:
      match      least-cost assignment of children to places from a cost matrix
      benchmark  replications per second, events per second and peak memory of a scenario
      help       this text, or 'sufficiency help COMMAND' for one command

    options:
      --version  print the version
    """

    static func text(for topic: String?) throws(CLIError) -> String {
        switch topic {
        case nil: return overview + "\n"
        case "match": return match + "\n"
        case "benchmark": return benchmark + "\n"
        case let other?: throw .usage("no help for '\(other)'", usage: "sufficiency help [\(Command.commands.joined(separator: "|"))]")
        }
    }

    static let match = """
    usage: \(MatchCostMatrixCommand.usage)

    Assigns children (rows) to places (columns) at least total cost, placing as many children as
    possible. Each line of FILE.csv is a child, each cell a place: a number is the cost of that
    pairing, an empty cell or 'inf' means not allowed. An optional header row of place ids and an
    optional first column of child ids are recognised because they are not numbers.

    options:
      --cost-matrix FILE.csv   the costs (required)
      --repeat N               solve N times and report the median solve time (default 1)
      --format FORMAT          table (default, for people), json or csv

    examples:
      sufficiency match --cost-matrix Scenarios/examples/cost-matrix.csv
      sufficiency match --cost-matrix costs.csv --format json --repeat 15
    """
}

extension Help {
    static let benchmark = """
    usage: \(BenchmarkCommand.usage)

    Runs the scenario's replications on 1 thread and on every core, checks that both give the
    same results, and prints replications per second, events per second and peak memory.

    options:
      --replications N   replications per timing (default 2000)
      --seed S           master seed (default: the scenario's)

    example:
      swift run -c release sufficiency benchmark Scenarios/baseline.json --replications 10000
    """
}
