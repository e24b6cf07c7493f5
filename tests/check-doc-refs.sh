#!/bin/sh
# SPDX-License-Identifier: MIT
# Every reference to a documentation section names a heading that exists: check-doc-refs.sh ROOT.
#
# A reference is README or docs/NAME.md followed by a quoted section name, as code comments,
# help texts and generated files write it: README "Exit codes", docs/robustness.md "Limits"
# (in C strings the quotes are escaped: README \"The profile file\"). It matches a heading of that
# file whose text, without backticks, is the name or starts with it followed by a space or
# punctuation ("Ties" matches "### Ties (`edges.csv`, required)"). A reference must sit on one
# line, so a C string split inside the name is reported too. Prints each broken reference and
# exits 1 if there is any (or none is found at all, which would mean the pattern broke).

if [ $# -ne 1 ]; then
    echo "usage: $0 REPO_ROOT" >&2
    exit 2
fi
cd "$1" || exit 2

files=$(find src include tools docs README.md -type f \( -name '*.c' -o -name '*.h' -o -name '*.md' \
    -o -name '*.py' -o -name '*.sh' \) | sort)

# Lines "FILE:LINE:DOC\tNAME" for each reference, or "FILE:LINE:DOC\t" for one cut short.
refs=$(awk '
    {
        line = $0
        while (match(line, /(README|docs\/[A-Za-z0-9_-]+\.md) \\?"/)) {
            doc = substr(line, RSTART, RLENGTH)
            sub(/ .*/, "", doc)
            rest = substr(line, RSTART + RLENGTH)
            if (match(rest, /^[^"\\]+\\?"/)) {
                name = substr(rest, 1, RLENGTH)
                sub(/\\?"$/, "", name)
                rest = substr(rest, RLENGTH + 1)
            } else {
                name = ""
            }
            printf "%s:%d:%s\t%s\n", FILENAME, FNR, doc, name
            line = rest
        }
    }' $files)

if [ -z "$refs" ]; then
    echo "check-doc-refs: no references found; the pattern is broken" >&2
    exit 1
fi

# Prints the headings of a Markdown file, without the #s and backticks.
headings() {
    sed -n 's/^#\{1,6\} \{1,\}//p' "$1" | tr -d '`'
}

bad=0
count=0
tab=$(printf '\t')
while IFS="$tab" read -r where name; do
    count=$((count + 1))
    doc=${where##*:}
    at=${where%:*}
    file=$doc
    [ "$doc" = README ] && file=README.md
    if [ -z "$name" ]; then
        echo "$at: a reference to $doc whose section name does not close on the same line"
        bad=1
    elif [ ! -f "$file" ]; then
        echo "$at: $doc \"$name\": there is no $file"
        bad=1
    elif ! headings "$file" | awk -v name="$name" '
            { rest = substr($0, length(name) + 1) }
            index($0, name) == 1 && (rest == "" || rest ~ /^[ (:,.;—-]/) { found = 1 }
            END { exit !found }'; then
        echo "$at: $doc \"$name\": no such heading in $file"
        bad=1
    fi
done <<EOF
$refs
EOF

echo "$count references checked"
exit $bad
