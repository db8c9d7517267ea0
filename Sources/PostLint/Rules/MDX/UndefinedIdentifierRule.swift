/// A name read in an MDX expression that nothing defines.
public struct UndefinedIdentifierRule: Rule {
    public static let description = RuleDescription(
        id: "undefined-identifier",
        summary: "An MDX expression reads a name that is never imported or defined",
        rationale: """
            `{name}` and `src={name}` in MDX are JavaScript: a name that no import, export \
            or local binding defines throws a ReferenceError and the page fails to render, \
            and so does a component used as an element (`<Tabs>`) that nothing imports — \
            unless the site gives it to every post (Docusaurus's `Head` and `Details`, or \
            names the rule's `components` option lists, for a swizzled MDXComponents). \
            Generators that copy a post under a new date often rename the usages but not \
            the imports. When exactly one imported-but-unused name has the same shape apart \
            from a date or number, with the same trailing index (`blog_20251111_img0` for \
            `blog_20251110_img0`), the fix points the usage at it. Otherwise the message \
            suggests the closest defined names.
            """,
        severity: .error,
        fixSafety: .safe,
        scope: .structure,
        nonTriggering: [
            Example("import hero from './hero.png';\n\n<img src={hero} />\n"),
            Example("export const year = 2025;\n\nWritten in {year}, {Math.max(1, 2)}.\n"),
            Example("{[1, 2].map(item => <b key={item}>{item}</b>)}\n"),
            Example("export const {alpha, beta: gamma} = {alpha: 1, beta: 2};\nexport const [first, second] = [1, 2];\n\n{alpha} {gamma} {first} {second}\n"),
            Example("{[1, 2].map(function (n) { return n })}\n\n{(() => { const local = 3; for (const v of [local]) { return v } })()}\n"),
            Example("{(() => { try { return JSON.parse('1') } catch (error) { return String(error) } })()}\n"),
            Example("import hero from './hero.png';\n\n{[{name: 'a'}].map(item => `${item.name} ${`at ${hero}`}`)} {`cost: \\${price}`}\n"),
            Example("export const title = \"It's\";\n\n<a href={`/tags/${title.replace(/\\s+/g, '-')}`}>{[`${title.replace(/'/g, \"’\")}`].join(' ')}</a>\n"),
            Example("{[1, 2].map(item => <b key={item}>it's {item}</b>)}\n"),
            Example("## Custom heading {#custom-id}\n\nText.\n"),
            Example("The loss $\\hat{y}_i$ and\n\n$$\n\\frac{1}{N} \\textbf{W}^{(l)}\n$$\n"),
            Example("export let p, q;\nexport const a = 1, b = [2, 3];\n\n{p} {q} {a} {b} {(() => { let c = 1, d = 2; return c + d })()}\n"),
            Example("<div style={{textAlign: 'center', width: 500}}>x</div>\n"),
            Example("Use `{missing}` in code.\n\n```jsx\n<img src={missing} />\n```\n"),
            Example("{/* a comment, not code */}\n"),
            Example("Braces in Markdown {are} text.\n", fileName: "post.md"),
            Example("import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n<Tabs><TabItem value=\"a\">A</TabItem></Tabs>\n\n<Details><summary>More</summary>text</Details>\n\n`<Missing />` and\n\n```jsx\n<Missing />\n```\n"),
        ],
        triggering: [
            Example("import pic_20250101_0 from './pic_20250101_0.png';\n\n<img src={↓pic_20250102_0} />\n"),
            Example("Total: {↓count} items.\n"),
            Example("export const {alpha, beta: gamma} = {alpha: 1, beta: 2};\n\n{↓beta}\n"),
            Example("{↓load().catch(↓handleError)}\n\n{(() => { const [x = ↓fallback] = []; return x })()}\n"),
            Example("<img src={`/img/${↓slug}.png`} alt={`${`nested ${↓title}`}`} />\n"),
            Example("import Tabs from '@theme/Tabs';\n\n<Tabs>\n  <↓TabItem value=\"a\">A</TabItem>\n</Tabs>\n"),
        ],
        corrections: [
            Correction(
                Example("import shot_0101_a1 from './shot_0101_a1.png';\nimport shot_0101_a2 from './shot_0101_a2.png';\n\n<img src={shot_0102_a2} />\n<img src={shot_0102_a1} />\n"),
                "import shot_0101_a1 from './shot_0101_a1.png';\nimport shot_0101_a2 from './shot_0101_a2.png';\n\n<img src={shot_0101_a2} />\n<img src={shot_0101_a1} />\n"),
        ],
        options: [RuleOptionDescription("components", "components the site gives every post (a swizzled MDXComponents), e.g. [Tabs, TabItem]")])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.format == .mdx else { return [] }
        let scope = MDXScope(document)
        let unusedImports = scope.unusedImports
        // Imports whose name differs from their file's: the file may be what a use meant.
        let misnamed = document.esm.imports.compactMap { binding -> (stem: String, binding: ImportBinding)? in
            guard let stem = AssetName.identifier(forSpecifier: binding.specifier), stem != binding.name else { return nil }
            return (stem, binding)
        }
        // What is said about a name depends on the name alone: work it out once per name
        // (a generated post repeats the same few names thousands of times).
        var verdicts: [String: Verdict] = [:]
        // Names the post declares itself (`export const authorName`) are suggestions too.
        let declared = scope.imported.union(document.esm.exportedNames)
        let provided = Self.providedComponents.union(context.options.lists["components"] ?? [])
        var reportedComponents: Set<String> = []
        let components = scope.componentUses.filter { use in
            !scope.defined.contains(use.name) && !provided.contains(use.name) && reportedComponents.insert(use.name).inserted
        }.map { use in
            let close = NameShape.closest(to: use.name, in: declared)
            let suggestion = close.isEmpty ? "" : "; did you mean " + close.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?"
            return Diagnostic(
                rule: Self.description.id, severity: context.severity, range: use.range,
                message: "the component '\(use.name)' is not imported or defined; the page fails to render\(suggestion) "
                    + "(if the site gives it to every post through MDXComponents, list it in the rule's `components` option)")
        }
        return components + scope.undefinedUses.map { use in
            let known = verdicts[use.name] ?? {
                let hint = misnamed.first { $0.stem == use.name || NameShape.correspond(use.name, $0.stem) }?.binding
                let made = verdict(for: use.name, unusedImports: unusedImports, defined: declared, misnamed: hint)
                verdicts[use.name] = made
                return made
            }()
            let fix = known.replacement.map { Fix("use '\($0)'", safety: .safe, edits: [Edit(use.range, $0)]) }
            return Diagnostic(rule: Self.description.id, severity: context.severity, range: use.range, message: known.message, fix: fix)
        }
    }

    /// Components Docusaurus gives every MDX post (its default MDXComponents).
    static let providedComponents: Set<String> = ["Head", "Details"]

    /// The message about an undefined name, and the import to use instead when one is sure.
    private struct Verdict {
        let message: String
        let replacement: String?
    }

    private func verdict(for name: String, unusedImports: [String], defined: Set<String>, misnamed: ImportBinding?) -> Verdict {
        var message = "'\(name)' is not imported or defined; the page fails to render"
        let counterparts = unusedImports.filter { NameShape.correspond(name, $0) }
        if counterparts.count == 1, let target = counterparts.first {
            message += "; the unused import '\(target)' matches it"
            return Verdict(message: message, replacement: target)
        } else if let misnamed {
            message += "; its image '\(misnamed.specifier)' is imported under the name '\(misnamed.name)'"
        } else {
            let close = counterparts.isEmpty ? NameShape.closest(to: name, in: defined) : counterparts
            if !close.isEmpty {
                message += "; did you mean " + close.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?"
            }
        }
        return Verdict(message: message, replacement: nil)
    }
}

/// Compares generated identifiers such as `blog_20251110_img3` by their shape.
enum NameShape {
    /// Alternating runs of digits and non-digits: `blog_2025_img3` → [blog_, 2025, _img, 3].
    static func runs(_ name: String) -> [Substring] {
        var runs: [Substring] = []
        var start = name.startIndex
        var index = name.startIndex
        while index < name.endIndex {
            let next = name.index(after: index)
            if next == name.endIndex || name[next].isNumber != name[index].isNumber {
                runs.append(name[start..<next])
                start = next
            }
            index = next
        }
        return runs
    }

    /// Same words, same trailing index, differing only in the numbers before it
    /// (a date, a counter), as `blog_20251111_img0` and `blog_20251110_img0` do.
    static func correspond(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs != rhs else { return false }
        let left = runs(lhs)
        let right = runs(rhs)
        guard left.count == right.count, left.count >= 2 else { return false }
        for (index, (a, b)) in zip(left, right).enumerated() {
            let isNumber = a.first?.isNumber ?? false
            if isNumber != (b.first?.isNumber ?? false) { return false }
            let isTrailingIndex = index == left.count - 1
            if (!isNumber || isTrailingIndex), a != b { return false }
        }
        return true
    }

    /// Defined names within a small edit distance, closest first.
    static func closest(to name: String, in names: Set<String>) -> [String] {
        let limit = max(1, name.count / 4)
        return names.map { ($0, EditDistance.between(name, $0, limit: limit)) }
            .filter { $0.1 <= limit }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
    }
}
