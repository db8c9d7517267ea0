extension Linter {
    /// Diagnostics of the rules users wrote in the rule language (`rule-folders` in
    /// `.postlint.yml`), with the same selection and settings as built-in rules.
    func check(userRules: [DeclarativeRule], _ document: Document, settings: [String: RuleSetting], context: RuleContext) -> [Diagnostic] {
        userRules.flatMap { rule -> [Diagnostic] in
            guard runs(rule.id, settings: settings), let setting = settings[rule.id] else { return [] }
            let ruleContext = context.with(severity: setting.severity, options: setting.options)
            return timed(rule.id) { rule.check(document, context: ruleContext) }
        }
    }
}
