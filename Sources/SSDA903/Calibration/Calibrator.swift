import Foundation
import Sufficiency

/// Fits a scenario to a council's SSDA903 history as at a date: who is in care then (as aggregate
/// counts, never child records), how children come in, what kind of placement they need, how they
/// move and how they leave. Supply is sized to the placements in use on the date, with headroom: a
/// starting point for the council's own supply figures.
///
/// Every section of the scenario carries a `source` naming the files and the period; `report` is
/// `calibration.md`: each figure with its count of observations and an interval where it is a
/// rate or a share.
public enum Calibrator {
    /// What to fit.
    public struct Options: Sendable {
        /// The last day of history used; the scenario starts the day after.
        public var asAt: CalendarDate
        /// Years of history before `asAt` for rates (entries, moves, breakdowns, shares).
        public var years: Int
        /// The scenario whose other settings (geography, prices, matching, horizon) are kept.
        public var base: Scenario
        /// Names the data in sources: the paths read.
        public var dataName: String
        /// Postcode grid references and authorities, for areas and distances (the base
        /// scenario's geography is kept without it).
        public var postcodes: PostcodeLookup?
        /// Whether periods begun before the files inform the exit fit from the day the files
        /// begin (delayed entry). Right for a council's files; the calibration round trip turns it
        /// off, because a simulated history's first children in care are not drawn from its own
        /// exit routes (their remaining time is length-biased from their present age band).
        public var delayedEntry = true

        public init(asAt: CalendarDate, years: Int, base: Scenario = .defaults, dataName: String, postcodes: PostcodeLookup? = nil) {
            self.asAt = asAt; self.years = years; self.base = base; self.dataName = dataName; self.postcodes = postcodes
        }
    }

    /// A fitted scenario and its report.
    public struct Calibration: Sendable {
        public let scenario: Scenario
        /// `calibration.md`.
        public let report: String
    }

    /// Fits `history` as at `options.asAt`.
    ///
    /// - Throws: `SSDA903Error` when the date is outside the files or the window holds no entries.
    public static func calibrate(_ history: CareHistory, options: Options) throws(SSDA903Error) -> Calibration {
        var fit = try CalibrationData(history: history, options: options)
        return fit.calibration()
    }
}
