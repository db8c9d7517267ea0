/// Text every match of a regular expression must contain: literals (`\textbf{`, `{{`), or
/// one of a few (`TODO|TBD`), each clause of them required. A document holding none of them cannot match, so the rule skips the
/// pattern without running ICU (or building the document's UTF-16) at all: most posts hold
/// no LaTeX and no template token.
///
/// Found by reading the pattern conservatively: literal characters, groups, alternation
/// and quantifiers are understood; anything else (classes, escapes like `\s`, anchors,
/// lookaround) only ends a literal. A construct it does not know gives no requirement,
/// which only costs speed, never a finding.
struct RequiredLiteral: Sendable, Equatable {
    /// Every clause must be met; a clause is met when one of its literals (UTF-8) occurs.
    let clauses: [[[UInt8]]]
    /// Compared with ASCII letters folded (the pattern is case-insensitive).
    let foldsCase: Bool
    /// Literals that run across `\s+` (`as an ai` for `as\s+an\s+AI`), their white space
    /// made one space (`collapsingWhitespace`), looked for as `SpacedNeedle`s once the
    /// `clauses` (the same literals cut at the white space) are all in the text: most posts
    /// lack some word, and the words are cheaper to search for.
    let acrossWhitespace: [[[UInt8]]]
    var spansWhitespace: Bool { !acrossWhitespace.isEmpty }

    /// The clauses' literals prepared for searching, once per pattern, each with its
    /// four-byte sequences for ruling it out with a `GramFilter` first.
    private let needles: [[(needle: ByteSearch.Needle, signature: [Int])]]
    private let spacedNeedles: [[SpacedNeedle]]

    init(clauses: [[[UInt8]]], foldsCase: Bool, acrossWhitespace: [[[UInt8]]] = []) {
        self.clauses = clauses
        self.foldsCase = foldsCase
        self.acrossWhitespace = acrossWhitespace
        needles = clauses.map { clause in clause.map { (ByteSearch.Needle($0, folding: foldsCase), GramFilter.signature(of: $0)) } }
        spacedNeedles = acrossWhitespace.map { clause in clause.map { SpacedNeedle($0, folding: foldsCase) } }
    }

    /// Equal when they require the same: the needles are made from the clauses.
    static func == (lhs: RequiredLiteral, rhs: RequiredLiteral) -> Bool {
        lhs.clauses == rhs.clauses && lhs.foldsCase == rhs.foldsCase && lhs.acrossWhitespace == rhs.acrossWhitespace
    }

    /// The requirement of `pattern`, or nil when none is known.
    init?(pattern: String, caseInsensitive: Bool) {
        guard let (clauses, folds, _) = Self.clauses(of: pattern, caseInsensitive: caseInsensitive, acrossWhitespace: false) else { return nil }
        // Read a second time only where it can differ: most patterns have no `\s`.
        let across = pattern.contains("\\s") ? Self.clauses(of: pattern, caseInsensitive: caseInsensitive, acrossWhitespace: true) : nil
        self.init(clauses: clauses, foldsCase: folds, acrossWhitespace: across?.spans == true ? across!.clauses : [])
    }

    /// What every match holds, least likely clause first; `spans`: whether a literal runs
    /// across white space (only with `acrossWhitespace`).
    private static func clauses(of pattern: String, caseInsensitive: Bool, acrossWhitespace: Bool) -> (clauses: [[[UInt8]]], folds: Bool, spans: Bool)? {
        var parser = Parser(Array(pattern.unicodeScalars), joiningWhitespace: acrossWhitespace)
        var found = parser.alternation()
        guard parser.atEnd, !parser.unsupported else { return nil }
        let folds = caseInsensitive || parser.setsCaseInsensitive
        if parser.spansWhitespace {
            // Looked for in collapsed text, a literal's own white space is collapsed too.
            found = found.map { clause in clause.map { literal in literal.withUnsafeBufferPointer(Self.collapsingWhitespace) } }
        }
        // Under case folding ASCII letters are compared folded and other bytes exactly, so
        // a literal may hold only non-ASCII letters without case (Hangul, CJK, kana).
        let usable = found.filter { clause in
            !clause.isEmpty && clause.allSatisfy { !$0.isEmpty && (!folds || Self.foldsSafely($0)) }
        }
        guard !usable.isEmpty else { return nil }
        // All clauses must hold: test the one least likely to first, to give up soonest.
        return (usable.sorted { Self.likelihood($0, folds) < Self.likelihood($1, folds) }, folds, parser.spansWhitespace)
    }

    /// How likely a clause is met in a post: its likeliest literal's rarest byte.
    private static func likelihood(_ clause: [[UInt8]], _ folds: Bool) -> Int {
        clause.map { literal in
            let anchor = ByteSearch.rarestIndex(literal, folding: folds)
            return ByteSearch.commonness(folds ? ByteSearch.lowercased(literal[anchor]) : literal[anchor]) - min(literal.count, 8)
        }.max() ?? 0
    }

    private static func foldsSafely(_ literal: [UInt8]) -> Bool {
        String(decoding: literal, as: UTF8.self).unicodeScalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped }
    }

    /// Whether a match may exist in `bytes`: false only when no literal occurs in them.
    /// `hasFoldingLetter` answers `hasASCIIFoldingLetter` for the same bytes and `grams`
    /// is their `GramFilter`, which rules out most absent literals before they are searched
    /// for (the caller remembers both per document; a short text has no filter).
    func mayOccur(in bytes: UnsafeBufferPointer<UInt8>, grams: GramFilter? = nil, hasFoldingLetter: () -> Bool) -> Bool {
        if foldsCase {
            // ICU folds some non-ASCII letters to ASCII ones (`ſ` is `s`, `K` is `k`): with
            // one of those in the text, the folded ASCII test proves nothing.
            if hasFoldingLetter() { return true }
        }
        guard Self.occur(needles, in: bytes, grams: grams) else { return false }
        return spacedNeedles.allSatisfy { clause in clause.contains { $0.occurs(in: bytes) } }
    }

    private static func occur(
        _ needles: [[(needle: ByteSearch.Needle, signature: [Int])]], in bytes: UnsafeBufferPointer<UInt8>, grams: GramFilter?
    ) -> Bool {
        needles.allSatisfy { clause in
            clause.contains { grams?.mayContain($0.signature) != false && $0.needle.firstIndex(in: bytes) != nil }
        }
    }

    /// Whether the text has a non-ASCII letter whose case folding (full or simple) gives
    /// ASCII letters: ß ẞ İ ı ŉ ſ ǰ ẖ-ẚ K ﬀ-ﬆ.
    static func hasASCIIFoldingLetter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        return ByteSearch.containsAny(of: [0xC3, 0xC4, 0xC5, 0xC7, 0xE1, 0xE2, 0xEF], in: bytes) { index in
            guard index + 1 < count else { return false }
            let lead = bytes[index], second = bytes[index + 1]
            switch lead {
            case 0xC3: return second == 0x9F
            case 0xC4: return second == 0xB0 || second == 0xB1
            case 0xC5: return second == 0x89 || second == 0xBF
            case 0xC7: return second == 0xB0
            default:
                guard index + 2 < count else { return false }
                let third = bytes[index + 2]
                if lead == 0xE1 { return second == 0xBA && ((0x96...0x9A).contains(third) || third == 0x9E) }
                if lead == 0xE2 { return second == 0x84 && third == 0xAA }
                return second == 0xAC && (0x80...0x86).contains(third)
            }
        }
    }

    /// A recursive-descent reader of the pattern subset described above.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var unsupported = false
        var setsCaseInsensitive = false
        /// Whether literals run across `\s` (one or more white space characters).
        let joiningWhitespace: Bool
        /// Whether a literal was carried across `\s`.
        var spansWhitespace = false

        init(_ scalars: [Unicode.Scalar], joiningWhitespace: Bool) {
            self.scalars = scalars
            self.joiningWhitespace = joiningWhitespace
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        /// `a|b|c` up to a `)` or the end. One branch requires all its clauses; several
        /// require one clause made of each branch's strongest clause (none if a branch
        /// requires nothing).
        mutating func alternation() -> [[[UInt8]]] {
            var branches: [[[[UInt8]]]] = []
            while true {
                branches.append(sequence())
                guard current == "|" else { break }
                index += 1
            }
            if branches.count == 1 { return branches[0] }
            var union: [[UInt8]] = []
            for branch in branches {
                guard let strongest = branch.max(by: { Self.strength($0) < Self.strength($1) }) else { return [] }
                union += strongest
            }
            return [union]
        }

        /// One branch: every literal run and required group in it.
        mutating func sequence() -> [[[UInt8]]] {
            var clauses: [[[UInt8]]] = []
            var run: [UInt8] = []
            func flush() {
                if !run.isEmpty { clauses.append([run]) }
                run = []
            }
            while let scalar = current, scalar != "|", scalar != ")" {
                if unsupported { return [] }
                switch scalar {
                case "(":
                    let group = self.group()
                    flush()
                    let optional = quantifierAllowsZero()
                    if !optional { clauses += group }
                case "[":
                    skipClass()
                    flush()
                    _ = quantifierAllowsZero()
                case ".", "^", "$":
                    index += 1
                    flush()
                    _ = quantifierAllowsZero()
                case "*", "+", "?", "{":
                    unsupported = true
                case "\\" where joiningWhitespace && index + 1 < scalars.count && scalars[index + 1] == "s":
                    index += 2
                    // At least one white space character: one space in collapsed text.
                    if quantifier()?.allowsZero == true {
                        flush()
                    } else {
                        spansWhitespace = true
                        if run.last != 0x20 { run.append(0x20) }
                    }
                case "\\":
                    guard let literal = escapedLiteral() else {
                        flush()
                        _ = quantifierAllowsZero()
                        continue
                    }
                    appendLiteral(literal, run: &run, clauses: &clauses)
                default:
                    index += 1
                    appendLiteral(scalar, run: &run, clauses: &clauses)
                }
            }
            flush()
            return clauses
        }

        /// A literal scalar: kept in the run unless a quantifier lets it be absent.
        private mutating func appendLiteral(_ scalar: Unicode.Scalar, run: inout [UInt8], clauses: inout [[[UInt8]]]) {
            guard let quantifier = quantifier() else {
                UTF8.encode(scalar) { run.append($0) }
                return
            }
            // `ab?`: only `a` is sure; `ab+c`: `ab` is there, but `c` may not be next to it.
            if !quantifier.allowsZero { UTF8.encode(scalar) { run.append($0) } }
            if !run.isEmpty { clauses.append([run]) }
            run = []
        }

        static func strength(_ alternatives: [[UInt8]]) -> (Int, Int) {
            (alternatives.map(\.count).min() ?? 0, -alternatives.count)
        }

        /// `(...)`, `(?:...)`, `(?<name>...)`, `(?>...)`: the inner requirement;
        /// lookaround, flags and comments require nothing.
        mutating func group() -> [[[UInt8]]] {
            index += 1  // (
            var capturesRequirement = true
            if current == "?" {
                index += 1
                switch current {
                case ":", ">": index += 1
                case "=", "!": index += 1; capturesRequirement = false
                case "<":
                    index += 1
                    if current == "=" || current == "!" {
                        index += 1
                        capturesRequirement = false
                    } else {
                        while let scalar = current, scalar != ">" { index += 1 }
                        index += 1
                    }
                case "#":
                    while let scalar = current, scalar != ")" { index += 1 }
                    index += 1
                    return []
                default:
                    // Flags: `(?i)`, `(?m)`, `(?i:...)`, `(?-i)`.
                    var letters = ""
                    while let scalar = current, scalar != ")", scalar != ":" {
                        letters.unicodeScalars.append(scalar)
                        index += 1
                    }
                    guard letters.allSatisfy({ "imsw-".contains($0) }) else {
                        unsupported = true
                        return []
                    }
                    if letters.contains("i") { setsCaseInsensitive = true }
                    if current == ")" {
                        index += 1
                        return []
                    }
                    index += 1  // :
                }
            }
            let inner = alternation()
            guard current == ")" else {
                unsupported = true
                return []
            }
            index += 1
            return capturesRequirement ? inner : []
        }

        /// Skips `[...]`, nested sets and escapes included.
        mutating func skipClass() {
            var depth = 0
            repeat {
                guard let scalar = current else {
                    unsupported = true
                    return
                }
                if scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == "[" {
                    depth += 1
                    // `[]...]` and `[^]...]`: a leading `]` may be literal; do not guess.
                    let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                    if next == "]" || (next == "^" && index + 2 < scalars.count && scalars[index + 2] == "]") { unsupported = true }
                } else if scalar == "]" {
                    depth -= 1
                }
                index += 1
            } while depth > 0
        }

        /// After `\`: the escaped scalar when it stands for itself (`\{`, `\\`, `\$`);
        /// nil (consumed) for classes, anchors and other escapes.
        mutating func escapedLiteral() -> Unicode.Scalar? {
            index += 1
            guard let scalar = current else {
                unsupported = true
                return nil
            }
            index += 1
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                // `\Q...\E` quotes, `\p{...}`/`\N{...}`/`\x{...}` carry braces: too rich to
                // read here.
                if "QEpPNxuUk".unicodeScalars.contains(scalar) { unsupported = true }
                return nil
            }
            return scalar
        }

        /// Reads a quantifier (and its lazy/possessive mark) if one follows.
        mutating func quantifier() -> (allowsZero: Bool, Void)? {
            guard let scalar = current else { return nil }
            let allowsZero: Bool
            switch scalar {
            case "*", "?": allowsZero = true; index += 1
            case "+": allowsZero = false; index += 1
            case "{":
                index += 1
                var minimum = ""
                while let digit = current, ("0"..."9").contains(digit) {
                    minimum.unicodeScalars.append(digit)
                    index += 1
                }
                while let next = current, next != "}" {
                    guard next == "," || ("0"..."9").contains(next) else {
                        unsupported = true
                        return nil
                    }
                    index += 1
                }
                guard current == "}", let lower = Int(minimum) else {
                    unsupported = true
                    return nil
                }
                index += 1
                allowsZero = lower == 0
            default: return nil
            }
            if current == "?" || current == "+" { index += 1 }
            return (allowsZero, ())
        }

        mutating func quantifierAllowsZero() -> Bool {
            quantifier()?.allowsZero ?? false
        }
    }
}
