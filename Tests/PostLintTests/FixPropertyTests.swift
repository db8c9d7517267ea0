import ICUShim
import PropertyBased
import Testing

@testable import PostLint

/// Properties of `--fix` on generated posts: clean fragments put together in random order,
/// some of them damaged the ways generators damage posts.
struct FixPropertyTests {
    static let fragments = [
        "# 주간 논문 정리\n",
        "이번 주에는 총 **10개**의 논문을 읽었습니다.\n",
        "We took the early train and watched the fog lift over the valley.\n",
        "## Results\n",
        "모델은 데이터셋이 클수록 더 좋은 성능을 보였다.\n",
        "The method improves reasoning on long documents.\n",
        "```python\nprint('code stays as it is')\n```\n",
        "- 첫째, 비용이 줄었다.\n- 둘째, 속도가 빨라졌다.\n",
        "See [the paper](https://example.com/paper) for details.\n",
    ]

    /// The ways a fragment can be damaged: 0 leaves it clean.
    enum Damage: Int, CaseIterable {
        case none, macRoman, typo, placeholder
    }

    static func post(_ picks: [Int], damages: [Int]) -> (clean: String, damaged: String) {
        var clean = "import shot_0101_img0 from './shot_0101_img0.png';\n\n"
        var damaged = clean
        for (index, pick) in picks.enumerated() {
            let fragment = fragments[pick % fragments.count]
            clean += fragment + "\n"
            damaged += damage(fragment, Damage(rawValue: damages[index % damages.count] % Damage.allCases.count)!) + "\n"
        }
        clean += "<img src={shot_0101_img0} />\n"
        damaged += "<img src={shot_0101_img0} />\n"
        return (clean, damaged)
    }

    static func damage(_ fragment: String, _ damage: Damage) -> String {
        switch damage {
        case .none: return fragment
        case .macRoman: return fragment.hasPrefix("```") ? fragment : macRoman(fragment)
        case .typo: return fragment.replacingOccurrences(of: "reasoning", with: "reasoing")
        case .placeholder: return fragment.replacingOccurrences(of: "https://example.com/paper", with: "this https URL")
        }
    }

    /// UTF-8 bytes read as Mac OS Roman and saved again as UTF-8 (every byte is defined).
    static func macRoman(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let written = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                plicu_decode("macintosh", $0.baseAddress, Int32(buffer.count), &output, Int32(output.count))
            }
        }
        return String(decoding: output.prefix(Int(max(0, written))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func fix(_ text: String) -> FixOutcome {
        let document = TestSupport.document(text, fileName: "post.mdx")
        return Fixer(includeUnsafe: false).fix(document) { TestSupport.diagnostics($0, rules: nil) }
    }

    static let picks = Gen.int(in: 0...40).array(of: 1...8)
    static let damages = Gen.int(in: 0...3).array(of: 1...8)

    @Test func fixingConvergesAndASecondFixChangesNothing() async {
        await propertyCheck(count: 60, input: Self.picks, Self.damages) { picks, damages in
            let damaged = Self.post(picks, damages: damages).damaged
            switch Self.fix(damaged) {
            case .refused(let reason), .fixedOutsideFrontMatter(_, _, let reason), .frontMatterLeft(let reason):
                Issue.record("fixing was refused: \(reason)\n\(damaged)")
            case .unchanged:
                break
            case .fixed(let text, _):
                guard case .unchanged = Self.fix(text) else {
                    Issue.record("a second fix changed the text again:\n\(text)")
                    return
                }
            }
        }
    }

    @Test func macRomanDamageIsRepairedExactly() async {
        await propertyCheck(count: 60, input: Self.picks) { picks in
            let (clean, damaged) = Self.post(picks, damages: [Damage.macRoman.rawValue])
            guard damaged != clean else { return }  // ASCII text reads the same in Mac OS Roman
            guard case .fixed(let text, _) = Self.fix(damaged) else {
                Issue.record("nothing was fixed in\n\(damaged)")
                return
            }
            #expect(text == clean)
        }
    }

    @Test func fixesTouchOnlyWhatTheirFindingsCover() async {
        await propertyCheck(count: 60, input: Self.picks, Self.damages) { picks, damages in
            Self.checkFixesStayInsideFindings(picks, damages)
        }
    }

    /// A counterexample the property found: a heading damaged to Mac OS Roman next to a typo
    /// made the typo rule take the line for foreign text, so the typo surfaced only once the
    /// heading was repaired, and the fix changed a word no first finding covered.
    @Test func mojibakeBesideATypoDoesNotHideIt() {
        Self.checkFixesStayInsideFindings([0, 5, 0, 0, 0, 5], [0, 2, 1])
    }

    static func checkFixesStayInsideFindings(_ picks: [Int], _ damages: [Int]) {
        let damaged = Self.post(picks, damages: damages).damaged
        let document = TestSupport.document(damaged, fileName: "post.mdx")
        let diagnostics = TestSupport.diagnostics(document, rules: nil)
        let fixer = Fixer(includeUnsafe: false)
        for (diagnostic, fix) in fixer.applicableFixes(diagnostics) where fix.safety == .safe {
            for edit in fix.edits {
                #expect(diagnostic.range.contains(edit.range.lowerBound) || edit.range.lowerBound == diagnostic.range.lowerBound)
                #expect(edit.range.upperBound <= diagnostic.range.upperBound)
            }
        }
        // The text outside the first and last flagged byte is never changed.
        guard case .fixed(let text, _) = Self.fix(damaged) else { return }
        let flagged = diagnostics.filter { $0.fix?.safety == .safe }.map(\.range)
        guard let first = flagged.map(\.lowerBound).min(), let last = flagged.map(\.upperBound).max() else {
            Issue.record("the text changed without a safe finding")
            return
        }
        let original = Array(damaged.utf8)
        let fixed = Array(text.utf8)
        #expect(fixed.starts(with: original[..<first]))
        #expect(fixed.reversed().starts(with: original[last...].reversed()))
    }
}
