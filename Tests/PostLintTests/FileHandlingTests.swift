import CXattr
import Foundation
import XCTest

/// End-to-end tests of how `lint` finds, reads and writes files: FIFOs, symbolic links,
/// hard links, owners and extended attributes, git's ignore rules, `--changed`.
final class FileHandlingTests: CommandTestCase {
    static let typo = "I recieve mail.\n"
    static let fixedTypo = "I receive mail.\n"

    func makeFolders(_ names: String...) throws {
        for name in names {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
    }

    func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: destination)
    }

    /// Makes a FIFO and, should a run block on opening it, unblocks the run after a few
    /// seconds by opening its other end, so a hang fails the test instead of stalling it.
    func makeFIFO(_ name: String) throws -> FIFOWatchdog {
        let path = folder.appendingPathComponent(name).path
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        return FIFOWatchdog(path: path)
    }

    func testAFolderWalkSkipsAFIFO() throws {
        try makeFolders("f")
        try write("f/a.md", Self.typo)
        let watchdog = try makeFIFO("f/p.md")
        defer { watchdog.stop() }
        let started = Date()
        let result = try run(["lint", "f"])
        XCTAssertLessThan(Date().timeIntervalSince(started), FIFOWatchdog.grace, "the run waited on the FIFO")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("in 1 file"), result.stdout)
        XCTAssertFalse(result.stdout.contains("p.md") || result.stderr.contains("p.md"), result.stdout + result.stderr)
    }

    func testANamedFIFOIsReportedWithoutBeingRead() throws {
        try write("a.md", Self.typo)
        let watchdog = try makeFIFO("p.md")
        defer { watchdog.stop() }
        let started = Date()
        let result = try run(["lint", "p.md", "a.md"])
        XCTAssertLessThan(Date().timeIntervalSince(started), FIFOWatchdog.grace, "the run waited on the FIFO")
        XCTAssertEqual(result.status, 2, "a named file that cannot be linted is an I/O failure")
        XCTAssertTrue(result.stderr.contains("p.md: error: cannot read the file: not a regular file"), result.stderr)
        XCTAssertTrue(result.stdout.contains("'recieve'"), "the other file is still linted: \(result.stdout)")
    }

    /// `sl/posts/alias.md` -> `a.md` (inside `posts/`), `sl/posts/out.md` -> `../secret.md` (outside).
    func makeLinkedPosts() throws {
        try makeFolders("sl/posts", "sl/elsewhere")
        try write("sl/posts/a.md", Self.typo)
        try write("sl/secret.md", Self.typo)
        try link("sl/posts/alias.md", to: "a.md")
        try link("sl/posts/out.md", to: "../secret.md")
    }

    func testLinksAreWrittenThroughOnlyInsideTheFoldersGiven() throws {
        try makeLinkedPosts()
        let fromElsewhere = try run(["lint", "--fix", "../posts"], in: folder.appendingPathComponent("sl/elsewhere"))
        XCTAssertFalse(fromElsewhere.stderr.contains("alias.md"), "a link inside the folder given is no stranger: \(fromElsewhere.stderr)")
        XCTAssertTrue(fromElsewhere.stderr.contains("out.md: error: not written: it is a symbolic link"), fromElsewhere.stderr)
        XCTAssertEqual(try read("sl/posts/a.md"), Self.fixedTypo)

        let fromParent = try run(["lint", "--fix", "posts"], in: folder.appendingPathComponent("sl"))
        XCTAssertEqual(fromParent.status, 2, fromParent.stdout + fromParent.stderr)
        XCTAssertTrue(fromParent.stderr.contains("posts/out.md: error: not written: it is a symbolic link"), fromParent.stderr)
        XCTAssertEqual(try read("sl/secret.md"), Self.typo, "a file outside `posts/` is not rewritten")

        let named = try run(["lint", "--fix", "posts/out.md", "secret.md"], in: folder.appendingPathComponent("sl"))
        XCTAssertEqual(named.status, 0, "a link to a file named too may be written through: \(named.stderr)")
        XCTAssertEqual(try read("sl/secret.md"), Self.fixedTypo)
    }

    /// A link in `posts/` to a file the walk leaves out (in `node_modules/`, excluded, or
    /// ignored by git) is skipped with a note: `--fix` would write there through it.
    func testALinkToAFileTheWalkLeavesOutIsSkipped() throws {
        try git(["init", "-q"])
        try makeFolders("posts", "node_modules/pkg", "drafts", "_site")
        try write(".postlint.yml", "exclude: [\"drafts/**\"]\n")
        try write(".gitignore", "_site/\n")
        for (target, name) in [("node_modules/pkg/README.md", "pkg"), ("drafts/d.md", "d"), ("_site/out.md", "out")] {
            try write(target, Self.typo)
            try link("posts/\(name).md", to: "../" + target)
        }
        try write("posts/real.md", Self.typo)
        try link("posts/alias.md", to: "real.md")
        let fixed = try run(["lint", "--fix"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        for target in ["node_modules/pkg/README.md", "drafts/d.md", "_site/out.md"] { XCTAssertEqual(try read(target), Self.typo, target) }
        XCTAssertEqual(try read("posts/real.md"), Self.fixedTypo)
        XCTAssertTrue(fixed.stderr.contains("posts/pkg.md: skipped: a symbolic link to '../node_modules/pkg/README.md', which a walk leaves out"), fixed.stderr)
    }

    /// Removing a repeated last import leaves the line ending before it last: a file that
    /// ended without one (LF or CRLF) still does.
    func testAFileWithoutAFinalNewlineStillHasNoneAfterAFix() throws {
        for newline in ["\n", "\r\n"] {
            let original = "import a from './a.png';\(newline)import a from './a.png';"
            try write("post.mdx", original)
            let fixed = try run(["lint", "--fix", "post.mdx"])
            XCTAssertTrue(fixed.stdout.contains("fixed[duplicate-import]"), fixed.stdout + fixed.stderr)
            XCTAssertEqual(try read("post.mdx"), "import a from './a.png';", newline.debugDescription)
        }
    }

    func testALinkAndItsTargetAreLintedAndFixedOnce() throws {
        try makeLinkedPosts()
        try link("sl/posts/second-alias.md", to: "a.md")
        let report = try run(["lint", "sl/posts/a.md", "sl/posts/alias.md", "sl/posts/second-alias.md"])
        XCTAssertEqual(report.stdout.components(separatedBy: "'recieve'").count - 1, 1, report.stdout)
        XCTAssertTrue(report.stdout.contains("in 1 file"), report.stdout)
        let fixed = try run(["lint", "--fix", "sl/posts"])
        XCTAssertFalse(fixed.stderr.contains("changed on disk"), fixed.stderr)
        XCTAssertEqual(fixed.stdout.components(separatedBy: "fixed[typo]").count - 1, 1, fixed.stdout)
        XCTAssertEqual(try read("sl/posts/a.md"), Self.fixedTypo)
    }

    func testFixKeepsTheOwnerGroupAndExtendedAttributes() throws {
        try write("a.md", Self.typo)
        let path = folder.appendingPathComponent("a.md").path
        let hasAttribute = setxattr(path, "user.postlint-test", "kept", 4, 0) == 0
        if getuid() == 0 { XCTAssertEqual(chown(path, 65534, 65534), 0) }
        guard getuid() == 0 || hasAttribute else { throw XCTSkip("needs root or a file system with user attributes") }
        let result = try run(["lint", "--fix", "a.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try read("a.md"), Self.fixedTypo)
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        if getuid() == 0 {
            XCTAssertEqual([status.st_uid, status.st_gid], [65534, 65534], "root's fix does not hand the file to root")
        }
        if hasAttribute {
            var value = [UInt8](repeating: 0, count: 16)
            let count = getxattr(path, "user.postlint-test", &value, value.count)
            XCTAssertEqual(String(decoding: value.prefix(max(count, 0)), as: UTF8.self), "kept")
        }
    }

    /// A folder's default access list is inherited by the file written in a post's place;
    /// the post had none, so the new file must not either (it would let others read it).
    func testFixDoesNotGiveThePostTheFoldersDefaultAccessList() throws {
        try makeFolders("shared")
        try write("shared/a.md", Self.typo)
        let path = folder.appendingPathComponent("shared/a.md").path
        XCTAssertEqual(chmod(path, 0o640), 0)
        // user::rw-, user:65534:rw-, group::r--, mask::rw-, other::--- (version 2, little-endian).
        let entries: [(UInt16, UInt16, UInt32)] = [(1, 6, .max), (2, 6, 65534), (4, 4, .max), (0x10, 6, .max), (0x20, 0, .max)]
        var acl: [UInt8] = [2, 0, 0, 0]
        for (tag, permissions, id) in entries {
            acl += withUnsafeBytes(of: tag.littleEndian, Array.init) + withUnsafeBytes(of: permissions.littleEndian, Array.init)
                + withUnsafeBytes(of: id.littleEndian, Array.init)
        }
        let folderPath = folder.appendingPathComponent("shared").path
        guard setxattr(folderPath, "system.posix_acl_default", acl, acl.count, 0) == 0 else {
            throw XCTSkip("the file system has no access lists")
        }
        let result = try run(["lint", "--fix", "shared/a.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try read("shared/a.md"), Self.fixedTypo)
        XCTAssertLessThan(getxattr(path, "system.posix_acl_access", nil, 0), 0, "the new file inherited the folder's access list")
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o640)
    }

    /// A folder its owner made read-only keeps its files as they are, even for root (whose
    /// rename would succeed).
    func testFixLeavesAFileInAReadOnlyFolderAlone() throws {
        try makeFolders("locked")
        try write("locked/a.md", Self.typo)
        let locked = folder.appendingPathComponent("locked").path
        XCTAssertEqual(chmod(locked, 0o555), 0)
        defer { chmod(locked, 0o755) }
        let result = try run(["lint", "--fix", "locked/a.md"])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("not written: "), result.stderr)
        XCTAssertEqual(try read("locked/a.md"), Self.typo)
    }

    func testFixLeavesAFileWithHardLinksAlone() throws {
        try write("a.md", Self.typo)
        XCTAssertEqual(Glibc.link(folder.appendingPathComponent("a.md").path, folder.appendingPathComponent("other-name.md").path), 0)
        let result = try run(["lint", "--fix", "a.md"])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("a.md: error: not written: the file has 2 hard links; fixing would split them"), result.stderr)
        XCTAssertEqual(try read("a.md"), Self.typo)
        XCTAssertEqual(try read("other-name.md"), Self.typo)
    }

    func commitEverything() throws {
        try git(["add", "."])
        try git(["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "commit"])
    }

    func testChangedTakesAbsolutePathsAndPathsOutsideTheWorkingFolder() throws {
        try write("old.md", Self.typo)
        try git(["init", "-q"])
        try commitEverything()
        try makeFolders("posts")
        try write("posts/p.md", Self.typo)
        let absolute = try run(["lint", "--changed", folder.appendingPathComponent("posts").path])
        XCTAssertTrue(absolute.stdout.contains("posts/p.md:1:3"), absolute.stdout + absolute.stderr)
        let fromInside = try run(["lint", "--changed", ".."], in: folder.appendingPathComponent("posts"))
        XCTAssertTrue(fromInside.stdout.contains("../posts/p.md:1:3"), fromInside.stdout + fromInside.stderr)
        XCTAssertFalse(fromInside.stdout.contains("old.md"), fromInside.stdout)

        try commitEverything()
        let nothing = try run(["lint", "--changed", "posts"])
        XCTAssertEqual(nothing.status, 0)
        XCTAssertTrue(nothing.stderr.contains("note: no post in posts changed against HEAD; nothing to lint"), nothing.stderr)
    }

    func testChangedWithoutAnyCommitTakesStagedAndUntrackedPosts() throws {
        try git(["init", "-q"])
        try write(".gitignore", "ignored.md\n")
        try write("staged.md", Self.typo)
        try write("untracked.md", Self.typo)
        try write("ignored.md", Self.typo)
        try git(["add", "staged.md"])
        let result = try run(["lint", "--changed"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("staged.md:1:3") && result.stdout.contains("untracked.md:1:3"), result.stdout)
        XCTAssertFalse(result.stdout.contains("ignored.md"), result.stdout)
    }

    func testFolderWalksSkipWhatGitIgnoresButNamedFilesAreLinted() throws {
        try git(["init", "-q"])
        try makeFolders("vendor/bundle/gems/x", "_site", "posts")
        try write(".gitignore", "vendor/\n_site/\n")
        for name in ["vendor/bundle/gems/x/README.md", "_site/a.md", "posts/p.md"] { try write(name, Self.typo) }
        let walked = try run(["lint", "--fix"])
        XCTAssertTrue(walked.stdout.contains("posts/p.md"), walked.stdout)
        XCTAssertFalse(walked.stdout.contains("vendor/") || walked.stdout.contains("_site/"), walked.stdout)
        XCTAssertEqual(try read("_site/a.md"), Self.typo, "build output is left alone")

        let named = try run(["lint", "_site/a.md"])
        XCTAssertTrue(named.stdout.contains("_site/a.md:1:3"), named.stdout)
        let everything = try run(["lint", "--no-ignore", "."])
        XCTAssertTrue(everything.stdout.contains("vendor/bundle/gems/x/README.md"), everything.stdout)
    }

    /// A site's repository with a theme's repository inside it (a submodule or a clone)
    /// whose `.gitignore` lists `public/` (and `ignoring`), a typo in `public/p.md`.
    func makeSiteWithTheme(_ theme: String, ignoring: String = "") throws {
        try git(["init", "-q"])
        try makeFolders(theme + "/public")
        try git(["init", "-q", theme])
        try write(theme + "/.gitignore", "public/\n" + ignoring)
        try write(theme + "/public/p.md", Self.typo)
    }

    /// A Hugo theme checked out inside the site (a submodule or a clone): git lists the
    /// site's ignores only, the theme's `.gitignore` rules what lies below the theme.
    func testARepositoryInsideTheWalkedOneHasItsIgnoresRespected() throws {
        try makeSiteWithTheme("themes/theme")
        try makeFolders("themes/theme/content", "posts")
        for name in ["themes/theme/content/a.md", "posts/p.md"] { try write(name, Self.typo) }
        let walked = try run(["lint", "--fix"])
        XCTAssertEqual(walked.status, 0, walked.stderr)
        XCTAssertTrue(walked.stdout.contains("posts/p.md") && walked.stdout.contains("themes/theme/content/a.md"), walked.stdout)
        XCTAssertFalse(walked.stdout.contains("public/"), walked.stdout)
        XCTAssertEqual(try read("themes/theme/public/p.md"), Self.typo, "the theme's build output is left alone")
        let inside = try run(["lint", "themes"])
        XCTAssertFalse(inside.stdout.contains("public/"), inside.stdout)
        let everything = try run(["lint", "--no-ignore", "."])
        XCTAssertTrue(everything.stdout.contains("themes/theme/public/p.md"), everything.stdout)
    }

    /// A theme git cannot list (another owner's, as submodules are in many CI containers):
    /// the site's own ignores still hold; `--fix` leaves the theme alone and says so rather
    /// than stopping; a plain run lints all of it, saying so. A `.git` file that is no
    /// repository's is no repository.
    func testARepositoryInsideGitCannotListIsLeftAloneByFixOnly() throws {
        try requireAnotherUser()
        try makeSiteWithTheme("themes/t", ignoring: "vendor/\n")
        try makeFolders("themes/t/vendor/clone", "_site", "posts", "odd")
        try git(["init", "-q", "themes/t/vendor/clone"])
        try write(".gitignore", "_site/\n")
        try write("odd/.git", "garbage\n")
        for name in ["themes/t/vendor/clone/c.md", "_site/s.md", "posts/p.md", "odd/o.md"] { try write(name, Self.typo) }
        // The theme is another owner's; the clone its `.gitignore` leaves out is not.
        let theme = folder.appendingPathComponent("themes/t").path
        for path in [theme] + (FileManager.default.subpaths(atPath: theme) ?? []).filter({ !$0.hasPrefix("vendor/clone") }).map({ theme + "/" + $0 }) {
            XCTAssertEqual(lchown(path, 65534, 65534), 0, path)
        }
        let linted = try run(["lint", "--no-cache", "."], environment: isolatedGit)
        XCTAssertTrue(linted.stdout.contains("themes/t/public/p.md") && !linted.stdout.contains("_site/"), linted.stdout)
        XCTAssertTrue(linted.stderr.contains("note: git could not list ignored files in themes/t"), linted.stderr)
        let overlapping = try run(["lint", "--no-cache", ".", "themes"], environment: isolatedGit)
        XCTAssertEqual(overlapping.stderr.components(separatedBy: "could not list ignored files in").count, 2, "said once: \(overlapping.stderr)")
        let fixed = try run(["lint", "--no-cache", "--fix", "."], environment: isolatedGit)
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertTrue(fixed.stderr.contains("themes/t: skipped: git could not list what this repository ignores"), fixed.stderr)
        XCTAssertEqual(try read("posts/p.md"), Self.fixedTypo)
        XCTAssertEqual(try read("odd/o.md"), Self.fixedTypo)
        XCTAssertEqual(try read("themes/t/public/p.md"), Self.typo)
        XCTAssertEqual(try read("themes/t/vendor/clone/c.md"), Self.typo, "below a repository git cannot list, nothing is written")
        XCTAssertEqual(try read("_site/s.md"), Self.typo)
    }

    /// A link to a file a theme's own `.gitignore` leaves out is not written through.
    func testALinkIntoARepositoryInsidesIgnoredFolderIsSkippedByFix() throws {
        try makeSiteWithTheme("themes/t")
        try makeFolders("posts")
        try link("posts/link.md", to: "../themes/t/public/p.md")
        let fixed = try run(["lint", "--no-cache", "--fix", "."])
        XCTAssertTrue(fixed.stderr.contains("posts/link.md: skipped: a symbolic link"), fixed.stderr)
        XCTAssertEqual(try read("themes/t/public/p.md"), Self.typo)
    }

    /// `posts/00-latest.md` -> `real.md`, both committed; then `real.md` gets a typo.
    func testChangedLintsAnEditedPostWhoseLinkSortsFirstUnderItsOwnName() throws {
        try git(["init", "-q"])
        try makeFolders("posts")
        try write("posts/real.md", "I receive mail.\n")
        try link("posts/00-latest.md", to: "real.md")
        try commitEverything()
        try write("posts/real.md", Self.typo)
        let changed = try run(["lint", "--changed"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        XCTAssertTrue(changed.stdout.contains("posts/real.md:1:3"), changed.stdout + changed.stderr)
        let walked = try run(["lint", "posts"])
        XCTAssertTrue(walked.stdout.contains("posts/real.md:1:3"), "a baseline names the file, not the link: \(walked.stdout)")
        XCTAssertFalse(walked.stdout.contains("00-latest.md"), walked.stdout)
    }

    func testChangedTakesAFolderReachedThroughALink() throws {
        try makeFolders("repo")
        try link("repo-link", to: folder.appendingPathComponent("repo").path)
        try git(["init", "-q", "repo"])
        try write("repo/old.md", Self.typo)
        try git(["-C", "repo", "add", "."])
        try git(["-C", "repo", "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "commit"])
        try makeFolders("repo/posts")
        try write("repo/posts/p.md", Self.typo)
        let result = try run(["lint", "--changed", folder.appendingPathComponent("repo-link/posts").path])
        XCTAssertTrue(result.stdout.contains("repo-link/posts/p.md:1:3"), result.stdout + result.stderr)
    }

    /// `_drafts/` is ignored as a whole, `*.bak.md` everywhere.
    func makeIgnoredDrafts() throws {
        try git(["init", "-q"])
        try makeFolders("_drafts/deep", "posts")
        try write(".gitignore", "_drafts/\n*.bak.md\n")
        for name in ["_drafts/a.md", "_drafts/old.bak.md", "_drafts/deep/c.md", "posts/p.md", "posts/q.bak.md"] {
            try write(name, Self.typo)
        }
    }

    func testAFolderNamedOnTheCommandLineIsLintedThoughGitIgnoresIt() throws {
        try makeIgnoredDrafts()
        let named = try run(["lint", "_drafts"])
        XCTAssertTrue(named.stdout.contains("_drafts/a.md:1:3") && named.stdout.contains("_drafts/deep/c.md:1:3"), named.stdout + named.stderr)
        XCTAssertFalse(named.stdout.contains("old.bak.md"), "rules for what is below the folder still apply: \(named.stdout)")
        let inside = try run(["lint"], in: folder.appendingPathComponent("_drafts"))
        XCTAssertTrue(inside.stdout.contains("a.md:1:3") && !inside.stdout.contains("old.bak.md"), inside.stdout + inside.stderr)
        let deeper = try run(["lint"], in: folder.appendingPathComponent("_drafts/deep"))
        XCTAssertTrue(deeper.stdout.contains("c.md:1:3"), deeper.stdout + deeper.stderr)
        let top = try run(["lint"])
        XCTAssertTrue(top.stdout.contains("posts/p.md:1:3"), top.stdout)
        XCTAssertFalse(top.stdout.contains("_drafts") || top.stdout.contains("q.bak.md"), top.stdout)
    }

    /// Hands the test's folder to `nobody`, so git run by root calls the repository dubious
    /// and postlint run as `nobody` can read it; skips unless root with setpriv.
    func giveFolderToNobody() throws {
        try requireAnotherUser()
        let paths = [folder.path] + (FileManager.default.subpaths(atPath: folder.path) ?? []).map { folder.appendingPathComponent($0).path }
        for path in paths { XCTAssertEqual(lchown(path, 65534, 65534), 0, path) }
    }

    /// Git's own configuration files, not the machine's, which may trust every repository.
    var isolatedGit: [String: String] { ["HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": folder.path] }

    func testAnIgnoredFolderIsNotEnteredSoAnUnreadableFolderInsideItIsNoFailure() throws {
        try git(["init", "-q"])
        try makeFolders("_site/sub", "posts")
        try write(".gitignore", "_site/\n")
        try write("_site/sub/a.md", Self.typo)
        try write("posts/p.md", Self.typo)
        try giveFolderToNobody()
        let locked = folder.appendingPathComponent("_site/sub").path
        XCTAssertEqual(chown(locked, 0, 0), 0)
        XCTAssertEqual(chmod(locked, 0o700), 0)
        let result = try run(["lint", "--no-cache", "."], environment: isolatedGit, user: 65534)
        XCTAssertEqual(result.status, 0, "a typo is a warning: \(result.stdout + result.stderr)")
        XCTAssertTrue(result.stdout.contains("posts/p.md:1:3"), result.stdout)
        XCTAssertFalse(result.stderr.contains("cannot read") || result.stderr.contains("note:"), result.stderr)
    }

    func testWhenGitFailsInsideAWorkTreeANoteSaysEveryFileIsLinted() throws {
        try makeIgnoredDrafts()
        try giveFolderToNobody()
        let result = try run(["lint", ".", "posts"], environment: isolatedGit)
        XCTAssertTrue(result.stdout.contains("_drafts/a.md:1:3"), result.stdout)
        let note = "note: git could not list ignored files (fatal: detected dubious ownership in repository"
        XCTAssertEqual(result.stderr.components(separatedBy: note).count - 1, 1, "one note a run: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("linting every file; add --no-ignore to silence this"), result.stderr)
        let silenced = try run(["lint", "--no-ignore", "."], environment: isolatedGit)
        XCTAssertFalse(silenced.stderr.contains("note:"), silenced.stderr)
    }

    /// An empty `.git` folder (or a submodule's `.git` file whose repository was not copied)
    /// is no repository: nothing is ignored, and `--fix` over the folder goes on.
    func testAnEmptyGitFolderIsNoRepository() throws {
        try makeFolders(".git")
        try write("p.md", Self.typo)
        let fixed = try run(["lint", "--fix", "."])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertEqual(try read("p.md"), Self.fixedTypo)
    }

    /// Without git's word on what it ignores, `--fix` over a folder would write ignored
    /// files (a vendored theme, a build's output): it stops and says how to go on; named
    /// posts are still fixed.
    func testWhenGitFailsFixDoesNotWalkFolders() throws {
        try makeIgnoredDrafts()
        try giveFolderToNobody()
        let walked = try run(["lint", "--fix", "."], environment: isolatedGit)
        XCTAssertEqual(walked.status, 2, walked.stdout + walked.stderr)
        XCTAssertTrue(walked.stderr.contains("so --fix could write files git ignores"), walked.stderr)
        XCTAssertEqual(try read("_drafts/a.md"), Self.typo)
        let named = try run(["lint", "--fix", "posts/p.md"], environment: isolatedGit)
        XCTAssertEqual(named.status, 0, named.stdout + named.stderr)
        XCTAssertEqual(try read("posts/p.md"), Self.fixedTypo)
        let everything = try run(["lint", "--fix", "--no-ignore", "."], environment: isolatedGit)
        XCTAssertEqual(everything.status, 0, everything.stdout + everything.stderr)
        XCTAssertEqual(try read("_drafts/a.md"), Self.fixedTypo)
    }

    func testAHooksRelativeGitDirDoesNotTurnIgnoreRulesOff() throws {
        try makeIgnoredDrafts()
        let result = try run(["lint", "posts"], environment: ["GIT_DIR": ".git", "GIT_WORK_TREE": "."])
        XCTAssertTrue(result.stdout.contains("posts/p.md:1:3"), result.stdout + result.stderr)
        XCTAssertFalse(result.stdout.contains("q.bak.md"), result.stdout)
        XCTAssertFalse(result.stderr.contains("note:"), result.stderr)
    }

    func testForceExcludeLeavesAnExcludedStandardInputAlone() throws {
        try write(".postlint.yml", "exclude:\n  - \"docs/drafts/**\"\n")
        let excluded = ["--force-exclude", "--stdin-filename", "docs/drafts/d.md", "-"]
        let report = try run(["lint"] + excluded, stdin: Self.typo)
        XCTAssertEqual(report.status, 0)
        XCTAssertEqual(report.stdout, "")
        let fixed = try run(["lint", "--fix"] + excluded, stdin: Self.typo)
        XCTAssertEqual(fixed.stdout, Self.typo, "the text comes back unchanged")
        let included = try run(["lint", "--fix", "--force-exclude", "--stdin-filename", "docs/d.md", "-"], stdin: Self.typo)
        XCTAssertEqual(included.stdout, Self.fixedTypo)
    }
}

/// Opens a FIFO's writing end now and then once `grace` has passed, until stopped: a
/// reader blocked on opening it gets an empty file instead of waiting forever.
final class FIFOWatchdog: @unchecked Sendable {
    static let grace: TimeInterval = 8
    private let lock = NSLock()
    private var stopped = false

    init(path: String) {
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.grace) { [self] in
            while !isStopped {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 { close(descriptor) }
                usleep(50_000)
            }
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}
