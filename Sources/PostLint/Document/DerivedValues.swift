import Foundation

/// Values that several rules derive from one document (its sections, its math spans):
/// computed by the first rule that asks and shared with the others, so each costs one
/// pass per document instead of one per rule.
final class DerivedValues: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    /// The value stored under `key`, made by `make` on first use. `make` runs outside the
    /// lock, so it may itself ask for other derived values.
    func value<Value>(_ key: String, _ make: () -> Value) -> Value {
        lock.lock()
        if let known = values[key] as? Value {
            lock.unlock()
            return known
        }
        lock.unlock()
        let made = make()
        lock.lock()
        values[key] = made
        lock.unlock()
        return made
    }
}
