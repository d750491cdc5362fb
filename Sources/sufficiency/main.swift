import Foundation
import SufficiencyCLI

exit(SufficiencyCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard))
