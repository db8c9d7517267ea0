import Yams

/// One fix the fixer applied, for the change log.
public struct AppliedFix: Sendable, Hashable {
    public let rule: String
    public let title: String
    /// Where the fixed text was, in the text of the pass that applied it.
    public let position: LineIndex.Position
}

public enum FixOutcome: Sendable {
    /// Nothing to fix.
    case unchanged
    /// The new text and what was applied to reach it.
    case fixed(text: String, applied: [AppliedFix])
    /// The new text without the fixes in the front matter, which would have changed what
    /// it means (or stopped it parsing): `breaking` names what they would have broken.
    case fixedOutsideFrontMatter(text: String, applied: [AppliedFix], breaking: String)
    /// Fixes were found but the file must stay as it is.
    case refused(reason: String)
    /// The only fixes were in the front matter, and making them would break `breaking`:
    /// the file stays as it is.
    case frontMatterLeft(breaking: String)

    /// What the front matter's fixes would have broken, when they were not made.
    public var frontMatterBreaking: String? {
        switch self {
        case .fixedOutsideFrontMatter(_, _, let broken), .frontMatterLeft(let broken): return broken
        case .unchanged, .fixed, .refused: return nil
        }
    }

    /// What a run says of front matter fixes not made because they would break `broken`.
    public static func frontMatterLeftNote(breaking broken: String) -> String {
        "front matter left as it is: fixing would break \(broken)"
    }
}

/// Applies fixes to a fixed point: lint, apply every non-overlapping fix, lint the new
/// text again, for a bounded number of passes. Every pass re-reads the new text, so edits
/// always refer to the text they were computed on. The result is refused (and the file
/// left alone) when fixes do not converge or a structure that parsed before no longer does.
public struct Fixer: Sendable {
    public static let maximumPasses = 10
    public let includeUnsafe: Bool

    public init(includeUnsafe: Bool) {
        self.includeUnsafe = includeUnsafe
    }

    public func fix(_ original: Document, diagnose: (Document) -> [Diagnostic]) -> FixOutcome {
        let (outcome, broken) = attempt(original, sparingFrontMatter: false, diagnose: diagnose)
        // One front matter fix that cannot be made must not cost the post its other fixes.
        guard let broken, broken.isFrontMatter else { return outcome }
        switch attempt(original, sparingFrontMatter: true, diagnose: diagnose).0 {
        case .fixed(let text, let applied): return .fixedOutsideFrontMatter(text: text, applied: applied, breaking: broken.name)
        case .unchanged: return .frontMatterLeft(breaking: broken.name)
        default: return outcome
        }
    }

    /// The diagnostics with the fixes in the front matter taken away, and the reason they
    /// were not made said in their message: a finding the fixer left must not go on
    /// offering `--fix`.
    public static func withholdingFrontMatterFixes(_ diagnostics: [Diagnostic], in document: Document, breaking broken: String) -> [Diagnostic] {
        guard let frontMatter = document.frontMatter else { return diagnostics }
        return diagnostics.map { diagnostic in
            guard let fix = diagnostic.fix, touchesFrontMatter(fix, frontMatter.range) else { return diagnostic }
            return Diagnostic(
                rule: diagnostic.rule, severity: diagnostic.severity, range: diagnostic.range,
                message: diagnostic.message + " (not fixable: its fix would break \(broken))")
        }
    }

    /// Whether a fix edits the front matter (or inserts at its start).
    static func touchesFrontMatter(_ fix: Fix, _ frontMatter: Range<Int>) -> Bool {
        fix.edits.contains { $0.range.overlaps(frontMatter) || frontMatter.contains($0.range.lowerBound) }
    }

    /// A structure that parsed before the fixes and would not after them.
    struct BrokenStructure {
        let name: String
        let isFrontMatter: Bool
    }

    /// The fixes' outcome, and the structure that made it a refusal.
    private func attempt(
        _ original: Document, sparingFrontMatter: Bool, diagnose: (Document) -> [Diagnostic]
    ) -> (FixOutcome, BrokenStructure?) {
        var document = original
        var applied: [AppliedFix] = []
        for _ in 0..<Self.maximumPasses {
            var found = applicableFixes(diagnose(document))
            if sparingFrontMatter, let frontMatter = document.frontMatter {
                found.removeAll { Self.touchesFrontMatter($0.1, frontMatter.range) }
            }
            let fixes = Self.safeFirst(found)
            if fixes.isEmpty {
                guard !applied.isEmpty else { return (.unchanged, nil) }
                if let broken = Self.brokenStructure(before: original, after: document) {
                    return (.refused(reason: "fixing would break \(broken.name); nothing was written"), broken)
                }
                return (.fixed(text: document.text, applied: applied), nil)
            }
            let chosen = Self.nonOverlapping(fixes)
            let positions = document.lines.positions(at: chosen.map(\.0.range.lowerBound))
            applied += chosen.map { diagnostic, fix in
                AppliedFix(rule: diagnostic.rule, title: fix.title, position: positions[diagnostic.range.lowerBound]!)
            }
            // An edit that splits a character leaves bytes that are not UTF-8: refused, not
            // written with U+FFFD in their place.
            guard let text = Self.apply(chosen.flatMap { $0.1.edits }, to: document.utf8),
                let next = Document(source: SourceFile(path: original.path, text: text), format: original.format)
            else {
                return (.refused(reason: "a fix produced text that does not decode; nothing was written"), nil)
            }
            document = next
        }
        return (.refused(reason: "fixes did not settle after \(Self.maximumPasses) passes; nothing was written"), nil)
    }

    /// Fixes this run may apply. A fix marked safe that edits outside its diagnostic's
    /// range is treated as unsafe: a safe fix never changes bytes it did not flag.
    func applicableFixes(_ diagnostics: [Diagnostic]) -> [(Diagnostic, Fix)] {
        diagnostics.compactMap { diagnostic in
            guard let fix = diagnostic.fix, !fix.edits.isEmpty else { return nil }
            let withinRange = fix.edits.allSatisfy {
                $0.range.lowerBound >= diagnostic.range.lowerBound && $0.range.upperBound <= diagnostic.range.upperBound
            }
            let safe = fix.safety == .safe && withinRange
            return safe || includeUnsafe ? (diagnostic, fix) : nil
        }
    }

    /// While any safe fix remains, a pass applies only safe ones: unsafe fixes (such as
    /// removing an import) then see the text the safe ones left and cannot undo them.
    static func safeFirst(_ fixes: [(Diagnostic, Fix)]) -> [(Diagnostic, Fix)] {
        let safe = fixes.filter { $0.1.safety == .safe }
        return safe.isEmpty ? fixes : safe
    }

    /// Keeps fixes in document order, skipping any that touches a range already taken;
    /// the skipped ones are looked at again in the next pass, on the new text.
    static func nonOverlapping(_ fixes: [(Diagnostic, Fix)]) -> [(Diagnostic, Fix)] {
        let starts = fixes.map { $0.1.edits.map(\.range.lowerBound).min()! }
        let sorted = fixes.indices.sorted { starts[$0] < starts[$1] }.map { fixes[$0] }
        var taken = TakenRanges()
        var chosen: [(Diagnostic, Fix)] = []
        var seenEdits: Set<Edit> = []
        for (diagnostic, fix) in sorted {
            let edits = fix.edits.filter { !seenEdits.contains($0) }
            if edits.isEmpty { continue }  // the same edit from two findings: apply once
            if edits.contains(where: { taken.clashes(with: $0.range) }) || Self.overlapEachOther(edits) { continue }
            for edit in edits { taken.insert(edit.range) }
            seenEdits.formUnion(edits)
            chosen.append((diagnostic, Fix(fix.title, safety: fix.safety, edits: edits)))
        }
        return chosen
    }

    /// A fix whose own edits overlap is broken: it is skipped rather than applied in some order.
    static func overlapEachOther(_ edits: [Edit]) -> Bool {
        edits.indices.contains { first in
            edits.indices.contains { second in
                first < second && TakenRanges.clash(edits[first].range, edits[second].range)
            }
        }
    }

    /// Applies non-overlapping edits in one pass over the text (a long post may carry
    /// thousands of them; replacing each in place would move the text after it every time).
    /// An insertion comes before a replacement that starts where it stands.
    static func apply(_ edits: [Edit], to utf8: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var position = 0
        for edit in edits.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }) {
            precondition(edit.range.lowerBound >= position, "overlapping edits reached the fixer")
            bytes += utf8[position..<edit.range.lowerBound]
            bytes += edit.replacement.utf8
            position = edit.range.upperBound
        }
        bytes += utf8[position...]
        return String(validating: bytes, as: UTF8.self)
    }

    /// The structure that parsed in `before` but not in `after`.
    static func brokenStructure(before: Document, after: Document) -> BrokenStructure? {
        if let old = before.frontMatter {
            let frontMatter = { (name: String) in BrokenStructure(name: name, isFrontMatter: true) }
            guard let new = after.frontMatter else { return frontMatter("the front matter") }
            if old.isYAML, let shape = YAMLShape(yaml: before.string(old.contentRange)) {
                guard let newShape = YAMLShape(yaml: after.string(new.contentRange)) else { return frontMatter("the front matter YAML") }
                if newShape != shape { return frontMatter("the front matter (a value would change its type or vanish)") }
            } else if !old.isYAML, Self.tomlSyntax(before.string(old.contentRange)) != Self.tomlSyntax(after.string(new.contentRange)) {
                return frontMatter("the front matter TOML")
            }
        }
        if after.esm.malformedImports.count > before.esm.malformedImports.count {
            return BrokenStructure(name: "the MDX import block", isFrontMatter: false)
        }
        return nil
    }
}

extension Fixer {
    /// The characters TOML's syntax is made of: quotes, escapes, brackets, `=`, `,`, `#`
    /// and line breaks. A fix that keeps them keeps every key, table and string where it
    /// was (an apostrophe written into `title = 'Why you dont'` ends the string early).
    /// Stricter than a TOML parser: a `#` added inside a string is refused too.
    static func tomlSyntax(_ text: String) -> [UInt8] {
        text.utf8.filter { Self.tomlSyntaxBytes.contains($0) }
    }

    private static let tomlSyntaxBytes = Set("\"'\\=[]{},#\n".utf8)
}

/// The byte ranges a pass's chosen edits replace, in order of (start, end), so a new
/// edit's clash is found by bisection: a pass over a long damaged post chooses thousands of
/// edits. Taken ranges never overlap; an insertion may stand where a replacement starts.
struct TakenRanges {
    private var ranges: [Range<Int>] = []

    /// Whether `range` clashes with a taken range.
    func clashes(with range: Range<Int>) -> Bool {
        var index = position(of: range.lowerBound..<range.lowerBound)
        // Of the ranges starting before it, only the last can reach into it.
        if index > 0, Self.clash(ranges[index - 1], range) { return true }
        while index < ranges.count, ranges[index].lowerBound < range.upperBound || ranges[index].lowerBound == range.lowerBound {
            if Self.clash(ranges[index], range) { return true }
            index += 1
        }
        return false
    }

    /// Two edits clash when they replace a common byte, insert at the same place, or one
    /// inserts strictly inside what the other replaces. An insertion where a replacement
    /// starts or ends does not clash.
    static func clash(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        if first.overlaps(second) || (first.isEmpty && first == second) { return true }
        let (empty, other) = first.isEmpty ? (first, second) : (second, first)
        return empty.isEmpty && other.lowerBound < empty.lowerBound && empty.lowerBound < other.upperBound
    }

    mutating func insert(_ range: Range<Int>) {
        ranges.insert(range, at: position(of: range))
    }

    /// Where `range` belongs: after every range that sorts before it by (start, end).
    private func position(of range: Range<Int>) -> Int {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if (ranges[middle].lowerBound, ranges[middle].upperBound) < (range.lowerBound, range.upperBound) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
