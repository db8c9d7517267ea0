/// LaTeX left in Markdown prose. The whole rule is written in the rule language:
/// `Rules/generator/latex-residue.yml` holds its patterns, fixes and examples.
public struct LatexResidueRule: Rule {
    static let definition = DeclarativeRuleLoader.builtIn("generator/latex-residue.yml")

    public static var description: RuleDescription { definition.description }

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        Self.definition.check(document, context: context)
    }
}
