import Foundation
import XCTest

@testable import PostLint

/// Jekyll and Hugo posts a review found misread: each case is a post that builds, or a
/// fix that would break it.
final class JekyllHugoReviewTests: XCTestCase {
    private func messages(_ text: String, rule: String, fileName: String = "post.md") -> [String] {
        TestSupport.diagnostics(text, fileName: fileName, rule: rule).map(\.message)
    }

    func testAFormatSlotInsideLiquidIsLiquid() {
        let text = """
            {% assign ts = site.time | date: "%s" %}
            <link href="/main.css?v={{ site.time | date: '%s' }}">

            Posted {{ page.date | date: "%s" }} seconds after the epoch.
            """
        XCTAssertEqual(messages(text, rule: "placeholder"), [])
        XCTAssertEqual(messages("Hello %s, welcome.\n", rule: "placeholder").count, 1, "a slot in prose is still one")
        XCTAssertEqual(messages("{% include note.html content=\"Lorem ipsum dolor sit amet.\" %}\n", rule: "placeholder").count, 1,
            "an include's argument is rendered")
    }

    func testLinesOfUnclosedTemplateOpenersAreReadOnce() {
        let text = "Results: TBD\n" + String(repeating: "{{", count: 100_000) + "\n" + String(repeating: "{% x ", count: 50_000) + "\n"
        let start = Date()
        _ = messages(text, rule: "placeholder")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
    }

    func testLaTeXResidueInMarkupIsReportedWithoutAFix() {
        let text = """
            <img alt="the ``best'' model" src="/a.png">

            {% include figure.html caption="a ``seesaw'' effect" %}

            <p>We \\textbf{propose} it.</p>

            In prose, a ``seesaw'' effect.
            """
        XCTAssertEqual(messages(text, rule: "latex-residue").count, 4)
        let fixed = TestSupport.fixed(text, fileName: "post.md", rules: ["latex-residue"])
        XCTAssertEqual(fixed, text.replacingOccurrences(of: "In prose, a ``seesaw''", with: "In prose, a \"seesaw\""))
    }

    func testPlaceholdersInFrontMatterValuesArePublished() {
        let text = "---\ntitle: \"{{ paper_title }}\"\nsummary: \"TODO\"\ndescription: \"[번역 필요]\"\ndate: 2025-11-11\n---\n\nBody.\n"
        XCTAssertEqual(TestSupport.diagnostics(text, fileName: "post.md", rule: "placeholder").count, 3)
        let clean = "---\ntitle: \"Notes on TODO lists\"\npermalink: /:year/:title/\nlayout: post\n---\n\nBody.\n"
        XCTAssertEqual(TestSupport.diagnostics(clean, fileName: "post.md", rule: "placeholder").map(\.message), [])
    }

    func testInlineMathMayWrapOntoTheNextLine() {
        let text = "softmax from $\\text{softmax}(\\textbf{z})_i = e^{z_i} / \\sum_j\ne^{z_j}$ over the logits.\n"
        XCTAssertEqual(messages(text, rule: "latex-residue"), [])
        XCTAssertEqual(messages("It costs $5 and\nthen \\textbf{more} at $6.\n", rule: "latex-residue").count, 1, "prices are no math")
        XCTAssertEqual(messages("Set $HOME and\n$PATH, then \\textbf{run}.\n", rule: "latex-residue").count, 1, "no TeX: no wrapped math")
    }

    func testAnEnglishSectionOfABilingualPostIsTheOriginal() {
        let text = """
            ---
            lang: ko
            ---

            ## 한국어

            이 글은 한국어로 작성된 글입니다. 번역이 필요하지 않습니다. 모두 잘 읽히기를 바랍니다.

            ## English

            This post is written in English as well, so that readers who do not read Korean can follow along.
            """
        XCTAssertEqual(messages(text, rule: "untranslated"), [])
    }

    /// Text a reader sees inside `<pre>` (or a JSON-LD `<script>`) is still checked for
    /// damage: a review found an unclosed `<pre>` hiding the rest of a post when raw
    /// elements were taken for code. Inline `<code>` in a paragraph is code.
    func testRawElementsOfHTMLBlocksAreStillCheckedForDamage() {
        let text = "<div>\n<pre>a \u{FFFD} b</pre>\n</div>\n"
        XCTAssertEqual(messages(text, rule: "replacement-character").count, 1)
        XCTAssertEqual(messages("Run <code>a\u{200B}b</code> now.\n", rule: "invisible-character"), [])
        let unclosed = "# Title\n\n<pre>\nsample\n\nThis is teh paragraph with {{ paper_title }} here.\n"
        XCTAssertEqual(messages(unclosed, rule: "placeholder").count, 1)
    }

    /// Hugo's TOML front matter: the strings of `title`, `summary` and `description` (in any
    /// case, as Hugo reads them, and quoted) are prose, as in YAML; other keys, bare values, a table's
    /// keys and multi-line strings are not.
    func testTheProseStringsOfTOMLFrontMatterAreChecked() {
        let text = "+++\nTitle = \"How we run pipleines\"\n\"summary\" = 'The recieve path'\nslug = \"recieve-path\"\n"
            + "description = \"\"\"\nteh notes\ntitle = \"a recieve inside the string\"\n\"\"\"\ndraft = false\n"
            + "[params]\ndescription = \"a table's recieve\"\n+++\n\nBody about pipelines.\n"
        let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "typo")
        XCTAssertEqual(found.map(\.message), ["'pipleines' — did you mean 'pipelines'?", "'recieve' — did you mean 'receive'?"])
        XCTAssertEqual(found.map { String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }, ["pipleines", "recieve"])
        let fixed = TestSupport.fixed(text, fileName: "post.md", rules: ["typo"])
        XCTAssertTrue(fixed.hasPrefix("+++\nTitle = \"How we run pipelines\"\n\"summary\" = 'The receive path'\nslug = \"recieve-path\"\n"), fixed)
    }

    /// A fix that would end a TOML string early (an apostrophe written into a single-quoted
    /// one) is not made: TOML keeps its quotes, escapes and brackets where they were.
    func testAFixThatWouldBreakTOMLFrontMatterIsNotMade() {
        let text = "+++\ntitle = 'Why you dont need it'\n+++\n\nBody.\n"
        let edited = text.replacingOccurrences(of: "dont", with: "don't")
        XCTAssertEqual(Fixer.brokenStructure(
            before: TestSupport.document(text, fileName: "post.md"), after: TestSupport.document(edited, fileName: "post.md"))?.name,
            "the front matter TOML")
        let quoted = text.replacingOccurrences(of: "'Why you dont need it'", with: "\"Why you don't need it\"")
        let reworded = quoted.replacingOccurrences(of: "need", with: "want")
        XCTAssertNil(Fixer.brokenStructure(
            before: TestSupport.document(quoted, fileName: "post.md"), after: TestSupport.document(reworded, fileName: "post.md")))
    }

    func testFrontMatterAGeneratorRejects() {
        XCTAssertEqual(messages("---\ntitle: X\ndate: 2025-11-11\n\nBody.\n", rule: "front-matter").count, 1)
        XCTAssertEqual(
            messages("---\ntitle: X\ndate: 2025-13-45\n---\nBody.\n", rule: "front-matter", fileName: "2025-11-11-x.md"),
            ["the date 2025-13-45 does not exist (Jekyll stops on it)"])
        XCTAssertEqual(messages("---\n\nA post opening with a rule, and no other.\n", rule: "front-matter"), [])
        XCTAssertEqual(messages("---\nNote: this post was updated in 2024.\n\nBody.\n", rule: "front-matter"), [])
        XCTAssertEqual(messages("+++\ntitle = \"X\"\ndate = 2025-11-11\n\nBody.\n", rule: "front-matter"),
            ["front matter is not closed: no line of '+++' ends it (Hugo fails, Jekyll shows it as text)"])
        XCTAssertEqual(messages("---\n- a\n- b\n---\nBody.\n", rule: "front-matter").count, 1)
    }
}
