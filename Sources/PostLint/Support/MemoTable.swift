import Foundation

/// A thread-safe memo of a pure function, for values looked up again and again across a
/// run's files (heading classes, slot names). Bounded: past `capacity` distinct keys it
/// computes without storing, so memory never grows with the repository.
final class MemoTable<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var stored: [Key: Value] = [:]
    private let lock = NSLock()
    private let capacity: Int

    init(capacity: Int = 50_000) { self.capacity = capacity }

    func value(for key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = stored[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        if stored.count < capacity { stored[key] = made }
        lock.unlock()
        return made
    }
}
