import Dispatch
/// Runs the enabled rules over one file. Pure: it never touches the file system itself,
/// only through the `RuleContext` it is given.
public struct Linter: Sendable {
    /// Rule ids to run; nil runs every enabled rule.
    public var selected: Set<String>?
    public var ignored: Set<String> = []
    /// When set, each rule's CPU time is added to it (`lint --timings`).
    public var timings: RuleTimings?
    /// Whether a document's rules run in parallel: for runs of fewer files than cores (a
    /// commit hook's one post, standard input), where files alone leave cores idle.
    public var rulesInParallel = false

    public init(selected: Set<String>? = nil, ignored: Set<String> = []) {
        self.selected = selected
        self.ignored = ignored
    }

    func runs(_ id: String, settings: [String: RuleSetting]) -> Bool {
        guard settings[id]?.enabled ?? true, !ignored.contains(id) else { return false }
        return selected.map { $0.contains(id) } ?? true
    }

    /// Whether a rule that may run reads the run's vocabulary (so the Runner counts it).
    public var usesVocabulary: Bool {
        RuleRegistry.documentRules.contains { rule in
            let ruleType = type(of: rule)
            return ruleType.usesVocabulary && runs(ruleType.description.id, settings: [:])
        }
    }

    /// Findings of the rules that read raw bytes.
    public func checkSource(_ source: SourceFile, settings: [String: RuleSetting], context: RuleContext) -> [Finding] {
        RuleRegistry.sourceRules.flatMap { rule -> [Finding] in
            let id = type(of: rule).description.id
            guard runs(id, settings: settings), let setting = settings[id] else { return [] }
            let ruleContext = context.with(severity: setting.severity, options: setting.options)
            return timed(id) { rule.check(source, context: ruleContext) }.map { found in
                let diagnostic = Diagnostic(rule: id, severity: setting.severity, range: 0..<0, message: found.message, fix: found.fix)
                return Finding(path: source.path, start: found.position, end: found.position, diagnostic: diagnostic)
            }
        }
    }

    /// Diagnostics of the rules that read the decoded document, the built-in ones and the
    /// configuration's own (`userRules`), suppressions applied to both alike.
    public func check(
        _ document: Document, settings: [String: RuleSetting], context: RuleContext, userRules: [DeclarativeRule] = []
    ) -> [Diagnostic] {
        let found = runRules(document, settings: settings, context: context)
            + check(userRules: userRules, document, settings: settings, context: context)
        let (suppressions, kept, used) = timed(RuleTimings.Phase.suppressions) {
            let suppressions = Suppressions(document)
            let (kept, used) = suppressions.apply(to: found, in: document)
            return (suppressions, kept, used)
        }
        let unusedID = UnusedSuppressionRule.description.id
        guard runs(unusedID, settings: settings), let setting = settings[unusedID] else { return kept }
        let allRulesRan = selected == nil && ignored.isEmpty
        return kept + UnusedSuppressionRule.findings(
            suppressions, used: used, ran: { runs($0, settings: settings) },
            known: { RuleRegistry.ids.contains($0) || settings[$0] != nil }, allRulesRan: allRulesRan, severity: setting.severity)
    }

    private func runRules(_ document: Document, settings: [String: RuleSetting], context: RuleContext) -> [Diagnostic] {
        let rules = RuleRegistry.documentRules.filter { runs(type(of: $0).description.id, settings: settings) }
        let check: @Sendable (any Rule) -> [Diagnostic] = { rule in
            let id = type(of: rule).description.id
            guard let setting = settings[id] else { return [] }
            let ruleContext = context.with(severity: setting.severity, options: setting.options)
            return timed(id) { rule.check(document, context: ruleContext) }.map { diagnostic in
                var configured = diagnostic
                configured.severity = setting.severity
                return configured
            }
        }
        guard rulesInParallel, rules.count > 1 else { return rules.flatMap(check) }
        // Rules that read the run's vocabulary (the typo rule) take longest: started first.
        let order = rules.indices.sorted { type(of: rules[$0]).usesVocabulary && !type(of: rules[$1]).usesVocabulary }
        let results = ResultSlots<[Diagnostic]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { slot in results.set(order[slot], check(rules[order[slot]])) }
        return results.values.flatMap { $0 }
    }

    /// The work's result, its CPU time added to `name` when timing.
    func timed<Value>(_ name: String, clock: RuleTimings.Clock = .thread, _ work: () -> Value) -> Value {
        guard let timings else { return work() }
        return timings.measure(name, clock: clock, work)
    }
}
