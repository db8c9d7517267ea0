import XCTest

@testable import PostLint

final class GeneratorTests: XCTestCase {
    func testAnEmptySlotHeadingIsAPlaceholderButOtherEmptyHeadingsAreNot() {
        let text = "## Abstract (Original)\nText.\n\n## 초록 (Korean)\n\n## 2. Next paper\n\n### Details\nMore.\n"
        let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "placeholder")
        XCTAssertEqual(found.map(\.message), ["the heading '초록 (Korean)' has no text under it"])
    }

    func testTemplateBracesInsideCodeOrMDXExpressionsAreNotPlaceholders() {
        let markdown = "Use `{{ summary_ko }}` here.\n\n```jinja\n{{ summary_ko }} and ${paper_url}\n```\n"
        XCTAssertEqual(TestSupport.diagnostics(markdown, fileName: "post.md", rule: "placeholder").count, 0)
        let mdx = "import blog_img0 from './a.png';\n\n<img src={blog_img0} style={{ width: \"100%\" }} />\n"
        XCTAssertEqual(TestSupport.diagnostics(mdx, fileName: "post.mdx", rule: "placeholder").count, 0)
        XCTAssertEqual(TestSupport.diagnostics("요약: {{ summary_ko }}\n", fileName: "post.md", rule: "placeholder").count, 1)
    }

    func testWrappedTitleFixEditsOnlyInsideItsFinding() throws {
        let text = "1. **HaluMem** - 👍 67\n2. **IterResearch: Rethinking Long-Horizon Agents via Markovian State\n  Reconstruction** - 👍 56\n"
        let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "wrapped-title")
        XCTAssertEqual(found.count, 1)
        let diagnostic = try XCTUnwrap(found.first)
        for edit in try XCTUnwrap(diagnostic.fix).edits {
            XCTAssertTrue(diagnostic.range.contains(edit.range.lowerBound) && edit.range.upperBound <= diagnostic.range.upperBound)
        }
        XCTAssertEqual(
            TestSupport.fixed(text, fileName: "post.md", rules: ["wrapped-title"], unsafe: false),
            "1. **HaluMem** - 👍 67\n2. **IterResearch: Rethinking Long-Horizon Agents via Markovian State Reconstruction** - 👍 56\n")
    }

    /// With required keys, a Markdown or MDX post without front matter lacks them all; a
    /// .txt file is not expected to have any, and without required keys nothing is asked.
    func testRequiredKeysFlagAPostWithoutFrontMatter() throws {
        let configuration = try ConfigurationParser(path: ".postlint.yml", baseDirectory: "/").parse("rules: {front-matter: {required: [title, date]}}\n")
        let check = { (text: String, fileName: String, settings: [String: RuleSetting]) in
            Linter(selected: ["front-matter"]).check(
                TestSupport.document(text, fileName: fileName), settings: settings,
                context: RuleContext(fileExists: TestSupport.exampleFileSystem, severity: .error))
        }
        let required = configuration.settings(forRelativePath: "post.md")
        for fileName in ["post.md", "post.mdx"] {
            let found = check("Hello\n", fileName, required)
            XCTAssertEqual(found.map(\.message), ["no front matter; required: title, date"], fileName)
            XCTAssertEqual(found.first?.range.lowerBound, 0, "reported at 1:1")
        }
        XCTAssertEqual(check("", "empty.md", required).count, 1)
        XCTAssertEqual(check("Hello\n", "post.txt", required).count, 0)
        XCTAssertEqual(check("---\ntitle: A\ndate: 2025-01-01\n---\nHello\n", "post.md", required).count, 0)
        XCTAssertEqual(check("Hello\n", "post.md", TestSupport.settings()).count, 0, "no required keys by default")
    }

    func testFrontMatterErrorsPointAtTheirLine() throws {
        let text = "---\ntitle: A post\ndate: 2025-11-11\ntags: [a, b\n---\nText.\n"
        let document = TestSupport.document(text, fileName: "2025-11-11-post.md")
        let found = TestSupport.diagnostics(document, rules: ["front-matter"])
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first.map { document.position(at: $0.range.lowerBound).line }, 4)
        XCTAssertTrue(found.first?.message.hasPrefix("front matter does not parse as YAML") == true)
    }

    func testRequiredFrontMatterKeysComeFromTheRuleOptions() {
        var options = RuleOptions()
        options.lists["required"] = ["title", "author"]
        let context = RuleContext(fileExists: nil, severity: .error, options: options)
        let document = TestSupport.document("---\ntitle: A post\n---\nText.\n", fileName: "post.md")
        XCTAssertEqual(FrontMatterRule().check(document, context: context).map(\.message), ["front matter lacks the required key author"])
    }

    func testLatexInsideMathIsLeftAlone() {
        let text = "Loss \\\\(\\textbf{W} = 3\\%\\\\) and $ \\textbf{z}^c$ but \\textbf{Pre-GRPO} here.\n"
        let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "latex-residue")
        XCTAssertEqual(found.map(\.message), ["LaTeX '\\textbf{Pre-GRPO}' in prose; Markdown bold is **Pre-GRPO**"])
    }
}
