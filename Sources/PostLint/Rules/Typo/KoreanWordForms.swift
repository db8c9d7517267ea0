import Foundation

/// How a Korean word is built and spelt, as the judge reads it: a stem and the particle or
/// ending after it, the derivational endings the dictionary does not list, and spellings
/// no standard word has.
extension KoreanTypoJudge {
    /// Spellings no standard word has, wherever they stand in a word: 됬 (되었 contracts
    /// to 됐: 됬어요, 됬는데, 안됬다) and the ending -ㄹ께요 (the future ending is -ㄹ게요:
    /// 연락할께요). The word as it should be, or nil.
    static func orthographicRepair(_ word: String) -> String? {
        var scalars = Array(word.unicodeScalars)
        var changed = false
        for index in scalars.indices where scalars[index] == "됬" {
            scalars[index] = "됐"
            changed = true
        }
        let count = scalars.count
        // 되 + 요 leaves out 어 (되어요, 돼요): 실행되요 is 실행돼요. Not 되 the measure
        // after a number (쌀 한되요).
        if count >= 3, scalars[count - 2] == "되", scalars[count - 1] == "요", Hangul.isSyllable(scalars[count - 3]),
            !(count == 3 && "한두세네몇서너".unicodeScalars.contains(scalars[0]))
        {
            scalars[count - 2] = "돼"
            changed = true
        }
        if count >= 3, scalars[count - 2] == "께", scalars[count - 1] == "요", Hangul.isSyllable(scalars[count - 3]),
            Hangul.parts(scalars[count - 3]).tail == Self.rieulTail, !Self.isHonorificPlural(scalars)
        {
            scalars[count - 2] = "게"
            changed = true
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : nil
    }

    /// After a noun, 들께요 is the plural and the honorific particle (어르신들께요); only
    /// verbs whose stem ends in 들 take -ㄹ게요 there (만들께요, 들께요 are slips).
    private static func isHonorificPlural(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 4, scalars[scalars.count - 3] == "들" else { return false }
        let text = String(String.UnicodeScalarView(scalars))
        return !verbsEndingInDeul.contains { text.hasSuffix($0 + "께요") }
    }

    /// Verb stems ending in 들 (만들다, 잠들다, 뛰어들다…).
    static let verbsEndingInDeul = [
        "만들", "흔들", "거들", "물들", "잠들", "떠들", "길들", "철들", "깃들", "뛰어들", "파고들", "스며들", "몰려들", "달려들", "끼어들",
        "받아들", "덤벼들", "날아들", "빠져들", "접어들", "기어들", "집어들", "치켜들", "쳐들", "모여들", "밀려들", "찾아들", "흘러들",
        "숨어들", "녹아들",
    ]

    /// ㄹ as a syllable's final consonant (the eighth of Hangul's 27 finals).
    private static let rieulTail: UInt32 = 8

    /// Nouns made with a derivational suffix (온전성, 중기적, 중단점) and 하다 verb forms
    /// (제곱한): the dictionary lists the root, not every word built on it.
    static let derivingEndings: [[UInt8]] = [
        "적", "성", "점", "화", "형", "력", "률", "율", "감", "한", "할", "함", "하는", "하여", "해", "하고", "하기", "하면",
        "하지", "했", "했다",
    ].map { Array($0.utf8) }

    /// 되다 forms, for roots the repository uses (파싱 → 파싱된): a dictionary noun does
    /// not take them all (`본류된` is a slip of `분류된`).
    static let passiveEndings: [[UInt8]] = ["된", "되는", "될", "됨", "되어", "돼", "됐다"].map { Array($0.utf8) }

    static func isDerived(_ stem: String, from known: SortedWordList) -> Bool {
        isDerived(stem) { known.contains($0) }
    }

    /// Whether the stem is a root `isRoot` accepts with a derivational ending (`푸시할`
    /// from `푸시`, a loanword the dictionary lacks and the repository uses).
    static func isDerived(_ stem: String, endings: [[UInt8]] = derivingEndings, isRoot: ([UInt8]) -> Bool) -> Bool {
        let bytes = Array(stem.utf8)
        for ending in endings where bytes.count >= ending.count + 6 {
            if bytes[(bytes.count - ending.count)...].elementsEqual(ending), isRoot(Array(bytes[..<(bytes.count - ending.count)])) {
                return true
            }
        }
        return false
    }

    /// The word itself, then each stem left when a particle or ending is cut off.
    static func splits(of word: String) -> [(stem: String, ending: String)] {
        var word = word
        return word.withUTF8 { buffer in
            stemLengths(of: buffer).map { length in
                (String(decoding: buffer[..<length], as: UTF8.self), String(decoding: buffer[length...], as: UTF8.self))
            }
        }
    }

    /// `splits` as the byte lengths of the stems, the whole word's first: the index of the
    /// run's stems splits every Korean word of the run without making a String of each.
    static func stemLengths(of buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result = [buffer.count]
        guard let last = buffer.last else { return result }
        // Only particles ending in the word's last byte.
        for particle in TypoLexicon.koreanParticlesByLastByte[Int(last)] where buffer.count > particle.count {
            if particle.withUnsafeBufferPointer({ memcmp(buffer.baseAddress! + buffer.count - $0.count, $0.baseAddress!, $0.count) }) == 0 {
                result.append(buffer.count - particle.count)
            }
        }
        return result
    }
}
