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

        init(name: String, patterns: [ICURegularExpression]) {
            self.name = name
            self.patterns = patterns
            prefiltered = patterns.map(PrefilteredPattern.init)
        }
    }

    let languages: [Language]
    let originals: [ICURegularExpression]
    /// Headings of sections a translated file keeps in the original (references, links).
    let keptInOriginal: [ICURegularExpression]
    let failureFamilies: [FailureFamily]

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
        prefiltered = Prefiltered(
            labels: languages.map(\.prefilteredLabels), originals: originals.map(PrefilteredPattern.init),
            keptInOriginal: keptInOriginal.map(PrefilteredPattern.init))
        let failureFile = (try? YAMLParsing.compose(failuresYAML)) ?? nil
        failureFamilies = (failureFile?["families"]?.sequence ?? []).compactMap { family in
            guard let name = family["name"]?.string else { return nil }
            return FailureFamily(
                name: name,
                patterns: Self.strings(family["patterns"]).compactMap { try? ICURegularExpression($0, options: [.caseInsensitive, .multiline]) })
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

    func language(code: String) -> Language? {
        let lowered = code.lowercased()
        return languages.first { $0.codes.contains(lowered) }
    }

    /// The first failure family whose pattern matches `text`, and the text with every
    /// failure phrase taken out (what else the section says: a pipeline's message often
    /// chains several, `번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다`).
    func failureMatch(in text: String) -> (family: FailureFamily, rest: String)? {
        let prefilterText = PrefilterText(text)
        var family: FailureFamily?
        var rest = prefilterText.bytes
        for candidate in failureFamilies {
            for pattern in candidate.prefiltered where pattern.matches(prefilterText) {
                let matches = (try? pattern.regex.matches(in: rest)) ?? []
                guard !matches.isEmpty else { continue }
                family = family ?? candidate
                // Blanked, not removed: later patterns' matches keep their offsets.
                for match in matches { for index in match.range { rest[index] = 0x20 } }
            }
        }
        return family.map { ($0, String(decoding: rest, as: UTF8.self)) }
    }
}
