import Foundation
import XCTest

@testable import PostLint

/// The fast paths that let rules skip work (literal prefilters, byte search) must never
/// skip a match: each is checked against the slow path it stands in front of.
final class PrefilterTests: XCTestCase {
    func testRequirementsReadFromPatterns() {
        XCTAssertEqual(RequiredLiteral(pattern: #"\\textbf\{([^{}\n]+)\}"#, caseInsensitive: false)?.clauses.first, [Array(#"\textbf{"#.utf8)])
        XCTAssertEqual(
            RequiredLiteral(pattern: "(?m)\\b(TODO|TBD|FIXME)(?=:)", caseInsensitive: false)?.clauses,
            [["TODO", "TBD", "FIXME"].map { Array($0.utf8) }])
        let lorem = RequiredLiteral(pattern: #"(?i)\blorem\s+ipsum\s+dolor\b"#, caseInsensitive: false)
        XCTAssertEqual(lorem?.foldsCase, true)
        // Literals run across `\s+`, to be looked for in the text with its white space collapsed.
        XCTAssertEqual(lorem?.clauses.count, 3)
        XCTAssertEqual(lorem?.acrossWhitespace, [[Array("lorem ipsum dolor".utf8)]])
        XCTAssertEqual(
            RequiredLiteral(pattern: #"a \s+b\s*c"#, caseInsensitive: false)?.acrossWhitespace.flatMap { $0 }.sorted { $0.count < $1.count },
            [Array("c".utf8), Array("a b".utf8)])
        // Optional parts and lookaround require nothing; unknown syntax gives up.
        XCTAssertNil(RequiredLiteral(pattern: "(abc)?", caseInsensitive: false))
        XCTAssertNil(RequiredLiteral(pattern: "(?<=abc)x?", caseInsensitive: false))
        XCTAssertNil(RequiredLiteral(pattern: #"\Qa.b\E"#, caseInsensitive: false))
        XCTAssertNil(RequiredLiteral(pattern: "(?x) a b", caseInsensitive: false))
        XCTAssertNil(RequiredLiteral(pattern: "abc|d?", caseInsensitive: false))
        // `ab?c`: `a` and `c` are sure, not next to each other; `b` may be absent.
        XCTAssertEqual(Set(RequiredLiteral(pattern: "ab?c", caseInsensitive: false)?.clauses.flatMap { $0 } ?? []), [Array("a".utf8), Array("c".utf8)])
    }

    func testFoldingLettersDisableTheCaseInsensitiveTest() throws {
        let required = try XCTUnwrap(RequiredLiteral(pattern: "(?i)sorry", caseInsensitive: false))
        let regex = try ICURegularExpression("(?i)sorry")
        for text in ["SORRY", "ſorry", "nothing here", "Sorry!"] {
            let bytes = Array(text.utf8)
            let matches = try !regex.matches(in: bytes).isEmpty
            let may = bytes.withUnsafeBufferPointer { buffer in
                required.mayOccur(in: buffer) {
                    RequiredLiteral.hasASCIIFoldingLetter(buffer)
                }
            }
            if matches { XCTAssertTrue(may, "prefilter skipped a match in '\(text)'") }
        }
    }

    /// The collapsed text stands for ICU's `\s`: the same characters, on the whole BMP.
    func testPatternWhitespaceIsICUsWhitespace() throws {
        let whitespace = try ICURegularExpression(#"\s"#)
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let bytes = Array(String(scalar).utf8)
            XCTAssertEqual(try !whitespace.matches(in: bytes, limit: 1).isEmpty, RequiredLiteral.isPatternWhitespace(scalar), "U+\(String(value, radix: 16))")
        }
    }

    /// Patterns whose literals run across white space, on texts joined by every kind of it
    /// (and by characters that are not `\s`: U+000B, U+0085): where ICU matches, the
    /// prefilter says yes; and it does say no to some texts.
    func testLiteralsAcrossWhitespaceNeverHideAMatch() throws {
        // Each pattern with the words of a match, joined at random below.
        let patterns = [
            (#"(?i)\bas\s+an\s+AI(\s+language)?\s+model\b"#, ["as", "an", "AI", "language", "model"]), (#"a \s+b"#, ["a", "b"]),
            (#"x\s{2}y\s?z"#, ["x", "y", "z"]), (#"here\s+(is\s+)?the\s+translation"#, ["here", "is", "the", "translation"]),
        ]
        let spaces = [" ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{2028}", "\u{0B}", "\u{85}", "", " \u{A0} ", "\r\n", "-", "\u{200B}"]
        var generator = SystemRandomNumberGenerator()
        var rejected = 0
        var matched = 0
        for (pattern, words) in patterns {
            let regex = try ICURegularExpression(pattern)
            let prefiltered = PrefilteredPattern(regex)
            XCTAssertEqual(prefiltered.required?.spansWhitespace, true, pattern)
            for _ in 0..<1500 {
                var text = spaces.randomElement(using: &generator)!
                for word in words where Int.random(in: 0..<8, using: &generator) > 0 {
                    text += (Bool.random(using: &generator) ? word : word.uppercased()) + spaces.randomElement(using: &generator)!
                }
                let matches = try !regex.matches(in: Array(text.utf8), limit: 1).isEmpty
                let may = prefiltered.matches(PrefilterText(text))
                if matches {
                    matched += 1
                    XCTAssertTrue(may, "'\(pattern)' matches \(text.debugDescription) but its prefilter said no")
                } else if !may {
                    rejected += 1
                }
            }
        }
        XCTAssertGreaterThan(matched, 50)
        XCTAssertGreaterThan(rejected, 1000)
    }

    /// Every built-in pattern, on every fixture and rule example: where ICU finds a match,
    /// the prefilter lets the pattern run.
    func testPrefiltersNeverHideAMatch() throws {
        var patterns: [ICURegularExpression] = []
        patterns += [PlaceholderRule.definition, LatexResidueRule.definition].flatMap { $0.entries.map(\.regex) }
        let data = UntranslatedRule.data
        patterns += data.failureFamilies.flatMap(\.patterns) + data.originals + data.keptInOriginal + data.languages.flatMap(\.labels)
        var texts = RuleRegistry.descriptions.flatMap { description in
            (description.triggering + description.nonTriggering).map { $0.text.replacingOccurrences(of: "↓", with: "") }
        }
        let walker = FileManager.default.enumerator(at: TestSupport.fixtures, includingPropertiesForKeys: nil)
        for case let url as URL in walker?.allObjects ?? [] where ["md", "mdx", "txt"].contains(url.pathExtension) {
            if let text = try? String(contentsOf: url, encoding: .utf8) { texts.append(text) }
        }
        XCTAssertGreaterThan(texts.count, 50)
        var checked = 0
        for pattern in patterns {
            let prefiltered = PrefilteredPattern(pattern)
            for text in texts {
                let bytes = Array(text.utf8)
                guard let match = try pattern.matches(in: bytes, limit: 1).first else { continue }
                checked += 1
                let shown = String(decoding: bytes[match.range], as: UTF8.self)
                XCTAssertTrue(prefiltered.matches(PrefilterText(text)), "'\(pattern.pattern)' matches '\(shown)' but its prefilter said no")
                // A document's prefilter also rules literals out by its four-byte sequences.
                let document = try XCTUnwrap(Document(source: SourceFile(path: "post.md", bytes: bytes)))
                if let required = prefiltered.required {
                    XCTAssertTrue(document.mayContain(required), "'\(pattern.pattern)' matches '\(shown)' but the document's prefilter said no")
                }
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// A pattern's literal looked for outside code, comments, front matter and math (what
    /// the rule skips) finds every match the rule reports: the findings are the same as
    /// with no prefilter, on texts where the literals sit inside and outside those regions.
    func testScopedPrefilterKeepsEveryFinding() throws {
        var texts = RuleRegistry.descriptions.flatMap { description in
            (description.triggering + description.nonTriggering).map { $0.text.replacingOccurrences(of: "↓", with: "") }
        }
        let samples = ["this https URL", "{{ summary_ko }}", "${paper_url}", "%s", "TODO: x", "[번역 필요]", "\\cite{a}", "\\textbf{B}", "3\\%"]
        for sample in samples {
            texts += [
                "Text `\(sample)` and \(sample) here.\n", "```\n\(sample)\n```\n\nOnly code.\n", "Math $x \(sample)$ only.\n",
                "---\ntitle: \(sample)\n---\n\nBody.\n", "<!-- \(sample) -->\nText.\n", "$$\n\(sample)\n$$\n\n- \(sample)\n",
            ]
        }
        var reported = 0
        for rule in [PlaceholderRule.definition, LatexResidueRule.definition] {
            var unfiltered = rule
            unfiltered.prefiltersLiterals = false
            for text in texts {
                for name in ["post.md", "post.mdx"] {
                    let filtered = try XCTUnwrap(Document(source: SourceFile(path: name, text: text)))
                    let plain = try XCTUnwrap(Document(source: SourceFile(path: name, text: text)))
                    let context = RuleContext(fileExists: nil, severity: rule.severity)
                    let expected = unfiltered.check(plain, context: context).map { "\($0.range) \($0.message)" }
                    XCTAssertEqual(rule.check(filtered, context: context).map { "\($0.range) \($0.message)" }, expected, "\(rule.id): \(text.debugDescription)")
                    reported += expected.count
                }
            }
        }
        XCTAssertGreaterThan(reported, 30)
    }

    func testByteSearchAgreesWithANaiveSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abAB\\{ 한".utf8)
        for _ in 0..<2000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let naive = haystack.count >= needle.count
                && (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
            let folded = { (bytes: [UInt8]) in bytes.map(ByteSearch.lowercased) }
            let naiveFolded = haystack.count >= needle.count
                && (0...(haystack.count - needle.count)).contains { folded(Array(haystack[$0..<$0 + needle.count])) == folded(needle) }
            let starts = haystack.count >= needle.count ? Array(0...(haystack.count - needle.count)) : []
            let naiveFirst = starts.first { Array(haystack[$0..<$0 + needle.count]) == needle }
            let naiveFirstFolded = starts.first { folded(Array(haystack[$0..<$0 + needle.count])) == folded(needle) }
            haystack.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(ByteSearch.contains(buffer, needle), naive, "\(haystack) \(needle)")
                XCTAssertEqual(ByteSearch.Needle(needle, folding: true).firstIndex(in: buffer) != nil, naiveFolded, "\(haystack) \(needle)")
                XCTAssertEqual(ByteSearch.firstIndex(of: needle, in: buffer), naiveFirst, "\(haystack) \(needle)")
                XCTAssertEqual(ByteSearch.Needle(needle, folding: true).firstIndex(in: buffer), naiveFirstFolded, "\(haystack) \(needle)")
            }
        }
    }

    /// A spaced literal found in the text as it is agrees with the simple path it stands
    /// in for: the literal searched for in the text with its white space collapsed.
    func testSpacedNeedleAgreesWithSearchingCollapsedText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "B", "ab", "b", " ", "  ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{85}", "\u{0B}", "\u{200B}", "한", "-"]
        let words = ["a", "ab", "b", "한", "ba"]
        var found = 0
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let literal = (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            let folding = Bool.random(using: &generator)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let collapsed = RequiredLiteral.collapsingWhitespace(buffer)
                let expected = collapsed.withUnsafeBufferPointer { ByteSearch.Needle(Array(literal.utf8), folding: folding).firstIndex(in: $0) != nil }
                XCTAssertEqual(SpacedNeedle(Array(literal.utf8), folding: folding).occurs(in: buffer), expected, "\(text.debugDescription) \(literal)")
                if expected { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 100)
    }

    /// The four-byte filter never rules out a literal that occurs, exactly or folded, and
    /// does rule out some that do not.
    func testGramFilterNeverRulesOutAPresentLiteral() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abcAB{ 한\n".utf8)
        var ruledOut = 0
        for _ in 0..<3000 {
            let haystack = (0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...7, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            haystack.withUnsafeBufferPointer { buffer in
                let filter = GramFilter(buffer)
                let present = ByteSearch.Needle(needle, folding: true).firstIndex(in: buffer) != nil
                let allowed = filter.mayContain(GramFilter.signature(of: needle))
                if present { XCTAssertTrue(allowed, "\(haystack) \(needle)") } else if !allowed { ruledOut += 1 }
                if let start = (haystack.count >= 4 ? Int.random(in: 0...(haystack.count - 4), using: &generator) : nil) {
                    let piece = Array(haystack[start..<Int.random(in: (start + 4)...haystack.count, using: &generator)])
                    XCTAssertTrue(filter.mayContain(GramFilter.signature(of: piece.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 })))
                }
            }
        }
        XCTAssertGreaterThan(ruledOut, 500)
    }

    /// The section-blank test on bytes agrees with `Character.isWhitespace` over the text.
    func testBlankSectionTestMatchesCharacterSemantics() {
        for text in ["", " \n\t", "\u{3000}\n", " \u{301}", "\n한", " x", "\u{A0}\u{A0}", " \n\u{200B}"] {
            XCTAssertEqual(PlaceholderRule.isWhitespace(ArraySlice(Array(text.utf8))), text.allSatisfy(\.isWhitespace), "'\(text)'")
        }
    }

    func testScriptShareCountsWords() {
        let share = ScriptShare("우리는 LLaMA-3를 학습한다 with code", expected: [.hangul])
        XCTAssertEqual(share.words, 5)
        XCTAssertEqual(share.expectedWords, 3)
    }
}
