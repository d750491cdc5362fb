import Testing
@testable import PlacementMatching

/// `ScratchList` against `Array` under the same random operations: the engine's rounds, cost
/// matrices and event days rely on it holding exactly what an array would, across growth and
/// after being emptied and filled again.
struct ScratchListTests {
    @Test func holdsWhatAnArrayHoldsUnderTheSameOperations() {
        var random = TestRandom(seed: 2026_12_07)
        var list = ScratchList<Int>(), array: [Int] = []
        var grewPastTheStart = false  // past the 16 places a list starts with
        for step in 0..<20_000 {
            switch random.below(step % 500 < 250 ? 8 : 9) {
            case 0, 1, 2:
                list.append(step)
                array.append(step)
            case 3:
                let n = random.below(40)
                list.append(repeating: -step, count: n)
                array.append(contentsOf: repeatElement(-step, count: n))
            case 4 where !array.isEmpty:
                #expect(list.removeLast() == array.removeLast())
            case 5:
                let n = random.below(array.count + 1)
                list.truncate(to: n)
                array.removeLast(array.count - n)
            case 6:
                let n = random.below(array.count + 1)
                list.removeFirst(n)
                array.removeFirst(n)
            case 7 where !array.isEmpty:
                let i = random.below(array.count)
                list[i] = step * 3
                array[i] = step * 3
            case 8:
                let n = random.below(50)
                list.reset(repeating: 7, count: n)
                array = [Int](repeating: 7, count: n)
            default:
                if random.below(4) == 0 {
                    list.removeAll()
                    array.removeAll()
                }
            }
            if array.count > 100 { grewPastTheStart = true }
            #expect(list.count == array.count && list.isEmpty == array.isEmpty)
            #expect(list.indices == array.indices)
            let same = list.withUnsafeBufferPointer { Array($0) } == array
            #expect(same, "step \(step)")
            if !same { return }
        }
        #expect(grewPastTheStart)
    }
}
