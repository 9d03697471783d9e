#!/usr/bin/env bash
# Set up argmap, then validate, summarise, draw (SVG, PNG, interactive HTML) and analyse the article's map.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
argmap=.venv/bin/argmap
map=graphs/ukraine-us-alliance.yaml
article=../shared/seeds/000_04bb03cded9d63f7.txt
mkdir -p out

if [ -f "$article" ]; then
  "$argmap" validate "$map" --source "$article"
else
  echo "(the article is not beside the project: checking the map without its source)"
  "$argmap" validate "$map"
fi
"$argmap" show "$map"
"$argmap" render "$map" -o out/ukraine-us-alliance.svg
"$argmap" render "$map" -o out/ukraine-us-alliance.png
"$argmap" render "$map" -o out/ukraine-us-alliance.html --highlight counterarguments \
  $( [ -f "$article" ] && echo --source "$article" )
"$argmap" analyze "$map" --details
