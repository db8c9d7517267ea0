/// Characters that do not show but change how text behaves.
public struct InvisibleCharacterRule: Rule {
    public static let description = RuleDescription(
        id: "invisible-character",
        summary: "Invisible character in text: zero-width space, stray BOM, C1 control or bidi control",
        rationale: """
            Zero-width spaces, byte order marks in the middle of a file and C1 control \
            characters come from copy and paste or broken conversions; they split words for \
            search and spell checking without showing. Bidirectional controls can make text \
            display in a different order than it is stored (Trojan Source), so they are \
            reported and never removed silently. A stray BOM is removed by --fix; zero-width \
            spaces and C1 controls only with --unsafe-fixes (they are sometimes deliberate).
            """,
        severity: .warning,
        fixSafety: .unsafe,
        scope: .prose,
        nonTriggering: [
            Example("Emoji sequences keep their joiner: 👩‍💻, and Persian keeps ZWNJ: می‌خواهم.\n", fileName: "post.md"),
            Example("Shown in code on purpose: `a\u{200B}b`\n", fileName: "post.md"),
        ],
        triggering: [
            Example("Deep↓\u{200B}Seek and Qwen\n", fileName: "post.md"),
            Example("A stray mark↓\u{FEFF} inside.\n", fileName: "post.md"),
            Example("Text with ↓\u{202E}reversed↓\u{202C} direction.\n", fileName: "post.md"),
            Example("A C1 control↓\u{85} here.\n", fileName: "post.md"),
        ],
        corrections: [
            Correction(Example("A stray mark↓\u{FEFF} inside.\n", fileName: "post.md"), "A stray mark inside.\n"),
            Correction(Example("Deep↓\u{200B}Seek\n", fileName: "post.md"), "DeepSeek\n", unsafe: true),
        ],
        fixSafetyVaries: true)

    enum Kind {
        case zeroWidthSpace, byteOrderMark, c1Control, bidiControl

        init?(_ scalar: UInt32) {
            switch scalar {
            case 0x200B: self = .zeroWidthSpace
            case 0xFEFF: self = .byteOrderMark
            case 0x80...0x9F: self = .c1Control
            case 0x202A...0x202E, 0x2066...0x2069: self = .bidiControl
            default: return nil
            }
        }

        var fixSafety: FixSafety? {
            switch self {
            case .byteOrderMark: .safe
            case .zeroWidthSpace, .c1Control: .unsafe
            case .bidiControl: nil
            }
        }
    }

    public init() {}

    /// A zero-width space matters where it splits a word of a script written with spaces
    /// (`Deep\u{200B}Seek`); between CJK or Thai characters it is a line-break hint, and next
    /// to spaces it changes nothing a reader or search engine sees.
    static func splitsWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0, index + 1 < scalars.count else { return false }
        return [scalars[index - 1], scalars[index + 1]].allSatisfy { neighbour in
            let value = neighbour.value
            let breaksWithoutSpaces = (0x0E00...0x0EFF).contains(value) || (0x1000...0x109F).contains(value)
                || (0x1780...0x17FF).contains(value) || (0x2E80...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            return (neighbour.properties.isAlphabetic || neighbour.properties.numericType != nil) && !breaksWithoutSpaces
        }
    }

    /// Whether the bytes hold any character `Kind` names. Curly quotes and dashes share
    /// the lead byte 0xE2 with the controls, so the whole sequences are compared: a post
    /// without any of them skips decoding entirely.
    static func mayContainInvisible(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            // Each lead byte found with memchr (vectorised): most of a post is other bytes.
            ByteSearch.containsAny(of: [0xC2, 0xE2, 0xEF], in: bytes) { index in
                guard index + 1 < bytes.count else { return false }
                let second = bytes[index + 1]
                switch bytes[index] {
                case 0xC2:
                    return (0x80...0x9F).contains(second)
                case 0xE2:
                    guard index + 2 < bytes.count else { return false }
                    let third = bytes[index + 2]
                    // U+200B, U+202A...U+202E (E2 80 ..); U+2066...U+2069 (E2 81 A6...A9).
                    return second == 0x80 && (third == 0x8B || (0xAA...0xAE).contains(third))
                        || second == 0x81 && (0xA6...0xA9).contains(third)
                default:
                    return index + 2 < bytes.count && second == 0xBB && bytes[index + 2] == 0xBF
                }
            }
        }
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard Self.mayContainInvisible(document.utf8) else { return [] }
        let code = document.regions.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
        var diagnostics: [Diagnostic] = []
        var offset = 0
        let scalars = Array(document.text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let width = UTF8.width(scalar)
            defer { offset += width }
            guard let kind = Kind(scalar.value), !code.contains(where: { $0.contains(offset) }) else { continue }
            if kind == .zeroWidthSpace, !Self.splitsWord(scalars, at: index) { continue }
            let range = offset..<(offset + width)
            let name = String(format: "U+%04X", scalar.value) + (scalar.properties.name.map { " \($0)" } ?? "")
            let message: String
            switch kind {
            case .zeroWidthSpace: message = "invisible \(name) splits the word around it"
            case .byteOrderMark: message = "stray byte order mark (\(name)) inside the text"
            case .c1Control: message = "C1 control character \(name): a sign of a broken conversion"
            case .bidiControl: message = "bidirectional control \(name) can make the text display in another order than it is stored"
            }
            let fix = kind.fixSafety.map { Fix("remove \(name)", safety: $0, edits: [Edit(range, "")]) }
            diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: range, message: message, fix: fix))
        }
        return diagnostics
    }
}
