/// Questions asked of ranges sorted by start and disjoint (what `Document.merged` makes), by
/// binary search rather than a walk.
extension Array where Element == Range<Int> {
    /// The index of the first range that ends after `offset`: the only one that can hold
    /// it, or the next one after it; `count` when none does.
    func firstIndex(endingAfter offset: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].upperBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Whether one of the ranges holds `offset`.
    func anyContains(_ offset: Int) -> Bool {
        let index = firstIndex(endingAfter: offset)
        return index < count && self[index].contains(offset)
    }
}
