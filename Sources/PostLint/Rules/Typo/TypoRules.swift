/// The rules about misspelled words.
enum TypoRules {
    static let all: [any Rule] = [
        TypoRule()
    ]
}
