import Foundation

/// CPU time spent per rule (and per engine phase), summed over files and threads, for
/// `postlint lint --timings`. Thread CPU time rather than wall time: files are linted in
/// parallel, and other processes on the machine do not inflate it.
public final class RuleTimings: @unchecked Sendable {
    /// Engine phases timed beside the rules, named in parentheses so they never clash
    /// with a rule id.
    public enum Phase {
        public static let vocabulary = "(count the run's words)"
        public static let parse = "(read, decode and parse)"
        public static let suppressions = "(suppressions)"
    }

    private let lock = NSLock()
    private var seconds: [String: Double] = [:]

    public init() {}

    /// Which CPU time to count: the calling thread's, or the whole process's for work
    /// that fans out over threads while nothing else runs (counting the run's words).
    public enum Clock {
        case thread, process

        var id: clockid_t { self == .thread ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID }
    }

    /// Runs `work` and adds its CPU time to `name`.
    public func measure<Value>(_ name: String, clock: Clock = .thread, _ work: () throws -> Value) rethrows -> Value {
        let start = Self.cpuTime(clock)
        defer {
            let spent = Self.cpuTime(clock) - start
            lock.lock()
            seconds[name, default: 0] += spent
            lock.unlock()
        }
        return try work()
    }

    /// Every rule and phase with its seconds, costliest first.
    public var totals: [(name: String, seconds: Double)] {
        lock.lock()
        defer { lock.unlock() }
        return seconds.map { (name: $0.key, seconds: $0.value) }.sorted { ($1.seconds, $0.name) < ($0.seconds, $1.name) }
    }

    /// The table `--timings` prints.
    public var report: String {
        let rows = totals
        let sum = rows.reduce(0) { $0 + $1.seconds }
        let width = max(24, rows.map(\.name.count).max() ?? 0)
        var lines = ["\("rule or phase".padding(toLength: width, withPad: " ", startingAt: 0))  CPU seconds   share"]
        for row in rows {
            let share = sum > 0 ? 100 * row.seconds / sum : 0
            lines.append(
                row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: "  %11.3f  %5.1f%%", row.seconds, share))
        }
        lines.append("total".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %11.3f", sum))
        return lines.joined(separator: "\n")
    }

    private static func cpuTime(_ clock: Clock) -> Double {
        var now = timespec()
        clock_gettime(clock.id, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
