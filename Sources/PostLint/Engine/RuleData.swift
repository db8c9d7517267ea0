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
        // Copied from the literal's own storage: Array(text.utf8) would copy megabytes
        // byte by byte through the view's iterator.
        return text.utf8.withContiguousStorageIfAvailable { generatedFile(bytes: $0) } ?? generatedFile(bytes: Array(text.utf8))
    }

    private static func generatedFile<Bytes: RandomAccessCollection>(bytes: Bytes) -> (body: [UInt8], sourceSizes: [String: Int])
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var sizes: [String: Int] = [:]
        var bodyStart = bytes.startIndex
        // The header is a few lines; the body (megabytes) is copied once, past it.
        while bodyStart < bytes.endIndex, bytes[bodyStart] == UInt8(ascii: "#") {
            let end = bytes[bodyStart...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let line = String(decoding: bytes[bodyStart..<end], as: UTF8.self)
            if line.hasPrefix("# source-sizes:") {
                for pair in line.dropFirst("# source-sizes:".count).split(separator: " ") {
                    let parts = pair.split(separator: "=")
                    if parts.count == 2, let size = Int(parts[1]) { sizes[String(parts[0])] = size }
                }
            }
            bodyStart = min(end + 1, bytes.endIndex)
        }
        return (Array(bytes[bodyStart...]), sizes)
    }
}
