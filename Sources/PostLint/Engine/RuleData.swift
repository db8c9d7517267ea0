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

    /// A file a script generated from installed data (`Rules/typo/en_US-words.txt`): its
    /// bytes after the `#` header lines, and what the header's `# source-sizes:` line says
    /// (`file=bytes ...`), the sizes of the files it was generated from.
    static func generatedFile(_ path: String) -> (body: [UInt8], sourceSizes: [String: Int])? {
        guard let text = text(path) else { return nil }
        let utf8 = text.utf8
        var sizes: [String: Int] = [:]
        var bodyStart = utf8.startIndex
        // The header is a few lines; the body (megabytes) is copied once, past it.
        while bodyStart < utf8.endIndex, utf8[bodyStart] == UInt8(ascii: "#") {
            let end = utf8[bodyStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = String(decoding: utf8[bodyStart..<end], as: UTF8.self)
            if line.hasPrefix("# source-sizes:") {
                for pair in line.dropFirst("# source-sizes:".count).split(separator: " ") {
                    let parts = pair.split(separator: "=")
                    if parts.count == 2, let size = Int(parts[1]) { sizes[String(parts[0])] = size }
                }
            }
            bodyStart = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        return (Array(utf8[bodyStart...]), sizes)
    }
}
