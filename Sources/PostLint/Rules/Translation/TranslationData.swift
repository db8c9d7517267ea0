import Yams

/// The translation rule data shipped in `Rules/translation/`, compiled once.
struct TranslationData: Sendable {
    struct Language: Sendable {
        let name: String
        let codes: Set<String>
        let scripts: [Script]
        let labels: [ICURegularExpression]
        var prefilteredLabels: [PrefilteredPattern] { labels.map(PrefilteredPattern.init) }
    }

    struct FailureFamily: Sendable {
        let name: String
        let patterns: [ICURegularExpression]
        /// The patterns, tried only on texts that hold what they need (see
        /// `RequiredLiteral`): most sections hold none of it, and ICU is not asked.
        let prefiltered: [PrefilteredPattern]
        /// Says what a failure came with (retries, "try again later"), not that one happened.
        let supporting: Bool

        init(name: String, patterns: [ICURegularExpression], supporting: Bool = false) {
            self.name = name
            self.patterns = patterns
            self.supporting = supporting
            prefiltered = patterns.map(PrefilteredPattern.init)
        }
    }

    /// A failure found in a text: its family, the text with every failure phrase and
    /// message filler blanked out, and whether it is said as a message says it.
    struct FailureMatch {
        let family: FailureFamily
        let rest: String
        /// The text opens with the failure, after an apology at most: a translation failure
        /// (`번역 중 오류가 발생하여 원문을 표시합니다.`, `Translation failed due to …`), or
        /// another that ends its sentence (`Error: 429 …`, `네트워크 연결에 실패했습니다.`).
        let opensWithIt: Bool
        /// A failure phrase ends its sentence (`… 요청 시간이 초과되었습니다.`): prose about
        /// failures goes on past its phrase (`연결이 끊겨도 다시 붙도록 고쳤어요`).
        let endsASentence: Bool
        /// The first failure phrase modifies a noun (`번역에 실패한 문서를 …`).
        let describesSomething: Bool
    }

    let languages: [Language]
    let originals: [ICURegularExpression]
    /// Headings of sections a translated file keeps in the original (references, links).
    let keptInOriginal: [ICURegularExpression]
    /// Headings that say their section is a translation (`## 한국어 요약`, `## 번역 결과`).
    let translationSlots: [PrefilteredPattern]
    let failureFamilies: [FailureFamily]
    let messageFiller: [PrefilteredPattern]

    static let shipped = TranslationData(
        languagesYAML: RuleData.text("translation/languages.yml") ?? "",
        failuresYAML: RuleData.text("translation/failure-messages.yml") ?? "")

    /// Shipped data is checked by the tests, so a broken entry is dropped, not fatal.
    init(languagesYAML: String, failuresYAML: String) {
        // Every value here is a string or a list of strings: the composed nodes are read
        // directly, without Yams's regular-expression type resolution (whose first use
        // compiles seven patterns) or its Decoder (whose reflection cost a one-post run
        // more than the rest of loading this data).
        let languageFile = (try? YAMLParsing.compose(languagesYAML)) ?? nil
        languages = (languageFile?["languages"]?.sequence ?? []).compactMap { entry in
            guard let name = entry["name"]?.string else { return nil }
            return Language(
                name: name, codes: Set(Self.strings(entry["codes"]).map { $0.lowercased() }),
                scripts: Self.strings(entry["scripts"]).compactMap { Script(name: $0) },
                labels: Self.strings(entry["labels"]).compactMap { try? ICURegularExpression($0) })
        }
        originals = Self.strings(languageFile?["originals"]).compactMap { try? ICURegularExpression($0) }
        keptInOriginal = Self.strings(languageFile?["kept-in-original"]).compactMap { try? ICURegularExpression($0) }
        translationSlots = Self.strings(languageFile?["translation-slots"]).compactMap { (try? ICURegularExpression($0)).map(PrefilteredPattern.init) }
        prefiltered = Prefiltered(
            labels: languages.map(\.prefilteredLabels), originals: originals.map(PrefilteredPattern.init),
            keptInOriginal: keptInOriginal.map(PrefilteredPattern.init))
        let failureFile = (try? YAMLParsing.compose(failuresYAML)) ?? nil
        failureFamilies = (failureFile?["families"]?.sequence ?? []).compactMap { family in
            guard let name = family["name"]?.string else { return nil }
            return FailureFamily(
                name: name,
                patterns: Self.strings(family["patterns"]).compactMap { try? ICURegularExpression($0, options: [.caseInsensitive, .multiline]) },
                supporting: family["supporting"]?.scalar?.string == "true")
        }
        messageFiller = Self.strings(failureFile?["message-filler"]).compactMap {
            (try? ICURegularExpression($0, options: [.caseInsensitive])).map(PrefilteredPattern.init)
        }
    }

    /// A list of strings (a lone string counts as a list of one); empty for anything else.
    private static func strings(_ node: Node?) -> [String] {
        if let text = node?.scalar?.string { return [text] }
        return node?.sequence?.compactMap { $0.scalar?.string } ?? []
    }

    /// What a heading says about its section, from the tests below.
    struct HeadingClass: Sendable {
        let namesOriginal: Bool
        let language: Language?
        let isKeptInOriginal: Bool
    }

    /// The heading's class, looked up once per distinct heading in a run (a repository
    /// repeats `Abstract`, `초록 (Korean)` thousands of times) with prefiltered patterns
    /// (a paper title, different every time, rarely holds what a label needs).
    func classify(_ title: String) -> HeadingClass {
        headingClasses.value(for: title) {
            let text = PrefilterText(title)
            let language = prefiltered.labels.firstIndex { labels in labels.contains { $0.matches(text) } }.map { languages[$0] }
            return HeadingClass(
                namesOriginal: prefiltered.originals.contains { $0.matches(text) }, language: language,
                isKeptInOriginal: prefiltered.keptInOriginal.contains { $0.matches(text) })
        }
    }

    private let headingClasses = MemoTable<String, HeadingClass>()

    /// The patterns above with their requirements, made once.
    private struct Prefiltered: Sendable {
        let labels: [[PrefilteredPattern]]
        let originals: [PrefilteredPattern]
        let keptInOriginal: [PrefilteredPattern]
    }

    private let prefiltered: Prefiltered

    /// The language a heading names, if any.
    func language(namedIn title: String) -> Language? {
        classify(title).language
    }

    func namesOriginal(_ title: String) -> Bool {
        classify(title).namesOriginal
    }

    func isKeptInOriginal(_ title: String) -> Bool {
        classify(title).isKeptInOriginal
    }

    /// Whether a heading says its section is a translation, not only which language it is in.
    func isTranslationSlot(_ title: String) -> Bool {
        let text = PrefilterText(title)
        return translationSlots.contains { $0.matches(text) }
    }

    func language(code: String) -> Language? {
        let lowered = code.lowercased()
        return languages.first { $0.codes.contains(lowered) }
    }

    /// The first failure family whose pattern matches `text`, and the text with every
    /// failure phrase taken out (what else the section says: a pipeline's message often
    /// chains several, `번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다`).
    func failureMatch(in text: String) -> FailureMatch? {
        let prefilterText = PrefilterText(text)
        var family: FailureFamily?
        var rest = prefilterText.bytes
        // The earliest failure phrase, and whether it is a translation failure or ends its sentence.
        var first: (range: Range<Int>, isMessage: Bool)?
        var endsASentence = false
        for candidate in failureFamilies {
            for pattern in candidate.prefiltered where pattern.matches(prefilterText) {
                let matches = (try? pattern.regex.matches(in: rest)) ?? []
                guard !matches.isEmpty else { continue }
                if !candidate.supporting {
                    family = family ?? candidate
                    for match in matches {
                        let ends = Self.endsSentence(prefilterText.bytes, match.range)
                        endsASentence = endsASentence || ends
                        if first.map({ match.range.lowerBound < $0.range.lowerBound }) ?? true {
                            first = (match.range, candidate.name == Self.translationFailure || ends)
                        }
                    }
                }
                // Blanked, not removed: later patterns' matches keep their offsets.
                for match in matches { for index in match.range { rest[index] = 0x20 } }
            }
        }
        guard let family, let first else { return nil }
        for filler in messageFiller where filler.matches(prefilterText) {
            for match in (try? filler.regex.matches(in: rest)) ?? [] { for index in match.range { rest[index] = 0x20 } }
        }
        let modifies = Self.continuesAsModifier(prefilterText.bytes, first.range)
        let opens = first.isMessage && !modifies && Self.startsText(prefilterText.bytes, first.range)
        return FailureMatch(
            family: family, rest: String(decoding: rest, as: UTF8.self), opensWithIt: opens, endsASentence: endsASentence,
            describesSomething: modifies)
    }

    /// The phrase at `range` goes on into a Korean form that modifies a noun (`번역에
    /// 실패한 문서`, `실패했을 때`, `번역 실패율`): prose about something, not a message.
    private static func continuesAsModifier(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let after = String(decoding: bytes[range.upperBound..<min(bytes.count, range.upperBound + 48)], as: UTF8.self)
        let run = after.unicodeScalars.prefix(while: { Hangul.isSyllable($0) })
        guard let last = run.last, !particles.contains(String(String.UnicodeScalarView(run))) else { return false }
        let tail = Hangul.parts(last).tail
        guard tail == 4 || tail == 8 else { return false }  // ㄴ, ㄹ
        // `-ㄴ 것 같습니다`, `-ㄹ 수 없습니다`: a sentence's ending, not a noun modified.
        let next = after.unicodeScalars.dropFirst(run.count).drop { $0 == " " }.first
        return !(next.map { dependentNouns.contains($0) } ?? false)
    }

    /// A particle alone after a phrase (`번역 실패는`), no modifying form.
    private static let particles: Set<String> = ["는", "은", "을", "를", "이", "가", "도", "만", "로", "으로"]
    /// Nouns that end sentences after a modifying form (것 같다, 수 없다, 듯하다, 줄 모르다).
    private static let dependentNouns: Set<Unicode.Scalar> = ["것", "수", "듯", "줄", "뻔", "모"]

    /// The family of failures that are never prose about something else.
    static let translationFailure = "translation error"

    /// Nothing before the phrase at `range` but spaces, brackets and an apology.
    private static func startsText(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let lead = String(decoding: bytes[..<range.lowerBound], as: UTF8.self).drop { " \t\n[(（【".contains($0) }
        return lead.isEmpty || lead.range(of: #"^(죄송합니다|죄송하지만|(?i:sorry))[.,!。]?\s*$"#, options: .regularExpression) != nil
    }

    /// The phrase at `range` ends its sentence: it ends with a header's colon or bracket, or
    /// at most an ending (`습니다`, `되었습니다`, `しました`) follows it before the sentence ends.
    private static func endsSentence(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        let matched = String(decoding: bytes[range], as: UTF8.self)
        if let last = matched.last(where: { !$0.isWhitespace }), ":：]】)）".contains(last) { return true }
        let after = String(decoding: bytes[range.upperBound...], as: UTF8.self).unicodeScalars
        let ending = after.prefix { Hangul.isSyllable($0) || (0x3041...0x309F).contains($0.value) }
        guard ending.count <= 5 else { return false }
        guard let next = after.dropFirst(ending.count).first else { return true }
        return ".!?:：。！？]】)）（(\n".unicodeScalars.contains(next)
    }
}
