import ArgumentParser
import PostLint

@main
struct PostLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postlint",
        abstract: "Finds and repairs what generators and translation pipelines break in blog posts.",
        discussion: """
            Lints Markdown (.md, .markdown), MDX (.mdx) and text (.txt) posts: mojibake and \
            encodings, duplicate and undefined MDX image imports, and more. \
            Run `postlint rules` to list the rules and `postlint explain RULE` for one.
            """,
        version: PostLintVersion.current,
        subcommands: [LintCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: LintCommand.self)
}

enum PostLintVersion {
    static let current = "0.1.0"
}

/// Exit codes shared by every subcommand.
enum Exit {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let failure = ExitCode(2)
}
