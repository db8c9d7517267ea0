import Foundation
import XCTest

@testable import PostLint

/// How MDX reads what Docusaurus posts hold, as the MDX rules must: each case is valid MDX
/// a review found reported wrongly (or a defect it found missed).
final class MDXSyntaxTests: XCTestCase {
    private let mdxRules: Set<String> = ["duplicate-import", "unused-import", "undefined-identifier"]

    private func findings(_ text: String) -> [String] {
        let document = TestSupport.document(text)
        return TestSupport.diagnostics(document, rules: mdxRules).map { diagnostic in
            "\(diagnostic.rule) \(document.string(diagnostic.range))"
        }
    }

    func testAnExportedComponentGoesOnAcrossBlankLines() {
        let text = """
            export const Highlight = ({children, color}) => {
              const style = {backgroundColor: color};

              return <span style={style}>{children}</span>;
            };

            export function Figure({src, caption}) {
              const url = src;

              return <figure><img src={url} /><figcaption>{caption}</figcaption></figure>;
            }

            <Highlight color="#25c2a0">green</Highlight> and <Figure src="/a.png" caption="A" />
            """
        XCTAssertEqual(findings(text), [])
        let document = TestSupport.document(text)
        for needle in ["return <span", "return <figure"] {
            let offset = document.text.range(of: needle).map { document.text.utf8.distance(from: document.text.startIndex, to: $0.lowerBound) }!
            XCTAssertTrue(document.regionKinds(at: offset).contains(.esm), needle)
        }
    }

    /// The block ends at a blank line once its code is whole: JSX text (`Don't`, an
    /// address's `//`) or a regular expression must not keep it open to the file's end.
    func testAnExportEndsAtABlankLineOnceItsCodeIsWhole() {
        for export in [
            "export const Warn = () => (<Admonition type=\"warning\">Don't run this in production.</Admonition>);",
            "export const Link = () => (<a href=\"/x\">see http://example.com</a>);",
            "export const isOpen = (s) => /[(]$/.test(s);",
        ] {
            XCTAssertEqual(findings(export + "\n\nHere is {undefinedThing} used.\n"), ["undefined-identifier undefinedThing"], export)
        }
    }

    func testApostrophesInJSXInsideAnExportDoNotHideComponents() {
        let text = "import Chart from './Chart';\nimport Badge from './Badge';\n\nexport const Figure = () => <figure>Here's our <Chart /> and it's <Badge /></figure>;\n"
        XCTAssertEqual(findings(text), [])
    }

    func testAnImportAfterAMultiLineTagAnExpressionOrABreakIsAnImport() {
        for before in ["<Intro\n  title=\"x\"\n/>", "{/* truncate */}", "***", ":::note\nText.\n:::"] {
            let text = before + "\nimport data from \"./data.json\";\n\nTotal: {data.total}\n"
            XCTAssertEqual(TestSupport.document(text).esm.imports.map(\.name), ["data"], before)
        }
        XCTAssertEqual(TestSupport.document("import\tdata from './d.json';\n\nText.\n").esm.imports.map(\.name), [], "a tab is no space to MDX")
    }

    func testAFenceOpeningAListItemIsAFence() {
        let text = "1. Install:\n   - ```bash\n     npm install foo\n     ```\n   - Then run it.\n\nNow use {undefinedVar}.\n\n```js\nconst x = 1;\n```\n"
        XCTAssertEqual(findings(text), ["undefined-identifier undefinedVar"])
    }

    func testExpressionsInsideCodeElementsAreJSXInMDX() {
        XCTAssertEqual(findings("Run <code>{cmdName}</code> and press <kbd>{hotkey}</kbd> now.\n"),
            ["undefined-identifier cmdName", "undefined-identifier hotkey"])
    }

    func testLongUnfinishedExportsAreReadInLinearTime() {
        let text = "export const x = (\n" + String(repeating: "word\n\n", count: 20_000)
        let start = Date()
        _ = TestSupport.document(text)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "quadratic: the block was rescanned at every blank line")
    }

    func testAnImportCannotInterruptAParagraph() {
        let text = """
            import hero from './hero.png';

            To use the library you first need to
            import the package, then show {hero}.
            """
        XCTAssertEqual(findings(text), [])
        let document = TestSupport.document(text)
        XCTAssertEqual(document.esm.imports.map(\.name), ["hero"])
    }

    func testImportMustBeFollowedBySpace() {
        let document = TestSupport.document("import{a} from 'b'\n\nText.\n")
        XCTAssertEqual(document.esm.imports.map(\.name), [], "MDX reads `import{` as a paragraph")
    }

    func testEscapedBracesAreText() {
        XCTAssertEqual(findings("Escaped \\{notcode\\} braces, and a set \\{a, b\\}.\n"), [])
    }

    func testBracesInSingleQuotedStringsDoNotNest() {
        XCTAssertEqual(findings("Write {'{'}name{'}'} to interpolate, or {\"{\"}x{\"}\"}.\n"), [])
    }

    func testApostrophesInJSXTextInsideAnExpressionStillWork() {
        XCTAssertEqual(findings("export const show = true;\n\n{show && <b>the '90s</b>}\n"), [])
    }

    func testStandardGlobalsAreDefined() {
        let text = """
            {setTimeout} {fetch} {URL} {encodeURI('a')} {navigator.userAgent} {location.href}
            {localStorage} {TypeError} {BigInt(1)} {WeakMap} {performance.now()} {process.env.NODE_ENV}
            {structuredClone} <button onClick={() => alert('hey')}>Hi</button> {React.version}
            """
        XCTAssertEqual(findings(text), [])
    }

    func testBracesInAddressesTitlesAndQuotedAttributesAreText() {
        let text = """
            [link](https://example.com/api/{id}/items)
            <a title="{attrStr}" href="/x/{hrefStr}">t</a>
            <img alt='say {hi}' src="/img/{x}.png" />
            ![alt](./img/{imgPath}.png "title {imgTitle}")

            [ref]: https://example.com/{refdef}
            """
        XCTAssertEqual(findings(text), [])
    }

    func testAnExpressionInAnAttributeIsStillRead() {
        XCTAssertEqual(findings("<img alt=\"x\" src={missing} />\n"), ["undefined-identifier missing"])
    }

    func testANameUsedInAnExportOnTheImportsLineIsUsed() {
        let text = "import a from './a.png'; export const meta = {image: a};\n\n{meta.image}\n"
        XCTAssertEqual(findings(text), [])
    }

    func testUnusedImportsAreFoundPastMultiLineImportsStringsAndComments() {
        let text = """
            import {
              useColorMode,
              useThemeConfig,
            } from '@docusaurus/theme-common';
            import hero from './hero.png';
            import banner from './banner.png';
            // hero was shown here before
            export const description = 'A post without a hero or banner image';

            {description}
            """
        XCTAssertEqual(
            findings(text).sorted(),
            ["unused-import banner", "unused-import hero", "unused-import useColorMode", "unused-import useThemeConfig"])
    }

    func testLowerCaseTagsAreHTMLNotImports() {
        let text = "import img from './a.png';\nimport figure from './b.png';\n\n<figure><img src=\"/img/banner.png\" /></figure>\n"
        XCTAssertEqual(findings(text).sorted(), ["unused-import figure", "unused-import img"])
        XCTAssertEqual(findings("import motion from 'm';\n\n<motion.div>hi</motion.div>\n"), [])
    }

    func testRemovingAnImportNeverLeavesItsCommentToStartTheBlock() {
        let text = "import spare from './b.png'; // TODO: show this later\nimport used from './a.png';\n\n<img src={used} />\n"
        XCTAssertEqual(TestSupport.fixed(text, rules: ["unused-import"]), text, "no fix: the comment would start the block")
        XCTAssertEqual(findings(text), ["unused-import spare"])
    }

    func testFencesIndentedFourSpacesOrMoreAreCodeInMDX() {
        let text = """
            import Tabs from '@theme/Tabs';

            <Tabs>

                ```js
            import Tabs from '@theme/Tabs';
            import Foo from 'foo';
            const x = {bar};
                ```

            </Tabs>
            """
        XCTAssertEqual(findings(text), [])
        let document = TestSupport.document(text)
        XCTAssertTrue(document.regionKinds(at: text.utf8.count - 20).contains(.codeBlock))
    }

    func testArrowParametersWithDefaultsThatCall() {
        let text = "export const items = [];\n\n<ul>{items.map(({id, name = String(id)}) => <li key={id}>{name}</li>)}</ul>\n"
        XCTAssertEqual(findings(text), [])
    }

    func testAMisspelledExportIsSuggested() {
        let diagnostics = TestSupport.diagnostics("export const authorName = 'Kim';\n\nBy {authrName}.\n", rule: "undefined-identifier")
        XCTAssertEqual(diagnostics.map(\.message), ["'authrName' is not imported or defined; the page fails to render; did you mean 'authorName'?"])
    }

    func testAnMDXCodeBlockFenceHoldsMDX() {
        let text = """
            ```mdx-code-block
            import styles from './x.module.css';
            ```

            <div className={styles.box}>Hello</div>
            """
        XCTAssertEqual(findings(text), [])
        XCTAssertEqual(TestSupport.document(text).esm.imports.map(\.name), ["styles"])
    }
}

/// Components and repeated imports, from two reviews of their first version.
final class MDXComponentReviewTests: XCTestCase {
    private func found(_ text: String, rule: String) -> [String] {
        TestSupport.diagnostics(text, fileName: "post.mdx", rule: rule).map(\.message)
    }

    func testElementsThatAreNoComponentUsesOfThePost() {
        let text = """
            import CodeBlock from "@theme/CodeBlock";
            import Card from "./Card";

            <CodeBlock language="jsx">
            {`function App() {
              return <Greeting />;
            }`}
            </CodeBlock>

            <Card title="List<Attr>" s={'<Str/>'} />

            {"<ExprStr>"} and {[1].map((Icon) => <Icon />)}

            Escaped \\<Esc> text, [the doc](<My Doc.md>), $i<N$, <a.b@x.com>, <Foo:Bar>.

            """
        XCTAssertEqual(found(text, rule: "undefined-identifier"), [])
        XCTAssertEqual(found("<Missing />\n", rule: "undefined-identifier").count, 1)
        XCTAssertEqual(found("# T\n\nLatency <5ms, so it's fast.\n\n## Next\n\n<Missing />\n", rule: "undefined-identifier").count, 1, "a stray < is no tag")
    }

    func testOnlyARepeatedDefaultImportIsRemoved() {
        let repeated = TestSupport.diagnostics("import a from './a.png';\nimport a from \"./a.png\";\n\n<img src={a} />\n", fileName: "post.mdx", rule: "duplicate-import")
        XCTAssertEqual(repeated.first?.fix?.title, "remove the repeated import")
        for text in ["import * as a from './x.js';\nimport {a} from './x.js';\n\n{a}\n", "import {a} from './x.js';\nimport {b as a} from './x.js';\n\n{a}\n"] {
            let diagnostics = TestSupport.diagnostics(text, fileName: "post.mdx", rule: "duplicate-import")
            XCTAssertEqual(diagnostics.count, 1, text)
            XCTAssertNil(diagnostics.first?.fix, text)
        }
    }
}
