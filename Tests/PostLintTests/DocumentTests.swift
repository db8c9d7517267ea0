import XCTest

@testable import PostLint

final class DocumentTests: XCTestCase {
    private func kinds(_ document: Document, at needle: String, occurrence: Int = 0) -> Set<Region.Kind> {
        var searchStart = document.text.startIndex
        var found: Range<String.Index>? = nil
        for _ in 0...occurrence {
            found = document.text.range(of: needle, range: searchStart..<document.text.endIndex)
            searchStart = found!.upperBound
        }
        let offset = document.text.utf8.distance(from: document.text.startIndex, to: found!.lowerBound)
        return document.regionKinds(at: offset)
    }

    func testFrontMatterIsFoundAndMaskedFromMarkdown() {
        let document = TestSupport.document("---\ntitle: x\n---\n\n# Heading\n", fileName: "a.md")
        XCTAssertEqual(document.frontMatter?.range, 0..<17)
        XCTAssertTrue(kinds(document, at: "title").contains(.frontMatter))
        XCTAssertEqual(document.headings.map(\.title), ["Heading"], "the closing --- must not make a setext heading")
    }

    func testUnterminatedFrontMatterIsNotFrontMatter() {
        let document = TestSupport.document("---\ntitle: x\n\nbody\n", fileName: "a.md")
        XCTAssertNil(document.frontMatter)
    }

    func testMDXImportsAndExportsAreParsed() {
        let text = """
            import a from './a.png';
            import b, { c as d, e } from "./lib.js";
            import * as ns from 'ns';
            import './side.css';
            export const answer = 42;

            {a}
            """
        let document = TestSupport.document(text)
        XCTAssertEqual(document.esm.imports.map(\.name), ["a", "b", "d", "e", "ns"])
        XCTAssertEqual(document.esm.imports.first?.specifier, "./a.png")
        XCTAssertEqual(document.esm.exportedNames, ["answer"])
        XCTAssertTrue(kinds(document, at: "import b").contains(.esm))
        XCTAssertTrue(document.esm.malformedImports.isEmpty)
    }

    func testImportsInsideCodeAreNotImports() {
        let text = "Intro.\n\n```js\nimport a from './a.png';\n```\n\nUse `import b from './b'` and `{x}`.\n"
        let document = TestSupport.document(text)
        XCTAssertTrue(document.esm.imports.isEmpty)
        XCTAssertTrue(document.expressions.isEmpty, "braces in code spans are not expressions")
        XCTAssertTrue(kinds(document, at: "import a").contains(.codeBlock))
        XCTAssertTrue(kinds(document, at: "import b").contains(.codeSpan))
    }

    func testNestedJSXExpressionsAndAttributes() {
        let text = "<div style={{textAlign: 'center'}}>\n  <img src={hero} alt={`a ${b}`} />\n</div>\n\nText {count} here.\n"
        let document = TestSupport.document(text)
        XCTAssertEqual(document.expressions.count, 4)
        // A template literal's `${b}` is code that reads `b`.
        XCTAssertEqual(document.expressions.flatMap { $0.identifiers.map(\.name) }, ["hero", "b", "count"])
        XCTAssertTrue(kinds(document, at: "hero").isSuperset(of: [.html, .jsxExpression]))
        XCTAssertFalse(document.isProse(document.expressions[0].range))
    }

    func testExpressionsNeedMDX() {
        let document = TestSupport.document("Braces {like this} in Markdown.\n", fileName: "a.md")
        XCTAssertTrue(document.expressions.isEmpty)
        XCTAssertTrue(document.isProse(8..<12))
    }

    func testUnterminatedExpressionIsText() {
        let document = TestSupport.document("An open { brace\n\nand more text.\n")
        XCTAssertTrue(document.expressions.isEmpty)
    }

    func testCommentsAndLinksAreNotProse() {
        let text = "See [the docs](https://example.com/a_b) now.\n\n{/* note */}\n\n<!-- hidden -->\n"
        let document = TestSupport.document(text)
        XCTAssertTrue(kinds(document, at: "https").contains(.linkDestination))
        XCTAssertTrue(kinds(document, at: "note").contains(.jsxComment))
        XCTAssertTrue(kinds(document, at: "hidden").contains(.htmlComment))
        XCTAssertEqual(kinds(document, at: "the docs"), [])
    }

    /// An HTML block's text is prose; its tags, references, comments, code-like elements
    /// and addresses are not.
    func testTheTextOfAnHTMLBlockIsProse() {
        let text = """
            <table class="wide"><tr>
            <td title="attr">Cell words&nbsp;here <!-- note --> <kbd>Ctrl</kbd> [docs](https://example.com/x) https://bare.example/y</td>
            <td>a < b</td></tr></table>

            <pre>
            code text
            </pre>

            <?php echo "x" ?>

            """
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertEqual(kinds(document, at: "Cell words"), [])
        XCTAssertEqual(kinds(document, at: "here"), [])
        XCTAssertEqual(kinds(document, at: " b<"), [])
        XCTAssertTrue(kinds(document, at: "wide").contains(.html))
        XCTAssertTrue(kinds(document, at: "attr").contains(.html))
        XCTAssertTrue(kinds(document, at: "nbsp").contains(.html))
        XCTAssertEqual(kinds(document, at: "note"), [.htmlComment])
        XCTAssertTrue(kinds(document, at: "Ctrl").contains(.html))
        XCTAssertTrue(kinds(document, at: "example.com").contains(.linkDestination))
        XCTAssertTrue(kinds(document, at: "bare.example").contains(.linkDestination))
        XCTAssertTrue(kinds(document, at: "code text").contains(.html))
        XCTAssertTrue(kinds(document, at: "echo").contains(.html))
        let mdx = TestSupport.document("<div><TabItem value=\"a\" onClick={() => a > b}>Tab text {name}</TabItem></div>\n", fileName: "post.mdx")
        XCTAssertEqual(kinds(mdx, at: "Tab text"), [])
        XCTAssertTrue(kinds(mdx, at: "onClick").contains(.html))
        XCTAssertTrue(kinds(mdx, at: "name").contains(.jsxExpression))
    }

    /// Code written inside an HTML block (a Docusaurus tab's fence, a code span, a Mermaid
    /// diagram) is code: CommonMark folds it into the block, MDX and browsers do not.
    func testCodeInsideAnHTMLBlockIsCode() {
        let text = """
            <Tabs>
            <TabItem value="py">
            ```python
            def fence_body(): pass
            ```
            Run `span body` after <code-block>words here</code-block>.
            <div class="mermaid">
            graph TD; diagram --> body
            </div>
            <!--> after empty comment
            </TabItem>
            </Tabs>

            """
        for fileName in ["post.md", "post.mdx"] {
            let document = TestSupport.document(text, fileName: fileName)
            XCTAssertTrue(kinds(document, at: "fence_body").contains(.codeBlock), fileName)
            XCTAssertTrue(kinds(document, at: "span body").contains(.codeSpan), fileName)
            XCTAssertEqual(kinds(document, at: "words here"), [], fileName)
            XCTAssertTrue(kinds(document, at: "diagram").contains(.html), fileName)
            XCTAssertEqual(kinds(document, at: "after empty"), [], fileName)
        }
    }

    /// Jekyll's `{% highlight %}` blocks are code, unless the tag is itself shown as code.
    func testLiquidHighlightBlocksAreCode() {
        let text = "Use `{% highlight python %}` to start.\n\n{% highlight python %}\ndef body(): pass\n{% endhighlight %}\n\nProse after.\n"
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertTrue(kinds(document, at: "def body").contains(.codeBlock))
        XCTAssertEqual(kinds(document, at: "to start"), [])
        XCTAssertEqual(kinds(document, at: "Prose after"), [])
        let unnamed = TestSupport.document("A {% highlight %} here, {% highlight_lines 1 %} there.\n\nProse.\n\n{% endhighlight %}\n", fileName: "post.md")
        XCTAssertEqual(kinds(unnamed, at: "Prose"), [], "no language, no block; highlight_lines is another tag")
    }

    /// Hugo's TOML front matter is front matter; shortcodes and Liquid tags are markup, the
    /// bodies of code shortcodes code, Liquid comments comments.
    func testHugoAndLiquidSyntaxIsNotProse() {
        let text = """
            +++
            title = "Toml title"
            +++

            {{< highlight go >}}
            go body
            {{< /highlight >}}

            {{< figure src="/a.png"
              alt="figure alt" >}}

            {% comment %}liquid note{% endcomment %}

            {{% notice %}}Notice text{{% /notice %}}
            {: .kramdown-class}

            """
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertEqual(document.frontMatter?.isYAML, false)
        XCTAssertTrue(kinds(document, at: "Toml title").contains(.frontMatter))
        XCTAssertTrue(kinds(document, at: "go body").contains(.codeBlock))
        XCTAssertTrue(kinds(document, at: "figure alt").contains(.html))
        XCTAssertTrue(kinds(document, at: "liquid note").contains(.htmlComment))
        XCTAssertEqual(kinds(document, at: "Notice text"), [])
        XCTAssertTrue(kinds(document, at: "kramdown-class").contains(.html))
    }

    /// What a review found: a `{%` in a block's code does not swallow its closing tag, a tag
    /// shown in a code span does not pair with a real one, `{{< x />}}` opens nothing, an
    /// Elixir tuple is not a kramdown attribute list, and lines full of unclosed openings are
    /// read in linear time.
    func testTemplateTagsReviewCases() {
        let text = """
            {% highlight python %}
            print("{%d}" % n)
            {% endhighlight %}

            Prose one {:ok, value} here.

            Shortcodes open with `{{<`:
            {{< highlight go >}}
            go body
            {{< /highlight >}}

            {{< highlight go />}}

            Prose two.

            """
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertEqual(kinds(document, at: "Prose one"), [])
        XCTAssertEqual(kinds(document, at: "ok, value"), [])
        XCTAssertTrue(kinds(document, at: "go body").contains(.codeBlock))
        XCTAssertEqual(kinds(document, at: "Prose two"), [])
        let unclosed = TestSupport.document("Hello " + String(repeating: "{% {{< ", count: 40_000) + "\\begin{array} \\(" + "\n", fileName: "post.md")
        XCTAssertEqual(kinds(unclosed, at: "Hello"), [])
    }

    /// `\begin{equation}` named in prose is not closed by a later code block's `\end`.
    func testMathEnvironmentsDoNotReachIntoCode() {
        let text = "Write \\begin{equation} and \\textbf{x}.\n\n```latex\n\\end{equation}\n```\n"
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertFalse(MathSpans.find(in: document).contains { $0.contains(document.utf8.count / 2) }, "\(MathSpans.find(in: document))")
        XCTAssertTrue(MathSpans.find(in: document).isEmpty)
    }

    /// An MDX document's math, found before its expressions and kept for the rules, is what
    /// the rules would find in the finished document.
    func testMathFoundWhileReadingMDXIsTheRulesMath() {
        let texts = [
            "The loss $\\hat{y}_i$ and {count} items for $5.\n\n$$\n\\frac{1}{N}\n$$\n\n`$x$` and {/* $y$ */}\n",
            "import a from './a.png';\n\n<img src={a} /> \\(x\\) \\begin{equation}\nx\n\\end{equation}\n",
        ]
        for text in texts {
            let document = TestSupport.document(text, fileName: "post.mdx")
            XCTAssertEqual(MathSpans.find(in: document), MathSpans.scan(document), text)
            XCTAssertFalse(MathSpans.find(in: document).isEmpty, text)
        }
    }

    /// An import without an extension is found as the bundler finds it.
    func testModuleSpecifiersResolveLikeTheBundler() {
        let files: Set<String> = ["./Hero.jsx", "./lib/index.ts", "./data.json"]
        let exists = { (path: String) in files.contains(path) }
        XCTAssertTrue(MissingAssetRule.resolves("./Hero", exists))
        XCTAssertTrue(MissingAssetRule.resolves("./lib", exists))
        XCTAssertTrue(MissingAssetRule.resolves("./data.json", exists))
        XCTAssertFalse(MissingAssetRule.resolves("./Gone", exists))
        XCTAssertFalse(MissingAssetRule.resolves("./pic.png", exists), "a name with an extension is that file")
        XCTAssertTrue(MissingAssetRule.resolves("./data.json?raw", exists), "a resource query is no part of the name")
        XCTAssertTrue(MissingAssetRule.resolves("./Hero#part", exists))
        XCTAssertFalse(MissingAssetRule.resolves("?raw", exists))
    }

    /// A folder is found through its index file only: `import Foo from './sub'` with no
    /// `sub/index.*` fails the build.
    func testAFolderIsNoFileBesideThePost() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let post = folder.appendingPathComponent("post.mdx").path
        XCTAssertFalse(NeighbourRecord.exists("./sub", besides: post))
        try Data().write(to: folder.appendingPathComponent("sub/index.js"))
        XCTAssertTrue(NeighbourRecord.exists("./sub/index.js", besides: post))
    }

    /// Templates nested without end (written to break tools) are read in linear time, on
    /// no deeper a stack than a flat one.
    func testDeeplyNestedTemplatesAreReadQuickly() {
        let depth = 50_000
        let text = "{" + String(repeating: "`${", count: depth) + "x" + String(repeating: "}`", count: depth) + "}\n"
        let document = TestSupport.document(text, fileName: "post.mdx")
        XCTAssertEqual(document.expressions.count, 1)
    }

    func testPlainTextHasNoMarkdownStructure() {
        let document = TestSupport.document("    indented is not code\n# not parsed\n", fileName: "a.txt")
        XCTAssertTrue(document.regions.isEmpty)
    }

    func testCRLFKeepsOffsetsInTheOriginalText() {
        let text = "import a from './a.png';\r\n\r\n<img src={b} />\r\n"
        let document = TestSupport.document(text)
        let use = document.expressions.first!.identifiers.first!
        XCTAssertEqual(document.string(use.range), "b")
        XCTAssertEqual(document.position(at: use.range.lowerBound), LineIndex.Position(line: 3, column: 11))
    }

    func testUTF16TextMapsEveryUnitBackToItsUTF8Offset() throws {
        let document = TestSupport.document("a😀한b\n", fileName: "a.md")
        let text = document.utf16Text
        XCTAssertEqual(text.units, Array("a😀한b\n".utf16))
        XCTAssertEqual(text.utf8Offsets, [0, 1, 1, 5, 8, 9, 10])
        let match = try ICURegularExpression("한b").matches(in: document).first
        XCTAssertEqual(match?.range, 5..<9)
        XCTAssertEqual(document.string(match!.range), "한b")
    }

    /// Findings keep their whole line (baselines and SARIF fingerprints identify them by
    /// it) unless the line is very long; then the part around the finding.
    func testFindingsKeepTheirLineUnlessItIsVeryLong() {
        let paragraph = String(repeating: "긴 문단의 문장입니다. ", count: 40) + "recieve"
        let short = TestSupport.document(paragraph + "\n", fileName: "post.md")
        let near = short.utf8.count - 8
        let finding = Finding.placing([Diagnostic(rule: "typo", severity: .warning, range: near..<near + 7, message: "m")], in: short)[0]
        XCTAssertEqual(finding.lineText, paragraph)
        let huge = String(repeating: "word ", count: 2000) + "recieve " + String(repeating: "word ", count: 2000)
        let long = TestSupport.document(huge + "\n", fileName: "post.md")
        let offset = 10_000
        let windowed = Finding.placing([Diagnostic(rule: "typo", severity: .warning, range: offset..<offset + 7, message: "m")], in: long)[0]
        XCTAssertTrue(windowed.lineText.contains("recieve"))
        XCTAssertLessThanOrEqual(windowed.lineText.utf8.count, 2 * Finding.contextReach)
        XCTAssertEqual(windowed.start, long.position(at: offset))
    }

    /// cmark-gfm gives a bare URL no position (it read as the first line) and an
    /// `<https://…>` after a paragraph's first line a wrong column: each region is the
    /// address's own text, and the words around it stay prose.
    func testAnAutolinksRegionIsItsOwnText() {
        let text = "# We recieve data\n\nSee https://example.com/a and www.example.org/b, then https://example.com/a again.\n"
            + "Intro line.\nSee <https://example.com/page> now, or mail me@example.com.\n"
        let document = TestSupport.document(text, fileName: "post.md")
        XCTAssertEqual(document.regions(of: .linkDestination).map { document.string($0.range) },
                       ["https://example.com/a", "www.example.org/b", "https://example.com/a", "https://example.com/page", "me@example.com"])
        let firstURL = document.regions(of: .linkDestination)[0].range.lowerBound
        let secondURL = document.regions(of: .linkDestination)[2].range.lowerBound
        XCTAssertEqual(document.position(at: firstURL), LineIndex.Position(line: 3, column: 5))
        XCTAssertEqual(document.position(at: secondURL), LineIndex.Position(line: 3, column: 55))
        XCTAssertTrue(document.isProse(2..<17), "the heading on line 1 is prose")
        // An inline link's destination is its parenthesis, as before.
        let inline = TestSupport.document("A [link](https://example.com) here.\n", fileName: "post.md")
        XCTAssertEqual(inline.regions(of: .linkDestination).map { inline.string($0.range) }, ["(https://example.com)"])
    }
}
