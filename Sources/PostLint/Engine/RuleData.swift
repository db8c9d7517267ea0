import Foundation

/// The declarative data shipped in `Rules/`, embedded into the binary at build time.
public enum RuleData {
    /// The text of `Rules/<path>`, or nil when no such file was embedded.
    public static func text(_ path: String) -> String? {
        embeddedRuleFiles[path]
    }

    /// Non-empty lines of a word list, without `#` comments.
    public static func wordList(_ path: String) -> [String] {
        guard let text = text(path) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    public static var paths: [String] { embeddedRuleFiles.keys.sorted() }
}
