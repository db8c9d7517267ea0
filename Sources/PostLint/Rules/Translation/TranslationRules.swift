/// The rules about translations that did not happen.
enum TranslationRules {
    static let all: [any Rule] = [
        UntranslatedRule(),
    ]
}
