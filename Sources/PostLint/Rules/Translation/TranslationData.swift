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

    private struct LanguagesFile: Decodable {
        struct Entry: Decodable {
            let name: String
            let codes: [String]
            let scripts: [String]
            let labels: [String]
        }
        let languages: [Entry]
        let originals: [String]
        let keptInOriginal: [String]

        enum CodingKeys: String, CodingKey {
            case languages, originals
            case keptInOriginal = "kept-in-original"
        }
    }

    private struct FailuresFile: Decodable {
        struct Family: Decodable {
            let name: String
            let patterns: [String]
        }
        let families: [Family]
    }

    /// Shipped data is checked by the tests, so a broken entry is dropped, not fatal.
    init(languagesYAML: String, failuresYAML: String) {
        let languageFile = try? Self.decode(LanguagesFile.self, from: languagesYAML)
        languages = (languageFile?.languages ?? []).map { entry in
            Language(
                name: entry.name, codes: Set(entry.codes.map { $0.lowercased() }),
                scripts: entry.scripts.compactMap { Script(name: $0) },
                labels: entry.labels.compactMap { try? ICURegularExpression($0) })
        }
        originals = (languageFile?.originals ?? []).compactMap { try? ICURegularExpression($0) }
        keptInOriginal = (languageFile?.keptInOriginal ?? []).compactMap { try? ICURegularExpression($0) }
        prefiltered = Prefiltered(
            labels: languages.map(\.prefilteredLabels), originals: originals.map(PrefilteredPattern.init),
            keptInOriginal: keptInOriginal.map(PrefilteredPattern.init))
        let failureFile = try? Self.decode(FailuresFile.self, from: failuresYAML)
        failureFamilies = (failureFile?.families ?? []).map { family in
            FailureFamily(
                name: family.name,
                patterns: family.patterns.compactMap { try? ICURegularExpression($0, options: [.caseInsensitive, .multiline]) })
        }
    }

    /// Every value here is a string or a list of strings: composed without Yams's
    /// regular-expression type resolution, whose first use compiles seven patterns (a
    /// millisecond of every run).
    private static func decode<File: Decodable>(_ type: File.Type, from yaml: String) throws -> File? {
        guard let node = try YAMLParsing.compose(yaml) else { return nil }
        return try YAMLDecoder().decode(type, from: node)
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

    /// The failure family whose pattern matches `text`, if any.
    func failureFamily(of text: String) -> FailureFamily? {
        let prefilterText = PrefilterText(text)
        return failureFamilies.first { family in family.prefiltered.contains { $0.matches(prefilterText) } }
    }
}
