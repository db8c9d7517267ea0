import Foundation
import XCTest

@testable import PostLint

/// Shared helpers: lint a snippet, fix a snippet, find the package's folders.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Fixtures")

    static func settings() -> [String: RuleSetting] {
        Configuration(baseDirectory: "/").settings(forRelativePath: "post.md")
    }

    static func document(_ text: String, fileName: String = "post.mdx", byteOrderMark: Bool = false) -> Document {
        let bytes = (byteOrderMark ? SourceFile.byteOrderMark : []) + Array(text.utf8)
        return Document(source: SourceFile(path: fileName, bytes: bytes))!
    }

    /// Diagnostics of the named rules only (all rules when `rules` is nil).
    /// Rule examples live in no folder; by convention every file they name exists except
    /// those whose names contain "missing".
    static let exampleFileSystem: @Sendable (String) -> Bool = { !$0.contains("missing") }

    static func diagnostics(_ document: Document, rules: Set<String>?) -> [Diagnostic] {
        let context = RuleContext(fileExists: exampleFileSystem, severity: .error)
        return Linter(selected: rules).check(document, settings: settings(), context: context)
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func diagnostics(_ text: String, fileName: String = "post.mdx", rule: String) -> [Diagnostic] {
        diagnostics(document(text, fileName: fileName), rules: [rule])
    }

    /// The text after fixing with the named rules (unsafe fixes included).
    static func fixed(_ text: String, fileName: String = "post.mdx", rules: Set<String>?, unsafe: Bool = true) -> String {
        let original = document(text, fileName: fileName)
        switch Fixer(includeUnsafe: unsafe).fix(original, diagnose: { diagnostics($0, rules: rules) }) {
        case .unchanged: return text
        case .fixed(let fixedText, _): return fixedText
        case .fixedOutsideFrontMatter(let fixedText, _, let broken): return "<\(FixOutcome.frontMatterLeftNote(breaking: broken))>\n" + fixedText
        case .frontMatterLeft(let broken): return "<\(FixOutcome.frontMatterLeftNote(breaking: broken))>\n" + text
        case .refused(let reason): return "<refused: \(reason)>"
        }
    }
}
