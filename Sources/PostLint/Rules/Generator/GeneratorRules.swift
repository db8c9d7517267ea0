/// The rules about what content generators leave behind: placeholders, LaTeX, wrapped
/// titles and broken front matter.
enum GeneratorRules {
    static let all: [any Rule] = [
        PlaceholderRule(),
        WrappedTitleRule(),
        LatexResidueRule(),
        FrontMatterRule(),
    ]
}
