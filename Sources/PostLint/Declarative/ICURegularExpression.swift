import Foundation
import ICUShim

/// An ICU regular expression over UTF-8 text. Rule patterns (ours and users') run through
/// it with a time limit, so a catastrophic pattern (`(a+)+$`) stops with a clear error
/// instead of hanging a pre-commit hook.
public final class ICURegularExpression: @unchecked Sendable {
    public struct Options: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: 1)
        public static let multiline = Options(rawValue: 2)
    }

    public struct CompileError: Error, CustomStringConvertible, Sendable {
        public let pattern: String
        public let reason: String
        /// Offset in the pattern (UTF-16 units, as ICU counts) of the mistake, when known.
        public let offset: Int?
        public var description: String {
            "the pattern '\(pattern)' does not compile: \(reason)" + (offset.map { " (near position \($0 + 1))" } ?? "")
        }
    }

    public enum MatchError: Error, CustomStringConvertible, Sendable {
        case timeLimit(pattern: String)
        case failure(pattern: String)
        public var description: String {
            switch self {
            case .timeLimit(let pattern):
                "the pattern '\(pattern)' ran over its time limit (catastrophic backtracking?); simplify it"
            case .failure(let pattern): "ICU failed while matching '\(pattern)'"
            }
        }
    }

    /// One match: byte ranges of the whole match and of each group (nil when a group did
    /// not take part).
    public struct Match: Sendable, Hashable {
        public let range: Range<Int>
        public let groups: [Range<Int>?]
    }

    /// ICU's unit is "a few milliseconds" per step on a typical machine; 200 steps keeps
    /// one pathological match under about a second.
    public static let defaultTimeLimit: Int32 = 200

    public let pattern: String
    public let options: Options
    public let groupCount: Int
    private let compiled: UnsafeMutableRawPointer
    /// Clones not in use: cloning a matcher per call cost more than many searches.
    private var idleMatchers: [UnsafeMutableRawPointer] = []
    private let poolLock = NSLock()

    /// A matcher for this thread's use; give it back with `recycle`.
    private func borrowMatcher() throws -> UnsafeMutableRawPointer {
        poolLock.lock()
        if let matcher = idleMatchers.popLast() {
            poolLock.unlock()
            return matcher
        }
        poolLock.unlock()
        guard let matcher = plicu_regex_clone(compiled) else { throw MatchError.failure(pattern: pattern) }
        return matcher
    }

    private func recycle(_ matcher: UnsafeMutableRawPointer) {
        poolLock.lock()
        idleMatchers.append(matcher)
        poolLock.unlock()
    }

    public init(_ pattern: String, options: Options = []) throws {
        var error = [CChar](repeating: 0, count: 128)
        var errorOffset: Int32 = -1
        let handle = pattern.withCString { bytes in
            plicu_regex_open(bytes, Int32(pattern.utf8.count), options.rawValue, &error, Int32(error.count), &errorOffset)
        }
        guard let handle else {
            let reason = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw CompileError(pattern: pattern, reason: reason, offset: errorOffset >= 0 ? Int(errorOffset) : nil)
        }
        self.pattern = pattern
        self.options = options
        compiled = handle
        groupCount = Int(plicu_regex_group_count(handle))
    }

    deinit {
        idleMatchers.forEach(plicu_regex_close)
        plicu_regex_close(compiled)
    }

    /// Every non-overlapping match in `utf8`. Thread-safe: each call matches on its own
    /// clone of the compiled pattern.
    public func matches(in utf8: [UInt8], timeLimit: Int32 = defaultTimeLimit, limit: Int = .max) throws -> [Match] {
        let matcher = try borrowMatcher()
        defer { recycle(matcher) }
        var ranges = [Int64](repeating: -1, count: 2 * (groupCount + 1))
        var found: [Match] = []
        // An empty array may have no storage; ICU wants a valid pointer even for no text.
        let text = utf8.isEmpty ? [0] : utf8
        try text.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard plicu_regex_set_text(matcher, base, Int64(utf8.count), timeLimit) == 1 else {
                throw MatchError.failure(pattern: pattern)
            }
            while found.count < limit {
                let result = plicu_regex_find_next(matcher, &ranges, Int32(ranges.count))
                if result == 0 { break }
                if result == -4 { throw MatchError.timeLimit(pattern: pattern) }
                if result < 0 { throw MatchError.failure(pattern: pattern) }
                found.append(Self.match(from: ranges, groups: groupCount))
            }
        }
        return found
    }

    /// Every non-overlapping match in a document, searched in its UTF-16 form (ICU's
    /// native one, several times faster than UTF-8); offsets are UTF-8 byte offsets.
    public func matches(in document: Document, timeLimit: Int32 = defaultTimeLimit) throws -> [Match] {
        let matcher = try borrowMatcher()
        defer { recycle(matcher) }
        let text = document.utf16Text
        var ranges = [Int64](repeating: -1, count: 2 * (groupCount + 1))
        var found: [Match] = []
        let units = text.units.isEmpty ? [0] : text.units
        try units.withUnsafeBufferPointer { buffer in
            guard plicu_regex_set_text16(matcher, buffer.baseAddress, Int32(text.units.count), timeLimit) == 1 else {
                throw MatchError.failure(pattern: pattern)
            }
            while true {
                let result = plicu_regex_find_next(matcher, &ranges, Int32(ranges.count))
                if result == 0 { break }
                if result == -4 { throw MatchError.timeLimit(pattern: pattern) }
                if result < 0 { throw MatchError.failure(pattern: pattern) }
                let utf8Ranges = ranges.map { $0 < 0 ? -1 : Int64(text.utf8Offsets[Int($0)]) }
                found.append(Self.match(from: utf8Ranges, groups: groupCount))
            }
        }
        return found
    }

    /// Matches in a string (offsets are UTF-8 byte offsets into it).
    public func matches(in text: String, timeLimit: Int32 = defaultTimeLimit) throws -> [Match] {
        try matches(in: Array(text.utf8), timeLimit: timeLimit)
    }

    /// Whether the pattern matches anywhere in `text`; a pattern over its time limit counts
    /// as no match (used on built-in patterns, which the tests keep fast).
    public func firstMatch(in text: String) -> Match? {
        (try? matches(in: Array(text.utf8), limit: 1))?.first
    }

    private static func match(from ranges: [Int64], groups: Int) -> Match {
        let whole = Int(ranges[0])..<Int(ranges[1])
        let captured: [Range<Int>?] = (1...max(groups, 1)).prefix(groups).map { group in
            let start = ranges[2 * group], end = ranges[2 * group + 1]
            return start < 0 ? nil : Int(start)..<Int(end)
        }
        return Match(range: whole, groups: captured)
    }
}
