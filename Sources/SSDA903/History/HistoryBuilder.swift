import Sufficiency

/// Merges the rows of every year into one history, by these rules (each fix is reported as a
/// warning with the DfE rule it corresponds to, so nothing changes silently):
///
/// 1. **One version of each episode.** An episode is (CHILD, DECOM). Reported in several years,
///    the latest return's row wins (it carries the later DEC and REC); identical rows are kept
///    once. Two different rows for one episode in the same year: the one with an end date is kept
///    (else the later line).
/// 2. **Short breaks are not care.** Episodes with legal status V3 or V4 are left out.
/// 3. **Header.** The latest year's row for a child wins. A child with episodes and no header row
///    is kept, with age unknown.
/// 4. **Open episodes are closed by what follows.** An episode with no DEC that is followed by
///    another is closed on the next one's DECOM (rule 142). An episode that ends after the next
///    begins is cut to end then (rule 501). An episode still open at the end of the last year
///    that reported it, for a child missing from every later return, is closed on 31 March of
///    that year with its exit route unknown (rule 502).
/// 5. **Periods of care** are episodes joined end to start; a period ends at an episode with a
///    REC other than X1, or at a gap. A period whose first episode is not RNE S is taken as
///    starting there (rule 357), unless it began before the first year read, where its earlier
///    episodes are simply not in the files (its start is then not an entry).
/// 6. **Placements** start at a period's first episode and at every RNE of P, T, B, U or S;
///    RNE L (legal status only) continues the placement.
/// 7. **Exit routes** come from the REC of the period's last episode (`EpisodeCodes.exitRoute`),
///    except that a period ending on or after the 18th birthday is `age18`.
struct HistoryBuilder {
    let rows: RawRows
    var summary: ReadSummary
    var problems: [DataProblem]

    init(rows: RawRows, summary: ReadSummary, problems: [DataProblem]) {
        self.rows = rows; self.summary = summary; self.problems = problems
    }

    mutating func build() -> CareHistory {
        let years = Set(rows.episodes.map(\.source.yearEnding)).sorted()
        let coverageStart = CareHistory.collectionYear(endingIn: years.first ?? 2000).lowerBound
        let episodesByChild = mergedEpisodes()
        let headers = mergedHeaders()
        summary.uascChildren = rows.uasc.count
        var children: [ChildHistory] = []
        for (id, raw) in episodesByChild.sorted(by: { $0.key < $1.key }) {
            let header = headers[id]
            if header == nil, let first = raw.first {
                problems.append(DataProblem(.warning, file: first.source.file, line: first.source.line, column: "CHILD", child: id,
                                            "the child has episodes but no Header row in any year", action: "kept, with age unknown"))
            }
            let episodes = stitched(raw, child: id, lastYear: years.last ?? 0)
            let periods = self.periods(of: episodes, child: id, birth: header?.birthDate, coverageStart: coverageStart)
            children.append(ChildHistory(id: id, sex: header?.sex, birthDate: header?.birthDate, uasc: rows.uasc.contains(id),
                                        episodes: episodes, periods: periods))
        }
        problems.sort { ($0.severity == .error ? 0 : 1, $0.file, $0.line ?? 0) < ($1.severity == .error ? 0 : 1, $1.file, $1.line ?? 0) }
        return CareHistory(yearsEnding: years, children: children, problems: problems, summary: summary)
    }

    // MARK: - Rules 1 and 2: one version of each episode

    private mutating func mergedEpisodes() -> [String: [RawEpisode]] {
        var byKey: [String: [RawEpisode]] = [:]
        for episode in rows.episodes { byKey[episode.child + "\u{1F}" + episode.start.iso, default: []].append(episode) }
        var byChild: [String: [RawEpisode]] = [:]
        for (_, reports) in byKey {
            let ordered = reports.sorted { ($0.source.yearEnding, $0.source.file, $0.source.line) < ($1.source.yearEnding, $1.source.file, $1.source.line) }
            // Identical reports are kept once, as the latest: the episode was still in that return.
            var distinct: [RawEpisode] = []
            for report in ordered {
                if let same = distinct.firstIndex(where: { $0.content == report.content }) {
                    summary.duplicateEpisodes += 1
                    distinct.remove(at: same)
                }
                distinct.append(report)
            }
            let latestYear = distinct.last!.source.yearEnding
            let sameYear = distinct.filter { $0.source.yearEnding == latestYear }
            if distinct.count > sameYear.count { summary.episodesUpdatedByLaterYear += 1 }
            var kept = sameYear.last!
            if sameYear.count > 1 {
                kept = sameYear.last { $0.end != nil } ?? kept
                for other in sameYear where other.source != kept.source {
                    problems.append(DataProblem(.warning, file: other.source.file, line: other.source.line, column: "DECOM", child: other.child,
                                                "the episode beginning \(format903Date(other.start)) is reported again with other details at line \(kept.source.line)",
                                                action: "this row set aside; line \(kept.source.line) kept"))
                }
                summary.setAside["the same episode reported twice in a year", default: 0] += sameYear.count - 1
            }
            if EpisodeCodes.shortBreaks.contains(kept.legalStatus) {
                summary.shortBreakEpisodes += 1
                continue
            }
            byChild[kept.child, default: []].append(kept)
        }
        return byChild
    }

    // MARK: - Rule 3: header

    private mutating func mergedHeaders() -> [String: RawHeader] {
        var byChild: [String: RawHeader] = [:]
        for header in rows.headers.sorted(by: { ($0.source.yearEnding, $0.source.file, $0.source.line) < ($1.source.yearEnding, $1.source.file, $1.source.line) }) {
            if let earlier = byChild[header.child], let a = earlier.birthDate, let b = header.birthDate, a != b {
                problems.append(DataProblem(.warning, file: header.source.file, line: header.source.line, column: "DOB", child: header.child,
                                            "the date of birth \(format903Date(b)) differs from \(format903Date(a)) at \(earlier.source.file):\(earlier.source.line)",
                                            action: "the later return's date kept"))
            }
            if header.birthDate != nil || byChild[header.child] == nil { byChild[header.child] = header }
        }
        return byChild
    }

    // MARK: - Rule 4: stitching

    private mutating func stitched(_ raw: [RawEpisode], child: String, lastYear: Int) -> [Episode] {
        let sorted = raw.sorted { $0.start < $1.start }
        var episodes = sorted.map { r in
            Episode(start: r.start, end: r.end, reasonNew: r.reasonNew, legalStatus: r.legalStatus, need: r.need, place: r.place,
                    provider: r.provider, reasonCeased: r.reasonCeased, reasonPlaceChange: r.reasonPlaceChange, homePostcode: r.homePostcode,
                    placementPostcode: r.placementPostcode, category: PlacementCategory(place: r.place, provider: r.provider) ?? .other,
                    source: r.source)
        }
        for i in episodes.indices {
            let source = episodes[i].source
            func warn(_ column: String, _ rule: String?, _ message: String, _ action: String) {
                problems.append(DataProblem(.warning, file: source.file, line: source.line, column: column, child: child, rule: rule, message, action: action))
            }
            if i + 1 < episodes.count {
                let next = episodes[i + 1].start
                if episodes[i].end == nil {
                    warn("DEC", "142", "a new episode began on \(format903Date(next)) but this one has not ended", "closed on \(format903Date(next))")
                    episodes[i].end = next
                    episodes[i].reasonCeased = "X1"
                } else if let end = episodes[i].end, end > next {
                    warn("DEC", "501", "the next episode began on \(format903Date(next)), before this one ceased on \(format903Date(end))",
                         "cut to end on \(format903Date(next))")
                    episodes[i].end = next
                }
            } else if episodes[i].end == nil && source.yearEnding < lastYear {
                let yearEnd = CareHistory.collectionYear(endingIn: source.yearEnding).upperBound
                warn("DEC", "502", "the episode was open at the end of \(CareHistory.label(yearEnding: source.yearEnding)) but the child is in no later return",
                     "closed on \(format903Date(yearEnd)) with the exit route unknown")
                episodes[i].end = yearEnd
            }
        }
        return episodes
    }

    // MARK: - Rules 5 to 7: periods, placements, exit routes

    private mutating func periods(of episodes: [Episode], child: String, birth: CalendarDate?, coverageStart: CalendarDate) -> [PeriodOfCare] {
        var periods: [PeriodOfCare] = []
        var first = 0
        let eighteenth = birth?.addingMonths(18 * 12)
        for i in episodes.indices {
            let isLast = i + 1 == episodes.count
            let episode = episodes[i]
            let continues = !isLast && episode.end == episodes[i + 1].start && (episode.reasonCeased == "X1" || episode.reasonCeased.isEmpty)
            if continues { continue }
            let members = episodes[first...i]
            let opening = members.first!
            let observed = opening.reasonNew == "S" || opening.start >= coverageStart
            if opening.reasonNew != "S" && observed {
                problems.append(DataProblem(.warning, file: opening.source.file, line: opening.source.line, column: "RNE", child: child, rule: "357",
                                            "the first episode of a period of care has reason \(opening.reasonNew), not S (started care)",
                                            action: "read as the start of a period of care"))
            }
            if let eighteenth, opening.start >= eighteenth, opening.reasonNew == "S" {
                problems.append(DataProblem(.warning, file: opening.source.file, line: opening.source.line, column: "DECOM", child: child, rule: "352",
                                            "the child started to be looked after at 18 or over", action: "kept"))
            }
            var route: LeavingRoute?
            if let end = episode.end {
                if let eighteenth, end >= eighteenth {
                    route = .age18
                } else {
                    route = EpisodeCodes.exitRoute(reason: episode.reasonCeased)
                    if episode.reasonCeased == "X1" && (isLast || episodes[i + 1].start > end) {
                        problems.append(DataProblem(.warning, file: episode.source.file, line: episode.source.line, column: "REC", child: child,
                                                    "the episode ceased with X1 (care continues) but no episode follows on \(format903Date(end))",
                                                    action: "the period of care ends there with its exit route unknown"))
                    }
                }
            }
            periods.append(PeriodOfCare(start: opening.start, startObserved: observed, end: episode.end, exitRoute: route,
                                        placements: placements(of: Array(members), periodEnd: episode.end)))
            first = i + 1
        }
        return periods
    }

    private func placements(of episodes: [Episode], periodEnd: CalendarDate?) -> [Placement] {
        let starts = episodes.indices.filter { $0 == 0 || EpisodeCodes.placementStartingReasons.contains(episodes[$0].reasonNew)
            || !EpisodeCodes.reasonsForNewEpisode.contains(episodes[$0].reasonNew) }
        return starts.enumerated().map { k, i in
            let e = episodes[i]
            let end = k + 1 < starts.count ? episodes[starts[k + 1]].start : periodEnd
            return Placement(start: e.start, end: end, category: e.category, place: e.place, provider: e.provider,
                             homePostcode: e.homePostcode, placementPostcode: e.placementPostcode)
        }
    }
}
