/// The rules about bytes, encodings and invisible or broken characters.
enum EncodingRules {
    static let sourceRules: [any SourceRule] = [
        InvalidEncodingRule()
    ]
    static let documentRules: [any Rule] = [
        MojibakeRule(),
        ReplacementCharacterRule(),
        UnicodeNormalizationRule(),
        InvisibleCharacterRule(),
    ]
}
