import ArgumentParser
import Foundation
import PostLint

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented .postlint.yml listing every rule and its default.")

    @Flag(help: "Overwrite an existing .postlint.yml.")
    var force = false

    @Option(help: "Where to write it.")
    var output: String = Configuration.fileName

    func run() throws {
        if FileManager.default.fileExists(atPath: output), !force {
            Console.error("error: \(output) exists; use --force to overwrite it")
            throw Exit.failure
        }
        do {
            try Data(Self.template().utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            // NSError's description is a dump of its user info; say it as a person would.
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            Console.error("error: cannot write \(output): \(reason)")
            throw Exit.failure
        }
        print("wrote \(output)")
    }

    static func template() -> String {
        var text = """
            # postlint configuration. Every key is checked: a typo is an error with its line.
            # Docs: `postlint rules`, `postlint explain RULE`, and the README.

            # Which files a folder walk lints (globs relative to this file's folder).
            include: [\(Configuration.defaultInclude.map { "\"\($0)\"" }.joined(separator: ", "))]
            exclude: []
            # Files read as MDX whatever their extension. Docusaurus 3 compiles .md as MDX
            # too (unless its markdown.format is 'detect' or 'md'): then list them, e.g.
            # mdx: ["blog/**/*.md", "docs/**/*.md"]

            # Each rule: off | on | error | warning | info, or a mapping with severity and options.
            rules:

            """
        for rule in RuleRegistry.descriptions {
            // The label `postlint rules` prints (safe, unsafe or safe/unsafe), so the
            // template cannot disagree with it.
            let fix = rule.isFixable ? "\(rule.fixLabel) fix" : "no fix"
            text += "  # \(rule.summary) (\(fix))\n"
            text += "  \(rule.id): \(rule.severity.rawValue)\n"
        }
        text += """

            # Different settings for some files:
            # overrides:
            #   - files: ["i18n/**"]
            #     rules:
            #       unused-import: off

            """
        return text
    }
}
