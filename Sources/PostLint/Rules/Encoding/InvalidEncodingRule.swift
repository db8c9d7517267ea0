import Foundation
import ICUShim

/// A file whose bytes are not UTF-8.
public struct InvalidEncodingRule: SourceRule {
    public static let description = RuleDescription(
        id: "invalid-encoding",
        summary: "The file is not valid UTF-8",
        rationale: """
            Static site generators read posts as UTF-8; a post saved in a legacy code page \
            (CP949, Shift_JIS, Windows-1252) shows as garbage or fails the build. postlint \
            names the first bad byte and ICU's guess at the real charset, and never rewrites \
            such a file blindly.
            """,
        severity: .error,
        fixSafety: nil,
        scope: .file)

    public init() {}

    public func check(_ source: SourceFile, context: RuleContext) -> [SourceDiagnostic] {
        guard !source.isBinary, let offset = source.firstInvalidUTF8Offset else { return [] }
        var message = String(format: "not valid UTF-8: byte 0x%02X cannot start or continue a character", source.bytes[offset])
        if let guess = Self.detectCharset(source.bytes) {
            message += "; it looks like \(guess.name) (ICU confidence \(guess.confidence)%)"
        }
        message += "; the file will not be rewritten"
        return [SourceDiagnostic(rule: Self.description.id, severity: context.severity, position: Self.position(of: offset, in: source.bytes), message: message)]
    }

    static func detectCharset(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        let confidence = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                plicu_detect($0.baseAddress, Int32(buffer.count), &name, Int32(name.count))
            }
        }
        guard confidence > 0 else { return nil }
        return (String(cString: name), Int(confidence))
    }

    /// Line and column of a byte offset in bytes that are not UTF-8: each byte that is not
    /// a UTF-8 continuation byte counts as one column.
    static func position(of offset: Int, in bytes: [UInt8]) -> LineIndex.Position {
        var line = 1
        var column = 1
        let start = bytes.starts(with: SourceFile.byteOrderMark) ? 3 : 0
        for byte in bytes[start..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return LineIndex.Position(line: line, column: column)
    }
}
