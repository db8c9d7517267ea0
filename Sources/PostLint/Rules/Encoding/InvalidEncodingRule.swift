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
            names the first bad byte and ICU's guess at the real charset. --fix converts the \
            file to UTF-8 only when ICU is confident of the charset and converting back gives \
            the very same bytes. A Latin file is also read through the near pages ICU takes \
            for its guess or never names (Mac OS Roman, ISO-8859-15), and another reading \
            replaces the guess's only when the guess's shows damage (`gro§en`, `BoxkŠmpfer`, \
            `c½ur`) it does not. Otherwise the file is never rewritten.
            """,
        severity: .error,
        fixSafety: .safe,
        scope: .file)

    /// ICU's confidence (0...100) below which a guessed charset is not trusted for a fix.
    static let confidentEnough = 50

    public init() {}

    public func check(_ source: SourceFile, context: RuleContext) -> [SourceDiagnostic] {
        guard !source.isBinary, let offset = source.firstInvalidUTF8Offset else { return [] }
        let conversion = Self.confidentConversion(source.bytes)
        var message: String
        // Why a file that cannot be converted is left as it is.
        var leftAlone = "not confident enough to convert it, so it will not be rewritten"
        if let (order, marked) = SourceFile.utf16Layout(of: source.bytes) {
            message = "not UTF-8: the file is \(order.rawValue) " + (marked ? "(it starts with a UTF-16 byte order mark)" : "without a byte order mark")
            leftAlone = "its text does not convert to UTF-8 and back exactly, so it will not be rewritten"
        } else {
            message = String(format: "not valid UTF-8: byte 0x%02X cannot start or continue a character", source.bytes[offset])
            let body = Array(source.bytes.dropFirst(source.hasByteOrderMark ? 3 : 0))
            let census = UTF8Census(body)
            let guess = Self.detectCharset(body)
            if Self.holdsUTF8Text(census, guess: guess) {
                let stray = census.invalidBytes == 1 ? "1 byte does" : "\(census.invalidBytes) bytes do"
                let formed = census.multiByteCharacters == 1 ? "1 character does" : "\(census.multiByteCharacters) characters do"
                message += "; \(stray) not form UTF-8 where \(formed), so the file is not converted as a whole "
                    + "(that could garble its UTF-8 text): retype the characters at these bytes as UTF-8"
                return [SourceDiagnostic(rule: Self.description.id, severity: context.severity, position: Self.position(of: offset, in: source.bytes), message: message)]
            }
            if let guess {
                message += "; it looks like \(guess.name) (ICU confidence \(guess.confidence)%)"
                if guess.confidence >= Self.confidentEnough {
                    leftAlone = "no near code page reads it exactly as text (converting back gives other bytes, or the text shows a wrong page's marks), so it will not be rewritten"
                }
            }
        }
        message += conversion.map { "; --fix converts it from \($0.charset) to UTF-8" } ?? "; " + leftAlone
        return [SourceDiagnostic(
            rule: Self.description.id, severity: context.severity, position: Self.position(of: offset, in: source.bytes), message: message,
            fix: conversion.map { Fix("convert from \($0.charset) to UTF-8", safety: .safe, edits: []) })]
    }

    /// The text of a file in another encoding, when the conversion is exact (converting the
    /// text back gives the same bytes) and either the file says it is UTF-16 (its byte order
    /// mark) or ICU is confident of its legacy charset. A charset ICU names is also tried as
    /// the Windows code page that extends it (EUC-KR as CP949, which Korean Windows writes:
    /// `똠` and `뷁` are not in EUC-KR; Shift_JIS as Windows-31J).
    public static func confidentConversion(_ bytes: [UInt8]) -> (charset: String, text: String)? {
        if let (order, marked) = SourceFile.utf16Layout(of: bytes) {
            return SourceFile.utf16Units(bytes, order, from: marked ? 2 : 0).flatMap(SourceFile.decodedExactly).map { (order.rawValue, $0) }
        }
        // A UTF-8 byte order mark before legacy text (an editor added it) stays one: read
        // through the legacy page it would be `ï»¿` before the front matter.
        let hasByteOrderMark = bytes.starts(with: SourceFile.byteOrderMark)
        let bytes = hasByteOrderMark ? Array(bytes.dropFirst(3)) : bytes
        // A UTF-8 post with a line pasted from a Latin-1 file also converts "exactly" as
        // Latin-1, which would garble every UTF-8 character it holds, in code too.
        let guess = detectCharset(bytes)
        guard !holdsUTF8Text(UTF8Census(bytes), guess: guess), let guess, guess.confidence >= confidentEnough,
            !guess.name.uppercased().hasPrefix("UTF")
        else { return nil }
        let exact = { (charset: String) -> (charset: String, text: String)? in
            // A C1 control is no character of a post: the charset is not the file's (a Mac
            // OS Roman `è` is 0x8F, undefined in Windows-1252 and kept as U+008F).
            guard let utf8 = convert(bytes, from: charset), let back = convert(utf8, to: charset), back == bytes,
                let text = String(validating: utf8, as: UTF8.self), !text.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) })
            else { return nil }
            return (charset, text)
        }
        var readings: [(charset: String, text: String)] = []
        for charset in [guess.name] + (windowsSupersets[guess.name] ?? []) + (twins[guess.name] ?? []) {
            guard let reading = exact(charset) else { continue }
            readings.append(reading)
            // A superset that reads the file exactly is the file's charset.
            if twins[guess.name] == nil { break }
        }
        let alternatives = (alternativePages[guess.name] ?? []).compactMap(exact)
        guard let chosen = CodePageChoice.choose(guessed: readings, alternatives: alternatives, isLatin: alternativePages[guess.name] != nil)
        else { return nil }
        return hasByteOrderMark ? (chosen.charset, "\u{FEFF}" + chosen.text) : chosen
    }

    /// Code pages ICU takes for each other: the file is read through both, and the one
    /// whose letters fit best is kept (see `CodePageChoice`).
    static let twins: [String: [String]] = [
        "ISO-8859-1": ["windows-1252"], "windows-1252": ["ISO-8859-1"], "ISO-8859-2": ["windows-1250"], "windows-1250": ["ISO-8859-2"],
        "ISO-8859-9": ["windows-1254"], "windows-1254": ["ISO-8859-9"], "ISO-8859-7": ["windows-1253"], "windows-1253": ["ISO-8859-7"],
    ]

    /// Other pages a Latin file may really be in: ICU names no Mac OS Roman or ISO-8859-15
    /// (their files are guessed Windows-1252 or ISO-8859-1, which read German `ö`, Mac OS
    /// Roman 0x9A, as `š` and `œ`, ISO-8859-15 0xBD, as `½`), and takes Western and Central
    /// European pages for each other. One replaces the guess only when the guess's reading
    /// shows, again and again, damage that it does not (see `CodePageChoice`).
    static let alternativePages: [String: [String]] = {
        let latin = ["windows-1252", "ISO-8859-1", "ISO-8859-2", "windows-1250", "ISO-8859-9", "windows-1254"]
        return Dictionary(uniqueKeysWithValues: latin.map { guess in
            (guess, latin.filter { $0 != guess && !(twins[guess] ?? []).contains($0) } + ["ISO-8859-15", "macintosh"])
        })
    }()

    /// Charsets of several bytes a character: their byte pairs often form UTF-8 by chance,
    /// so ICU's confident guess of one outweighs the census.
    static let multiByteCharsets: Set<String> = [
        "Shift_JIS", "EUC-JP", "EUC-KR", "GB18030", "Big5", "ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN",
    ]

    /// Whether a file that is not valid UTF-8 is UTF-8 text with a few stray bytes (a line
    /// pasted from a Latin-1 file), which converting it as a whole would garble: its UTF-8
    /// characters outweigh the stray bytes, or one of them is a character a post holds
    /// (`é`, `“`, Korean) rather than a chance pair of legacy letters and signs (`É”` is
    /// UTF-8 `ɔ`) — unless ICU is sure of a charset of several bytes a character.
    static func holdsUTF8Text(_ census: UTF8Census, guess: (name: String, confidence: Int)?) -> Bool {
        if let guess, guess.confidence >= confidentEnough, multiByteCharsets.contains(guess.name) { return false }
        return census.isMostlyUTF8 || census.holdsABelievableCharacter
    }

    static let windowsSupersets: [String: [String]] = ["EUC-KR": ["windows-949"], "Shift_JIS": ["windows-31j"]]

    private static func convert(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        run(bytes, capacity: bytes.count * 3 + 16) { plicu_decode(charset, $0, $1, $2, $3) }
    }

    static func convert(_ bytes: [UInt8], to charset: String) -> [UInt8]? {
        run(bytes, capacity: bytes.count * 2 + 16) { plicu_encode(charset, $0, $1, $2, $3) }
    }

    private static func run(
        _ bytes: [UInt8], capacity: Int,
        _ body: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>, Int32) -> Int32
    ) -> [UInt8]? {
        var output = [CChar](repeating: 0, count: capacity)
        let written = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { characters in
                output.withUnsafeMutableBufferPointer { body(characters.baseAddress, Int32(bytes.count), $0.baseAddress!, Int32(capacity)) }
            }
        }
        guard written >= 0 else { return nil }
        return output.prefix(Int(written)).map { UInt8(bitPattern: $0) }
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

/// How much of a file that is not valid UTF-8 still is: its well-formed multi-byte
/// characters against its bytes that start or continue none. A file saved in a legacy
/// code page forms a two-byte UTF-8 character now and then by chance (a CP949 Hangul
/// syllable), a three- or four-byte one (`→`, Hangul, an emoji) almost never; a UTF-8
/// file with stray bytes is mostly such characters.
struct UTF8Census {
    private(set) var multiByteCharacters = 0
    private(set) var longCharacters = 0
    private(set) var invalidBytes = 0
    /// UTF-8 characters of two bytes or more with ASCII or other UTF-8 characters on both
    /// sides (the first 64).
    private var setApartScalars: [UInt32] = []

    /// Whether one of them is a character a post holds (see `RepairLanguageModel.isBelievableRepair`):
    /// asked only when the census does not already say UTF-8.
    var holdsABelievableCharacter: Bool { setApartScalars.contains { RepairLanguageModel.shared.isBelievableRepair($0) } }

    init(_ bytes: [UInt8]) {
        var position = 0
        // Whether the byte before `position` is ASCII or ends a UTF-8 character.
        var afterText = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                position += 1
                afterText = true
                continue
            }
            if let (scalar, length) = Self.character(in: bytes, at: position) {
                multiByteCharacters += 1
                if length > 2 { longCharacters += 1 }
                // Among text: a pair of legacy characters forms UTF-8 by chance beside other
                // legacy bytes (`Д»` of Windows-1251 `«РЖД»` is UTF-8 `Ļ`), not in `café"`
                // or `print("안녕")`.
                let next = position + length
                let beforeText = next == bytes.count || bytes[next] < 0x80 || Self.character(in: bytes, at: next) != nil
                if afterText, beforeText, !(0x80...0x9F).contains(scalar), setApartScalars.count < 64 { setApartScalars.append(scalar) }
                position = next
                afterText = true
            } else {
                invalidBytes += 1
                position += 1
                afterText = false
            }
        }
    }

    /// The UTF-8 character of two bytes or more starting at `position`, and its length.
    private static func character(in bytes: [UInt8], at position: Int) -> (UInt32, Int)? {
        guard let length = MojibakeDecoder.sequenceLength(bytes[position]), length > 1, position + length <= bytes.count,
            let scalar = MojibakeDecoder.decode(bytes[position..<(position + length)])
        else { return nil }
        return (scalar, length)
    }

    /// Evidence for UTF-8 outweighs the stray bytes: a two-byte character counts for two
    /// stray bytes, a longer one for eight.
    var isMostlyUTF8: Bool {
        multiByteCharacters > 0 && 2 * (multiByteCharacters - longCharacters) + 8 * longCharacters >= invalidBytes
    }
}
