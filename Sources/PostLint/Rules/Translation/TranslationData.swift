import Yams

/// The translation rule data shipped in `Rules/translation/`, compiled once.
struct TranslationData: Sendable {
    struct Language: Sendable {
        let name: String
        let codes: Set<String>
        let scripts: [Script]
        let labels: [ICURegularExpression]
    }

    struct FailureFamily: Sendable {
        let name: String
        let patterns: [ICURegularExpression]
        /// Per pattern, text its matches need (see `RequiredLiteral`): most sections hold
        /// none, and ICU is not asked about them.
        let requirements: [RequiredLiteral?]

        init(name: String, patterns: [ICURegularExpression]) {
            self.name = name
            self.patterns = patterns
            requirements = patterns.map { RequiredLiteral(pattern: $0.pattern, caseInsensitive: $0.options.contains(.caseInsensitive)) }
        }

        func matches(_ bytes: [UInt8], hasFoldingLetter: () -> Bool) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                zip(patterns, requirements).contains { pattern, required in
                    if let required, !required.mayOccur(in: buffer, hasFoldingLetter: hasFoldingLetter) { return false }
                    return ((try? pattern.matches(in: bytes, limit: 1)) ?? []).isEmpty == false
                }
            }
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
        let languageFile = try? YAMLDecoder().decode(LanguagesFile.self, from: languagesYAML)
        languages = (languageFile?.languages ?? []).map { entry in
            Language(
                name: entry.name, codes: Set(entry.codes.map { $0.lowercased() }),
                scripts: entry.scripts.compactMap { Script(name: $0) },
                labels: entry.labels.compactMap { try? ICURegularExpression($0) })
        }
        originals = (languageFile?.originals ?? []).compactMap { try? ICURegularExpression($0) }
        keptInOriginal = (languageFile?.keptInOriginal ?? []).compactMap { try? ICURegularExpression($0) }
        let failureFile = try? YAMLDecoder().decode(FailuresFile.self, from: failuresYAML)
        failureFamilies = (failureFile?.families ?? []).map { family in
            FailureFamily(
                name: family.name,
                patterns: family.patterns.compactMap { try? ICURegularExpression($0, options: [.caseInsensitive, .multiline]) })
        }
    }

    /// What a heading says about its section, from the tests below.
    struct HeadingClass: Sendable {
        let namesOriginal: Bool
        let language: Language?
        let isKeptInOriginal: Bool
    }

    /// The heading's class, looked up once per distinct heading in a run (a repository
    /// repeats `Abstract`, `초록 (Korean)` thousands of times).
    func classify(_ title: String) -> HeadingClass {
        headingClasses.value(for: title) {
            HeadingClass(namesOriginal: namesOriginal(title), language: language(namedIn: title), isKeptInOriginal: isKeptInOriginal(title))
        }
    }

    private let headingClasses = MemoTable<String, HeadingClass>()

    /// The language a heading names, if any.
    func language(namedIn title: String) -> Language? {
        languages.first { language in language.labels.contains { $0.firstMatch(in: title) != nil } }
    }

    func namesOriginal(_ title: String) -> Bool {
        originals.contains { $0.firstMatch(in: title) != nil }
    }

    func isKeptInOriginal(_ title: String) -> Bool {
        keptInOriginal.contains { $0.firstMatch(in: title) != nil }
    }

    func language(code: String) -> Language? {
        let lowered = code.lowercased()
        return languages.first { $0.codes.contains(lowered) }
    }

    /// The failure family whose pattern matches `text`, if any.
    func failureFamily(of text: String) -> FailureFamily? {
        let bytes = Array(text.utf8)
        var foldingLetter: Bool?
        let hasFoldingLetter = {
            if let foldingLetter { return foldingLetter }
            let found = bytes.withUnsafeBufferPointer { RequiredLiteral.hasASCIIFoldingLetter($0) }
            foldingLetter = found
            return found
        }
        return failureFamilies.first { $0.matches(bytes, hasFoldingLetter: hasFoldingLetter) }
    }
}
