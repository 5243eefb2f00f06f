#!/bin/bash
set -euo pipefail
cat > /app/rotate.sh <<'SCRIPT'
#!/bin/bash
# Prune backups named <name>-<YYYYMMDD>-<HHMMSS>.tar.gz, keeping the <keep> newest per name.
set -u
export LC_ALL=C

usage() {
    echo "usage: rotate.sh [--dry-run] <directory> <keep>" >&2
    [ $# -gt 0 ] && echo "rotate.sh: $*" >&2
    exit 2
}

dry_run=0
if [ "${1-}" = "--dry-run" ]; then
    dry_run=1
    shift
fi
[ $# -eq 2 ] || usage "expected 2 arguments, got $#"
dir=$1
keep=$2
[ -d "$dir" ] || usage "not a directory: $dir"
[[ $keep =~ ^[0-9]+$ ]] || usage "keep must be a non-negative integer: $keep"
keep=$((10#$keep))

pattern='^([A-Za-z0-9_-]+)-([0-9]{8})-([0-9]{6})\.tar\.gz$'
candidates=""
for path in "$dir"/*; do
    file=${path##*/}
    [ -f "$path" ] && [ ! -L "$path" ] || continue
    [[ $file =~ $pattern ]] || continue
    candidates+="${BASH_REMATCH[1]}"$'\t'"${BASH_REMATCH[2]}${BASH_REMATCH[3]}"$'\t'"$file"$'\n'
done

doomed=$(printf '%s' "$candidates" \
    | sort -t $'\t' -k1,1 -k2,2r \
    | awk -F '\t' -v keep="$keep" 'NF == 3 && ++seen[$1] > keep { print $3 }' \
    | sort)

while IFS= read -r file; do
    [ -n "$file" ] || continue
    if [ "$dry_run" -eq 1 ]; then
        echo "would remove $file"
    else
        rm -f -- "$dir/$file" && echo "removed $file"
    fi
done <<< "$doomed"
exit 0
SCRIPT
chmod 755 /app/rotate.sh
