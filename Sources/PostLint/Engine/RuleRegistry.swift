/// Every rule postlint ships, in the order `postlint rules` lists them. Each family of
/// rules keeps its own list beside its rules (`Rules/<Family>/<Family>Rules.swift`).
public enum RuleRegistry {
    public static let sourceRules: [any SourceRule] = EncodingRules.sourceRules

    public static let documentRules: [any Rule] =
        EncodingRules.documentRules + MDXRules.all + TypoRules.all
        + TranslationRules.all
        + GeneratorRules.all
        + SuppressionRules.all

    public static var descriptions: [RuleDescription] {
        sourceRules.map { type(of: $0).description } + documentRules.map { type(of: $0).description }
    }

    public static let ids: Set<String> = Set(descriptions.map(\.id))

    public static func description(of id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }
}
