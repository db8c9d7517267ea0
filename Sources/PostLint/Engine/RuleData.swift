import Foundation

/// The declarative data shipped in `Rules/`, embedded into the binary at build time.
public enum RuleData {
    /// The text of `Rules/<path>`, or nil when no such file was embedded.
    public static func text(_ path: String) -> String? {
        embeddedRuleFiles[path] ?? generatedFileBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a generated file (one with a `# source-sizes:` header), in place in the
    /// binary: valid for the life of the process, never copied.
    static func generatedFileBytes(_ path: String) -> UnsafeBufferPointer<UInt8>? {
        embeddedGeneratedRuleFiles[path].map { UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount) }
    }

    /// Non-empty lines of a word list, without `#` comments.
    public static func wordList(_ path: String) -> [String] {
        guard let text = text(path) else { return [] }
        // Split on bytes: splitting the String into Characters (grapheme clusters) cost most
        // of loading the lists, which every one-post run does.
        return text.utf8.split { $0 == 0x0A || $0 == 0x0D }.compactMap { line in
            let trimmed = Substring(line.prefix { $0 != UInt8(ascii: "#") }).trimmingSpaces
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }

    public static var paths: [String] { (Array(embeddedRuleFiles.keys) + embeddedGeneratedRuleFiles.keys).sorted() }

    /// A file a script generated from installed data (`Rules/typo/en_US-words.txt`): its
    /// bytes after the `#` header lines (in place, valid for the life of the process), and
    /// what the header's `# source-sizes:` line says (`file=bytes ...`), the sizes of the
    /// files it was generated from.
    static func generatedFile(_ path: String) -> (body: UnsafeBufferPointer<UInt8>, sourceSizes: [String: Int])? {
        guard let bytes = generatedFileBytes(path) else { return nil }
        var sizes: [String: Int] = [:]
        var bodyStart = 0
        while bodyStart < bytes.count, bytes[bodyStart] == UInt8(ascii: "#") {
            let end = bytes[bodyStart...].firstIndex(of: 0x0A) ?? bytes.count
            let line = String(decoding: bytes[bodyStart..<end], as: UTF8.self)
            if line.hasPrefix("# source-sizes:") {
                for pair in line.dropFirst("# source-sizes:".count).split(separator: " ") {
                    let parts = pair.split(separator: "=")
                    if parts.count == 2, let size = Int(parts[1]) { sizes[String(parts[0])] = size }
                }
            }
            bodyStart = min(end + 1, bytes.count)
        }
        return (UnsafeBufferPointer(rebasing: bytes[bodyStart...]), sizes)
    }
}
