#!/bin/bash
# CPU seconds (user + sys) per thread name of one command, sampled from /proc every 0.2 s to its end:
#   bench/thread-cpu.sh OUT java -jar target/pair-studio.jar --db DB export …   (issue 24: which thread bounds a run)
out=$1; shift
"$@" > /dev/null 2>&1 &
pid=$!
declare -A last
while kill -0 $pid 2>/dev/null; do
  for t in /proc/$pid/task/*; do
    s=$(cat $t/stat 2>/dev/null) || continue
    name=$(echo "$s" | sed 's/^[0-9]* (\(.*\)) .*/\1/')
    rest=$(echo "$s" | sed 's/^.*) //')
    set -- $rest
    last["$(basename $t):$name"]=$(( ${12} + ${13} ))
  done
  sleep 0.2
done
wait $pid
for k in "${!last[@]}"; do echo "${last[$k]} ${k#*:}"; done | awk '{n=$1; $1=""; a[$0]+=n} END {for (k in a) printf "%7.2f %s\n", a[k]/100, k}' | sort -rn > $out
