/// Where the single-byte repair looks, and what it changes: the candidate lines of a
/// document and the changed span of a repaired line.
extension MojibakeRepair {
    /// The lines worth reading: those holding, outside code, a character some code page
    /// decodes from a UTF-8 lead byte followed by one it decodes from a continuation byte.
    func candidateLines(_ document: Document) -> [[Character]] {
        guard document.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        let code = document.regions.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
        // Code blocks and spans never overlap, so sorted by start they are sorted by end too.
        var firstCode = 0
        var lines: [[Character]] = []
        for number in 0..<document.lines.lineCount {
            let range = document.lines.contentRange(ofLine: number)
            guard Self.mayHoldMojibake(document.utf8, range) else { continue }
            while firstCode < code.count, code[firstCode].upperBound <= range.lowerBound { firstCode += 1 }
            let codeHere = code[firstCode...].prefix { $0.lowerBound < range.upperBound }.filter { $0.overlaps(range) }
            var characters: [Character] = []
            characters.reserveCapacity(range.count)
            var offset = range.lowerBound
            for scalar in document.string(range).unicodeScalars {
                let inCode = !codeHere.isEmpty && codeHere.contains { $0.contains(offset) }
                characters.append(Character(scalar: scalar.value, offset: offset, inCode: inCode))
                offset += UTF8.width(scalar)
            }
            let suspicious = zip(characters, characters.dropFirst()).contains { first, second in
                !first.inCode && SingleByteCodePage.isMarked(first.scalar, in: SingleByteCodePage.leadCharacters)
                    && SingleByteCodePage.isMarked(second.scalar, in: SingleByteCodePage.continuationCharacters)
            }
            if suspicious { lines.append(characters) }
        }
        return lines
    }

    /// A byte scan, before any per-character work: whether the line holds a character some
    /// code page decodes from a UTF-8 lead byte right before one it decodes from a
    /// continuation byte. Clean lines (ASCII, Hangul, CJK, most accented text) stop here.
    static func mayHoldMojibake(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { mayHoldMojibake($0, range) }
    }

    private static func mayHoldMojibake(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var previousIsLead = false
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte >= 0x80 else {
                previousIsLead = false
                position = ByteSearch.firstNonASCII(bytes, from: position + 1, before: range.upperBound)
                continue
            }
            let length = MojibakeDecoder.sequenceLength(byte) ?? 1
            // No character with this lead byte is marked (Hangul, CJK): skipped undecoded.
            if !SingleByteCodePage.leadBytesOfMarkedCharacters[Int(byte)] {
                previousIsLead = false
                position += length
                continue
            }
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<max(length, 1) where position + offset < range.upperBound {
                scalar = scalar << 6 | UInt32(bytes[position + offset] & 0x3F)
            }
            if previousIsLead, SingleByteCodePage.isMarked(scalar, in: SingleByteCodePage.continuationCharacters) { return true }
            previousIsLead = SingleByteCodePage.isMarked(scalar, in: SingleByteCodePage.leadCharacters)
            position += length
        }
        return false
    }

    /// The changed part of a line: from the first to the last character the repair wrote,
    /// and the repaired runs in it. Characters are compared by where they come from, so a
    /// repaired `·` that replaced `Â·` counts as changed and the message shows the whole
    /// repaired text.
    static func difference(_ original: [Character], _ repaired: [Character])
        -> (range: Range<Int>, replacement: String, pieces: [(range: Range<Int>, replacement: String)])?
    {
        var prefix = 0
        while prefix < min(original.count, repaired.count), original[prefix].offset == repaired[prefix].offset { prefix += 1 }
        var suffix = 0
        while suffix < min(original.count, repaired.count) - prefix,
            original[original.count - 1 - suffix].offset == repaired[repaired.count - 1 - suffix].offset
        {
            suffix += 1
        }
        guard prefix < original.count - suffix else { return nil }
        let last = original[original.count - 1 - suffix]
        let end = last.offset + UTF8.width(Unicode.Scalar(last.scalar)!)
        var replacement = String.UnicodeScalarView()
        var pieces: [(range: Range<Int>, replacement: String)] = []
        // A piece ends at each character the repair kept where it stood.
        var cursor = original[prefix].offset
        var pending = String.UnicodeScalarView()
        for character in repaired[prefix..<(repaired.count - suffix)] {
            let scalar = Unicode.Scalar(character.scalar)!
            replacement.append(scalar)
            guard character.offset >= 0 else {
                pending.append(scalar)
                continue
            }
            if character.offset > cursor || !pending.isEmpty {
                pieces.append((cursor..<character.offset, String(pending)))
                pending = String.UnicodeScalarView()
            }
            cursor = character.offset + UTF8.width(scalar)
        }
        if cursor < end || !pending.isEmpty { pieces.append((cursor..<end, String(pending))) }
        return (original[prefix].offset..<end, String(replacement), pieces)
    }
}
