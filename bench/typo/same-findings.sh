#!/bin/sh
# Whether two postlint binaries report the same typo findings on a folder: run it before
# and after a speed change (the change must not change what the rule finds).
# Usage: bench/typo/same-findings.sh OLD_BINARY NEW_BINARY [FOLDER]   (default ../shared/corpus)
set -eu
old="$1"; new="$2"; folder="${3:-../shared/corpus}"
"$old" lint --no-cache --select typo --exit-zero "$folder" | sort > /tmp/postlint-typo-old.$$
"$new" lint --no-cache --select typo --exit-zero "$folder" | sort > /tmp/postlint-typo-new.$$
if diff /tmp/postlint-typo-old.$$ /tmp/postlint-typo-new.$$; then
    echo "same findings ($(grep -c 'typo\]' /tmp/postlint-typo-new.$$))"; status=0
else
    echo "findings differ"; status=1
fi
rm -f /tmp/postlint-typo-old.$$ /tmp/postlint-typo-new.$$
exit $status
