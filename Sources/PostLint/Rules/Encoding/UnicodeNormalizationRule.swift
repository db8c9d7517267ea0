import ICUShim

/// Text that is not in Unicode Normalization Form C.
public struct UnicodeNormalizationRule: Rule {
    public static let description = RuleDescription(
        id: "unicode-normalization",
        summary: "Text is not in Unicode NFC (e.g. Hangul saved decomposed)",
        rationale: """
            macOS file names and some editors store text decomposed (NFD): Hangul as separate \
            jamo, accented letters as a letter plus a combining mark. It looks right but breaks \
            search, links, anchors and spell checking. The fix composes the text to NFC with ICU; \
            code is left alone. In a heading the fix is unsafe: the heading's anchor changes \
            with it, and links to the old anchor (from this post or another) would break. So \
            it is in the front matter's tags and categories, which Jekyll and Hugo make the \
            addresses of their pages from.
            """,
        severity: .warning,
        fixSafety: .safe,
        scope: .prose,
        nonTriggering: [
            Example("한국어 문장과 café, Ångström, 𝑥² are all NFC.\n", fileName: "post.md"),
            Example("Hanja \u{F900}\u{F914}, the ohm sign \u{2126} and kelvin \u{212A} are kept as written.\n", fileName: "post.md"),
            Example("Decomposed inside code stays: `한국어`\n", fileName: "post.md"),
            Example("import shot from './\u{1112}\u{1161}\u{11AB}.png';\n\n<img src=\"./\u{1112}\u{1161}\u{11AB}.png\" /> [link](./\u{1112}\u{1161}\u{11AB}.md)\n", fileName: "post.mdx"),
            Example(
                "---\nimage: ./\u{1109}\u{1169}\u{1100}\u{1162}.png\ncover: \"\u{1109}\u{1169}\u{1100}\u{1162}.jpg\"\n---\n\n## Intro {#\u{1109}\u{1169}\u{1100}\u{1162}}\n\n[p]: ./\u{1109}\u{1169}\u{1100}\u{1162}.png\n",
                fileName: "post.md"),
        ],
        triggering: [
            Example("---\ntitle: ↓\u{1109}\u{1169}\u{1100}\u{1162}\n---\n", fileName: "post.md"),
            Example("Title: ↓한국어\n", fileName: "post.md"),
            Example("A decomposed caf↓é and a clean café.\n", fileName: "post.md"),
        ],
        corrections: [
            Correction(Example("Title: ↓한국어\n", fileName: "post.md"), "Title: 한국어\n"),
            Correction(Example("A caf↓é.\n", fileName: "post.md"), "A café.\n"),
            Correction(
                Example("## ↓\u{1109}\u{1169}\u{1100}\u{1162}\n\n[intro](#\u{1109}\u{1169}\u{1100}\u{1162})\n", fileName: "post.md"),
                "## 소개\n\n[intro](#\u{1109}\u{1169}\u{1100}\u{1162})\n", unsafe: true),
            Correction(
                Example("---\ntags:\n  - ↓\u{1109}\u{1169}\u{1100}\u{1162}\n---\n", fileName: "post.md"),
                "---\ntags:\n  - 소개\n---\n", unsafe: true),
        ],
        fixSafetyVaries: true)

    static let untouched: Set<Region.Kind> = [.codeBlock, .codeSpan, .esm, .linkDestination, .html, .jsxExpression]

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard Self.mayChangeUnderNFC(document.utf8) else { return [] }
        // Code, and the names of files and addresses (an import, a link, an `src`): a file
        // saved by macOS has a decomposed name, and the reference must stay as it is.
        let code = document.regions.filter { Self.untouched.contains($0.kind) }.map(\.range)
        var diagnostics: [Diagnostic] = []
        for segment in Self.unnormalizedSegments(document.utf8)
        where !code.contains(where: { $0.overlaps(segment) }) && !document.namesAFile(segment) {
            let text = document.string(segment)
            // Compare bytes: Swift's String equality treats canonically equivalent text as equal.
            let changesAnAddress = document.headings.contains { $0.range.overlaps(segment) } || Self.isInTaxonomy(segment, of: document)
            guard let normalized = Self.nfcKeepingSingletons(text), !normalized.utf8.elementsEqual(text.utf8),
                // Nothing composed: NFC only swapped a singleton (a CJK compatibility ideograph
                // Korean hanja text keeps apart on purpose, the ohm or kelvin sign).
                normalized.unicodeScalars.count < text.unicodeScalars.count
            else { continue }
            diagnostics.append(Diagnostic(
                rule: Self.description.id, severity: context.severity, range: segment,
                message: "not in Unicode NFC: '\(normalized)' is written decomposed (\(text.unicodeScalars.count) code points instead of \(normalized.unicodeScalars.count))",
                fix: Fix("compose to NFC", safety: changesAnAddress ? .unsafe : .safe, edits: [Edit(segment, normalized)])))
        }
        return diagnostics
    }

    /// Whether the text is a value of the front matter's `tags`, `categories` (or Hugo's
    /// `series`), on the key's line or in the list below it.
    static func isInTaxonomy(_ segment: Range<Int>, of document: Document) -> Bool {
        guard let frontMatter = document.frontMatter, frontMatter.contentRange.contains(segment.lowerBound) else { return false }
        let firstLine = document.lines.lineNumber(at: frontMatter.contentRange.lowerBound)
        var line = document.lines.lineNumber(at: segment.lowerBound)
        while line >= firstLine {
            let text = document.utf8[document.lines.contentRange(ofLine: line)]
            if let first = text.first, first != 0x20, first != 0x09, first != UInt8(ascii: "-") {
                let key = text.prefix { $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "=") }
                    .filter { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") }
                return taxonomyKeys.contains(String(decoding: key, as: UTF8.self).lowercased())
            }
            line -= 1
        }
        return false
    }

    static let taxonomyKeys: Set<String> = ["tags", "categories", "category", "series"]

    /// Whether any character's NFC quick check is not "yes" (a combining character, or one
    /// that never occurs in NFC): only then can NFC change the text. Characters below
    /// U+0300 (lead bytes under 0xCC) and precomposed Hangul syllables are "yes" and are
    /// passed over from their bytes; ICU is asked about the rest.
    static func mayChangeUnderNFC(_ utf8: [UInt8]) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0xCC {
                    index = ByteSearch.firstNonASCII(bytes, from: index + 1, before: bytes.count)
                    continue
                }
                // EB and EC lead only Hangul syllables (U+B000...U+CFFF): NFC as they are.
                if lead == 0xEB || lead == 0xEC, index + 3 <= bytes.count {
                    index += 3
                    continue
                }
                let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard index + width <= bytes.count else { return true }
                var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += width
                if (0xAC00...0xD7A3).contains(value) { continue }
                if plicu_nfc_quick_check(Int32(bitPattern: value)) != 1 { return true }
            }
            return false
        }
    }

    /// Byte ranges from the NFC boundary before each run of characters NFC may change to the
    /// next boundary after it.
    static func unnormalizedSegments(_ utf8: [UInt8]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var boundary = 0
        var segmentStart: Int?
        var offset = 0
        for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
            let value = Int32(bitPattern: scalar.value)
            let startsSegment = scalar.value < 0x300 || plicu_nfc_boundary_before(value) == 1
            if startsSegment {
                if let start = segmentStart { segments.append(start..<offset); segmentStart = nil }
                boundary = offset
            }
            if scalar.value >= 0x300, segmentStart == nil, plicu_nfc_quick_check(value) != 1 {
                // Adjacent segments (the syllables of one decomposed word) become one.
                if let last = segments.last, last.upperBound == boundary {
                    segmentStart = segments.removeLast().lowerBound
                } else {
                    segmentStart = boundary
                }
            }
            offset += UTF8.width(scalar)
        }
        if let start = segmentStart { segments.append(start..<offset) }
        return segments
    }

    /// NFC of a text, but for the characters NFC swaps for another one (a CJK compatibility
    /// ideograph, the ohm or kelvin sign), which stay as written beside the ones composed.
    static func nfcKeepingSingletons(_ text: String) -> String? {
        var result = String.UnicodeScalarView()
        var run = ""
        let isSingleton = { (scalar: Unicode.Scalar) -> Bool in
            guard Self.mayBeSingleton(scalar.value), let composed = nfc(String(scalar)) else { return false }
            return composed.unicodeScalars.count == 1 && composed.unicodeScalars.first != scalar
        }
        for scalar in text.unicodeScalars {
            if isSingleton(scalar) {
                guard let part = nfc(run) else { return nil }
                result.append(contentsOf: part.unicodeScalars)
                result.append(scalar)
                run = ""
            } else {
                run.unicodeScalars.append(scalar)
            }
        }
        guard let last = nfc(run) else { return nil }
        result.append(contentsOf: last.unicodeScalars)
        return String(result)
    }

    /// The blocks holding every character whose canonical decomposition is one other
    /// character (so only these are asked of ICU, one by one).
    static func mayBeSingleton(_ value: UInt32) -> Bool {
        switch value {
        case 0x340...0x387, 0x1F70...0x1FFD, 0x2000...0x2001, 0x2126...0x212B, 0x2329...0x232A, 0xF900...0xFAFF, 0x2F800...0x2FA1F: true
        default: false
        }
    }

    static func nfc(_ text: String) -> String? {
        let input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 3 + 16)
        let written = input.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                output.withUnsafeMutableBufferPointer { target in
                    target.withMemoryRebound(to: CChar.self) {
                        plicu_to_nfc(chars.baseAddress, Int32(input.count), $0.baseAddress, Int32($0.count))
                    }
                }
            }
        }
        guard written >= 0 else { return nil }
        return String(decoding: output.prefix(Int(written)), as: UTF8.self)
    }
}
