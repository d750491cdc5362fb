/// A scenario run from earlier, so that a simulated history leads up to its start date.
extension ScenarioModel {
    /// The same scenario starting `years` years before its start date and running that much
    /// longer: the children in care and the supply of the start date are placed at the earlier
    /// date, and the years before the original start become a simulated history.
    ///
    /// - Throws: `ScenarioError` when the longer run is out of range (`time.horizonYears` at most 50).
    public func startingEarlier(byYears years: Int) throws(ScenarioError) -> ScenarioModel {
        guard years > 0 else { return self }
        var shifted = scenario
        shifted.time.startDate = startDate.addingMonths(-12 * years).iso
        shifted.time.horizonYears += years
        return try ScenarioModel(validating: shifted, file: file)
    }
}
