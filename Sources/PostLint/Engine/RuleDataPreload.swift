import Dispatch

/// Loads, on another thread, the rule data every lint reads — the declarative rules'
/// definitions, the typo rule's word lists, the translation rule's languages — while the
/// command line and the configuration are read: in a one-post run (a commit hook) those
/// take a few milliseconds that the loading need not wait for. Each value is a
/// `static let`, so a thread that needs one first waits for it, none is loaded twice, and
/// no finding depends on which thread loaded it.
public final class RuleDataPreload: @unchecked Sendable {
    private let group = DispatchGroup()

    public init() {
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            _ = RuleRegistry.ids
            _ = TypoLexicon.shipped
            _ = UntranslatedRule.data
            _ = EnglishSpellCache.shared
        }
    }

    /// Waits for the loading to end: called before the process exits, which a run that
    /// needed none of it (`--select`, a usage error) may do first.
    public func wait() { group.wait() }
}
