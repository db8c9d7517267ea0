/// Two imports bind the same local name. The MDX compiler rejects such a file, and the
/// usual cause is a generator that numbered images by hand and repeated one.
public struct DuplicateImportRule: Rule {
    public static let description = RuleDescription(
        id: "duplicate-import",
        summary: "Two imports bind the same name",
        rationale: """
            An MDX file is a JavaScript module: binding one name twice is a syntax error, so \
            the page does not build. When the duplicate's own file name gives the name its \
            sibling imports would use (`import img2 from './img3.png'` among imports named \
            after their files), and that name is free, the fix renames the duplicate to it. \
            Otherwise both lines are reported and left for you to decide.
            """,
        severity: .error,
        fixSafety: .safe,
        scope: .structure,
        nonTriggering: [
            Example("import a from './a.png';\nimport b from './b.png';\n\n{a}{b}\n"),
            Example("```js\nimport a from './a.png';\nimport a from './b.png';\n```\n"),
            Example("import a from './a.png';\nimport a from './a.png';\n", fileName: "post.md"),
        ],
        triggering: [
            Example("import hero_1 from './hero_1.png';\nimport ↓hero_1 from './hero_2.png';\n"),
            Example("import { Tabs } from '@theme/Tabs';\nimport ↓Tabs from './tabs.js';\n"),
            Example("import ↓hero from './hero.png';\nexport const hero = 'x';\n\n{hero}\n"),
        ],
        corrections: [
            Correction(
                Example("import hero from './hero.png';\nimport hero from './hero.png';\n\n<img src={hero} />\n"),
                "import hero from './hero.png';\n\n<img src={hero} />\n"),
            Correction(
                Example("import pic_0 from './a/pic_0.png';\nimport pic_1 from './a/pic_1.png';\nimport pic_1 from './a/pic_2.png';\n"),
                "import pic_0 from './a/pic_0.png';\nimport pic_1 from './a/pic_1.png';\nimport pic_2 from './a/pic_2.png';\n"),
        ])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let imports = document.esm.imports
        let taken = Set(imports.map(\.name)).union(document.esm.exportedNames)
        var first: [String: ImportBinding] = [:]
        var diagnostics: [Diagnostic] = []
        var claimed: Set<String> = []
        for binding in imports {
            guard let original = first[binding.name] else {
                first[binding.name] = binding
                if document.esm.exportedNames.contains(binding.name) {
                    // `import hero …` and `export const hero …`: one name declared twice.
                    let message = "'\(binding.name)' is imported and also declared by an export; the MDX compiler rejects a name bound twice"
                    diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: binding.nameRange, message: message))
                }
                continue
            }
            // No line numbers: a baseline matches findings by message, and an edit above
            // the imports must not make this one new.
            var message = "'\(binding.name)' is imported again (first from '\(original.specifier)'); "
            message += "the MDX compiler rejects a name bound twice"
            var fix: Fix? = nil
            var range = binding.nameRange
            if let repeated = Self.repeatedStatement(binding, of: original, among: imports, in: document) {
                // The same import written twice: the second says nothing the first does not.
                message += "; it repeats the same import"
                fix = Fix("remove the repeated import", safety: .safe, edits: [Edit(repeated, "")])
                range = repeated
            } else if let derived = Self.nameFromFile(binding, among: imports), !taken.contains(derived), !claimed.contains(derived) {
                claimed.insert(derived)
                message += "; its file suggests '\(derived)'"
                fix = Fix("rename to '\(derived)'", safety: .safe, edits: [Edit(binding.nameRange, derived)])
            }
            diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: range, message: message, fix: fix))
        }
        return diagnostics
    }

    /// The line of a statement importing exactly what an earlier one does (`import a from
    /// './a.png';` twice), when it imports nothing else and stands alone on its line.
    static func repeatedStatement(_ binding: ImportBinding, of original: ImportBinding, among imports: [ImportBinding], in document: Document) -> Range<Int>? {
        // Default imports only: `import * as a` and `import {b as a}` bind different things.
        guard binding.specifier == original.specifier, binding.isDefault, original.isDefault,
            imports.filter({ $0.statementRange == binding.statementRange }).count == 1
        else { return nil }
        let line = document.lines.lineNumber(at: binding.statementRange.lowerBound)
        let content = document.lines.contentRange(ofLine: line)
        let text = document.string(content).trimmingCharacters(in: .whitespaces)
        guard text == document.string(binding.statementRange).trimmingCharacters(in: .whitespaces)
            || text == document.string(binding.statementRange).trimmingCharacters(in: .whitespaces) + ";"
        else { return nil }
        return content.lowerBound..<document.lines.endOfLine(containing: content.lowerBound)
    }

    /// The name the convention of the file's other imports gives this import: its file
    /// stem, when every other default import of a relative file is named after its stem.
    static func nameFromFile(_ binding: ImportBinding, among imports: [ImportBinding]) -> String? {
        guard binding.isDefault, let stem = AssetName.identifier(forSpecifier: binding.specifier) else { return nil }
        let siblings = imports.filter { $0.isDefault && $0 != binding && AssetName.isRelative($0.specifier) }
        let following = siblings.filter { AssetName.identifier(forSpecifier: $0.specifier) == $0.name }
        // The duplicated sibling itself may break the convention; the others must keep it.
        guard following.count >= max(1, siblings.count - 1) else { return nil }
        return stem
    }
}

/// How posts name the images they import.
enum AssetName {
    static func isRelative(_ specifier: String) -> Bool {
        specifier.hasPrefix("./") || specifier.hasPrefix("../")
    }

    /// `./asset/blog_img3.png` → `blog_img3`, when the stem is a valid identifier.
    static func identifier(forSpecifier specifier: String) -> String? {
        guard isRelative(specifier), let file = specifier.split(separator: "/").last else { return nil }
        let stem = file.split(separator: ".").first.map(String.init) ?? String(file)
        guard let first = stem.utf8.first, JSCursor.isIdentifierStart(first),
            stem.utf8.allSatisfy(JSCursor.isIdentifierPart)
        else { return nil }
        return stem
    }
}
