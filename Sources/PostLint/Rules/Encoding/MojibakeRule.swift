/// UTF-8 text that was decoded through a legacy code page and saved again.
public struct MojibakeRule: Rule {
    public static let description = RuleDescription(
        id: "mojibake",
        summary: "UTF-8 text was misread through a legacy code page (mojibake)",
        rationale: """
            When a tool reads UTF-8 as Windows-1252, Windows-1254, Mac OS Roman or another \
            legacy code page (or as CP949, Shift_JIS or GBK) and saves the result, every non-ASCII character turns into two to \
            four wrong ones (`일간` becomes `ì¼ê°„`, 👍 becomes `ðŸ‘`), and bytes the code page \
            does not define may be lost. postlint turns the characters back into the bytes they \
            came from with ICU's converters, re-inserts dropped bytes where UTF-8 breaks, and \
            chooses among several valid repairs with a Korean syllable model, emoji frequency, \
            the document's own words, word frequencies (Russian, Ukrainian, Bulgarian, Greek, \
            Vietnamese, Japanese) and, for Korean, Hunspell's ko_KR when it is installed. East Asian damage (`실패` read as GBK is `鞁ろ尐`) is \
            repaired only when encoding back is exact and the result is far likelier than the \
            text as it stands, so real Chinese, Japanese and Korean never change. Only the damaged characters change; double damage is \
            undone in one go. Code spans and blocks are left alone. A repair inside an import, \
            a link's address or a front matter file name is an unsafe fix: the file's own name \
            on disk may carry the same damage (damaged prose beside it on the line is still a \
            safe fix of its own). So is a dropped byte guessed where another reading is a word \
            too (`생명주기` or `상명주기`, and no dictionary or clear lead to tell them apart): \
            `--unsafe-fixes` makes the likelier one.
            """,
        severity: .error,
        fixSafety: .safe,
        scope: .prose,
        nonTriggering: [
            Example("# Why my page shows “Ã©” instead of “é”\n\n| Expected | Broken |\n| --- | --- |\n| é | Ã© |\n", fileName: "post.md"),
            Example("Read as Windows-1252, é becomes “Ã©”.\n", fileName: "post.md"),
            Example("Read as Windows-1252, \"café\" turns into \"cafÃ©\" and \"naïve\" into \"naÃ¯ve\".\n", fileName: "post.md"),
            Example("Перевірте свої дії. «Я помню её», — сказал он. Она пришла. Её\n", fileName: "post.md"),
            Example("Il a dit «\u{A0}fermé\u{A0}» puis «\u{A0}arrivé…» — Dijo que sí…” y se fue.\n", fileName: "post.md"),
            Example("Crème brûlée, Ærø, Straße „Grüße“ and «ÉTÉ»: accents are fine.\n", fileName: "post.md"),
            Example("## 좋아요 순위\n\n총 **10개**의 논문이 수집되었습니다. 👍\n", fileName: "post.md"),
            Example("Привет, мир! Ελληνικά κείμενα. Tiếng Việt có dấu.\n", fileName: "post.md"),
            Example("Quoting mojibake on purpose: `Ã©` stays inside code.\n", fileName: "post.md"),
            // Real words whose bytes read as UTF-8 by chance (체크 through CP949 is üũ).
            Example("첫 번째 체크: 큰 표. 模式 为 图源 目录。日本語の文章です。\n", fileName: "post.md"),
        ],
        triggering: [
            Example("Crème brûlée at Caf↓Ã© Rouge, [CafÃ©](https://example.com/café)\n", fileName: "post.md"),
            Example("Caf↓Ã© au lait\n", fileName: "post.md"),
            Example("## ↓ÏùºÍ∞Ñ ÏöîÏïΩ\n", fileName: "post.md"),
            Example("---\ncategories: ['Daily Papers', '↓ì¼ê°„']\n---\n\nText.\n", fileName: "post.md"),
            Example("Votes: ↓ğŸ‘ 73\n", fileName: "post.md"),
            // 문서 read as CP949, 실패 read as GBK.
            Example("Attachment: ↓臾몄꽌 (PDF)\n\nStatus: ↓鞁ろ尐\n", fileName: "post.md"),
        ],
        corrections: [
            // Runs that end in prose punctuation but give back a symbol, punctuation or Hangul
            // after two accented letters: damage, not words.
            Correction(
                Example("- âœ… Tests pass, see the APIìš”. Il a dit Â«bonjourÂ».\n", fileName: "post.md"),
                "- ✅ Tests pass, see the API요. Il a dit «bonjour».\n"),
            Correction(
                Example("import shot from './Ã©tÃ©.png';\n\n![photo](./cafÃ©.jpg) <img src={shot} />\n"),
                "import shot from './été.png';\n\n![photo](./café.jpg) <img src={shot} />\n", unsafe: true),
            Correction(Example("Caf↓Ã© au lait\n", fileName: "post.md"), "Café au lait\n"),
            Correction(Example("ÏùºÍ∞Ñ \u{F8FF}üëç\n", fileName: "post.md"), "일간 👍\n"),
            Correction(Example("ì´ **10ê°œ**ì˜ ë…¼ë¬¸ì´ ìˆ˜ì§‘ë˜ì—ˆìŠµë‹ˆë‹¤.\n", fileName: "post.md"), "총 **10개**의 논문이 수집되었습니다.\n"),
            Correction(Example("A double-damaged cafÃƒÂ©.\n", fileName: "post.md"), "A double-damaged café.\n"),
            Correction(Example("Votes: 馃憤 12 路 馃憥 3\n", fileName: "post.md"), "Votes: 👍 12 · 👎 3\n"),
            Correction(Example("Le caf챕 est tr챔s chaud.\n", fileName: "post.md"), "Le café est très chaud.\n"),
            // Windows-1252 leaves 0x81 undefined; here it was kept as the C1 control U+0081.
            Correction(Example("Ð\u{A0}ÑƒÑ\u{81}Ñ\u{81}ÐºÐ¸Ð¹ Ñ‚ÐµÐºÑ\u{81}Ñ‚\n", fileName: "post.md"), "Русский текст\n"),
            // Dropped there: each `с` lost its only continuation byte; `класс` is a word, `клася` is not.
            Correction(Example("Ð\u{AD}Ñ‚Ð¾Ñ‚ ÐºÐ»Ð°ÑÑ Ð¾Ð¿Ð¸ÑÑ‹Ð²Ð°ÐµÑ‚ Ð¼Ð¾Ð´ÐµÐ»ÑŒ.\n", fileName: "post.md"), "Этот класс описывает модель.\n"),
            Correction(Example("MÃ´ hÃ¬nh má»›i tá»‘t hÆ¡n nhiá»u.\n", fileName: "post.md"), "Mô hình mới tốt hơn nhiều.\n"),
            // Text saved decomposed (macOS): `é` was `e` and U+0301, whose 0x81 is kept as a C1 control.
            Correction(Example("Le cafeÌ\u{81} est treÌ€s bon.\n", fileName: "post.md"), "Le cafe\u{301} est tre\u{300}s bon.\n"),
            // A particle after a link is prose, not part of its address.
            Correction(Example("[ë¬¸ì„œ](https://example.com/docs)ë¥¼ ë³´ì„¸ìš”.\n", fileName: "post.md"), "[문서](https://example.com/docs)를 보세요.\n"),
        ],
        fixSafetyVaries: true)

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let singleByte = MojibakeRepair().fixes(in: document)
        let eastAsian = EastAsianRepair(model: .shared).fixes(in: document, avoiding: singleByte.map(\.range))
        let repairs = (singleByte + eastAsian).filter { !Self.isShownBesideItsRepair($0, in: document) }
        return repairs.sorted { $0.range.lowerBound < $1.range.lowerBound }.flatMap { fix in
            Self.separatingAddresses(fix, in: document).map { separated in
                var part = separated
                if part.hazard == nil, fix.hasUncertainGuess { part.hazard = .guessedWord }
                var message = "UTF-8 read as \(fix.codePage)"
                if fix.rounds > 1 {
                    let times = fix.rounds == 2 ? "twice" : "\(fix.rounds) times"
                    message += fix.everyRunAllRounds ? " \(times)" : " (part of it \(times))"
                }
                if fix.restoredBytes > 0, part.isWhole {
                    message += "; \(fix.restoredBytes) dropped byte\(fix.restoredBytes == 1 ? "" : "s") restored"
                }
                let preview = Self.preview(Self.withLetterUnderLeadingAccent(part.replacement, at: part.range.lowerBound, in: document))
                message += ": '\(preview)'"
                switch part.hazard {
                case .fileName: message += " (in a file name or address: the file may really be named so; check before --unsafe-fixes)"
                case .linkedHeading: message += " (in a heading the post links to as it is: repair the link with it, --unsafe-fixes)"
                case .guessedWord: message += " (a dropped byte could have made another word as well: check before --unsafe-fixes)"
                case nil: break
                }
                return Diagnostic(
                    rule: Self.description.id, severity: context.severity, range: part.range, message: message,
                    fix: Fix("repair as '\(preview)'", safety: part.hazard == nil ? .safe : .unsafe, edits: [Edit(part.range, part.replacement)]))
            }
        }
    }

    enum Hazard { case fileName, linkedHeading, guessedWord }

    /// What a repair rewrites that may have to stay as it is on disk or in a link.
    static func hazard(of range: Range<Int>, in document: Document) -> Hazard? {
        if touchesFileName(range, in: document) { return .fileName }
        return isLinkedHeading(range, in: document) ? .linkedHeading : nil
    }

    /// A repair that starts with a combining accent (text saved decomposed) is shown with
    /// the letter it sits on: `'é est'`, not a bare accent.
    static func withLetterUnderLeadingAccent(_ text: String, at offset: Int, in document: Document) -> String {
        guard let first = text.unicodeScalars.first, RepairLanguageModel.combiningAccents.contains(first.value), offset > 0 else { return text }
        var start = offset - 1
        while start > 0, document.utf8[start] & 0xC0 == 0x80 { start -= 1 }
        return document.string(start..<offset) + text
    }

    /// A line's repair split where an address begins or ends, so damaged
    /// prose beside a damaged address (`Le cafÃ© … [page](./Ã©tÃ©.md)`) is still a safe fix.
    static func separatingAddresses(_ fix: MojibakeRepair.LineFix, in document: Document)
        -> [(range: Range<Int>, replacement: String, hazard: Hazard?, isWhole: Bool)]
    {
        let whole = hazard(of: fix.range, in: document)
        // Each repaired run on its own: an `href` between two damaged words of prose is
        // inside the line's repair, not at its ends. Only a line that may hold an address
        // there is asked run by run (most damaged lines have none).
        guard fix.pieces.count > 1, whole != nil || Self.mayHoldAnAddressInside(fix.range, in: document) else {
            return [(fix.range, fix.replacement, whole, true)]
        }
        // A linked heading is judged whole: its anchor changes with any of its repairs.
        // (`hazard` asks about headings only when no address is touched.)
        let outsideAddresses: Hazard? = whole != .fileName ? whole : isLinkedHeading(fix.range, in: document) ? .linkedHeading : nil
        var groups: [(range: Range<Int>, replacement: String, hazard: Hazard?, isWhole: Bool)] = []
        for piece in fix.pieces {
            let pieceHazard = touchesFileName(piece.range, in: document) ? .fileName : outsideAddresses
            if let previous = groups.last, previous.hazard == pieceHazard {
                let between = document.string(previous.range.upperBound..<piece.range.lowerBound)
                groups[groups.count - 1] = (previous.range.lowerBound..<piece.range.upperBound,
                    previous.replacement + between + piece.replacement, pieceHazard, false)
            } else {
                groups.append((piece.range, piece.replacement, pieceHazard, false))
            }
        }
        if groups.count == 1 { return [(fix.range, fix.replacement, groups[0].hazard, true)] }
        return groups
    }

    /// Whether an address could lie inside the range without touching its ends: an
    /// attribute (`=`), a bare URL (`://`), or a front matter value naming a file.
    static func mayHoldAnAddressInside(_ range: Range<Int>, in document: Document) -> Bool {
        if document.frontMatter?.range.contains(range.lowerBound) == true { return true }
        return document.utf8[range].withUnsafeBufferPointer { ByteSearch.contains($0, [UInt8(ascii: "=")]) || ByteSearch.contains($0, Array("://".utf8)) }
    }

    /// Whether the repair would rewrite an import, a link's address or a front matter file
    /// name: the damage may be in the file's own name on disk too, and the repair would then
    /// break the reference.
    static func touchesFileName(_ range: Range<Int>, in document: Document) -> Bool {
        let addresses: Set<Region.Kind> = [.esm, .linkDestination]
        if document.regions.contains(where: { addresses.contains($0.kind) && $0.range.overlaps(range) }) { return true }
        return document.namesAFile(range)
    }

    /// Whether the repair is in a heading whose damaged text a link of the post spells
    /// (`[the section](#cafÃ©-au-lait)`): repaired alone, the heading's anchor would no
    /// longer be the link's, so both need the same look.
    static func isLinkedHeading(_ range: Range<Int>, in document: Document) -> Bool {
        guard let heading = document.headings.first(where: { $0.range.overlaps(range) }) else { return false }
        let damaged = document.string(range).lowercased()
        let slug = anchorSlug(heading.title)
        // Some writers link the title itself with hyphens for spaces (`#cafÃ©-et-thÃ©`).
        let hyphenated = heading.title.lowercased().replacingOccurrences(of: " ", with: "-")
        return document.regions.contains { region in
            guard region.kind == .linkDestination else { return false }
            let destination = document.string(region.range).drop { $0 == "(" || $0 == "<" || $0 == " " }
            guard destination.first == "#" else { return false }
            // As written, or as renderers make anchors (GitHub drops `©`; links percent-encode).
            let anchor = String(destination.dropFirst().prefix { $0 != ")" && $0 != ">" && $0 != " " })
            let decoded = (anchor.removingPercentEncoding ?? anchor).lowercased()
            return decoded.contains(damaged) || decoded == slug || decoded == hyphenated
        }
    }

    /// A heading's anchor as GitHub and most renderers make it: lower case, letters,
    /// digits, `-` and `_` kept, spaces made hyphens, the rest dropped.
    static func anchorSlug(_ title: String) -> String {
        String(title.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            if scalar == " " { return "-" }
            let properties = scalar.properties
            return properties.isAlphabetic || properties.numericType != nil || scalar == "-" || scalar == "_" ? Character(scalar) : nil
        })
    }

    /// A line that shows the damaged text and its repair side by side, each standing alone
    /// (`shows Ã© instead of é`, a table row `| é | Ã© |`), is about mojibake: the damage is
    /// the example. Real damage sits inside words (`CafÃ©`), and a word repaired elsewhere
    /// on the line (`brûlée`, `café` in an address) is no such example.
    static func isShownBesideItsRepair(_ fix: MojibakeRepair.LineFix, in document: Document) -> Bool {
        let utf8 = document.utf8
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: fix.range.lowerBound))
        let standsAlone = { (range: Range<Int>) in
            (range.lowerBound == line.lowerBound || !isWordCharacter(utf8, endingAt: range.lowerBound))
                && (range.upperBound >= line.upperBound || !isWordCharacter(utf8, startingAt: range.upperBound))
        }
        // The repair may rewrite the quotes around the damage as they were (`“Ã©”`): only
        // what it changes is compared.
        var damaged = Array(document.string(fix.range).unicodeScalars)[...]
        var repaired = Array(fix.replacement.unicodeScalars)[...]
        var core = fix.range
        while let first = damaged.first, first == repaired.first, damaged.count > 1, repaired.count > 1 {
            (damaged, repaired) = (damaged.dropFirst(), repaired.dropFirst())
            core = (core.lowerBound + UTF8.width(first))..<core.upperBound
        }
        while let last = damaged.last, last == repaired.last, damaged.count > 1, repaired.count > 1 {
            (damaged, repaired) = (damaged.dropLast(), repaired.dropLast())
            core = core.lowerBound..<(core.upperBound - UTF8.width(last))
        }
        guard standsAlone(core), isSetApart(core, in: utf8, line: line) else {
            return fix.pieces.contains { isQuotedBesideItsRepair($0, in: document, line: line) }
        }
        let repairedBytes = Array(String(String.UnicodeScalarView(repaired)).utf8)
        return occurs(repairedBytes, on: line, in: utf8, outside: fix.range, where: standsAlone)
    }

    /// Whether `bytes` occur on the line outside `taken` somewhere `accepted` says yes to.
    private static func occurs(
        _ bytes: [UInt8], on line: Range<Int>, in utf8: [UInt8], outside taken: Range<Int>, where accepted: (Range<Int>) -> Bool
    ) -> Bool {
        var from = line.lowerBound
        while from < line.upperBound,
            let found = utf8[from..<line.upperBound].withUnsafeBufferPointer({ ByteSearch.firstIndex(of: bytes, in: $0) })
        {
            let occurrence = (from + found)..<(from + found + bytes.count)
            if !occurrence.overlaps(taken), accepted(occurrence) { return true }
            from = occurrence.lowerBound + 1
        }
        return false
    }

    /// A damaged word in quotes whose repair stands in quotes on the same line
    /// (`"café" turns into "cafÃ©"`): a post about mojibake, whose examples sit inside words.
    private static func isQuotedBesideItsRepair(
        _ piece: (range: Range<Int>, replacement: String), in document: Document, line: Range<Int>
    ) -> Bool {
        let utf8 = document.utf8
        var start = piece.range.lowerBound
        while start > line.lowerBound, isWordCharacter(utf8, endingAt: start) {
            start -= 1
            while start > line.lowerBound, utf8[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = piece.range.upperBound
        while end < line.upperBound, isWordCharacter(utf8, startingAt: end) {
            end += 1
            while end < line.upperBound, utf8[end] & 0xC0 == 0x80 { end += 1 }
        }
        guard isSetApart(start..<end, in: utf8, line: line) else { return false }
        let word = Array(utf8[start..<piece.range.lowerBound]) + Array(piece.replacement.utf8) + Array(utf8[piece.range.upperBound..<end])
        return occurs(word, on: line, in: utf8, outside: start..<end) { isSetApart($0, in: utf8, line: line) }
    }

    /// Whether the text is quoted or a table cell of its own (`"Ã©"`, `“Ã©”`, `| Ã© |`), as
    /// an example is written; damage left in a line edited afterwards is not.
    private static func isSetApart(_ range: Range<Int>, in utf8: [UInt8], line: Range<Int>) -> Bool {
        let marks: [UInt8] = Array("\"'|`".utf8)
        let curly: [[UInt8]] = ["“", "”", "‘", "’", "«", "»"].map { Array($0.utf8) }
        var start = range.lowerBound
        while start > line.lowerBound, utf8[start - 1] == 0x20 { start -= 1 }
        var end = range.upperBound
        while end < line.upperBound, utf8[end] == 0x20 { end += 1 }
        let opens = start > line.lowerBound
            && (marks.contains(utf8[start - 1]) || curly.contains { utf8[line.lowerBound..<start].suffix($0.count).elementsEqual($0) })
        let closes = end < line.upperBound
            && (marks.contains(utf8[end]) || curly.contains { utf8[end..<line.upperBound].prefix($0.count).elementsEqual($0) })
        return opens && closes
    }

    /// Whether the character starting at `start` is a letter or digit (a curly quote is not).
    private static func isWordCharacter(_ utf8: [UInt8], startingAt start: Int) -> Bool {
        let value = utf8.withUnsafeBufferPointer { LineText.scalar($0, at: start, end: $0.count).0 }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the character ending at `end` is a letter or digit.
    private static func isWordCharacter(_ utf8: [UInt8], endingAt end: Int) -> Bool {
        var start = end - 1
        while start > 0, utf8[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        return isWordCharacter(utf8, startingAt: start)
    }

    static func preview(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.index(scalars.startIndex, offsetBy: 40, limitedBy: scalars.endIndex).map({ $0 < scalars.endIndex }) == true,
            let cut = scalars.index(scalars.startIndex, offsetBy: 37, limitedBy: scalars.endIndex)
        else { return text }
        return String(scalars[..<cut]) + "..."
    }
}
