import Foundation
import SufficiencyCLI

SufficiencyCLI.handleInterruptions()
exit(SufficiencyCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard))
