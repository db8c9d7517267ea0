/// The rules about MDX imports and the images they bind.
enum MDXRules {
    static let all: [any Rule] = [
        DuplicateImportRule(),
        UndefinedIdentifierRule(),
        UnusedImportRule(),
        MissingAssetRule(),
    ]
}
