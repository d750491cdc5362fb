import Testing
@testable import Sufficiency

/// The queue runs events in (day, kind, scheduling order), including events scheduled for the day
/// being run and for days beyond its chains: a replication's result depends on that order.
struct EventQueueTests {
    @Test func eachEventRunIsTheFirstOfThosePendingByDayKindAndSchedulingOrder() {
        var rng = Xoshiro256StarStar(seed: 2026_12_07)
        let kinds = Event.Kind.allCases
        var sameDay = 0, pastTheChains = 0
        for trial in 0..<150 {
            let days = 1 + Sampling.below(30, using: &rng)
            var queue = EventQueue(days: days)
            // The reference: every event scheduled and not yet run, searched in full.
            var pending: [Event] = []
            var sequence: UInt32 = 0
            func schedule(day: Int) {
                let kind = kinds[Sampling.below(kinds.count, using: &rng)]
                queue.schedule(day: day, kind, subject: Int(sequence))
                pending.append(Event(day: Int32(day), kind: kind, sequence: sequence, subject: Int32(sequence), serial: 0))
                sequence += 1
                if day >= days { pastTheChains += 1 }
            }
            for _ in 0..<Sampling.below(300, using: &rng) { schedule(day: Sampling.below(days + 5, using: &rng)) }
            while let event = queue.next() {
                guard let first = pending.indices.min(by: { Event.runsBefore(pending[$0], pending[$1]) }) else {
                    Issue.record("trial \(trial): ran \(event) with nothing pending")
                    break
                }
                #expect(event.subject == pending[first].subject, "trial \(trial): ran \(event), expected \(pending[first])")
                pending.remove(at: first)
                // While a day runs, events of any kind join it, and later days get more.
                if Sampling.below(4, using: &rng) == 0 {
                    schedule(day: Int(event.day))
                    sameDay += 1
                }
                if Sampling.below(4, using: &rng) == 0 { schedule(day: Int(event.day) + 1 + Sampling.below(5, using: &rng)) }
            }
            #expect(pending.isEmpty, "trial \(trial): \(pending.count) events never ran")
        }
        #expect(sameDay > 500 && pastTheChains > 500)
    }
}
