/// An import of a relative file that does not exist.
public struct MissingAssetRule: Rule {
    public static let description = RuleDescription(
        id: "missing-asset",
        summary: "An imported file does not exist next to the post",
        rationale: """
            `import img from './asset/pic.png'` is resolved by the bundler relative to the \
            post; a missing file fails the site build. Checked only for relative paths, and \
            only when the post is on disk (not for standard input without a real \
            `--stdin-filename`).
            """,
        severity: .error,
        fixSafety: nil,
        scope: .structure,
        nonTriggering: [
            Example("import hero from './hero.png';\nimport Tabs from '@theme/Tabs';\n\n<img src={hero} />\n"),
            Example("import raw from './hero.png?raw';\nimport icon from './icons.svg#star';\n\n<img src={raw} /><img src={icon} />\n"),
            Example("import pic from './missing.png';\n", fileName: "post.md"),
        ],
        triggering: [
            Example("import hero from '↓./asset/missing-hero.png';\n\n<img src={hero} />\n"),
            Example("import a, { b } from '↓../missing/shared.js';\n\n{a}{b}\n"),
            Example("import Card from '↓./components/missing-card';\n\n<Card />\n"),
        ])

    public init() {}

    /// What the bundler tries for a specifier without an extension (`import Hero from
    /// './Hero'`): the file itself, then with each module extension, then a folder's index.
    static let moduleExtensions = ["js", "jsx", "ts", "tsx", "mjs", "cjs", "mdx", "md", "json"]

    static func resolves(_ specifier: String, _ exists: (String) -> Bool) -> Bool {
        // A resource query or fragment (`./a.png?raw`, `./a.svg#icon`) is not part of the file name.
        let file = String(specifier.prefix { $0 != "?" && $0 != "#" })
        return !file.isEmpty && resolvesFile(file, exists)
    }

    private static func resolvesFile(_ specifier: String, _ exists: (String) -> Bool) -> Bool {
        if exists(specifier) { return true }
        let name = specifier.split(separator: "/").last ?? ""
        guard !name.contains(".") || name.hasPrefix(".") else { return false }
        return moduleExtensions.contains { exists("\(specifier).\($0)") || exists("\(specifier)/index.\($0)") }
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard let exists = context.fileExists else { return [] }
        var seen: Set<Range<Int>> = []
        return document.esm.imports.compactMap { binding in
            guard AssetName.isRelative(binding.specifier), seen.insert(binding.specifierRange).inserted,
                !Self.resolves(binding.specifier, exists)
            else { return nil }
            return Diagnostic(
                rule: Self.description.id, severity: context.severity, range: binding.specifierRange,
                message: "'\(binding.specifier)' does not exist (relative to this file)")
        }
    }
}
