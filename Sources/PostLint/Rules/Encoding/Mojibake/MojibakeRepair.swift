/// Finds the lines of a document that hold UTF-8 misread through a legacy code page and
/// computes their repair. Work happens on runs of suspicious characters (characters the
/// code page decodes from bytes 0x80...0xFF); everything outside those runs stays as it is.
///
/// The document is read twice: first without re-inserting dropped bytes, which shows which
/// code page the damage came from (the evidence) and gives unambiguous repaired words;
/// then each damaged line is repaired with the best code page, re-inserting dropped bytes
/// only for code pages the document has shown evidence of. A repaired line is read again
/// to undo double damage.
struct MojibakeRepair {
    struct LineFix {
        /// Byte range of the document the repair replaces: the first to the last changed character.
        let range: Range<Int>
        let replacement: String
        let codePage: String
        let rounds: Int
        let restoredBytes: Int
        /// The repaired runs, each with the bytes it replaces, in order; the text between
        /// them is kept. One piece when the fix is a single run.
        var pieces: [(range: Range<Int>, replacement: String)]
        /// Whether a guessed byte could as well have made another word (see `WordEvidence`).
        var hasUncertainGuess = false
        /// Whether every repaired run took all the `rounds` (a line may hold damage of one
        /// round beside damage of two).
        var everyRunAllRounds = true

        init(range: Range<Int>, replacement: String, codePage: String, rounds: Int, restoredBytes: Int,
            pieces: [(range: Range<Int>, replacement: String)]? = nil, hasUncertainGuess: Bool = false, everyRunAllRounds: Bool = true) {
            (self.range, self.replacement, self.codePage, self.rounds, self.restoredBytes) = (range, replacement, codePage, rounds, restoredBytes)
            self.pieces = pieces ?? [(range, replacement)]
            (self.hasUncertainGuess, self.everyRunAllRounds) = (hasUncertainGuess, everyRunAllRounds)
        }

        /// The same fix of the same text standing `distance` bytes further on.
        func moved(by distance: Int) -> LineFix {
            LineFix(range: (range.lowerBound + distance)..<(range.upperBound + distance), replacement: replacement,
                codePage: codePage, rounds: rounds, restoredBytes: restoredBytes,
                pieces: pieces.map { (($0.range.lowerBound + distance)..<($0.range.upperBound + distance), $0.replacement) },
                hasUncertainGuess: hasUncertainGuess, everyRunAllRounds: everyRunAllRounds)
        }
    }

    struct Character {
        var scalar: UInt32
        /// Byte offset in the document, or -1 for a repaired character.
        var offset: Int
        var inCode: Bool
    }

    struct LineResult {
        var characters: [Character]
        /// Runs whose reading guessed dropped bytes, for word evidence to revise once this
        /// reading is chosen.
        var guesses: [WordEvidence.Guess] = []
        var recovered = 0
        /// Runs whose reading is strong evidence of this code page.
        var strongRuns = 0
        /// The scripts of the letters those runs recovered.
        var strongScripts: Set<ScriptClass> = []
        var restoredBytes = 0
        var gain = 0.0
        var hasUncertainGuess = false

        /// Adds the characters of `line` up to the run, then the run's reading.
        mutating func append(
            _ reading: MojibakeDecoder.Reading, guess: WordEvidence.Guess?, replacing run: Range<Int>, of line: [Character], copied: inout Int
        ) {
            if copied == 0 { characters.reserveCapacity(line.count) }
            characters += line[copied..<run.lowerBound]
            copied = run.upperBound
            if let guess { guesses.append(guess.at(characters.count)) }
            characters += reading.scalars.map { Character(scalar: $0, offset: -1, inCode: false) }
            recovered += reading.recovered
            if reading.isStrong {
                strongRuns += 1
                strongScripts.formUnion(MojibakeRepair.evidenceScripts(of: reading))
            }
            restoredBytes += reading.restoredBytes
            gain += RepairLanguageModel.keepCost * Double(run.count) - reading.cost
        }
    }

    /// What the runs of a line showed besides their readings: whether to read it again.
    private struct LineTally {
        var skippedLoneSymbols = false
        /// Runs that read as words: left standing, or repaired anyway.
        var textLeft = 0
        var textRepaired = 0
        var repairedRuns = 0
        /// Repaired runs that gave one letter from a guessed byte.
        var guessedLetters = 0

        /// A line whose page letters read as words (`Česká věta: paměť`, `«Je suis arrivé…»
        /// et « été »`) is text in that page's language, a quote in a damaged Korean post: as
        /// many runs of them are left standing as were repaired, or every repaired run reads
        /// as words too. There what the post's damage elsewhere made believable is chance
        /// (`arrivé…»` is E9 85 BB, `酻`; nor do the post's own Hangul or ideographs make
        /// `sí…”` `s텔`), and so is a single letter from a guessed byte (Windows-1250 drops
        /// 0x98, and `ěť` plus 0x98 is `의`: `paměť` became `pam의`).
        func readsAsText(evidenceApplied: Bool) -> Bool {
            (guessedLetters > 0 || evidenceApplied)
                && (textLeft > 0 && textLeft >= repairedRuns || repairedRuns > 0 && textRepaired == repairedRuns)
        }
    }

    static let maximumRounds = 3
    /// Loaded on first use: most documents have no candidate line and never need it.
    var model: RepairLanguageModel { RepairLanguageModel.shared }
    private let cache = MojibakeDecoder.StepCache()
    private let revisions = WordEvidence.Revisions()
    private var decoder: MojibakeDecoder { MojibakeDecoder(model: model, cache: cache) }
    private var pages: [SingleByteCodePage] { SingleByteCodePage.all }

    func fixes(in document: Document) -> [LineFix] {
        let lines = candidateLines(document)
        guard !lines.isEmpty else { return [] }
        // Identical lines read identically wherever they stand (generated posts repeat their
        // damaged lines): each distinct line is read once, and its fix moved to the others.
        // Found by the text's FNV-1a fingerprint: the first line with each text, by the text.
        var firstWithText = FingerprintTable<Int, Int>()
        let texts = lines.map(Self.text(of:))
        let original = lines.indices.map { index in
            firstWithText.value(fingerprint: texts[index].withUnsafeBytes { FNV1a64.hash($0) }, where: { texts[$0] == texts[index] }) {
                (index, index)
            }
        }
        var evidence = [Int](repeating: 0, count: pages.count)
        var evidenceScripts = [Set<ScriptClass>](repeating: [], count: pages.count)
        var words = DocumentWords(document)
        let scripts = DocumentScripts(document.utf8)
        var firstReadings = [[LineResult]](repeating: [], count: lines.count)
        for (index, line) in lines.enumerated() {
            if original[index] == index {
                let results = pages.indices.map { page in
                    SingleByteCodePage.mayRead(line, through: page) { $0.scalar }
                        ? repair(line, with: pages[page], dropping: false, words: nil, scripts: scripts) : LineResult(characters: line)
                }
                firstReadings[index] = results
                // A line seen before adds no word the document did not already show.
                if let best = results.indices.max(by: { results[$0].gain < results[$1].gain }), results[best].recovered > 0 {
                    // A word whose bytes were guessed becomes evidence only as word evidence
                    // revised it, and not when another word fitted as well: it would vouch
                    // for itself when the line is read again (`상명주기` for `생명주기`).
                    let revisedBest = revised(results[best], koreanOnly: true, words: words)
                    if !revisedBest.hasUncertainGuess { words.add(revisedBest.characters) }
                }
            }
            for (page, result) in firstReadings[original[index]].enumerated() {
                evidence[page] += result.strongRuns
                evidenceScripts[page].formUnion(result.strongScripts)
            }
        }
        let order = pages.indices.sorted { evidence[$0] > evidence[$1] }
        var lineFixes = [LineFix?](repeating: nil, count: lines.count)
        for index in lines.indices where original[index] == index {
            // Code pages without evidence read the same as in the first pass.
            let first = order.map { page in
                evidence[page] > 0 && SingleByteCodePage.mayRead(lines[index], through: page, scalar: { $0.scalar })
                    ? repair(
                        lines[index], with: pages[page], dropping: true, hasEvidence: true, evidenceScripts: evidenceScripts[page], words: words,
                        scripts: scripts)
                    : firstReadings[index][page]
            }
            lineFixes[index] = fix(
                lines[index], firstRound: Array(zip(order, first)), evidence: evidence, evidenceScripts: evidenceScripts, words: words, scripts: scripts)
        }
        return lines.indices.compactMap { index in
            let source = original[index]
            return lineFixes[source]?.moved(by: lines[index][0].offset - lines[source][0].offset)
        }
    }

    /// A line's characters as the key of what it reads as: the scalar, and whether it is in code.
    private static func text(of line: [Character]) -> [UInt32] {
        line.map { $0.inCode ? $0.scalar | 1 << 31 : $0.scalar }
    }

    /// Chooses the best first reading of a line, then reads the result again through the
    /// same code page while that still repairs something (double damage). A round whose
    /// result still holds C1 controls it produced only counts if a later round removes them.
    private func fix(
        _ line: [Character], firstRound: [(page: Int, result: LineResult)], evidence: [Int], evidenceScripts: [Set<ScriptClass>],
        words: DocumentWords, scripts: DocumentScripts
    ) -> LineFix? {
        var readings = firstRound.filter { $0.result.recovered > 0 && $0.result.gain > 0 }
        // Ties keep the code page with more evidence (the first), then the one whose
        // accented letters fit their neighbours (ISO-8859-2 `uĹźy` is `uży`, not `uşy`).
        guard var best = readings.max(by: { $0.result.gain < $1.result.gain }) else { return nil }
        // A file goes through one code page: bytes a page with less evidence guessed dropped
        // would have shown as letters of the page the post's damage shows, when that page
        // reads the line too. `ì´ì\u{A0}` (`총점`) beside Windows-1252's `„` and `Ž` was
        // ISO-8859-1's `이유`, whose 0x9C would have shown as `œ`: now a guess through
        // Windows-1252, left to `--unsafe-fixes` (it may be `이점` or `총점`).
        if best.result.restoredBytes > 0 {
            let guessable = Set(pages[best.page].undefinedContinuationBytes)
            let narrower = readings.filter { reading in
                evidence[reading.page] > evidence[best.page] && Set(pages[reading.page].undefinedContinuationBytes).isStrictSubset(of: guessable)
            }
            if let narrowest = narrower.max(by: { $0.result.gain < $1.result.gain }) {
                readings = narrower
                best = narrowest
            }
        }
        let tied = readings.filter { $0.result.gain == best.result.gain && evidence[$0.page] == evidence[best.page] }
        // In the languages of the tied code pages (all of them when one is Cyrillic or Greek).
        let groups = tied.contains { pages[$0.page].languages == nil } ? [] : Set(tied.compactMap { pages[$0.page].languages })
        let chosen = tied.count < 2 ? best : tied.max { latinFit($0.result, groups) < latinFit($1.result, groups) }!
        let page = pages[chosen.page]
        let hasEvidence = evidence[chosen.page] > 0
        // Word evidence is asked only of the chosen reading: every code page with evidence
        // reads each line, and most of those readings are nonsense no word list holds.
        let first = revised(chosen.result, words: words)
        var states = [(characters: first.characters, restored: first.restoredBytes, uncertain: first.hasUncertainGuess)]
        while states.count < Self.maximumRounds {
            let next = revised(repair(
                states[states.count - 1].characters, with: page, dropping: hasEvidence, hasEvidence: hasEvidence,
                evidenceScripts: evidenceScripts[chosen.page], words: words, scripts: scripts,
                laterRound: true), words: words)
            guard next.recovered > 0, next.gain > 0 else { break }
            states.append((next.characters, states[states.count - 1].restored + next.restoredBytes,
                states[states.count - 1].uncertain || next.hasUncertainGuess))
        }
        while let last = states.last, last.characters.contains(where: { $0.offset < 0 && (0x80...0x9F).contains($0.scalar) }) {
            states.removeLast()
        }
        guard let final = states.last, let change = Self.difference(line, final.characters) else { return nil }
        // A run the first round already gave as it ends up took one round, not all of them.
        let firstRound = states.count > 1 ? Self.difference(line, states[0].characters)?.pieces ?? [] : []
        let repairedOnce = change.pieces.contains { piece in firstRound.contains { $0.range == piece.range && $0.replacement == piece.replacement } }
        return LineFix(range: change.range, replacement: change.replacement, codePage: page.displayName, rounds: states.count,
            restoredBytes: final.restored, pieces: change.pieces, hasUncertainGuess: final.uncertain, everyRunAllRounds: !repairedOnce)
    }

    private func latinFit(_ result: LineResult, _ groups: Set<UInt8>) -> Double {
        model.latinFit(result.characters.map(\.scalar), groups: groups) { result.characters[$0].offset < 0 }
    }

    /// Repairs every run of `page`'s characters in a line.
    /// `laterRound`: the line is a repair being read again for double damage, where the
    /// document's evidence is the first round's and proves nothing about text that now
    /// reads as words. `lineShowsDamage`: another run of the line is repaired, which makes
    /// two signs standing alone believable too. `evidenceScripts`: the scripts of the letters
    /// the document's strong damage through `page` gave back.
    private func repair(
        _ line: [Character], with page: SingleByteCodePage, dropping: Bool, hasEvidence: Bool = false, evidenceScripts: Set<ScriptClass> = [],
        words: DocumentWords?, scripts: DocumentScripts, laterRound: Bool = false, lineShowsDamage: Bool = false,
        lineReadsAsText: Bool = false
    ) -> LineResult {
        var result = LineResult(characters: [])
        // Most code pages repair nothing in a line: its characters are copied only up to a
        // run that is repaired, and a line with none is returned as it is.
        var copied = 0
        var index = 0
        var tally = LineTally()
        while index < line.count {
            guard !line[index].inCode, page.byte(of: line[index].scalar) != nil else {
                index += 1
                continue
            }
            var end = index
            while end < line.count, !line[end].inCode, page.byte(of: line[end].scalar) != nil { end += 1 }
            let run = line[index..<end]
            let (before, after) = (index > 0 ? line[index - 1].scalar : nil, end < line.count ? line[end].scalar : nil)
            let found = read(
                run, page: page, dropping: dropping, hasEvidence: hasEvidence, evidenceScripts: evidenceScripts, line: line, bounds: index..<end,
                words: words, scripts: scripts, laterRound: laterRound)
            if NaturalText.textRun(run.map(\.scalar), between: before, and: after) != nil {
                if found == nil { tally.textLeft += 1 } else { tally.textRepaired += 1 }
            }
            defer { index = end }
            guard let (reading, guess) = found else { continue }
            if reading.restoredBytes > 0, reading.recovered == 1 {
                tally.guessedLetters += 1
                if lineReadsAsText { continue }
            }
            if !(hasEvidence && !laterRound || lineShowsDamage),
                NaturalText.isLoneSymbolPair(run.map(\.scalar), reading: reading, between: before, and: after)
            {
                tally.skippedLoneSymbols = true
                continue
            }
            tally.repairedRuns += 1
            result.append(reading, guess: guess, replacing: index..<end, of: line, copied: &copied)
        }
        if tally.skippedLoneSymbols, result.recovered > 0 {
            return repair(
                line, with: page, dropping: dropping, hasEvidence: hasEvidence, evidenceScripts: evidenceScripts, words: words, scripts: scripts,
                laterRound: laterRound, lineShowsDamage: true, lineReadsAsText: lineReadsAsText)
        }
        if !lineReadsAsText, tally.readsAsText(evidenceApplied: hasEvidence && !laterRound) {
            return repair(
                line, with: page, dropping: false, words: words, scripts: .none, laterRound: laterRound, lineShowsDamage: lineShowsDamage,
                lineReadsAsText: true)
        }
        if copied == 0 {
            result.characters = line
        } else {
            result.characters += line[copied...]
        }
        return result
    }

    private func read(
        _ run: ArraySlice<Character>, page: SingleByteCodePage, dropping: Bool, hasEvidence: Bool, evidenceScripts: Set<ScriptClass>, line: [Character],
        bounds: Range<Int>, words: DocumentWords?,
        scripts: DocumentScripts, laterRound: Bool
    ) -> (MojibakeDecoder.Reading, WordEvidence.Guess?)? {
        // Most runs hold no UTF-8 lead byte followed by a continuation byte: they stop here,
        // before their bytes are collected.
        var previous: UInt8 = 0
        guard run.contains(where: { character in
            let byte = page.byte(of: character.scalar)!
            defer { previous = byte }
            return (0xC2...0xF4).contains(previous) && byte & 0xC0 == 0x80
        }) else { return nil }
        let before = bounds.lowerBound > 0 ? line[bounds.lowerBound - 1].scalar : nil
        let after = bounds.upperBound < line.count ? line[bounds.upperBound].scalar : nil
        let bytes = run.map { page.byte(of: $0.scalar)! }
        let mayHaveDropped = dropping || MojibakeDecoder.holdsLongSequenceStart(bytes)
        let insertable = mayHaveDropped ? page.undefinedContinuationBytes : []
        var decoder = decoder
        // A run that shows dropped bytes on its own also holds characters that lost all of
        // theirs (`き` leaves a lone `ã`): kept, that letter would veto the whole first reading.
        decoder.rebuildFromLead = mayHaveDropped
        let hangulAfter = after.map(RepairLanguageModel.isHangulSyllable) ?? false
        let letterAfter = after.map(DocumentWords.isWordCharacter) ?? false
        let key = MojibakeDecoder.StepCache.Run(
            page: page.icuName, bytes: bytes, rebuildFromLead: mayHaveDropped, before: before, hangulAfter: hangulAfter, letterAfter: letterAfter)
        // What depends on the reading alone is decided once, with it.
        guard let reading = cache.reading(of: key, {
                guard var reading = decoder.readWhole(bytes, before: before, hangulAfter: hangulAfter) ?? decoder.read(
                    bytes: bytes, original: run.map(\.scalar), insertable: insertable, before: before, hangulAfter: hangulAfter, letterAfter: letterAfter),
                    reading.recovered > 0, !reading.touchesKeptLetter, !NaturalText.mixesAlphabets(reading)
                else { return nil }
                reading.cost += Self.caseCost(reading, after: before)
                return reading
            }),
            !(Self.isWeak(reading, of: run, after: (bounds.lowerBound > 1 ? line[bounds.lowerBound - 2].scalar : nil, before), before: after)
                || Self.isCapitalAndQuote(run, between: before, and: after))
                || (hasEvidence && !Self.isForeign(reading, between: before, and: after) && (!laterRound || isKnownLetter(reading))),
            // Evidence makes a reading of text believable only in a script the evidence gave
            // back, when it gave letters back: a Slovak post's damage does not make clean
            // `Zakáže` `Zakၞe`, nor a Ukrainian one `дії` `䳿`; damaged signs say nothing of
            // scripts (`в‰¤` beside `ОІ`, which is `β`).
            (hasEvidence && !laterRound && (evidenceScripts.isEmpty || Self.letterScripts(of: reading).isSubset(of: evidenceScripts)))
                || !NaturalText.isChanceReading(reading, of: run.map(\.scalar), between: before, and: after, shown: scripts)
        else { return nil }
        // A guessed byte, or a second reading of repaired text, gives characters a post
        // holds, and a guess in the document's first reading only letters of the scripts its
        // damage gave back: a Russian post's damage does not make clean `«Да»` `«Ę໘`.
        if reading.restoredBytes > 0 {
            let inEvidence = { (scalar: UInt32) in
                laterRound || evidenceScripts.isEmpty || ScriptClass(scalar).map(evidenceScripts.contains) ?? true
            }
            guard reading.recoveredScalars.allSatisfy({ model.isBelievableRepair($0) && inEvidence($0) }) else { return nil }
        } else if laterRound {
            // A second reading guessed nothing: letters of any script are read back whole
            // (Arabic `في` damaged twice), but not rare signs (`l’ús` is no `l՜s`).
            guard Self.isWholeText(reading.recoveredScalars, believable: model.isBelievableRepair) else { return nil }
        }
        guard reading.restoredBytes > 0 else { return (reading, nil) }
        let isWholeWord = !(before.map(DocumentWords.isWordCharacter) ?? false) && !(after.map(DocumentWords.isWordCharacter) ?? false)
        let beforeNumber = DocumentWords.isFollowedByNumber(line, after: bounds.upperBound)
        if isWholeWord, let word = words?.evidence(for: bytes, insertable: insertable, beforeNumber: beforeNumber, model: model) {
            let restored = Array(word.utf8).count - bytes.count
            let shown = MojibakeDecoder.Reading(
                scalars: word.unicodeScalars.map(\.value), isRecovered: Array(repeating: true, count: word.unicodeScalars.count), recovered: word.unicodeScalars.count, restoredBytes: restored,
                cost: reading.cost - 1)
            return (shown, nil)
        }
        return (reading, WordEvidence.Guess(reading: reading, bytes: bytes, insertable: insertable, rebuildFromLead: mayHaveDropped, line: line, bounds: bounds))
    }

    /// The line's reading with word evidence applied where it guessed dropped bytes: asked
    /// only of a chosen reading, since every code page with evidence reads each line and
    /// most of those readings are nonsense no word list holds. `koreanOnly`: the reading
    /// only feeds the document's words, which are Korean. `words`: the document's, whose
    /// undamaged ones settle a guess they begin.
    private func revised(_ result: LineResult, koreanOnly: Bool = false, words: DocumentWords) -> LineResult {
        guard !result.guesses.isEmpty else { return result }
        var revised = result
        revised.guesses = []
        for guess in result.guesses where !koreanOnly || guess.reading.scalars.contains(where: RepairLanguageModel.isHangulSyllable) {
            let reading = revisions.reading(for: guess) {
                var decoder = decoder
                decoder.rebuildFromLead = guess.rebuildFromLead
                let alternatives = decoder.alternatives(of: guess.reading, bytes: guess.bytes, insertable: guess.insertable)
                return WordEvidence.revise(guess.reading, alternatives: alternatives, before: guess.before, after: guess.after, shown: words)
            }
            for (offset, scalar) in reading.scalars.enumerated() { revised.characters[guess.start + offset].scalar = scalar }
            revised.hasUncertainGuess = revised.hasUncertainGuess || reading.hasUncertainGuess
        }
        return revised
    }
}
