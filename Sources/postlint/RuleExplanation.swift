import PostLint

/// The text of `postlint explain`, built from the rule's description.
enum RuleExplanation {
    static func text(for rule: RuleDescription) -> String {
        var text = "\(rule.id): \(rule.summary)\n\n"
        text += "Default severity: \(rule.severity.rawValue)\n"
        switch rule.fixSafety {
        case _ where rule.fixSafetyVaries && rule.fixSafety != nil:
            text += "Fix: safe where the rule is sure (applied by --fix), unsafe elsewhere (--fix --unsafe-fixes)\n"
        case .safe?: text += "Fix: safe (applied by --fix)\n"
        case .unsafe?: text += "Fix: unsafe (applied only with --fix --unsafe-fixes)\n"
        case nil: text += "Fix: none (report only)\n"
        }
        text += "\n\(rule.rationale)\n"
        if !rule.options.isEmpty {
            text += "\nOptions (in .postlint.yml: rules: {\(rule.id): {option: value or [values]}}):\n"
            text += rule.options.map { "    \($0.name): \($0.summary)\n" }.joined()
        }
        // Where the same text is flagged in one format and not in another (an import
        // repeated in MDX, not in Markdown), each example says which file it is.
        let examples = rule.triggering + rule.nonTriggering
        let named = Set(examples.map { $0.fileName.split(separator: ".").last ?? "" }).count > 1
        let show = { (example: Example) in (named ? "  \(example.fileName):\n" : "") + indent(example.text) }
        if !rule.triggering.isEmpty {
            text += "\nFlagged (↓ marks the spot):\n"
            text += rule.triggering.map(show).joined(separator: "\n")
        }
        if !rule.nonTriggering.isEmpty {
            text += "\nNot flagged:\n"
            text += rule.nonTriggering.map(show).joined(separator: "\n")
        }
        if !rule.corrections.isEmpty {
            text += "\nFixed:\n"
            for correction in rule.corrections {
                let becomes = correction.needsUnsafeFixes ? "  becomes, with --fix --unsafe-fixes\n" : "  becomes\n"
                text += indent(correction.input.text) + becomes + indent(correction.expected)
            }
        }
        return text
    }

    /// Characters a terminal would hide or act on (bidi controls reverse the line), shown
    /// by their code point: `⟨U+202E⟩`.
    static func visible(_ snippet: String) -> String {
        var text = ""
        for scalar in snippet.unicodeScalars {
            let value = scalar.value
            let hidden = (value < 0x20 && value != 0x0A && value != 0x09) || (0x7F...0x9F).contains(value)
                || (0x200B...0x200F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
                || value == 0xFEFF || value == 0x00AD
            text += hidden ? String(format: "⟨U+%04X⟩", value) : String(scalar)
        }
        return text
    }

    private static func indent(_ snippet: String) -> String {
        visible(snippet).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast(snippet.hasSuffix("\n") ? 1 : 0)
            .map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}
