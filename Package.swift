// swift-tools-version: 6.0
// Sufficiency: placement sufficiency forecasting and matching for children's services in England.
// Pure Swift: Foundation and Dispatch only, no package dependencies.
import PackageDescription

// The solver and the simulation are compiled optimised in debug builds too: the statistical tests
// simulate thousands of years, which unoptimised code runs about 40x slower.
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Sufficiency",
    products: [
        .library(name: "PlacementMatching", targets: ["PlacementMatching"]),
        .library(name: "Sufficiency", targets: ["Sufficiency"]),
        .executable(name: "sufficiency", targets: ["sufficiency"]),
    ],
    targets: [
        .target(name: "PlacementMatching", swiftSettings: optimisedEvenInDebug),
        .target(name: "Sufficiency", dependencies: ["PlacementMatching"], swiftSettings: optimisedEvenInDebug),
        .target(name: "SufficiencyReports", dependencies: ["Sufficiency"]),
        .target(name: "SufficiencyCLI", dependencies: ["PlacementMatching", "Sufficiency", "SufficiencyReports"]),
        .executableTarget(name: "sufficiency", dependencies: ["SufficiencyCLI"]),
        .testTarget(name: "PlacementMatchingTests", dependencies: ["PlacementMatching"]),
        .testTarget(name: "SufficiencyTests", dependencies: ["Sufficiency"]),
        .testTarget(name: "SufficiencyReportsTests", dependencies: ["SufficiencyReports"]),
        .testTarget(name: "SufficiencyCLITests", dependencies: ["SufficiencyCLI", "sufficiency"]),
    ]
)
