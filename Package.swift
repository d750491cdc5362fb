// swift-tools-version: 6.0
// Sufficiency: placement sufficiency forecasting and matching for children's services in England.
// Pure Swift: Foundation and Dispatch only, no package dependencies.
import PackageDescription

// The solver, the simulation and the 903 reader are compiled optimised in debug builds too: the
// statistical tests simulate thousands of years and the calibration round trip reads 13 years of
// a large council, which unoptimised code runs many times slower.
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]
// The engine's replication is a class (a struct this size was copied whole for every helper call),
// and run-time exclusivity checks on its arrays took a tenth of the time; each replication is
// owned by one thread, and the compile-time checks remain.
let engineSettings = optimisedEvenInDebug + [.unsafeFlags(["-enforce-exclusivity=unchecked"])]

let package = Package(
    name: "Sufficiency",
    products: [
        .library(name: "PlacementMatching", targets: ["PlacementMatching"]),
        .library(name: "Sufficiency", targets: ["Sufficiency"]),
        .library(name: "SSDA903", targets: ["SSDA903"]),
        .executable(name: "sufficiency", targets: ["sufficiency"]),
    ],
    targets: [
        .target(name: "PlacementMatching", swiftSettings: optimisedEvenInDebug),
        .target(name: "Sufficiency", dependencies: ["PlacementMatching"], swiftSettings: engineSettings),
        // SSDA903 depends on Sufficiency, not the other way round: it maps the DfE's codes onto the
        // model's placement types and writes the engine's care log as files, while the model never
        // needs to know how a return is laid out.
        .target(name: "SSDA903", dependencies: ["Sufficiency"], swiftSettings: optimisedEvenInDebug),
        .target(name: "SufficiencyReports", dependencies: ["Sufficiency"]),
        .target(name: "SufficiencyCLI", dependencies: ["PlacementMatching", "Sufficiency", "SSDA903", "SufficiencyReports"]),
        .executableTarget(name: "sufficiency", dependencies: ["SufficiencyCLI"]),
        .testTarget(name: "PlacementMatchingTests", dependencies: ["PlacementMatching"]),
        .testTarget(name: "SufficiencyTests", dependencies: ["Sufficiency"]),
        .testTarget(name: "SSDA903Tests", dependencies: ["SSDA903", "Sufficiency"]),
        .testTarget(name: "SufficiencyReportsTests", dependencies: ["SufficiencyReports"]),
        .testTarget(name: "SufficiencyCLITests", dependencies: ["SufficiencyCLI", "sufficiency"]),
        // Mutates the shipped scenarios and CSV files with a fixed seed: no input may crash, hang
        // or be accepted when it is invalid.
        .testTarget(name: "SufficiencyFuzzTests", dependencies: ["SufficiencyCLI", "Sufficiency"]),
    ]
)
