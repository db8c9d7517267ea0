import Foundation
import Yams

/// A section that should be in another language but is not: the translation pipeline
/// left its error message, left the original in place, or never ran.
public struct UntranslatedRule: Rule {
    public static let description = RuleDescription(
        id: "untranslated",
        summary: "A section that should be a translation is not one",
        rationale: """
            Translation pipelines fail quietly: a network error, an exhausted retry budget or \
            a quota turns into text that is published as if it were the translation. The rule \
            finds what a section should be in from its heading (`초록 (Korean)`, `한국어`, \
            `(Japanese)`), the front matter (`lang: ko`), the file name (`post.ko.md`) or its \
            folder (`ko/`, `i18n/ko/`), and reports the section (or the text before the first \
            heading, all of a post without headings, which is in the file's language) when its text is a pipeline \
            failure message (families kept in `Rules/translation/failure-messages.yml`, in \
            several languages), a copy of the original section beside it, or has (almost) no \
            words in the language's script. Latin model names inside Korean prose are normal: \
            prose is measured in words, and code is left out. Sections whose language comes \
            only from the file are flagged only when they hold no word of the language at all; \
            a heading that only names a language (`## Korean`) makes a translation slot only in \
            a post that names its original, and elsewhere only a failure message under it is \
            reported (the post may be about the language).
            """,
        severity: .error,
        fixSafety: nil,
        scope: .structure,
        nonTriggering: [
            Example("## Abstract (Original)\nWe train LLaMA-3 on code.\n\n## 초록 (Korean)\n우리는 LLaMA-3와 GPT-4o를 코드 데이터로 학습한다.\n", fileName: "post.md"),
            Example("## 초록 (Korean)\nSAPO는 RL 기반 post-training 알고리즘으로, GPU 클러스터 없이도 동작한다.\n", fileName: "post.txt"),
            Example("## Timeouts\nThe request timed out after 3 retries.\n", fileName: "post.md"),
            Example("---\nlang: ko\n---\n## 원인\n\n요청 한도(rate limit)를 초과해서 502 Bad Gateway 에러가 떴습니다.\n", fileName: "post.md"),
            Example("## 초록 (Korean)\n```\nnetwork error: connection refused\n```\n모델 출력 예시다.\n", fileName: "post.md"),
            Example("---\nlang: ko\n---\n\nSAPO is a decentralized RL post-training algorithm; 이 글은 그 논문을 정리한다.\n\n## 요약\n\n요약이다.\n", fileName: "post.md"),
            Example("The request timed out after three retries, so the job ran again later that night.\n", fileName: "notes.md"),
            Example("## Korean\n\nKorean separates words with spaces, but particles attach to nouns, so we use a morphological analyzer such as mecab-ko.\n", fileName: "post.md"),
            Example("## 한 줄 요약\n네트워크 연결 실패나 요청 시간 초과가 나도 작업을 이어가도록 체크포인트를 도입함.\n\n## 요약\n\nAPI 요청 한도를 초과했을 때 지수 백오프로 재시도하는 방법을 정리했습니다.\n", fileName: "post.md"),
        ],
        triggering: [
            Example("--- 1. Sharing is Caring: Efficient LM Post-Training ---\n\n## Abstract (Original)\nWe present SAPO.\n\n## 초록 (Korean)\n↓번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다.\n", fileName: "weekly.txt"),
            Example("## 요약 (Korean)\n↓Error: 429 Too Many Requests\n", fileName: "post.md"),
            Example("---\nlang: ko\n---\n## 요약\n\n↓Error: 429 Too Many Requests\n", fileName: "post.md"),
            Example("---\nlang: ko\n---\n## 요약\n\n↓번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다.\n", fileName: "post.md"),
            Example("## Abstract (Original)\nLanguage models hallucinate because training rewards guessing.\n\n## 초록 (Korean)\n↓Language models hallucinate because training rewards guessing.\n", fileName: "post.md"),
            Example("↓번역 중 오류 발생: 3번의 시도 후에도 네트워크 연결에 실패했습니다.\n", fileName: "weekly.ko.txt"),
            Example("---\nlang: ko\n---\n\n↓Translation failed: the model returned an empty response.\n\n## 요약\n\n요약이다.\n", fileName: "post.md"),
            Example("## Abstract (Original)\nWe present a survey.\n\n## 中文 (Chinese)\n↓We present a survey of reinforcement learning for large reasoning models and the open problems they raise.\n", fileName: "post.md"),
        ])

    public init() {}

    static let data = TranslationData.shipped
    /// A failure message replaces the whole text: a longer body that mentions a failure is
    /// prose about failures, not one.
    static let failureMessageLength = 240

    /// Letters of a paragraph written without spaces (Japanese, Chinese) that make it prose.
    static let lettersOfAnUnspacedParagraph = 20

    /// Letters in the expected language a failure message may come with besides its failure
    /// phrases and its apologies and instructions (`잠시 후 다시 시도해 주세요`).
    static let lettersAroundAFailureMessage = 12

    /// Whether a short section holding a failure phrase is a pipeline's message rather than
    /// prose about failures: it opens with the failure (and, in Korean, has no sentence in
    /// the plain written style of prose: `번역 실패: … 사례를 분석한다.` is prose), or it says
    /// little else in the language — a few letters, or a dozen beside a phrase that ends its
    /// sentence. (Korean prose about failures — `…를 제안한다`, `…정리했습니다`, `…도입함`,
    /// `연결이 끊겨도 … 고쳤어요` — goes on past its phrase.)
    static func readsAsAMessage(_ text: String, _ match: TranslationData.FailureMatch, language: TranslationData.Language) -> Bool {
        if match.describesSomething { return false }
        if match.opensWithIt { return !(language.scripts.contains(.hangul) && hasPlainStyleSentence(text)) }
        let letters = ScriptShare.letters(in: match.rest, of: language.scripts)
        return letters <= lettersAroundAFailureMessage / 2 || match.endsASentence && letters <= lettersAroundAFailureMessage
    }

    /// A Korean sentence ending in the plain written style (`…를 제안한다.`, `…이 생겼다.`)
    /// that abstracts and posts use and system messages (`…했습니다`, `…해 주세요`) do not.
    static func hasPlainStyleSentence(_ text: String) -> Bool {
        text.split(whereSeparator: { ".!?\n。".contains($0) }).contains { sentence in
            let letters = sentence.unicodeScalars.filter { Hangul.isSyllable($0) }
            guard let last = letters.last, last == "다" else { return false }
            return letters.dropLast().last != "니"
        }
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let sections = Sections.of(document)
        // Only sections whose heading names no language need the file's; most files have none.
        var fileLanguage: TranslationData.Language?? = nil
        let languageOfFile = {
            if fileLanguage == nil { fileLanguage = .some(Self.documentLanguage(document, relativePath: context.relativePath)) }
            return fileLanguage ?? nil
        }
        var diagnostics: [Diagnostic] = []
        let report = { (range: Range<Int>, message: String) in
            diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: range, message: message))
        }
        // The text before the first heading (all of a post without headings) is in the
        // file's language: a pipeline that failed on the whole post wrote its message there.
        if let lead = Self.lead(of: document, before: sections), let language = languageOfFile(),
            let (range, problem) = Self.finding(in: lead, original: nil, language: language, expectation: .fileLanguage, document: document)
        {
            report(range, "\(sections.isEmpty ? "the post" : "the text before the first heading") \(problem)")
        }
        // A heading naming a language makes a translation slot in a post that names its
        // original, or when it says so itself (`## 한국어 요약`); else it may be about the
        // language (`## Korean` in a post on tokenisers), and only a failure message counts.
        lazy var namesAnOriginal = sections.contains { Self.data.classify($0.title).namesOriginal }
        for (index, section) in sections.enumerated() {
            let heading = Self.data.classify(section.title)
            if heading.namesOriginal { continue }
            let named = heading.language
            if named == nil, heading.isKeptInOriginal { continue }
            guard let language = named ?? languageOfFile() else { continue }
            let original = Self.original(of: index, in: sections).map { sections[$0] }
            let isSlot = named.map { Self.data.isTranslationSlot(section.title) || Self.isLabelledInItsLanguage(section.title, $0) || namesAnOriginal } ?? false
            // A heading naming the file's own language asks no less than the file does.
            let expectation: Expectation =
                named == nil || !isSlot && languageOfFile()?.name == language.name ? .fileLanguage : isSlot ? .slot : .failureOnly
            if let (range, problem) = Self.finding(in: section, original: original, language: language, expectation: expectation, document: document) {
                report(range, "\(Self.name(of: section, in: sections)) \(problem)")
            }
        }
        return diagnostics
    }

    /// The text between the front matter and the first heading, as a section without a
    /// heading; nil when there is none.
    static func lead(of document: Document, before sections: [Section]) -> Section? {
        let start = document.frontMatter?.range.upperBound ?? 0
        let end = sections.first?.headingRange.lowerBound ?? document.utf8.count
        guard start < end else { return nil }
        return Section(title: "", level: 0, headingRange: start..<start, bodyRange: start..<end, parent: nil)
    }

    /// A heading in the language, labelled with the language's name (`초록 (Korean)`,
    /// `中文 (Chinese)`): a translation slot. In another script (`Sample output (Korean)`,
    /// `Hangul (Korean)` in an English post) it is about the language.
    static func isLabelledInItsLanguage(_ title: String, _ language: TranslationData.Language) -> Bool {
        var rest = Substring(title)
        while let open = rest.firstIndex(where: { "(（[".contains($0) }) {
            let inside = rest[rest.index(after: open)...]
            let close = inside.firstIndex { ")）]".contains($0) } ?? inside.endIndex
            let label = inside[..<close].trimmingCharacters(in: .whitespaces).lowercased()
            rest = close < inside.endIndex ? inside[inside.index(after: close)...] : ""
            guard label == language.name.lowercased() || language.codes.contains(label) else { continue }
            // The rest of the heading, without this label: in the language, and not its name
            // (`## 한국어 (Korean)` is about the language).
            let outside = (String(title[..<open]) + " " + String(rest)).trimmingCharacters(in: .whitespaces)
            guard !languageNames.contains(outside.lowercased()) else { return false }
            return ScriptShare.letters(in: outside, of: language.scripts) > 0
        }
        return false
    }

    /// Languages' names as headings write them.
    static let languageNames: Set<String> = ["한국어", "한글", "일본어", "중국어", "영어", "korean", "japanese", "chinese", "english", "日本語", "中文", "英語", "英语"]

    /// How a section comes to be expected in a language.
    enum Expectation {
        /// Its heading makes it a translation slot: a script share below a fifth is enough.
        case slot
        /// Its heading names the language, but the post may be about it: failures only.
        case failureOnly
        /// Only the file says so (front matter, name, folder): no word of the language at all.
        case fileLanguage
    }

    /// What is wrong with one section expected in `language`, and where.
    static func finding(
        in section: Section, original: Section?, language: TranslationData.Language, expectation: Expectation, document: Document
    ) -> (Range<Int>, String)? {
        let strict = expectation != .fileLanguage
        // Untrimmed: the copy and script tests split on whitespace anyway.
        let allProse = document.proseText(in: section.bodyRange)
        guard let trimmedProse = trimmed(allProse, ifAtMost: Self.failureMessageLength),
            let range = trimmedRange(section.bodyRange, document)
        else { return nil }
        // Where only the post's language (front matter, file name) says what a section should
        // be, a short Korean paragraph about a rate limit or a 502 is prose about failures: a
        // generic failure (network, timeout, quota, HTTP) counts there only when written
        // wholly in another language. "Translation failed" is never prose about something
        // else, and under a heading naming the language (a generator's translation slot)
        // any failure message is one.
        // And the message must be what the section says, not a phrase of a sentence in the
        // language about failures (`네트워크 연결 실패 상황에서도 학습을 계속하는 방법`):
        // outside the match, at most a few words in the language's scripts.
        if let short = trimmedProse, let match = data.failureMatch(in: short), Self.readsAsAMessage(short, match, language: language),
            strict || match.family.name == TranslationData.translationFailure
                || ScriptShare(allProse, expected: language.scripts, stopAtFirstExpectedWord: true).expectedWords == 0
        {
            return (range, "holds a translation failure message, not \(language.name)")
        }
        if expectation == .failureOnly { return nil }
        // A quotation is no failure message, but where only the file says what language to
        // expect, it may stay in its own.
        let prose = strict ? allProse : Self.withoutQuotations(allProse)
        guard trimmed(prose, ifAtMost: 0) != nil else { return nil }
        if let original, isCopy(prose, of: document.proseText(in: original.bodyRange)) {
            return (range, "is a copy of '\(original.title)', not \(language.name)")
        }
        // Without a language heading one word in the script clears the section.
        let share = ScriptShare(prose, expected: language.scripts, stopAtFirstExpectedWord: !strict)
        let untranslated = strict ? (share.words >= 6 && share.share < 0.2) : (share.words >= 15 && share.expectedWords == 0)
        let scripts = language.scripts.map(\.rawValue).joined(separator: "/")
        if untranslated {
            return (range, "is not \(language.name): \(share.expectedWords) of \(share.words) words are in \(scripts)")
        }
        // Japanese and Chinese put no spaces between words: a paragraph of them is one or
        // two "words". Under a heading naming the language, letters are counted instead.
        if strict, share.words < 6, share.expectedWords == 0 {
            let letters = prose.unicodeScalars.filter { $0.properties.isAlphabetic }.count
            if letters >= Self.lettersOfAnUnspacedParagraph, ScriptShare.letters(in: prose, of: language.scripts) == 0 {
                return (range, "is not \(language.name): none of its \(letters) letters are in \(scripts)")
            }
        }
        return nil
    }

    /// The text without its block quotations' lines.
    static func withoutQuotations(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: ">")
        guard bytes.contains(quote) else { return text }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let first = bytes[start..<end].first { $0 != 0x20 }
            if first != quote {
                kept += bytes[start..<end]
                kept.append(UInt8(ascii: "\n"))
            }
            start = end + 1
        }
        if kept.last == UInt8(ascii: "\n") { kept.removeLast() }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The text without surrounding whitespace (`.whitespacesAndNewlines`): nil when
    /// nothing is left, `.some(nil)` when more than `limit` scalars are.
    static func trimmed(_ text: String, ifAtMost limit: Int) -> String?? {
        let scalars = text.unicodeScalars
        let space = CharacterSet.whitespacesAndNewlines
        guard let first = scalars.firstIndex(where: { !space.contains($0) }),
            let last = scalars.lastIndex(where: { !space.contains($0) })
        else { return nil }
        let kept = scalars[first...last]
        var count = 0
        for _ in kept {
            count += 1
            if count > limit { return .some(nil) }
        }
        return .some(String(kept))
    }

    /// `'초록 (Korean)' of '1. Sharing is Caring...'`.
    static func name(of section: Section, in sections: [Section]) -> String {
        guard let parent = section.parent else { return "'\(section.title)'" }
        return "'\(section.title)' of '\(Sections.shortTitle(sections[parent].title))'"
    }

    /// The sibling section (same parent) that names itself the original.
    static func original(of index: Int, in sections: [Section]) -> Int? {
        let parent = sections[index].parent
        return sections.indices.first { $0 != index && sections[$0].parent == parent && data.classify(sections[$0].title).namesOriginal }
    }

    /// Identical once whitespace is normalised, or within a tenth of edits of it.
    static func isCopy(_ text: String, of original: String) -> Bool {
        let a = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let b = original.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !a.isEmpty, !b.isEmpty else { return false }
        if a == b { return true }
        let limit = max(a.unicodeScalars.count, b.unicodeScalars.count) / 10
        return EditDistance.between(a, b, limit: limit) <= limit
    }

    static func trimmedRange(_ range: Range<Int>, _ document: Document) -> Range<Int>? {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let start = range.first(where: { !isSpace(document.utf8[$0]) }),
            let last = range.last(where: { !isSpace(document.utf8[$0]) })
        else { return nil }
        return start..<(last + 1)
    }

    // MARK: - The language of the whole file

    /// From front matter `lang`/`language`/`locale`, a `post.ko.md` name or a `ko/` folder.
    /// The language the file says it is in: its front matter, a language infix in its name
    /// (`post.ko.md`), or a folder of the repository named for a language (`ko/`) — read
    /// from `relativePath`, the path within the repository, so that a folder above it
    /// (`~/kr/blog/`) says nothing.
    static func documentLanguage(_ document: Document, relativePath: String? = nil) -> TranslationData.Language? {
        // Parse the YAML only when one of the keys can be in it.
        if let frontMatter = document.frontMatter, frontMatter.isYAML,
            Self.mayNameLanguage(document.utf8[frontMatter.contentRange]),
            let values = (try? YAMLParsing.load(document.string(frontMatter.contentRange))) as? [String: Any]
        {
            for key in ["lang", "language", "locale"] {
                if let code = values[key] as? String, !code.isEmpty { return data.language(code: code) }
            }
        }
        // Split as bytes: splitting a String splits Characters, slowly, for every file.
        let components = (relativePath ?? document.path).utf8.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self) }
        if let file = components.last {
            let parts = file.utf8.split(separator: UInt8(ascii: "."))
            if parts.count >= 3, let language = data.language(code: String(decoding: parts[parts.count - 2], as: UTF8.self)) { return language }
        }
        for folder in components.dropLast().reversed() {
            if let language = data.language(code: folder) { return language }
            // The nearest language folder decides: `ko/site/content/en/post.md` is English.
            if Self.otherLanguageCodes.contains(folder.lowercased()) { return nil }
        }
        return nil
    }

    /// Folder names of languages the rule does not check (a post in `en/` is English).
    /// (Codes that are also common category names, `it`, `pl`, `ar`, `id`, are left out.)
    static let otherLanguageCodes: Set<String> = ["en", "en-us", "en_us", "en-gb", "fr", "de", "es", "ru", "vi", "pt-br"]

    /// Whether front matter bytes hold `lang` (`language`) or `locale`.
    static func mayNameLanguage(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            ByteSearch.contains(buffer, Array("lang".utf8)) || ByteSearch.contains(buffer, Array("locale".utf8))
        }
    }
}
