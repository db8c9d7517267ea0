extension StringProtocol where SubSequence == Substring {
    /// The text without the spaces and tabs at either end (what `CharacterSet.whitespaces`
    /// holds: tab and the Unicode space separators), checked scalar by scalar and without
    /// a copy: Foundation's `trimmingCharacters` bridges and copies, and took most of the
    /// time of loading the shipped word lists, which every one-post run does.
    var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return self[endIndex...] }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return self[first...last]
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
    }
}
