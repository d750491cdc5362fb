/// The text of `sufficiency help` and `sufficiency help COMMAND`.
enum Help {
    static let version = "0.1.0"

    static let overview = """
    sufficiency \(version): placement sufficiency forecasting and matching for children's services in England.

    usage: sufficiency <command> [options]

    commands:
      run        simulate scenarios and write forecasts with intervals
      compare    simulate a baseline and variants on the same random children; paired differences
      validate   check scenario files and report every problem
      describe   print a scenario with extends and defaults applied
      match      match today's referrals to vacancies, or solve a cost matrix
      check-903  read a council's SSDA903 files and report what they hold and every problem
      export-903 write one simulated replication as SSDA903 files
      calibrate  fit a scenario to a council's SSDA903 history
      round-trip check that calibration recovers a known scenario, and that it holds still
      sweep      run a scenario at several values of one or more keys, on the same random children
      goal-seek  the least value of a key at which a target holds with a given probability
      backtest   how good the forecasts would have been: calibrate at past dates, compare with what followed
      track      each quarter's actual children in care against an earlier run's bands
      merge      put the shards of a 'run --shard I/N' batch together, as the whole run writes it
      benchmark  replications per second, events per second and peak memory of a scenario
      help       this text, or 'sufficiency help COMMAND' for one command

    options:
      --version  print the version

    Results go to Results/ (or --output); errors to standard error. Exit codes: 0 success,
    1 failure while running, 64 bad arguments, 65 bad input file.
    """

    static func text(for topic: String?) throws(CLIError) -> String {
        switch topic {
        case nil: return overview + "\n"
        case "run": return run + "\n"
        case "compare": return compare + "\n"
        case "validate": return validate + "\n"
        case "describe": return describe + "\n"
        case "match": return match + "\n"
        case "benchmark": return benchmark + "\n"
        case "check-903": return check903 + "\n"
        case "export-903": return export903 + "\n"
        case "calibrate": return calibrate + "\n"
        case "round-trip": return roundTrip + "\n"
        case "sweep": return sweep + "\n"
        case "goal-seek": return goalSeek + "\n"
        case "merge": return merge + "\n"
        case "backtest": return backtest + "\n"
        case "track": return track + "\n"
        case let other?: throw .usage("no help for '\(other)'", usage: "sufficiency help [\(Command.commands.joined(separator: "|"))]")
        }
    }

    static let check903 = """
    usage: \(Check903Command.usage)

    Reads a council's SSDA903 Header, Episodes and UASC tables (CSV, one or more collection years;
    folders are searched for .csv files, other 903 tables are listed and left alone), merges the
    years into one history and prints: the files and the year each was taken as, children,
    episodes, periods of care and placements; children looked after at each 31 March by placement
    category and age band; entries, exits by route and placements started per year; and every
    problem found, with file, line, child, column and the DfE validation rule, and what was done
    about it. Exit code 65 when a problem makes the files unusable (a missing column, a file that
    is not CSV, no Episodes table); warnings exit 0.

    options:
      --format FORMAT   table (default) or json

    examples:
      sufficiency check-903 ~/903/
      sufficiency check-903 2023/header.csv 2023/episodes.csv 2024/header.csv 2024/episodes.csv --format json
    """

    static let export903 = """
    usage: \(Export903Command.usage)

    Simulates replication R (0 is the first) of SCENARIO and writes it as SSDA903 files,
    DIR/YYYY-YY/header.csv and DIR/YYYY-YY/episodes.csv, for every collection year the run covers
    in full. Child ids are pseudonymous; postcodes come from the scenario's areas. With
    --history-years N the run starts N years before the scenario's start date, so the files carry
    N years of simulated history before it.

    options:
      --replication R     which replication (required)
      --seed S            master seed (default: the scenario's monteCarlo.seed)
      --history-years N   years simulated before the start date (default 0)
      --output DIR        where to write (required)

    examples:
      sufficiency export-903 Scenarios/baseline.json --replication 0 --history-years 5 --output /tmp/903
      sufficiency check-903 /tmp/903
    """

    static let calibrate = """
    usage: \(CalibrateCommand.usage)

    Fits a scenario to a council's SSDA903 files as at a date: children in care then (aggregate
    counts by age band, placement type and need), entry rates by age band with a trend, sibling
    groups, the kind of placement needed at entry, planned moves between kinds and breakdowns,
    exit routes and time in care by age band at entry (censored), staying put, and supply sized
    to the placements in use. Writes SCENARIO.json (every section with its source) and
    calibration.md beside it (each figure with its count and an interval; the data problems).
    Settings the files cannot give (prices, geography, matching, horizon) come from --base.

    options:
      --as-at DATE     the last day of history to use (YYYY-MM-DD); the scenario starts the day after
      --years K        years of history before it for rates (default 3)
      --postcodes FILE a postcode lookup (the ONS Postcode Directory's columns pcd, oseast1m,
                       osnrth1m, laua): areas from HOME_POST, places from PL_POST, distances;
                       without it the base scenario's geography is kept
      --base FILE      scenario for everything else (default: the built-in defaults)
      --output FILE    the scenario to write

    examples:
      sufficiency calibrate ~/903/ --as-at 2024-03-31 --output Scenarios/our-council.json
      sufficiency run Scenarios/our-council.json
    """

    static let roundTrip = """
    usage: \(RoundTripCommand.usage)

    Simulates SCENARIO (its council K times over with --scale) from H years before its start date,
    writes each of N replications as SSDA903 files, calibrates each as at the day before the start,
    and compares the fitted figures (averaged) with the scenario's own: entry rates by age band
    (within 5%), exit-route shares (3 points), median time in care (10%), the kind of placement
    needed at entry (3 points), planned moves (10%). Then runs replication 0's calibrated
    scenario forward with ample supply (R replications) and measures how still it holds: each
    placement kind's share in every month (2 points of the start), children in care (3%), each
    year's cost against last year's with inflation (3%).

    options:
      --history-years H   years of simulated history (default 8)
      --replications N    councils simulated and calibrated (default 4)
      --scale K           the council K times over, for smaller sampling error (default 1)
      --ample-supply      make the history with every limit on supply lifted: then nothing the
                          files hold is a substitution, and needs are identifiable
      --forward R         replications of the calibrated scenario (default 100)
      --seed S, --threads T

    examples:
      sufficiency round-trip Scenarios/baseline.json --scale 8 --replications 2 --ample-supply
    """

    static let sweep = """
    usage: \(SweepCommand.usage)

    Runs SCENARIO at every value of each --set KEY=V1,V2,... (every combination, for several),
    all on the same seed and replications, so that every setting sees the same children. KEY is a
    path into the scenario file, such as supply.inHouseFoster.approvalsPerYear (a list: every year
    set to the value), supply.markets.agencyFoster.capacity or supply.inHouseFoster.households[0].count.
    Prints each outcome in the year (--year, default the last) against the values, median (P10-P90),
    and writes sweep.json, sweep.csv (every metric, every year), report.md and report.html (a chart
    per outcome) to Results/sweep-NAME-KEY/ or --output.

    examples:
      sufficiency sweep Scenarios/baseline.json --set supply.inHouseFoster.approvalsPerYear=12,20,30,40
    """

    static let goalSeek = """
    usage: \(GoalSeekCommand.usage)

    The least value of KEY from LOW to HIGH (by --step, default 1) at which the target holds in at
    least --probability (default 0.9) of replications in --year (default the last). A target is a
    metric, one of <= < >= > ==, and a number: childDaysWaiting <= 0, shareOver20Miles <= 0.15,
    totalCost <= 28000000 (a financial-year metric is the year's total, a monthly one its level at
    the year's end). Every value runs on the same seeds; the top of the range is tried first (out
    of reach?), then the bottom (already met?), then a bisection. Prints the answer with the
    probability there and one step below (95% intervals), the cost over the horizon of getting
    there, every value run, and a warning when the response is not monotone.

    examples:
      sufficiency goal-seek Scenarios/baseline.json --set supply.inHouseFoster.approvalsPerYear=12..60 --target 'shareOver20Miles <= 0.1'
    """

    static let backtest = """
    usage: \(BacktestCommand.usage)

    For each forecast origin (a quarter end; by default every 31 March with at least three years of
    files before it and one after), calibrate from the files up to that day only (--years K of
    rates, --base SCENARIO for everything else), run --replications N (default 200) for
    --horizon-years H (default 3), and compare with what the same files show afterwards: children
    in care at each quarter end (in all, by placement category, by age band) and entries and exits
    by route per collection year. Reports the error of the median and MAPE, the share of actual
    values inside P10-P90 and P5-P95 (coverage), and the same errors for persistence and the
    three-year linear trend. Writes backtest.json, points.csv, accuracy.csv, report.md and
    report.html (a fan chart per origin and metric) to --output (default Results/backtest-NAME).

    examples:
      sufficiency backtest /data/903 --origins 2022-03-31,2023-03-31 --replications 200
    """

    static let track = """
    usage: \(TrackCommand.usage)

    FORECAST_DIR is the output folder of an earlier 'sufficiency run' (its summary.json); PATH...
    the council's 903 files since. Every quarter end after the forecast's start that the files
    cover is set against the forecast's published bands: on track inside P10-P90, off track above
    or below, and the percentile it fell at. Writes track.json, track.csv, report.md and
    report.html to --output (default Results/track-NAME).

    examples:
      sufficiency track Results/calibrated-2026 /data/903
    """

    static let merge = """
    usage: \(MergeCommand.usage)

    'sufficiency run SCENARIO --shard I/N' runs only the I-th of N blocks of the replications (the
    same replications, on the same seeds, as the whole run) and writes shard-I-of-N.bin into
    --output (default Results/NAME-shards/). Run the N shards anywhere (a Slurm job array, GNU
    parallel), then 'merge' the files or their folder, in the folder the shards ran from: the
    outputs are byte for byte those of the unsharded run. Shards from different runs, missing or
    repeated shards, and a scenario file changed since are refused.

    examples:
      sufficiency run Scenarios/baseline.json --replications 10000 --shard 3/4 --output shards
      sufficiency merge shards --output Results/baseline
    """

    static let simulationOptions = """
    options:
      --replications N   Monte Carlo replications (default: the scenario's monteCarlo.replications)
      --seed S           master seed (default: the scenario's monteCarlo.seed); the same seed gives
                         the same numbers on any number of threads
      --threads T        worker threads (default: every core)
      --output DIR       where to write the results (default: see below)
      --format FORMAT    what to print: table (default), json (summary.json), csv
                         (financial-years.csv) or markdown (report.md)
      --shard I/N        run only the I-th of N blocks of the replications, for 'merge' (run only)
      --suppress-below N for publication: counts of children from 1 to N-1 shown as c (null
                         in JSON, gaps in charts) in every output
      --quiet            no progress on standard error (progress shows only on a terminal anyway)
    """

    static let run = """
    usage: \(SimulateCommand.runUsage)

    Simulates each scenario and writes Results/<scenario name>/ (or DIR; with several scenarios,
    DIR/<name>/): summary.json, monthly.csv, financial-years.csv, report.md and report.html.
    Prints, per financial year, children in care, where they live, who waits, distance and cost.

    \(simulationOptions)

    examples:
      sufficiency run Scenarios/baseline.json
      sufficiency run Scenarios/baseline.json --replications 2000 --seed 7 --format json
    """

    static let compare = """
    usage: \(SimulateCommand.compareUsage)

    Runs the baseline and every variant on the baseline's seed and replications, so replication r
    of each sees the same children: the differences are paired, replication by replication.
    Writes Results/compare-<baseline>-vs-<variants>/ (or DIR) and prints each scenario's table and,
    per financial year, the difference with a 95% interval and the probability that the variant
    costs less, has fewer children waiting and fewer placed over 20 miles.

    \(simulationOptions)

    examples:
      sufficiency compare Scenarios/baseline.json Scenarios/recruit-20.json
      sufficiency compare Scenarios/baseline.json Scenarios/recruit-20.json Scenarios/recruit-40.json --replications 1000
    """

    static let validate = """
    usage: \(ValidateCommand.usage)

    Checks each file (extends, every key, every value) and reports every problem with its file
    and field path. Exits 65 if any file has a problem.

    example:
      sufficiency validate Scenarios/*.json
    """

    static let describe = """
    usage: \(DescribeCommand.usage)

    Prints the scenario with its extends chain and every default applied, as JSON: exactly what
    a run uses.

    example:
      sufficiency describe Scenarios/recruit-20.json
    """

    static let match = """
    usage: \(MatchReferralsCommand.usage)
           \(MatchCostMatrixCommand.usage)

    With --children and --placements: today's referrals against today's vacancies, matched at
    least total cost under the scenario's matching policy (the default policy without one).
    Prints each child's placement with distance, weekly cost and the cost terms that decided it,
    and for each unmatched child which constraint (age, need, siblings, capacity) ruled out each
    kind of place.
      children columns:   id, age, need, home_easting, home_northing [, sibling_group]
      placements columns: id, type, provider, easting, northing, free_places, min_age, max_age,
                          needs (separated by ;), weekly_cost [, inside_la]

    With --cost-matrix: the least-cost assignment of a matrix an analyst already has. Each line
    of FILE.csv is a child, each cell a place: a number is the cost of that pairing, an empty cell
    or 'inf' means not allowed. An optional header row of place ids and an optional first column
    of child ids are recognised because they are not numbers; with both, the header starts with a
    corner cell (which may be empty).
      --repeat N   solve N times and report the median solve time (default 1)

    options:
      --format FORMAT   table (default, for people), json or csv

    examples:
      sufficiency match --children Scenarios/examples/referrals.csv --placements Scenarios/examples/vacancies.csv
      sufficiency match --cost-matrix Scenarios/examples/cost-matrix.csv --format json
    """

    static let benchmark = """
    usage: \(BenchmarkCommand.usage)

    Runs the scenario's replications on 1 thread and on every core, checks that both give the
    same results, and prints replications per second, events per second, the serial part of a run
    (summaries, reports and files after the replications), peak memory and the memory formula.

    options:
      --replications N   replications per timing (default 2000)
      --seed S           master seed (default: the scenario's)
      --scale K,K,...    the scenario scaled by each K: seconds per replication (median of five
                         timings, the Ks in turn), peak memory and the growth exponent (with
                         the range of each turn's own fit)
      --against BINARY   another build on the same run command, alternating; prints the ratio

    examples:
      swift run -c release sufficiency benchmark Scenarios/baseline.json --replications 10000
      swift run -c release sufficiency benchmark Scenarios/baseline.json --scale 16,64,180
    """
}
